//! `shark zk` against the real ZooKeeper servers of tests/infra: the 3-node ensemble (all
//! four-letter words whitelisted, AdminServer on) and the standalone server with only `srvr`.
//! Tests that use the ensemble hold ENSEMBLE (the destructive ones kill and stop members) and
//! leave it whole again (3/3 serving, one leader) before releasing it, even when they fail.

mod common;

use common::{Env, infra};
use serde_json::Value;
use std::io::BufRead;
use std::path::Path;
use std::sync::{Mutex, MutexGuard};
use std::time::{Duration, Instant};

static ENSEMBLE: Mutex<()> = Mutex::new(());

/// Exclusive use of the ensemble; restores it (every member started, one leader) on drop.
struct Ensemble {
    _g: MutexGuard<'static, ()>,
}

impl Ensemble {
    fn take() -> Ensemble {
        let g = ENSEMBLE.lock().unwrap_or_else(|p| p.into_inner());
        restore();
        Ensemble { _g: g }
    }
}

impl Drop for Ensemble {
    fn drop(&mut self) {
        restore();
        // the znodes the tests created (file metadata roots, scratch paths)
        let e = Env::new();
        add_ensemble(&e);
        let _ = e.run(&["zk", "rm", "/shark-test", "--recursive"], None);
    }
}

fn zk_node(action: &str, n: usize) {
    let i = infra();
    let st = std::process::Command::new("bash")
        .arg(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/infra/zk-node.sh"))
        .args([i.get("SHARK_T_RUN_DIR"), action, &n.to_string()])
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .status()
        .expect("zk-node.sh");
    assert!(st.success(), "zk-node.sh {action} {n} failed");
}

/// Start every member and wait until the ensemble is ok (3/3 serving, one leader).
fn restore() {
    for n in 1..=3 {
        zk_node("start", n);
    }
    let e = Env::new();
    add_ensemble(&e);
    wait_for(
        &e,
        Duration::from_secs(60),
        "3/3 serving with one leader",
        |s| s["verdict"] == "ok" && s["serving"] == 3,
    );
}

fn members() -> Vec<String> {
    infra()
        .get("SHARK_T_ZK_CONNECT")
        .split(',')
        .map(str::to_string)
        .collect()
}

fn add_ensemble(e: &Env) {
    let i = infra();
    e.expect(
        0,
        &[
            "conn",
            "add",
            "zk",
            "--kind",
            "zookeeper",
            "--url",
            i.get("SHARK_T_ZK_CONNECT"),
            "-O",
            &format!("admin_ports={}", i.get("SHARK_T_ZK_ADMIN_PORTS")),
        ],
        None,
    );
}

fn status(e: &Env) -> Value {
    let (_, out, err) = e.run(&["zk", "status", "-o", "json"], None);
    serde_json::from_str(&out).unwrap_or_else(|x| panic!("{x}: {out}\n{err}"))
}

/// Poll `zk status` until `ok(snapshot)`; panics with the last snapshot after `limit`.
fn wait_for(e: &Env, limit: Duration, what: &str, ok: impl Fn(&Value) -> bool) -> Value {
    let start = Instant::now();
    loop {
        let s = status(e);
        if ok(&s) {
            return s;
        }
        assert!(start.elapsed() < limit, "no {what} within {limit:?}: {s:#}");
        std::thread::sleep(Duration::from_millis(300));
    }
}

/// A config file with three storage nodes (one per member), node commands via zk-node.sh,
/// a files root of its own and a load score that counts files only.
fn write_config(e: &Env, threshold: f64) -> String {
    let i = infra();
    let root = format!(
        "/shark-test/files-{}-{}",
        std::process::id(),
        e.dir.path().file_name().unwrap().to_string_lossy()
    );
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/infra/zk-node.sh");
    let mut cfg = format!(
        "[zk]\nconn = \"zk\"\nfiles_root = \"{root}\"\nthreshold = {threshold}\nsettle_timeout = \"60s\"\n[zk.load]\nfiles = 1\nmib = 0\nconnections = 0\nlatency_ms = 0\n"
    );
    for (n, m) in members().iter().enumerate() {
        let k = n + 1;
        cfg.push_str(&format!(
            "[zk.nodes.n{k}]\nmember = \"{m}\"\nstorage = \"{}\"\nstart = \"bash {} {} start {k}\"\nstop = \"bash {} {} stop {k}\"\n",
            e.dir.path().join(format!("store{k}")).display(),
            script.display(),
            i.get("SHARK_T_RUN_DIR"),
            script.display(),
            i.get("SHARK_T_RUN_DIR"),
        ));
    }
    std::fs::write(e.dir.path().join("shark.toml"), cfg).unwrap();
    root
}

/// Put `n` files of varying size on node `node`; returns (name, bytes).
fn put_files(e: &Env, prefix: &str, n: usize, node: &str) -> Vec<(String, Vec<u8>)> {
    let src = e.dir.path().join("src");
    std::fs::create_dir_all(&src).unwrap();
    (0..n)
        .map(|k| {
            let name = format!("{prefix}-{k}.bin");
            let body: Vec<u8> = (0..(1000 + k * 3001))
                .map(|x| ((x * 31 + k * 7) % 251) as u8)
                .collect();
            let p = src.join(&name);
            std::fs::write(&p, &body).unwrap();
            e.expect(
                0,
                &[
                    "zk",
                    "files",
                    "put",
                    p.to_str().unwrap(),
                    "--node",
                    node,
                    "-q",
                ],
                None,
            );
            (name, body)
        })
        .collect()
}

/// Every file is listed once, on exactly one storage directory, with its original bytes.
fn assert_all_intact(e: &Env, files: &[(String, Vec<u8>)]) -> Value {
    let (out, _) = e.expect(0, &["zk", "files", "ls", "-o", "json"], None);
    let ls: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(ls["files"].as_array().unwrap().len(), files.len(), "{ls:#}");
    let got = e.dir.path().join("got");
    for (name, body) in files {
        e.expect(
            0,
            &["zk", "files", "get", name, "-O", got.to_str().unwrap()],
            None,
        );
        assert_eq!(&std::fs::read(&got).unwrap(), body, "{name} changed");
        let copies = (1..=3)
            .filter(|k| e.dir.path().join(format!("store{k}")).join(name).exists())
            .count();
        assert_eq!(copies, 1, "{name} is stored {copies} times");
    }
    for k in 1..=3 {
        if let Ok(rd) = std::fs::read_dir(e.dir.path().join(format!("store{k}"))) {
            for f in rd {
                let f = f.unwrap().file_name().to_string_lossy().into_owned();
                assert!(!f.starts_with(".shark-tmp-"), "temporary file left: {f}");
            }
        }
    }
    ls
}

/// Start `zk files rebalance` with a pause between each verified copy and its metadata switch,
/// and return once it reported its first copy (a migration is then open).
fn slow_rebalance(
    e: &Env,
) -> (
    std::process::Child,
    std::io::Lines<std::io::BufReader<std::process::ChildStdout>>,
) {
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("shark"))
        .args(["zk", "files", "rebalance"])
        .env("SHARK_STATE", e.state())
        .env("SHARK_ZK_TEST_PAUSE_AFTER_COPY_MS", "2000")
        .env_remove("SHARK_CONFIG")
        .env("XDG_CONFIG_HOME", e.dir.path().join("config"))
        .current_dir(e.dir.path())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let stdout = child.stdout.take().unwrap();
    let mut lines = std::io::BufReader::new(stdout).lines();
    loop {
        let l = lines
            .next()
            .expect("rebalance ended before copying anything")
            .unwrap();
        if l.contains("copied") {
            break;
        }
    }
    (child, lines)
}

