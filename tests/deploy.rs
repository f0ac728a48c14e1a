//! `shark deploy` against real OpenSSH servers: tests/infra/ssh-hosts.sh starts sshd hosts in
//! network namespaces (h1..h12) plus four failing hosts (refused, blackhole, stall, down).

mod common;

use common::Env;
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

struct SshHosts {
    dir: PathBuf,
    known_hosts: String,
    inventory: String,
    private_dir: String,
    /// `netns`, or `loopback` where network namespaces cannot be created (no blackhole/down host)
    mode: String,
    port: String,
}

/// The ssh hosts, started once per test run (idempotent, locked; shared by test binaries).
/// SHARK_TEST_SSH chooses the directory (default target/shark-ssh); stop them with
/// `tests/infra/ssh-hosts.sh down DIR`.
fn ssh() -> &'static SshHosts {
    static HOSTS: OnceLock<SshHosts> = OnceLock::new();
    HOSTS.get_or_init(|| {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let dir = std::env::var_os("SHARK_TEST_SSH")
            .map(PathBuf::from)
            .unwrap_or_else(|| root.join("target/shark-ssh"));
        let out = std::process::Command::new("bash")
            .arg(root.join("tests/infra/ssh-hosts.sh"))
            .args(["up".as_ref(), dir.as_os_str(), "12".as_ref()])
            .output()
            .expect("running tests/infra/ssh-hosts.sh");
        assert!(
            out.status.success(),
            "tests/infra/ssh-hosts.sh up {} failed (run tests/infra/install.sh ssh first; needs root):\n{}",
            dir.display(),
            String::from_utf8_lossy(&out.stderr)
        );
        let env = std::fs::read_to_string(dir.join("env")).expect("ssh hosts env file");
        let get = |k: &str| {
            env.lines()
                .find_map(|l| l.strip_prefix(&format!("{k}=")))
                .unwrap_or_else(|| panic!("{k} missing from the ssh hosts env"))
                .to_string()
        };
        let hosts = SshHosts {
            dir: dir.clone(),
            known_hosts: get("SSH_KNOWN_HOSTS"),
            inventory: get("SSH_INVENTORY"),
            private_dir: get("SSH_PRIVATE_DIR"),
            mode: get("SSH_MODE"),
            port: get("SSH_PORT"),
        };
        if hosts.mode != "netns" {
            eprintln!(
                "NOTE: network namespaces unavailable here: ssh test hosts run on loopback \
                 (127.0.1.x:{}); the blackhole and down hosts are not tested",
                hosts.port
            );
        }
        hosts
    })
}

/// A scratch state with the test inventory imported.
fn env_with_hosts() -> Env {
    let h = ssh();
    let env = Env::new();
    env.expect(0, &["deploy", "hosts", "import", &h.inventory], None);
    env
}

/// NDJSON events of a `-o json` run.
fn events(stdout: &str) -> Vec<Value> {
    stdout
        .lines()
        .filter(|l| l.starts_with('{'))
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("bad NDJSON line {l}: {e}")))
        .collect()
}

/// host -> its "host" event.
fn host_events(ev: &[Value]) -> std::collections::HashMap<String, Value> {
    ev.iter()
        .filter(|e| e["event"] == "host")
        .map(|e| (e["host"].as_str().unwrap().to_string(), e.clone()))
        .collect()
}

fn sha256_file(p: &Path) -> String {
    let out = std::process::Command::new("sha256sum")
        .arg(p)
        .output()
        .unwrap();
    String::from_utf8_lossy(&out.stdout)
        .split_whitespace()
        .next()
        .unwrap()
        .to_string()
}

#[test]
fn script_runs_on_ten_hosts_and_file_lands_with_checksum() {
    let h = ssh();
    let env = env_with_hosts();
    let blob = env.dir.path().join("payload.bin");
    let data: Vec<u8> = (0..1_500_000u32)
        .map(|i| (i.wrapping_mul(2654435761) >> 13) as u8)
        .collect();
    std::fs::write(&blob, &data).unwrap();
    let script = env.dir.path().join("hello.sh");
    std::fs::write(
        &script,
        "#!/bin/sh\necho \"hello from $(hostname)\"\necho \"to stderr\" >&2\nsha256sum /srv/shark-deploy/ten-hosts.bin | cut -c1-64\n",
    )
    .unwrap();
    let dest = format!("{}/ten-hosts.bin", h.private_dir);
    let (out, err) = env.expect(
        0,
        &[
            "deploy",
            "run",
            "--hosts",
            "ok,!h11,!h12",
            "--known-hosts",
            &h.known_hosts,
            "--script",
            script.to_str().unwrap(),
            "--copy",
            &format!("{}:{dest}", blob.display()),
            "--parallel",
            "5",
        ],
        None,
    );
    let want = sha256_file(&blob);
    for i in 1..=10 {
        let host = format!("h{i}");
        // live lines, prefixed by host name (padded to the longest name)
        assert!(
            out.lines()
                .any(|l| l.starts_with(&host) && l.ends_with(&format!(": hello from {host}"))),
            "no output line from {host}:\n{out}\n{err}"
        );
        assert!(
            out.lines()
                .any(|l| l.starts_with(&host) && l.ends_with(&format!(": {want}"))),
            "{host} saw another checksum:\n{out}"
        );
        // the file landed on that host (its private dir is backed by DIR/hI/fs)
        let landed = h.dir.join(&host).join("fs/ten-hosts.bin");
        assert_eq!(sha256_file(&landed), want, "{host}: wrong file content");
        // summary table row: host ok, bytes copied
        assert!(
            out.lines().any(|l| {
                let c: Vec<&str> = l.split_whitespace().collect();
                c.first() == Some(&host.as_str())
                    && c.get(1) == Some(&"ok")
                    && c.contains(&"1500000")
            }),
            "no ok row with bytes for {host}:\n{out}"
        );
    }
    assert!(!out.contains("h11"), "h11 was not selected:\n{out}");
    assert!(err.contains("10 hosts: 10 ok"), "{err}");
    // the output is in the state file: `show` replays it
    let (show, _) = env.expect(0, &["deploy", "show", "1", "--host", "h7"], None);
    assert!(show.contains("h7: hello from h7"), "{show}");
    assert!(show.contains("h7: [stderr] to stderr"), "{show}");
    assert!(!show.contains("hello from h6"), "--host filters:\n{show}");
}

#[test]
fn bad_hosts_each_get_their_own_status_within_the_timeout() {
    let h = ssh();
    let env = env_with_hosts();
    let loopback = h.mode != "netns";
    let t0 = std::time::Instant::now();
    let (out, _) = env.expect(
        1,
        &[
            "-o",
            "json",
            "deploy",
            "run",
            "--hosts",
            "h1,h2,bad",
            "--known-hosts",
            &h.known_hosts,
            "--connect-timeout",
            "5s",
            "--command",
            "echo up on $(hostname)",
        ],
        None,
    );
    let elapsed = t0.elapsed();
    let ev = events(&out);
    let hosts = host_events(&ev);
    let expect = [
        ("h1", "ok", ""),
        ("h2", "ok", ""),
        ("refused", "unreachable", "connection refused"),
        ("blackhole", "unreachable", "connect timeout"),
        ("stall", "unreachable", "handshake timeout"),
        ("down", "unreachable", "no route to host"),
    ];
    for (name, status, reason) in expect {
        if loopback && matches!(name, "blackhole" | "down") {
            eprintln!("NOTE: {name} host not available in loopback mode: not tested");
            continue;
        }
        let e = &hosts[name];
        assert_eq!(e["status"], status, "{name}: {e}");
        assert!(
            e["reason"].as_str().unwrap_or("").starts_with(reason),
            "{name}: reason {e}"
        );
        // the connect timeout bounds every bad host (ssh start-up slack included)
        assert!(
            e["duration_ms"].as_u64().unwrap() < 12_000,
            "{name} took too long: {e}"
        );
    }
    assert!(elapsed.as_secs() < 60, "the run hung: {elapsed:?}");
    // live lines as NDJSON, with host and stream
    for name in ["h1", "h2"] {
        assert!(
            ev.iter().any(|e| e["event"] == "line"
                && e["host"] == name
                && e["stream"] == "stdout"
                && e["text"] == format!("up on {name}")),
            "no line event from {name}: {out}"
        );
    }
    let summary = ev
        .iter()
        .find(|e| e["event"] == "summary")
        .expect("summary event");
    assert_eq!(summary["status"], "problems");
    assert_eq!(
        summary["results"].as_array().unwrap().len(),
        if loopback { 4 } else { 6 }
    );
}