#[test]
fn rebalance_stops_cleanly_when_asked_from_another_terminal() {
    let _g = Ensemble::take();
    let e = Env::new();
    add_ensemble(&e);
    let root = write_config(&e, 1.0);
    let files = put_files(&e, "s", 8, "n1");
    let (mut child, _lines) = slow_rebalance(&e);
    let (out, _) = e.expect(0, &["state", "leases", "-o", "json"], None);
    assert!(out.contains(&format!("zk-files:zk:{root}")), "{out}");
    e.expect(0, &["state", "stop", &format!("zk-files:zk:{root}")], None);
    let status = child.wait().unwrap();
    assert_eq!(status.code(), Some(130));
    // stopped after finishing the move in flight: nothing open, nothing lost
    let (out, _) = e.expect(0, &["zk", "files", "history", "-o", "json"], None);
    let hist: Value = serde_json::from_str(&out).unwrap();
    let hist = hist.as_array().unwrap();
    assert!(
        !hist.is_empty() && hist.iter().all(|h| h["status"] == "done"),
        "{hist:#?}"
    );
    assert_all_intact(&e, &files);
    let (out, _) = e.expect(0, &["zk", "files", "rebalance"], None);
    assert!(!out.contains("resumed"), "{out}");
    assert_all_intact(&e, &files);
}