#[test]
fn hanging_command_is_killed_on_the_host_at_the_timeout() {
    let h = ssh();
    let env = env_with_hosts();
    let marker = "sleep 31415926";
    let (out, _) = env.expect(
        1,
        &[
            "-o",
            "json",
            "deploy",
            "run",
            "--hosts",
            "h3,h4",
            "--known-hosts",
            &h.known_hosts,
            "--timeout",
            "2s",
            "--command",
            &format!("echo started; {marker}; echo never"),
        ],
        None,
    );
    let ev = events(&out);
    let hosts = host_events(&ev);
    for name in ["h3", "h4"] {
        assert_eq!(hosts[name]["status"], "timeout", "{out}");
        assert!(
            hosts[name]["reason"]
                .as_str()
                .unwrap()
                .contains("killed on the host"),
            "{out}"
        );
        assert!(
            ev.iter()
                .any(|e| e["event"] == "line" && e["host"] == name && e["text"] == "started")
        );
        assert!(!ev.iter().any(|e| e["text"] == "never"));
    }
    // the hosts share this machine's process table: nothing of the command may be left
    let left = std::process::Command::new("pgrep")
        .args(["-f", marker])
        .output()
        .unwrap();
    assert!(
        left.stdout.is_empty(),
        "remote command still running: {}",
        String::from_utf8_lossy(&left.stdout)
    );
    // and the host agrees, asked over ssh
    let (out, _) = env.expect(
        0,
        &[
            "deploy",
            "run",
            "--hosts",
            "h3",
            "--known-hosts",
            &h.known_hosts,
            "--command",
            "pgrep -f 'sleep 3141592[6]' || echo none-left",
        ],
        None,
    );
    assert!(out.contains("h3: none-left"), "{out}");
}

#[test]
fn serial_with_max_fail_stops_the_rollout_after_the_threshold() {
    let h = ssh();
    let env = env_with_hosts();
    let (out, err) = env.expect(
        1,
        &[
            "deploy",
            "run",
            "--hosts",
            "h1,h2,h3,h4,h5,h6",
            "--known-hosts",
            &h.known_hosts,
            "--serial",
            "2",
            "--max-fail",
            "1",
            "--command",
            "case $(hostname) in h2|h3) echo failing; exit 3;; esac; echo fine",
        ],
        None,
    );
    assert!(err.contains("more than --max-fail 1"), "{err}");
    let (show, _) = env.expect(0, &["-o", "json", "deploy", "show", "1"], None);
    let v: Value = serde_json::from_str(&show).unwrap();
    let status = |host: &str| -> (String, i64, Value) {
        let r = v["results"]
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["host"] == host)
            .unwrap_or_else(|| panic!("no result for {host}: {show}"));
        (
            r["status"].as_str().unwrap().to_string(),
            r["batch"].as_i64().unwrap(),
            r["exit_code"].clone(),
        )
    };
    // batch 1: one failure (not more than 1) -> continue; batch 2: second failure -> stop
    assert_eq!(status("h1"), ("ok".into(), 1, Value::Null));
    assert_eq!(status("h2"), ("failed".into(), 1, Value::from(3)));
    assert_eq!(status("h3"), ("failed".into(), 2, Value::from(3)));
    assert_eq!(status("h4"), ("ok".into(), 2, Value::Null));
    assert_eq!(status("h5").0, "skipped");
    assert_eq!(status("h6").0, "skipped");
    assert_eq!(v["exec"]["status"], "stopped");
    assert!(!out.contains("h5: fine"), "{out}");
}

#[test]
fn unknown_host_key_is_refused_without_the_flag() {
    let h = ssh();
    let env = env_with_hosts();
    let kh = env.dir.path().join("known_hosts");
    std::fs::write(&kh, "").unwrap();
    let kh = kh.to_str().unwrap();
    let args = |extra: &[&'static str]| {
        let mut a = vec![
            "-o",
            "json",
            "deploy",
            "run",
            "--hosts",
            "h5",
            "--known-hosts",
            kh,
            "--command",
            "hostname",
        ];
        a.extend_from_slice(extra);
        a
    };
    let (out, _) = env.expect(1, &args(&[]), None);
    let hosts = host_events(&events(&out));
    assert_eq!(hosts["h5"]["status"], "hostkey", "{out}");
    assert!(
        hosts["h5"]["reason"]
            .as_str()
            .unwrap()
            .contains("--accept-new-host-keys")
    );
    assert_eq!(
        std::fs::read_to_string(kh).unwrap(),
        "",
        "nothing may be learned without the flag"
    );
    // explicitly accepted: the key is recorded, and the next run needs no flag
    let (out, _) = env.expect(0, &args(&["--accept-new-host-keys"]), None);
    assert!(out.contains("\"text\":\"h5\""), "{out}");
    assert!(std::fs::read_to_string(kh).unwrap().contains("ssh-ed25519"));
    env.expect(0, &args(&[]), None);
    // a changed key (h6's address with h7's key) is refused even with the flag
    let hosts_tsv = std::fs::read_to_string(h.dir.join("hosts.tsv")).unwrap();
    let ip_of = |name: &str| {
        hosts_tsv
            .lines()
            .find_map(|l| {
                l.strip_prefix(&format!("{name}\t"))
                    .map(|r| r.split('\t').next().unwrap().to_string())
            })
            .unwrap()
    };
    let h7_key = std::fs::read_to_string(h.dir.join("h7/ssh_host_ed25519_key.pub")).unwrap();
    let mut parts = h7_key.split_whitespace();
    let wrong = format!(
        "{} {} {}\n",
        if h.port == "22" {
            ip_of("h6")
        } else {
            format!("[{}]:{}", ip_of("h6"), h.port)
        },
        parts.next().unwrap(),
        parts.next().unwrap()
    );
    let kh2 = env.dir.path().join("known_hosts_wrong");
    std::fs::write(&kh2, wrong).unwrap();
    let (out, _) = env.expect(
        1,
        &[
            "-o",
            "json",
            "deploy",
            "run",
            "--hosts",
            "h6",
            "--known-hosts",
            kh2.to_str().unwrap(),
            "--accept-new-host-keys",
            "--command",
            "true",
        ],
        None,
    );
    let hosts = host_events(&events(&out));
    assert_eq!(hosts["h6"]["status"], "hostkey", "{out}");
    assert!(
        hosts["h6"]["reason"].as_str().unwrap().contains("changed"),
        "{out}"
    );
}