#[test]
fn status_shows_one_leader_and_two_followers() {
    let _g = Ensemble::take();
    let e = Env::new();
    add_ensemble(&e);
    let s = status(&e);
    assert_eq!(s["verdict"], "ok", "{s:#}");
    assert_eq!(s["leaders"], 1);
    let modes: Vec<&str> = s["members"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["mode"].as_str().unwrap())
        .collect();
    assert_eq!(modes.iter().filter(|m| **m == "leader").count(), 1, "{s:#}");
    assert_eq!(
        modes.iter().filter(|m| **m == "follower").count(),
        2,
        "{s:#}"
    );
    for m in s["members"].as_array().unwrap() {
        assert_eq!(m["source"], "4lw", "{m:#}");
        assert!(m["zxid"].as_str().unwrap().starts_with("0x"));
        assert!(m["znodes"].as_u64().unwrap() >= 1);
        assert!(m["watches"].is_u64() && m["latency_avg"].is_number());
        if m["mode"] == "leader" {
            assert_eq!(m["followers_synced"], 2, "{m:#}");
        }
    }
    let (out, _) = e.expect(0, &["zk", "status", "--fail-on", "degraded"], None);
    assert!(out.contains("zk ok: 1 leader(s)"), "{out}");
    assert!(out.contains("follower") && out.contains("LATENCY"), "{out}");
    // --watch with -o json: one NDJSON snapshot per refresh
    let (out, _) = e.expect(
        0,
        &[
            "zk",
            "status",
            "--watch",
            "--count",
            "2",
            "--interval",
            "200ms",
            "-o",
            "json",
        ],
        None,
    );
    let lines: Vec<Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 2, "{out}");
    assert!(
        lines
            .iter()
            .all(|l| l["conn"] == "zk" && l["members"].is_array())
    );
}

#[test]
fn killed_leader_is_replaced_and_degraded_until_it_returns() {
    let _g = Ensemble::take();
    let e = Env::new();
    add_ensemble(&e);
    let s = status(&e);
    let old = s["leader"].as_str().unwrap().to_string();
    let n = members().iter().position(|m| *m == old).unwrap() + 1;
    zk_node("kill", n);
    let s = wait_for(&e, Duration::from_secs(30), "new leader", |s| {
        s["leader"].is_string() && s["leader"] != old.as_str() && s["verdict"] == "degraded"
    });
    let down = s["members"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["addr"] == old.as_str())
        .unwrap();
    assert_eq!(down["mode"], "down", "{s:#}");
    let (out, err) = e.expect(1, &["zk", "status", "--fail-on", "degraded"], None);
    assert!(out.contains("degraded"), "{out}");
    assert!(err.contains("is degraded"), "{err}");
    e.expect(0, &["zk", "status", "--fail-on", "lost"], None);
    zk_node("start", n);
    wait_for(&e, Duration::from_secs(60), "ok again", |s| {
        s["verdict"] == "ok"
    });
    e.expect(0, &["zk", "status", "--fail-on", "degraded"], None);
}

#[test]
fn srvr_only_server_status_works_and_explains_the_whitelist() {
    let i = infra();
    let e = Env::new();
    let url = i.get("SHARK_T_ZK_SRVR_CONNECT");
    e.expect(
        0,
        &["conn", "add", "plain", "--kind", "zookeeper", "--url", url],
        None,
    );
    let (out, _) = e.expect(0, &["zk", "status", "--fail-on", "degraded"], None);
    assert!(out.contains("standalone"), "{out}");
    assert!(out.contains("not whitelisted: cons, mntr"), "{out}");
    assert!(out.contains("4lw.commands.whitelist="), "{out}");
    assert!(out.contains("admin_port"), "{out}");
    // with the AdminServer configured, the missing numbers come from there
    e.expect(
        0,
        &[
            "conn",
            "add",
            "admin",
            "--kind",
            "zookeeper",
            "--url",
            url,
            "-O",
            &format!("admin_port={}", i.get("SHARK_T_ZK_SRVR_ADMIN_PORT")),
        ],
        None,
    );
    let (out, _) = e.expect(0, &["zk", "--conn", "admin", "status", "-o", "json"], None);
    let s: Value = serde_json::from_str(&out).unwrap();
    let m = &s["members"][0];
    assert_eq!(m["source"], "srvr+adminserver", "{s:#}");
    assert!(m["watches"].is_u64(), "{s:#}");
    assert_eq!(s["verdict"], "ok");
    assert!(
        s["notes"][0]
            .as_str()
            .unwrap()
            .contains("read from the AdminServer"),
        "{s:#}"
    );
}

#[test]
fn which_connection_and_config_errors() {
    let i = infra();
    let e = Env::new();
    let (_, err) = e.expect(2, &["zk", "status"], None);
    assert!(err.contains("no zookeeper connection"), "{err}");
    let url = i.get("SHARK_T_ZK_SRVR_CONNECT");
    e.expect(
        0,
        &["conn", "add", "a", "--kind", "zookeeper", "--url", url],
        None,
    );
    e.expect(0, &["zk", "status"], None);
    e.expect(
        0,
        &["conn", "add", "b", "--kind", "zookeeper", "--url", url],
        None,
    );
    let (_, err) = e.expect(2, &["zk", "status"], None);
    assert!(err.contains("--conn NAME"), "{err}");
    e.expect(0, &["zk", "--conn", "b", "status"], None);
    e.expect(
        0,
        &[
            "conn",
            "add",
            "dead",
            "--kind",
            "zookeeper",
            "--url",
            "127.0.0.1:1",
        ],
        None,
    );
    e.expect(3, &["zk", "--conn", "dead", "status"], None);
    std::fs::write(
        e.dir.path().join("shark.toml"),
        "[zk.nodes.x]\nstrage = '/tmp'\n",
    )
    .unwrap();
    let (_, err) = e.expect(2, &["zk", "--conn", "a", "status"], None);
    assert!(err.contains("zk.nodes.x.strage"), "{err}");
}

#[test]
fn znodes_with_versions_flags_and_guarded_recursive_delete() {
    let _g = Ensemble::take();
    let e = Env::new();
    add_ensemble(&e);
    let base = format!("/shark-test/znodes-{}", std::process::id());
    let p = format!("{base}/a/b");
    e.expect(2, &["zk", "create", &p, "x"], None); // parent missing
    e.expect(0, &["zk", "create", &p, "hello", "--parents"], None);
    let (out, _) = e.expect(0, &["zk", "get", &p, "-o", "json"], None);
    let g: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(
        (g["text"].as_str(), g["stat"]["version"].as_i64()),
        (Some("hello"), Some(0))
    );
    e.expect(0, &["zk", "set", &p, "v1", "--version", "0"], None);
    let (_, err) = e.expect(2, &["zk", "set", &p, "v2", "--version", "0"], None);
    assert!(err.contains("mismatch version"), "{err}");
    e.expect(2, &["zk", "rm", &p, "--version", "0"], None);
    let (out, _) = e.expect(
        0,
        &[
            "zk",
            "create",
            &format!("{base}/seq-"),
            "--sequential",
            "-o",
            "json",
        ],
        None,
    );
    let c: Value = serde_json::from_str(&out).unwrap();
    assert!(
        c["path"]
            .as_str()
            .unwrap()
            .starts_with(&format!("{base}/seq-00")),
        "{c}"
    );
    e.expect(
        0,
        &["zk", "create", &format!("{base}/eph"), "--ephemeral"],
        None,
    );
    e.expect(
        0,
        &["zk", "create", &format!("{base}/box"), "--container"],
        None,
    );
    let (out, _) = e.expect(0, &["zk", "ls", &base, "-o", "json"], None);
    let ls: Value = serde_json::from_str(&out).unwrap();
    let names: Vec<&str> = ls
        .as_array()
        .unwrap()
        .iter()
        .map(|x| x["name"].as_str().unwrap())
        .collect();
    assert!(
        names.contains(&"a") && names.contains(&"box") && !names.contains(&"eph"),
        "{names:?}"
    );
    let (out, _) = e.expect(0, &["zk", "tree", &base], None);
    assert!(out.contains("\n    b  (v1"), "{out}");
    let (_, err) = e.expect(2, &["zk", "rm", &base], None);
    assert!(err.contains("--recursive"), "{err}");
    e.expect(0, &["zk", "rm", &base, "--recursive"], None);
    e.expect(2, &["zk", "get", &base], None);
    e.expect(2, &["zk", "rm", "/zookeeper", "--recursive"], None);
}