#[test]
fn auth_failure_plan_only_execute_and_inventory_verbs() {
    let h = ssh();
    let env = env_with_hosts();
    // a host whose key is not authorised
    let stranger = env.dir.path().join("stranger");
    let st = std::process::Command::new("ssh-keygen")
        .args([
            "-q",
            "-t",
            "ed25519",
            "-N",
            "",
            "-f",
            stranger.to_str().unwrap(),
        ])
        .status()
        .unwrap();
    assert!(st.success());
    let h8_ip = std::fs::read_to_string(h.dir.join("hosts.tsv"))
        .unwrap()
        .lines()
        .find_map(|l| {
            l.strip_prefix("h8\t")
                .map(|r| r.split('\t').next().unwrap().to_string())
        })
        .unwrap();
    env.expect(
        0,
        &[
            "deploy",
            "hosts",
            "add",
            "intruder",
            "--address",
            &h8_ip,
            "--port",
            &h.port,
            "--user",
            "root",
            "--key",
            stranger.to_str().unwrap(),
            "--group",
            "odd",
            "--tag",
            "x,y",
        ],
        None,
    );
    let (list, _) = env.expect(0, &["deploy", "hosts", "list", "--hosts", "odd:y"], None);
    assert!(list.contains("intruder") && !list.contains("h8 "), "{list}");
    env.expect(2, &["deploy", "hosts", "add", "intruder"], None);
    // plan only: stored, not run
    let (out, _) = env.expect(
        0,
        &[
            "deploy",
            "run",
            "--plan-only",
            "--hosts",
            "intruder,h8",
            "--known-hosts",
            &h.known_hosts,
            "--command",
            "echo planned on $(hostname)",
        ],
        None,
    );
    assert!(out.contains("plan 1: 2 host(s)"), "{out}");
    let (show, _) = env.expect(0, &["deploy", "show", "1"], None);
    assert!(show.contains("never executed"), "{show}");
    // execute it: h8 ok, intruder refused by the server
    let (out, _) = env.expect(1, &["-o", "json", "deploy", "execute", "1"], None);
    let hosts = host_events(&events(&out));
    assert_eq!(hosts["h8"]["status"], "ok");
    assert_eq!(hosts["intruder"]["status"], "auth", "{out}");
    let (plans, _) = env.expect(0, &["deploy", "plans"], None);
    assert!(
        plans.contains("problems (2 hosts: 1 ok, 1 auth)"),
        "{plans}"
    );
    let (hist, _) = env.expect(0, &["history"], None);
    assert!(hist.contains("deploy execute"), "{hist}");
    env.expect(0, &["deploy", "hosts", "rm", "intruder"], None);
    env.expect(2, &["deploy", "hosts", "rm", "intruder"], None);
    // unknown selection and empty action are usage errors
    env.expect(
        2,
        &["deploy", "run", "--hosts", "nosuch", "--command", "true"],
        None,
    );
    env.expect(2, &["deploy", "run", "--hosts", "h1"], None);
}

#[test]
fn example_inventories_parse() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    for f in [
        "examples/deploy-inventory.ini",
        "examples/deploy-inventory.yml",
    ] {
        let env = Env::new();
        env.expect(
            0,
            &["deploy", "hosts", "import", root.join(f).to_str().unwrap()],
            None,
        );
        let (out, _) = env.expect(
            0,
            &[
                "-o",
                "json",
                "deploy",
                "hosts",
                "list",
                "--hosts",
                "db:primary",
            ],
            None,
        );
        let v: Value = serde_json::from_str(&out).unwrap();
        assert_eq!(v.as_array().unwrap().len(), 1, "{f}: {out}");
        assert_eq!(v[0]["port"], 2222, "{f}: {out}");
    }
}

#[test]
fn ctrl_c_kills_the_running_commands_and_exits_130() {
    let h = ssh();
    let env = env_with_hosts();
    let marker = "sleep 16180339";
    let mut cmd = std::process::Command::new(assert_cmd::cargo::cargo_bin("shark"));
    cmd.env("SHARK_STATE", env.state())
        .env_remove("SHARK_CONFIG")
        .args([
            "-o",
            "json",
            "deploy",
            "run",
            "--hosts",
            "h9,h10,h11",
            "--serial",
            "2",
            "--known-hosts",
            &h.known_hosts,
            "--command",
            &format!("echo go; {marker}"),
        ])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::null());
    let mut child = cmd.spawn().unwrap();
    let stdout = child.stdout.take().unwrap();
    let reader = std::thread::spawn(move || {
        use std::io::BufRead;
        let mut lines = vec![];
        let mut gos = 0;
        let mut signalled = false;
        for l in std::io::BufReader::new(stdout).lines() {
            let l = l.unwrap();
            if l.contains("\"text\":\"go\"") {
                gos += 1;
            }
            if gos == 2 && !signalled {
                signalled = true;
                let pid = child.id().to_string();
                std::process::Command::new("kill")
                    .args(["-INT", &pid])
                    .status()
                    .unwrap();
            }
            lines.push(l);
        }
        (child.wait().unwrap(), lines)
    });
    let (status, lines) = reader.join().unwrap();
    assert_eq!(status.code(), Some(130), "{lines:#?}");
    let ev: Vec<Value> = lines
        .iter()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let hosts = host_events(&ev);
    assert_eq!(hosts["h9"]["status"], "interrupted");
    assert_eq!(hosts["h10"]["status"], "interrupted");
    assert_eq!(hosts["h11"]["status"], "skipped");
    let left = std::process::Command::new("pgrep")
        .args(["-f", marker])
        .output()
        .unwrap();
    assert!(
        left.stdout.is_empty(),
        "left running: {}",
        String::from_utf8_lossy(&left.stdout)
    );
}