#[test]
fn rebalance_gets_within_threshold_with_checksums_and_history() {
    let _g = Ensemble::take();
    let e = Env::new();
    add_ensemble(&e);
    write_config(&e, 2.0);
    let mut files = put_files(&e, "f", 12, "n1");
    // placement by load: the next file goes to an empty node
    let extra = e.dir.path().join("src/extra.bin");
    std::fs::write(&extra, b"placed by load").unwrap();
    let (out, _) = e.expect(
        0,
        &["zk", "files", "put", extra.to_str().unwrap(), "-o", "json"],
        None,
    );
    let meta: Value = serde_json::from_str(&out).unwrap();
    assert_ne!(meta["node"], "n1", "{meta}");
    files.push(("extra.bin".into(), b"placed by load".to_vec()));

    let (out, _) = e.expect(0, &["zk", "files", "rebalance", "-o", "json"], None);
    let summary: Value = serde_json::from_str(out.lines().last().unwrap()).unwrap();
    assert_eq!(summary["event"], "summary");
    assert!(
        summary["within_threshold"].as_bool().unwrap(),
        "{summary:#}"
    );
    let moves = summary["moves"].as_array().unwrap();
    assert!(moves.len() >= 6, "{summary:#}");
    let ls = assert_all_intact(&e, &files);
    let counts: Vec<u64> = ls["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n["files"].as_u64().unwrap())
        .collect();
    assert!(
        counts.iter().max().unwrap() - counts.iter().min().unwrap() <= 2,
        "{counts:?}"
    );

    let (out, _) = e.expect(0, &["zk", "files", "history", "-o", "json"], None);
    let hist: Value = serde_json::from_str(&out).unwrap();
    let hist = hist.as_array().unwrap();
    assert_eq!(hist.len(), moves.len());
    for m in moves {
        let h = hist.iter().find(|h| h["id"] == m["migration"]).unwrap();
        assert_eq!(
            (
                &h["file"],
                &h["from_node"],
                &h["to_node"],
                h["status"].as_str()
            ),
            (&m["file"], &m["from"], &m["to"], Some("done"))
        );
        assert_eq!(h["sha256"].as_str().unwrap().len(), 64);
    }
    // a second run has nothing to do
    let (out, _) = e.expect(0, &["zk", "files", "rebalance"], None);
    assert!(out.contains("0 moves"), "{out}");

    // drain n2: everything leaves it and it takes no new files
    e.expect(0, &["zk", "files", "rebalance", "--drain", "n2"], None);
    let ls = assert_all_intact(&e, &files);
    let n2 = ls["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|n| n["node"] == "n2")
        .unwrap()
        .clone();
    assert_eq!(
        (n2["files"].as_u64(), n2["drained"].as_bool()),
        (Some(0), Some(true)),
        "{ls:#}"
    );
    let (out, _) = e.expect(
        0,
        &[
            "zk",
            "files",
            "put",
            extra.to_str().unwrap(),
            "--name",
            "after-drain",
            "-o",
            "json",
        ],
        None,
    );
    assert_ne!(serde_json::from_str::<Value>(&out).unwrap()["node"], "n2");
    e.expect(0, &["zk", "files", "undrain", "n2"], None);
    e.expect(0, &["zk", "files", "rm", "after-drain"], None);
    e.expect(2, &["zk", "files", "get", "after-drain"], None);
    let (_, err) = e.expect(2, &["zk", "files", "put", extra.to_str().unwrap()], None);
    assert!(err.contains("already stored"), "{err}");

    // verify: every checksum matches, no orphans; a damaged copy is found and refused
    let (out, _) = e.expect(0, &["zk", "files", "verify", "-o", "json"], None);
    let v: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(
        (
            v["problems"].as_u64(),
            v["orphans"].as_array().map(Vec::len)
        ),
        (Some(0), Some(0)),
        "{v:#}"
    );
    let (name, _) = &files[0];
    let (out, _) = e.expect(0, &["zk", "files", "ls", "-o", "json"], None);
    let ls: Value = serde_json::from_str(&out).unwrap();
    let node = ls["files"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["name"] == name.as_str())
        .unwrap()["node"]
        .as_str()
        .unwrap()
        .to_string();
    let k = node.trim_start_matches('n');
    std::fs::write(
        e.dir.path().join(format!("store{k}")).join(name),
        b"bit rot",
    )
    .unwrap();
    let (out, _) = e.expect(1, &["zk", "files", "verify"], None);
    assert!(
        out.contains("mismatch") && out.contains("1 missing or damaged"),
        "{out}"
    );
    let (_, err) = e.expect(4, &["zk", "files", "get", name], None);
    assert!(err.contains("checksum mismatch"), "{err}");
}

#[test]
fn killed_rebalance_loses_nothing_and_a_rerun_completes_it() {
    let _g = Ensemble::take();
    let e = Env::new();
    add_ensemble(&e);
    write_config(&e, 1.0);
    let files = put_files(&e, "k", 10, "n1");
    let (mut child, _lines) = slow_rebalance(&e);
    child.kill().unwrap();
    child.wait().unwrap();
    let (out, _) = e.expect(0, &["zk", "files", "history", "-o", "json"], None);
    let hist: Value = serde_json::from_str(&out).unwrap();
    assert!(
        hist.as_array()
            .unwrap()
            .iter()
            .any(|h| h["status"] == "copying"),
        "{hist:#}"
    );
    // nothing lost while interrupted: every file readable with its checksum (the old copy still
    // counts; the verified new one is an extra)
    let (out, _) = e.expect(0, &["zk", "files", "ls", "-o", "json"], None);
    assert_eq!(
        serde_json::from_str::<Value>(&out).unwrap()["files"]
            .as_array()
            .unwrap()
            .len(),
        files.len()
    );

    // the verified new copy exists but no metadata points at it yet: an orphan until the rerun
    let (out, _) = e.expect(0, &["zk", "files", "verify", "-o", "json"], None);
    let v: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(
        (
            v["problems"].as_u64(),
            v["orphans"].as_array().map(Vec::len)
        ),
        (Some(0), Some(1)),
        "{v:#}"
    );

    let (out, _) = e.expect(0, &["zk", "files", "rebalance"], None);
    assert!(out.contains("resumed 1 interrupted migration"), "{out}");
    let (out, _) = e.expect(0, &["zk", "files", "verify", "-o", "json"], None);
    let v: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(
        (
            v["problems"].as_u64(),
            v["orphans"].as_array().map(Vec::len)
        ),
        (Some(0), Some(0)),
        "{v:#}"
    );
    let ls = assert_all_intact(&e, &files);
    let (out, _) = e.expect(0, &["zk", "files", "history", "-o", "json"], None);
    let hist: Value = serde_json::from_str(&out).unwrap();
    assert!(
        hist.as_array()
            .unwrap()
            .iter()
            .all(|h| h["status"] == "done"),
        "{hist:#}"
    );
    let counts: Vec<u64> = ls["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n["files"].as_u64().unwrap())
        .collect();
    assert!(
        counts.iter().max().unwrap() - counts.iter().min().unwrap() <= 1,
        "{counts:?}"
    );
}

#[test]
fn node_stop_and_start_are_audited_with_both_snapshots() {
    let _g = Ensemble::take();
    let e = Env::new();
    add_ensemble(&e);
    write_config(&e, 5.0);
    let s = status(&e);
    // stop a follower: the quorum stays, the verdict turns degraded
    let n = s["members"]
        .as_array()
        .unwrap()
        .iter()
        .position(|m| m["mode"] == "follower")
        .unwrap()
        + 1;
    let node = format!("n{n}");
    let (out, _) = e.expect(0, &["zk", "node", "stop", &node], None);
    assert!(out.contains("settled"), "{out}");
    assert_eq!(status(&e)["verdict"], "degraded");
    e.expect(0, &["zk", "node", "start", &node], None);
    assert_eq!(status(&e)["verdict"], "ok");
    let (out, _) = e.expect(0, &["zk", "audit", "-o", "json"], None);
    let a: Value = serde_json::from_str(&out).unwrap();
    let a = a.as_array().unwrap();
    assert_eq!(a.len(), 2, "{a:#?}");
    let (start, stop) = (&a[0], &a[1]);
    assert_eq!(
        (
            stop["action"].as_str(),
            stop["node"].as_str(),
            stop["outcome"].as_str()
        ),
        (Some("stop"), Some(node.as_str()), Some("settled"))
    );
    assert_eq!(start["action"], "start");
    assert_eq!(stop["before"]["verdict"], "ok");
    assert_eq!(stop["after"]["verdict"], "degraded");
    let addr = &members()[n - 1];
    let mode = |snap: &Value| {
        snap["members"]
            .as_array()
            .unwrap()
            .iter()
            .find(|m| m["addr"] == addr.as_str())
            .unwrap()["mode"]
            .as_str()
            .unwrap()
            .to_string()
    };
    assert_eq!(mode(&stop["after"]), "down");
    assert_eq!(start["before"]["verdict"], "degraded");
    assert_eq!(start["after"]["verdict"], "ok");
    assert_ne!(mode(&start["after"]), "down");
    assert_eq!(stop["exit_code"], 0);
    // restart (default: stop && start) settles with the member serving again
    let (out, _) = e.expect(0, &["zk", "node", "restart", &node, "-o", "json"], None);
    let r: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(
        (r["outcome"].as_str(), r["after"]["verdict"].as_str()),
        (Some("settled"), Some("ok")),
        "{r:#}"
    );
    let (out, _) = e.expect(0, &["zk", "audit", "--node", &node, "--limit", "5"], None);
    assert!(
        out.contains("degraded: leader") && out.contains("ok: leader"),
        "{out}"
    );
    let id = stop["id"].as_i64().unwrap().to_string();
    let (out, _) = e.expect(0, &["zk", "audit", "--id", &id], None);
    assert!(
        out.contains("before:") && out.contains("after:") && out.contains("down"),
        "{out}"
    );
    let (_, err) = e.expect(2, &["zk", "node", "start", "nope"], None);
    assert!(err.contains("[zk.nodes.nope]"), "{err}");
}

#[test]
fn workload_is_bounded_and_cleans_up() {
    let _g = Ensemble::take();
    let e = Env::new();
    add_ensemble(&e);
    write_config(&e, 5.0);
    let (out, _) = e.expect(
        0,
        &[
            "zk",
            "workload",
            "--duration",
            "3s",
            "--rate",
            "10",
            "--sessions",
            "2",
            "--max-files",
            "2",
            "-o",
            "json",
        ],
        None,
    );
    let r: Value = serde_json::from_str(out.lines().last().unwrap()).unwrap();
    assert_eq!(r["event"], "summary");
    assert!(r["creates"].as_u64().unwrap() > 0, "{r:#}");
    assert_eq!(r["sessions"], 2);
    assert!(r["files_put"].as_u64().unwrap() >= 1, "{r:#}");
    assert_eq!(r["errors"], 0, "{r:#}");
    e.expect(2, &["zk", "get", "/shark/workload"], None);
    let (out, _) = e.expect(0, &["zk", "files", "ls", "-o", "json"], None);
    assert_eq!(
        serde_json::from_str::<Value>(&out).unwrap()["files"]
            .as_array()
            .unwrap()
            .len(),
        0
    );
}

#[test]
fn audit_marks_an_entry_whose_shark_died_as_interrupted() {
    let e = Env::new();
    add_ensemble(&e);
    std::fs::write(
        e.dir.path().join("shark.toml"),
        "[zk.nodes.slow]\nstart = \"sleep 5\"\n",
    )
    .unwrap();
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("shark"))
        .args(["zk", "node", "start", "slow"])
        .env("SHARK_STATE", e.state())
        .env_remove("SHARK_CONFIG")
        .env("XDG_CONFIG_HOME", e.dir.path().join("config"))
        .current_dir(e.dir.path())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let start = Instant::now();
    loop {
        let (out, _) = e.expect(0, &["zk", "audit", "-o", "json"], None);
        let a: Value = serde_json::from_str(&out).unwrap();
        if a.as_array()
            .unwrap()
            .first()
            .is_some_and(|x| x["outcome"] == "running")
        {
            assert!(a[0]["before"]["members"].is_array(), "{a:#}");
            break;
        }
        assert!(
            start.elapsed() < Duration::from_secs(20),
            "no running entry: {a:#}"
        );
        std::thread::sleep(Duration::from_millis(100));
    }
    child.kill().unwrap();
    child.wait().unwrap();
    let (out, _) = e.expect(0, &["zk", "audit", "-o", "json"], None);
    let a: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(a[0]["outcome"], "interrupted", "{a:#}");
    assert!(a[0]["after"].is_null());
}

#[test]
fn the_example_zk_section_is_valid() {
    let e = Env::new();
    let example = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/shark.toml");
    let mut c = e.shark();
    c.args([
        "--config",
        example.to_str().unwrap(),
        "zk",
        "node",
        "list",
        "-o",
        "json",
    ]);
    for v in [
        "ORDERS_DB_PASSWORD",
        "MONGO_PASSWORD",
        "S3_ACCESS_KEY_ID",
        "S3_SECRET_ACCESS_KEY",
        "ES_PASSWORD",
        "OPENAI_API_KEY",
        "SLACK_WEBHOOK_URL",
    ] {
        c.env(v, "example-value");
    }
    let out = c.output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let nodes: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(nodes.as_array().unwrap().len(), 3, "{nodes:#}");
    assert!(nodes[0]["storage"].is_string() && nodes[0]["stop"].is_string());
}

/// The root znode's data (drained nodes) and a file's record are stored data: unreadable, they
/// stop the command with the znode's path and are never overwritten with defaults.
#[test]
fn unreadable_metadata_is_an_error_and_is_left_unchanged() {
    let _g = Ensemble::take();
    let e = Env::new();
    add_ensemble(&e);
    let root = write_config(&e, 1.0);
    put_files(&e, "c", 2, "n1");
    e.expect(
        0,
        &["zk", "set", &root, "{\"drained\": [\"n3\"], oops"],
        None,
    );
    let (out, _) = e.expect(0, &["zk", "get", &root, "-o", "json"], None);
    let before: Value = serde_json::from_str(&out).unwrap();
    for args in [
        &["zk", "files", "rebalance", "--drain", "n2"][..],
        &["zk", "files", "undrain", "n3"][..],
        &["zk", "files", "ls"][..],
    ] {
        let (_, err) = e.expect(4, args, None);
        assert!(
            err.contains(&format!("metadata znode {root}")) && err.contains("nothing was changed"),
            "{args:?}: {err}"
        );
    }
    let (out, _) = e.expect(0, &["zk", "get", &root, "-o", "json"], None);
    let after: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(after["text"], before["text"]);
    assert_eq!(after["stat"]["version"], before["stat"]["version"]);

    // a damaged file record: named by `ls`, reported (not orphaned) by `verify`
    e.expect(0, &["zk", "set", &root, "{\"drained\": []}"], None);
    let record = format!("{root}/c-0.bin");
    e.expect(0, &["zk", "set", &record, "garbage"], None);
    let (_, err) = e.expect(4, &["zk", "files", "ls"], None);
    assert!(err.contains(&format!("metadata znode {record}")), "{err}");
    let (code, out, _) = e.run(&["zk", "files", "verify", "-o", "json"], None);
    assert_eq!(code, 1, "{out}");
    let v: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(
        (
            v["problems"].as_u64(),
            v["orphans"].as_array().map(Vec::len)
        ),
        (Some(1), Some(0)),
        "{v:#}"
    );
    assert!(
        v["files"]
            .as_array()
            .unwrap()
            .iter()
            .any(|f| f["status"] == "unreadable"),
        "{v:#}"
    );
    e.expect(1, &["zk", "files", "verify"], None);
    let (out, _) = e.expect(0, &["zk", "get", &record], None);
    assert!(out.starts_with("garbage"), "{out}");
}

/// A node command never sees the master key.
#[test]
fn node_commands_do_not_inherit_the_master_key() {
    let i = infra();
    let e = Env::new();
    let url = i.get("SHARK_T_ZK_SRVR_CONNECT");
    e.expect(
        0,
        &["conn", "add", "plain", "--kind", "zookeeper", "--url", url],
        None,
    );
    let dump = e.dir.path().join("env.txt");
    std::fs::write(
        e.dir.path().join("shark.toml"),
        format!(
            "[zk]\nsettle_timeout = \"10s\"\n[zk.nodes.envy]\nstart = \"env > '{}'\"\n",
            dump.display()
        ),
    )
    .unwrap();
    let out = e
        .shark()
        .env("SHARK_MASTER_KEY", "do-not-leak-this-key")
        .args(["zk", "node", "start", "envy"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let env = std::fs::read_to_string(&dump).unwrap();
    assert!(env.contains("SHARK_ZK_NODE=envy"), "{env}");
    assert!(!env.contains("SHARK_MASTER_KEY"), "{env}");
    assert!(!env.contains("do-not-leak-this-key"), "{env}");
}

/// With digest credentials, what shark creates is readable and writable only with them.
#[test]
fn znodes_created_with_digest_auth_are_creator_only() {
    let _g = Ensemble::take();
    let e = Env::new();
    add_ensemble(&e);
    let i = infra();
    e.expect(
        0,
        &[
            "conn",
            "add",
            "zkd",
            "--kind",
            "zookeeper",
            "--url",
            i.get("SHARK_T_ZK_CONNECT"),
            "--user",
            "alice",
            "--secret-stdin",
        ],
        Some("alice-secret\n"),
    );
    // the parent is open (created without credentials): other tests share /shark-test
    let base = format!("/shark-test/acl-{}", std::process::id());
    e.expect(
        0,
        &["zk", "--conn", "zk", "create", &base, "--parents"],
        None,
    );
    let p = format!("{base}/secret");
    e.expect(0, &["zk", "--conn", "zkd", "create", &p, "mine"], None);
    let (out, _) = e.expect(0, &["zk", "--conn", "zkd", "get", &p], None);
    assert!(out.starts_with("mine"), "{out}");
    // another session without the digest can neither read nor write it
    let (_, err) = e.expect(3, &["zk", "--conn", "zk", "get", &p], None);
    assert!(err.contains("ACL"), "{err}");
    e.expect(3, &["zk", "--conn", "zk", "set", &p, "theirs"], None);
    // a file's metadata and the files root too
    let src = e.dir.path().join("f.txt");
    std::fs::write(&src, b"digest").unwrap();
    let storage = e.dir.path().join("store");
    std::fs::write(
        e.dir.path().join("shark.toml"),
        format!(
            "[zk]\nconn = \"zkd\"\nfiles_root = \"{base}/files\"\n[zk.nodes.n1]\nstorage = \"{}\"\n",
            storage.display()
        ),
    )
    .unwrap();
    e.expect(0, &["zk", "files", "put", src.to_str().unwrap()], None);
    e.expect(
        3,
        &["zk", "--conn", "zk", "get", &format!("{base}/files/f.txt")],
        None,
    );
    e.expect(
        3,
        &["zk", "--conn", "zk", "ls", &format!("{base}/files")],
        None,
    );
    e.expect(0, &["zk", "files", "rm", "f.txt"], None);
    e.expect(
        0,
        &["zk", "--conn", "zkd", "rm", &format!("{base}/files")],
        None,
    );
    e.expect(0, &["zk", "--conn", "zkd", "rm", &p], None);
    e.expect(0, &["zk", "--conn", "zk", "rm", &base], None);
}

/// The first Ctrl-C (SIGINT) stops a rebalance after the move in flight: exit 130, nothing
/// open, nothing lost.
#[test]
fn ctrl_c_stops_a_rebalance_at_a_clean_point() {
    let _g = Ensemble::take();
    let e = Env::new();
    add_ensemble(&e);
    write_config(&e, 1.0);
    let files = put_files(&e, "i", 8, "n1");
    let (mut child, _lines) = slow_rebalance(&e);
    let st = std::process::Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(st.success());
    assert_eq!(child.wait().unwrap().code(), Some(130));
    let (out, _) = e.expect(0, &["zk", "files", "history", "-o", "json"], None);
    let hist: Value = serde_json::from_str(&out).unwrap();
    let hist = hist.as_array().unwrap();
    assert!(
        !hist.is_empty() && hist.iter().all(|h| h["status"] == "done"),
        "{hist:#?}"
    );
    assert_all_intact(&e, &files);
}

/// SIGTERM ends a workload early: it still cleans up, then exits 130.
#[test]
fn sigterm_ends_a_workload_after_its_cleanup() {
    let _g = Ensemble::take();
    let e = Env::new();
    add_ensemble(&e);
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("shark"))
        .args(["zk", "workload", "--duration", "60s", "--max-files", "0"])
        .env("SHARK_STATE", e.state())
        .env_remove("SHARK_CONFIG")
        .env("XDG_CONFIG_HOME", e.dir.path().join("config"))
        .current_dir(e.dir.path())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let start = Instant::now();
    while e.run(&["zk", "get", "/shark/workload"], None).0 != 0 {
        assert!(
            start.elapsed() < Duration::from_secs(20),
            "no workload started"
        );
        std::thread::sleep(Duration::from_millis(200));
    }
    std::thread::sleep(Duration::from_millis(500));
    let st = std::process::Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(st.success());
    assert_eq!(child.wait().unwrap().code(), Some(130));
    assert!(start.elapsed() < Duration::from_secs(30));
    e.expect(2, &["zk", "get", "/shark/workload"], None);
}