#[test]
fn sudo_installs_copies_with_their_mode_and_runs_a_python_script() {
    use std::os::unix::fs::PermissionsExt;
    let h = ssh();
    let env = env_with_hosts();
    let conf = env.dir.path().join("app.conf");
    std::fs::write(&conf, "answer = 42\n").unwrap();
    std::fs::set_permissions(&conf, std::fs::Permissions::from_mode(0o640)).unwrap();
    let script = env.dir.path().join("check.py");
    std::fs::write(&script, "#!/usr/bin/env python3\nimport os\nprint('uid', os.getuid(), open('/srv/shark-deploy/sudo-app.conf').read().strip())\n").unwrap();
    let (out, _) = env.expect(
        0,
        &[
            "deploy",
            "run",
            "--hosts",
            "h11,h12",
            "--sudo",
            "--known-hosts",
            &h.known_hosts,
            "--copy",
            &format!("{}:{}/sudo-app.conf", conf.display(), h.private_dir),
            "--script",
            script.to_str().unwrap(),
        ],
        None,
    );
    for name in ["h11", "h12"] {
        assert!(out.contains(&format!("{name}: uid 0 answer = 42")), "{out}");
        let landed = h.dir.join(name).join("fs/sudo-app.conf");
        assert_eq!(std::fs::read_to_string(&landed).unwrap(), "answer = 42\n");
        assert_eq!(
            std::fs::metadata(&landed).unwrap().permissions().mode() & 0o777,
            0o640
        );
    }
    // staged copies (only --sudo copies are staged, and only this test makes them) are cleaned up
    let leftovers: Vec<_> = std::fs::read_dir("/tmp")
        .unwrap()
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(".shark-") && n.ends_with(".c0"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[test]
fn inventory_ranges_are_bounded_and_dash_addresses_are_refused() {
    let env = Env::new();
    let inv = env.dir.path().join("huge.ini");
    std::fs::write(&inv, "[web]\nh[0:99999999999]\n").unwrap();
    let (_, err) = env.expect(
        2,
        &["deploy", "hosts", "import", inv.to_str().unwrap()],
        None,
    );
    assert!(
        err.contains("h[0:99999999999]") && err.contains("more than 10000 hosts"),
        "{err}"
    );
    // the limit itself is fine
    std::fs::write(&inv, "[web]\nh[1:10000]\n").unwrap();
    env.expect(
        0,
        &["deploy", "hosts", "import", inv.to_str().unwrap()],
        None,
    );
    // an address ssh would read as an option: from the command line, an inventory, a name
    let (_, err) = env.expect(
        2,
        &[
            "deploy",
            "hosts",
            "add",
            "evil",
            "--address=-oProxyCommand=touch /tmp/shark-pwned",
        ],
        None,
    );
    assert!(err.contains("starts with '-'"), "{err}");
    let (_, err) = env.expect(
        2,
        &["deploy", "hosts", "add", "--", "-oLocalCommand=x"],
        None,
    );
    assert!(err.contains("starts with '-'"), "{err}");
    std::fs::write(&inv, "[web]\nok1\nbad ansible_host=-oProxyCommand=x\n").unwrap();
    let (_, err) = env.expect(
        2,
        &[
            "deploy",
            "run",
            "-i",
            inv.to_str().unwrap(),
            "--hosts",
            "all",
            "--command",
            "true",
        ],
        None,
    );
    assert!(err.contains("starts with '-'"), "{err}");
}

#[test]
fn the_ssh_master_and_its_proxy_command_inherit_no_secret() {
    let env = Env::new();
    let seen = env.dir.path().join("proxy-env");
    let cfg = env.dir.path().join("ssh_config");
    std::fs::write(
        &cfg,
        format!(
            "Host *\n  ProxyCommand /bin/sh -c 'env > {}; exit 1'\n",
            seen.display()
        ),
    )
    .unwrap();
    let inv = env.dir.path().join("inv.ini");
    std::fs::write(&inv, "p1 ansible_host=127.0.0.1\n").unwrap();
    let out = env
        .shark()
        .env("SHARK_MASTER_KEY", "master-key-that-must-not-leak")
        .args([
            "-o",
            "json",
            "deploy",
            "run",
            "-i",
            inv.to_str().unwrap(),
            "--hosts",
            "p1",
            "--connect-timeout",
            "3s",
            "--ssh-config",
            cfg.to_str().unwrap(),
            "--command",
            "true",
        ])
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(1), "{stdout}");
    assert_eq!(host_events(&events(&stdout))["p1"]["status"], "unreachable");
    let env_seen = std::fs::read_to_string(&seen).expect("ProxyCommand ran");
    assert!(env_seen.contains("PATH="), "{env_seen}");
    assert!(
        !env_seen.contains("SHARK_MASTER_KEY") && !env_seen.contains("must-not-leak"),
        "{env_seen}"
    );
}

#[test]
fn host_output_cannot_inject_terminal_escapes() {
    let h = ssh();
    let env = env_with_hosts();
    let cmd = r"printf '\033]0;pwned\007\033[2Jclean\n'; printf '\033[31mred\r\n' >&2";
    let (out, _) = env.expect(
        0,
        &[
            "deploy",
            "run",
            "--hosts",
            "h1",
            "--known-hosts",
            &h.known_hosts,
            "--command",
            cmd,
        ],
        None,
    );
    assert!(!out.contains('\x1b') && !out.contains('\x07'), "{out:?}");
    assert!(out.contains(r"\x1b]0;pwned\x07\x1b[2Jclean"), "{out}");
    assert!(out.contains(r"[stderr] \x1b[31mred"), "{out}");
    let (show, _) = env.expect(0, &["deploy", "show", "1"], None);
    assert!(!show.contains('\x1b') && !show.contains('\x07'), "{show:?}");
    assert!(show.contains(r"\x1b]0;pwned\x07\x1b[2Jclean"), "{show}");
    // machines get the bytes as they were, JSON-escaped
    let (json, _) = env.expect(0, &["-o", "json", "deploy", "show", "1"], None);
    let v: Value = serde_json::from_str(&json).unwrap();
    let stdout_line = v["output"]
        .as_array()
        .unwrap()
        .iter()
        .find(|l| l["stream"] == "stdout")
        .unwrap()
        .clone();
    assert_eq!(stdout_line["line"], "\x1b]0;pwned\x07\x1b[2Jclean");
}

#[test]
fn a_second_ctrl_c_exits_at_once() {
    let h = ssh();
    let env = env_with_hosts();
    // the command ignores SIGTERM, so the clean stop after the first Ctrl-C takes 3 s or more
    // (TERM, wait, KILL); the second Ctrl-C must not wait for it
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("shark"))
        .env("SHARK_STATE", env.state())
        .env_remove("SHARK_CONFIG")
        .args([
            "-o",
            "json",
            "deploy",
            "run",
            "--hosts",
            "h12",
            "--known-hosts",
            &h.known_hosts,
            "--command",
            "trap '' TERM; echo go; sleep 29; sleep 29",
        ])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let stdout = child.stdout.take().unwrap();
    {
        use std::io::BufRead;
        let mut lines = std::io::BufReader::new(stdout).lines();
        for l in lines.by_ref() {
            if l.unwrap().contains("\"text\":\"go\"") {
                break;
            }
        }
        std::thread::spawn(move || lines.for_each(drop));
    }
    let pid = child.id().to_string();
    let int = || {
        std::process::Command::new("kill")
            .args(["-INT", &pid])
            .status()
            .unwrap()
    };
    int();
    std::thread::sleep(std::time::Duration::from_millis(300));
    let t = std::time::Instant::now();
    int();
    let out = child.wait_with_output().unwrap();
    let waited = t.elapsed();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(130), "{stderr}");
    assert!(
        waited < std::time::Duration::from_millis(1500),
        "took {waited:?}: {stderr}"
    );
    assert!(stderr.contains("second interrupt signal"), "{stderr}");
}
