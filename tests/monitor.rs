//! `shark monitor` against the project's fake Kubernetes API (pods, watch, logs), fake Slack
//! webhook and real SeaweedFS S3 from tests/infra.

mod common;

use common::{Env, infra};

/// Connections `k8s` (fake API, context fake), `alerts` (fake Slack) and `arch` (SeaweedFS).
fn connections(e: &Env, kubeconfig: &str) {
    let i = infra();
    e.expect(
        0,
        &[
            "conn",
            "add",
            "k8s",
            "--kind",
            "kubernetes",
            "--kubeconfig",
            kubeconfig,
            "--context",
            "fake",
        ],
        None,
    );
    e.expect(
        0,
        &[
            "conn",
            "add",
            "alerts",
            "--kind",
            "slack",
            "--option",
            "channel=#ops-alerts",
            "--secret-stdin",
        ],
        Some(i.get("SHARK_T_SLACK_WEBHOOK")),
    );
    e.expect(
        0,
        &[
            "conn",
            "add",
            "arch",
            "--kind",
            "s3",
            "--url",
            i.get("SHARK_T_S3_ENDPOINT"),
            "--bucket",
            i.get("SHARK_T_S3_BUCKET"),
            "--region",
            i.get("SHARK_T_S3_REGION"),
            "--user",
            i.get("SHARK_T_S3_ACCESS_KEY"),
            "--secret-stdin",
        ],
        Some(i.get("SHARK_T_S3_SECRET_KEY")),
    );
}

#[test]
fn add_list_show_rm_with_rules_file_and_checks() {
    let e = Env::new();
    connections(&e, infra().get("SHARK_T_KUBECONFIG"));
    let rules = e.dir.path().join("rules.toml");
    std::fs::write(
        &rules,
        "[[rule]]\nname = \"oom\"\ninclude = [\"OutOfMemory\"]\nseverity = \"critical\"\n\n\
         [[rule]]\nname = \"slow\"\nregex = ['took \\d{4,}ms']\nthreshold = 3\nwindow = \"1m\"\ngroup_by = \"pod\"\n",
    )
    .unwrap();
    e.expect(
        0,
        &[
            "monitor",
            "add",
            "web",
            "--kube",
            "k8s",
            "-n",
            "prod",
            "-l",
            "app=web",
            "--containers",
            "^(app|sidecar)$",
            "--include",
            "ERROR",
            "--include",
            "FATAL",
            "--exclude",
            "healthz",
            "--severity",
            "critical",
            "--rules",
            rules.to_str().unwrap(),
            "--slack",
            "alerts",
            "--archive",
            "arch",
            "--archive-prefix",
            "logs",
            "--archive-window",
            "10m",
            "--archive-retention",
            "30d",
        ],
        None,
    );
    let (out, _) = e.expect(0, &["monitor", "list"], None);
    assert!(
        out.contains("web") && out.contains("oom,slow,default"),
        "{out}"
    );
    let (out, _) = e.expect(0, &["-o", "json", "monitor", "show", "web"], None);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["spec"]["namespaces"][0], "prod");
    assert_eq!(v["spec"]["rules"][1]["threshold"], 3);
    assert_eq!(v["spec"]["rules"][2]["exclude"][0], "healthz");
    assert_eq!(v["spec"]["archive"]["retention"], "30days");
    // duplicates, unknown connections, wrong kinds, bad regexes, unknown rule keys: exit 2
    let (_, err) = e.expect(
        2,
        &["monitor", "add", "web", "--kube", "k8s", "--include", "x"],
        None,
    );
    assert!(err.contains("already exists"), "{err}");
    let (_, err) = e.expect(
        2,
        &["monitor", "add", "m2", "--kube", "nope", "--include", "x"],
        None,
    );
    assert!(err.contains("no such connection"), "{err}");
    let (_, err) = e.expect(
        2,
        &["monitor", "add", "m2", "--kube", "alerts", "--include", "x"],
        None,
    );
    assert!(err.contains("is a slack connection"), "{err}");
    let (_, err) = e.expect(
        2,
        &[
            "monitor",
            "add",
            "m2",
            "--kube",
            "k8s",
            "--regex",
            "(unclosed",
        ],
        None,
    );
    assert!(err.contains("regex '(unclosed' is invalid"), "{err}");
    let (_, err) = e.expect(2, &["monitor", "add", "m2", "--kube", "k8s"], None);
    assert!(err.contains("no rules"), "{err}");
    std::fs::write(&rules, "[[rule]]\nname = \"x\"\nincldue = [\"a\"]\n").unwrap();
    let (_, err) = e.expect(
        2,
        &[
            "monitor",
            "add",
            "m2",
            "--kube",
            "k8s",
            "--rules",
            rules.to_str().unwrap(),
        ],
        None,
    );
    assert!(err.contains("incldue"), "{err}");
    e.expect(0, &["monitor", "rm", "web"], None);
    let (_, err) = e.expect(2, &["monitor", "show", "web"], None);
    assert!(err.contains("no monitor named 'web'"), "{err}");
}

const WEB_PODS: &str = r#"{"pods": [
 {"namespace": "prod", "name": "web-1", "labels": {"app": "web"}, "containers": ["app", "sidecar"],
  "logs": {"app": [[-120, "old line"], [-5, "recent line"]]}},
 {"namespace": "prod", "name": "db-1", "labels": {"app": "db"}, "containers": ["db"]}
]}"#;

/// Lines of a child's stdout, read on a thread so a test can wait with a timeout.
fn lines_of(child: &mut std::process::Child) -> std::sync::mpsc::Receiver<String> {
    use std::io::BufRead;
    let (tx, rx) = std::sync::mpsc::channel();
    let out = child.stdout.take().unwrap();
    std::thread::spawn(move || {
        for l in std::io::BufReader::new(out).lines().map_while(Result::ok) {
            if tx.send(l).is_err() {
                break;
            }
        }
    });
    rx
}

fn wait_line(rx: &std::sync::mpsc::Receiver<String>, want: &str) -> Vec<String> {
    let mut seen = Vec::new();
    let end = std::time::Instant::now() + std::time::Duration::from_secs(20);
    while std::time::Instant::now() < end {
        if let Ok(l) = rx.recv_timeout(std::time::Duration::from_millis(200)) {
            let hit = l.contains(want);
            seen.push(l);
            if hit {
                return seen;
            }
        }
    }
    panic!("no line containing {want:?} within 20 s; saw {seen:?}");
}

/// Real kubectl with kubeconfig `kc`: (succeeded, stdout, stderr).
fn kubectl_with(kc: &str, args: &[&str]) -> (bool, String, String) {
    let out = std::process::Command::new(common::kubectl())
        .args(["--kubeconfig", kc])
        .args(args)
        .output()
        .expect("running kubectl (tests/infra/install.sh kubectl, or set SHARK_KUBECTL)");
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// The fake Kubernetes API as real kubectl sees it: list with selectors, watch, logs with
/// timestamps/sinceTime/follow/previous, rotation ending a follow, deleted pods.
#[test]
fn fake_kube_contract_with_kubectl() {
    let k = common::FakeKube::start(WEB_PODS);
    let kc = k.kubeconfig.to_str().unwrap().to_string();
    let kubectl = |args: &[&str]| kubectl_with(&kc, args);
    let spawn = |args: &[&str]| {
        std::process::Command::new(common::kubectl())
            .args(["--kubeconfig", &kc])
            .args(args)
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap()
    };
    let (ok, out, err) = kubectl(&["get", "pods", "-n", "prod", "-l", "app=web", "-o", "name"]);
    assert!(ok && out.trim() == "pod/web-1", "{out} {err}");
    // sinceTime and timestamps
    let since = chrono::Utc::now() - chrono::Duration::seconds(60);
    let since = since.to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
    let (ok, out, err) = kubectl(&[
        "logs",
        "-n",
        "prod",
        "web-1",
        "-c",
        "app",
        "--timestamps",
        &format!("--since-time={since}"),
    ]);
    assert!(
        ok && out.contains("recent line") && !out.contains("old line"),
        "{out} {err}"
    );
    let ts = out.split_whitespace().next().unwrap();
    assert!(chrono::DateTime::parse_from_rfc3339(ts).is_ok(), "{out}");
    // follow sees pushed lines; a rotation ends the stream (the client must reconnect)
    let mut f = spawn(&["logs", "-f", "-n", "prod", "web-1", "-c", "app", "--tail=0"]);
    let rx = lines_of(&mut f);
    // kubectl may not have opened its stream yet (a loaded machine): a line pushed before that
    // is history, not followed, so push until one arrives through the open stream.
    let mut seen = Vec::new();
    let end = std::time::Instant::now() + std::time::Duration::from_secs(30);
    while !seen
        .iter()
        .any(|l: &String| l.contains("pushed while following"))
    {
        assert!(
            std::time::Instant::now() < end,
            "no followed line in 30 s; saw {seen:?}"
        );
        k.push(
            "prod",
            "web-1",
            "app",
            &["pushed while following".to_string()],
        );
        let until = std::time::Instant::now() + std::time::Duration::from_secs(2);
        while let Some(left) = until.checked_duration_since(std::time::Instant::now()) {
            match rx.recv_timeout(left) {
                Ok(l) => seen.push(l),
                Err(_) => break,
            }
        }
    }
    assert!(!seen.iter().any(|l| l.contains("recent line")), "{seen:?}");
    k.control("POST", "rotate/prod/web-1/app", "");
    let end = std::time::Instant::now() + std::time::Duration::from_secs(10);
    while f.try_wait().unwrap().is_none() {
        assert!(
            std::time::Instant::now() < end,
            "kubectl logs -f did not end at rotation"
        );
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    let (_, out, _) = kubectl(&["logs", "-n", "prod", "web-1", "-c", "app"]);
    assert!(
        !out.contains("pushed while following"),
        "rotated lines are not served: {out}"
    );
    // restart: the old instance's log is --previous
    k.push("prod", "web-1", "sidecar", &["before restart".to_string()]);
    let (_, out, err) = kubectl(&["logs", "-n", "prod", "web-1", "-c", "sidecar", "--previous"]);
    assert!(
        err.contains("previous terminated container") || !out.contains("before restart"),
        "{out} {err}"
    );
    k.control("POST", "restart/prod/web-1/sidecar", "");
    let (ok, out, err) = kubectl(&["logs", "-n", "prod", "web-1", "-c", "sidecar", "--previous"]);
    assert!(ok && out.contains("before restart"), "{out} {err}");
    let (_, out, _) = kubectl(&["logs", "-n", "prod", "web-1", "-c", "sidecar"]);
    assert!(!out.contains("before restart"), "{out}");
    let (_, out, _) = kubectl(&[
        "get",
        "pod",
        "-n",
        "prod",
        "web-1",
        "-o",
        "jsonpath={.status.containerStatuses[1].restartCount}",
    ]);
    assert_eq!(out.trim(), "1");
    // watch: added and deleted pods
    let mut w = spawn(&[
        "get", "pods", "-n", "prod", "-l", "app=web", "-w", "-o", "name",
    ]);
    let rx = lines_of(&mut w);
    wait_line(&rx, "pod/web-1");
    k.control(
        "POST",
        "pods",
        r#"{"namespace": "prod", "name": "web-2", "labels": {"app": "web"}, "containers": ["app"]}"#,
    );
    k.control(
        "POST",
        "pods",
        r#"{"namespace": "prod", "name": "other", "labels": {"app": "x"}, "containers": ["app"]}"#,
    );
    let seen = wait_line(&rx, "pod/web-2");
    assert!(!seen.iter().any(|l| l.contains("other")), "{seen:?}");
    k.control("DELETE", "pods/prod/web-2", "");
    let _ = w.kill();
    let _ = w.wait();
    let (ok, _, err) = kubectl(&["get", "pod", "-n", "prod", "web-2"]);
    assert!(
        !ok && err.contains("NotFound") || err.contains("not found"),
        "{err}"
    );
    let (ok, _, err) = kubectl(&["logs", "-n", "prod", "web-1", "-c", "nope"]);
    assert!(!ok && err.contains("container nope is not valid"), "{err}");
}

use serde_json::Value;
use std::collections::BTreeMap;
use std::time::{Duration, Instant};

/// `shark -o json monitor run NAME` in the background, its NDJSON events read on a thread.
struct Running {
    child: std::process::Child,
    rx: std::sync::mpsc::Receiver<String>,
    events: Vec<Value>,
    /// its stderr
    log: std::path::PathBuf,
}

impl Running {
    fn start(e: &Env, name: &str) -> Running {
        Running::start_with(e, name, Some("shark=info"))
    }

    /// `rust_log` None: the default log filter, as a user sees it.
    fn start_with(e: &Env, name: &str, rust_log: Option<&str>) -> Running {
        let mut cmd = std::process::Command::new(assert_cmd::cargo::cargo_bin("shark"));
        match rust_log {
            Some(f) => cmd.env("RUST_LOG", f),
            None => cmd.env_remove("RUST_LOG"),
        };
        let mut child = cmd
            .args(["-o", "json", "monitor", "run", name])
            .env("SHARK_STATE", e.state())
            .env_remove("SHARK_CONFIG")
            .env_remove("SHARK_MASTER_KEY")
            .env("XDG_CONFIG_HOME", e.dir.path().join("config"))
            .current_dir(e.dir.path())
            .stdout(std::process::Stdio::piped())
            .stderr(
                std::fs::File::create(e.dir.path().join(format!("run-{}.log", std::process::id())))
                    .unwrap(),
            )
            .spawn()
            .unwrap();
        let rx = lines_of(&mut child);
        let mut r = Running {
            child,
            rx,
            events: Vec::new(),
            log: e.dir.path().join(format!("run-{}.log", std::process::id())),
        };
        r.wait(|v| v["event"] == "started");
        r
    }

    /// Wait for an event satisfying `f` (searching those already seen first).
    fn wait(&mut self, f: impl Fn(&Value) -> bool) -> Value {
        if let Some(v) = self.events.iter().find(|v| f(v)) {
            return v.clone();
        }
        let end = Instant::now() + Duration::from_secs(30);
        while Instant::now() < end {
            if let Ok(l) = self.rx.recv_timeout(Duration::from_millis(100)) {
                let v: Value =
                    serde_json::from_str(&l).unwrap_or_else(|_| panic!("not NDJSON: {l}"));
                self.events.push(v.clone());
                if f(&v) {
                    return v;
                }
            }
        }
        panic!(
            "event not seen within 30 s; events so far:\n{:#?}\nstderr:\n{}",
            self.events,
            std::fs::read_to_string(&self.log).unwrap_or_default()
        );
    }

    /// Ctrl-C: expect exit 130 after the final flush; returns every event.
    fn interrupt(self) -> Vec<Value> {
        let pid = self.child.id().to_string();
        assert!(
            std::process::Command::new("kill")
                .args(["-INT", &pid])
                .status()
                .unwrap()
                .success()
        );
        self.exit(130)
    }

    /// Wait for the process to exit with `code`; returns every event.
    fn exit(mut self, code: i32) -> Vec<Value> {
        let end = Instant::now() + Duration::from_secs(40);
        let status = loop {
            if let Some(s) = self.child.try_wait().unwrap() {
                break s;
            }
            assert!(
                Instant::now() < end,
                "monitor run did not stop after SIGINT"
            );
            std::thread::sleep(Duration::from_millis(100));
        };
        while let Ok(l) = self.rx.recv_timeout(Duration::from_millis(500)) {
            self.events.push(serde_json::from_str(&l).unwrap());
        }
        assert_eq!(status.code(), Some(code), "events: {:#?}", self.events);
        std::mem::take(&mut self.events)
    }
}

impl Drop for Running {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn unique(tag: &str) -> String {
    let ns = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_nanos();
    format!("t{}-{tag}-{}", std::process::id(), ns % 1_000_000_000)
}

fn lines(v: &[&str]) -> Vec<String> {
    v.iter().map(|s| s.to_string()).collect()
}

/// Every line of every archive object of `unit` (ns/pod/container), timestamps stripped.
fn archived(e: &Env, name: &str, unit: &str) -> Vec<String> {
    let (out, _) = e.expect(
        0,
        &[
            "-o", "json", "monitor", "archive", "ls", name, "--under", unit,
        ],
        None,
    );
    let objects: Vec<Value> = serde_json::from_str(&out).unwrap();
    let mut all = Vec::new();
    for o in objects {
        let (text, _) = e.expect(
            0,
            &[
                "monitor",
                "archive",
                "get",
                name,
                o["key"].as_str().unwrap(),
            ],
            None,
        );
        all.extend(
            text.lines()
                .map(|l| l.split_once(' ').unwrap().1.to_string()),
        );
    }
    all
}

/// The issue's "Done when": lines pushed into two containers of two pods (one added while
/// running) reach the rules; each group window is one Slack message with its count; after a
/// stream cut, a log rotation and a Ctrl-C + restart (with lines written while stopped), the
/// archive holds every line exactly once and the alert counts add up to the matching lines.
#[test]
fn follow_alert_archive_exactly_once_across_cut_rotation_and_restart() {
    let k = common::FakeKube::start(WEB_PODS);
    let slack = common::FakeSlack::start();
    let e = Env::new();
    connections(&e, k.kubeconfig.to_str().unwrap());
    e.expect(
        0,
        &["conn", "edit", "alerts", "--secret-stdin"],
        Some(&slack.webhook()),
    );
    let rules = e.dir.path().join("rules.toml");
    std::fs::write(
        &rules,
        "[[rule]]\nname = \"mark\"\ninclude = [\"MARK\"]\nseverity = \"info\"\n",
    )
    .unwrap();
    let prefix = unique("arch");
    e.expect(
        0,
        &[
            "monitor",
            "add",
            "m",
            "--kube",
            "k8s",
            "-n",
            "prod",
            "-l",
            "app=web",
            "--include",
            "ERROR",
            "--exclude",
            "healthz",
            "--group-window",
            "2s",
            "--rules",
            rules.to_str().unwrap(),
            "--slack",
            "alerts",
            "--archive",
            "arch",
            "--archive-prefix",
            &prefix,
        ],
        None,
    );
    let mut want: BTreeMap<&str, Vec<String>> = BTreeMap::new();
    let push = |want: &mut BTreeMap<&str, Vec<String>>, pod: &str, c: &str, l: Vec<String>| {
        k.push("prod", pod, c, &l);
        let unit: &'static str = Box::leak(format!("prod/{pod}/{c}").into_boxed_str());
        want.entry(unit).or_default().extend(l);
    };
    let is_match = |text: &'static str| {
        move |v: &Value| v["event"] == "match" && v["line"].as_str().unwrap().contains(text)
    };

    let mut run = Running::start(&e, "m");
    run.wait(|v| v["event"] == "pod-added" && v["pod"] == "web-1");
    assert!(
        !run.events.iter().any(|v| v["pod"] == "db-1"),
        "selector honoured"
    );
    push(
        &mut want,
        "web-1",
        "app",
        lines(&[
            "a1 info",
            "a2 ERROR x",
            "a3 ERROR y",
            "a4 GET /healthz ERROR",
        ]),
    );
    push(&mut want, "web-1", "sidecar", lines(&["s1 ERROR side"]));
    k.control("POST", "pods", r#"{"namespace": "prod", "name": "web-2", "labels": {"app": "web"}, "containers": ["app"]}"#);
    run.wait(|v| v["event"] == "pod-added" && v["pod"] == "web-2");
    push(&mut want, "web-2", "app", lines(&["b1 ERROR two"]));
    for g in ["prod/web-1/app", "prod/web-1/sidecar", "prod/web-2/app"] {
        let a = run.wait(|v| v["event"] == "alert" && v["group"] == g);
        run.wait(|v| v["event"] == "alert-delivery" && v["id"] == a["id"] && v["status"] == "sent");
    }
    assert!(
        !run.events
            .iter()
            .any(|v| v["event"] == "match" && v["line"].as_str().unwrap().contains("healthz"))
    );
    // an abrupt cut of web-1's connections, then a rotation of its app log
    k.control("POST", "cut/prod/web-1", "");
    std::thread::sleep(Duration::from_millis(300));
    push(
        &mut want,
        "web-1",
        "app",
        lines(&["a5 after cut", "a6 ERROR after cut MARK"]),
    );
    run.wait(is_match("a6"));
    k.control("POST", "rotate/prod/web-1/app", "");
    push(
        &mut want,
        "web-1",
        "app",
        lines(&["a7 after rotation MARK"]),
    );
    run.wait(is_match("a7"));
    push(&mut want, "web-1", "sidecar", lines(&["s2 MARK"]));
    run.wait(is_match("s2"));
    let events = run.interrupt();
    assert!(
        events.iter().any(|v| v["event"] == "archive-flush"),
        "Ctrl-C flushes the archive"
    );
    assert!(
        events.iter().any(|v| v["event"] == "reconnect"),
        "the cut was noticed"
    );

    // written while shark is stopped: the next run reads them, and nothing before them again
    push(&mut want, "web-1", "app", lines(&["a8 ERROR while down"]));
    push(&mut want, "web-1", "sidecar", lines(&["s3 while down"]));
    let mut run = Running::start(&e, "m");
    assert_eq!(run.events[0]["resumed_containers"], 3);
    run.wait(is_match("a8"));
    push(&mut want, "web-2", "app", lines(&["b2 MARK"]));
    run.wait(is_match("b2"));
    let a8 =
        run.wait(|v| v["event"] == "alert" && v["samples"][0].as_str().unwrap().contains("a8"));
    run.wait(|v| v["event"] == "alert-delivery" && v["id"] == a8["id"]);
    let second = run.interrupt();
    assert!(
        !second.iter().any(|v| v["event"] == "match"
            && ["a2", "a6", "a7", "s2", "b1"]
                .iter()
                .any(|x| v["line"].as_str().unwrap().starts_with(x))),
        "nothing matched twice: {second:#?}"
    );

    for (unit, lines) in &want {
        assert_eq!(&archived(&e, "m", unit), lines, "archive of {unit}");
    }
    // Slack: one message per group window, counts adding up to the ERROR lines, channel honoured
    let msgs = slack.messages();
    let mut counts: BTreeMap<String, Vec<u64>> = BTreeMap::new();
    for m in &msgs {
        assert_eq!(m["channel"], "#ops-alerts");
        let text = m["text"].as_str().unwrap();
        if text.contains("rule 'default'") {
            let n: u64 = text
                .split("]")
                .nth(1)
                .unwrap()
                .split_whitespace()
                .nth(1)
                .unwrap()
                .parse()
                .unwrap();
            let group = text.rsplit(" in ").next().unwrap().to_string();
            counts.entry(group).or_default().push(n);
        }
    }
    assert_eq!(counts["prod/web-1/app"], vec![2, 1, 1], "{msgs:#?}");
    assert_eq!(counts["prod/web-1/sidecar"], vec![1]);
    assert_eq!(counts["prod/web-2/app"], vec![1]);
    let blocks = msgs[0]["blocks"].to_string();
    assert!(
        blocks.contains("Pod") && blocks.contains("Container") && blocks.contains("ERROR"),
        "{blocks}"
    );
    let (out, _) = e.expect(0, &["-o", "json", "monitor", "show", "m"], None);
    let shown: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(shown["containers"].as_array().unwrap().len(), 3);
    assert!(
        shown["alerts"]
            .as_array()
            .unwrap()
            .iter()
            .all(|a| a["status"] == "sent")
    );
}

/// A 429 with Retry-After delays delivery; the alert is retried and recorded as sent.
#[test]
fn slack_429_is_waited_out_without_losing_the_alert() {
    let k = common::FakeKube::start(WEB_PODS);
    let slack = common::FakeSlack::start();
    let e = Env::new();
    connections(&e, k.kubeconfig.to_str().unwrap());
    e.expect(
        0,
        &["conn", "edit", "alerts", "--secret-stdin"],
        Some(&slack.webhook()),
    );
    e.expect(
        0,
        &[
            "monitor",
            "add",
            "m",
            "--kube",
            "k8s",
            "-n",
            "prod",
            "--containers",
            "^app$",
            "--include",
            "panic",
            "--group-window",
            "1s",
            "--slack",
            "alerts",
        ],
        None,
    );
    slack.control(
        "POST",
        "fail",
        r#"{"status": 429, "retry_after": 2, "count": 1}"#,
    );
    let mut run = Running::start(&e, "m");
    run.wait(|v| v["event"] == "pod-added" && v["pod"] == "web-1");
    k.push("prod", "web-1", "app", &lines(&["panic: runtime error"]));
    let retry = run.wait(|v| v["event"] == "alert-retry");
    assert_eq!(retry["wait_s"], 2.0);
    let t = Instant::now();
    let done = run.wait(|v| v["event"] == "alert-delivery");
    assert!(
        t.elapsed() >= Duration::from_millis(1500),
        "Retry-After honoured"
    );
    assert_eq!(done["status"], "sent");
    assert_eq!(done["attempts"], 2);
    let events = run.interrupt();
    let log = std::fs::read_to_string(e.dir.path().join(format!("run-{}.log", std::process::id())))
        .unwrap();
    for text in [log, serde_json::to_string(&events).unwrap()] {
        assert!(
            !text.contains("monitor-test-secret"),
            "the webhook URL is a secret: {text}"
        );
    }
    assert_eq!(slack.messages().len(), 1);
    let attempts = slack.control("GET", "attempts", "");
    assert_eq!(attempts.as_array().unwrap().len(), 2);
    let (out, _) = e.expect(0, &["-o", "json", "monitor", "show", "m"], None);
    let shown: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(shown["alerts"][0]["status"], "sent");
    assert_eq!(shown["alerts"][0]["attempts"], 2);
}

/// A container that restarted while shark was stopped: the old instance's last lines are read
/// from `previous`, then the new instance's; `monitor stop` from another terminal ends a run
/// cleanly (exit 0) after its checkpoint.
#[test]
fn restart_while_stopped_reads_previous_and_stop_ends_the_run() {
    let k = common::FakeKube::start(WEB_PODS);
    let e = Env::new();
    connections(&e, k.kubeconfig.to_str().unwrap());
    let prefix = unique("matched");
    e.expect(
        0,
        &[
            "monitor",
            "add",
            "m",
            "--kube",
            "k8s",
            "-n",
            "prod",
            "--containers",
            "^app$",
            "--include",
            "ERROR",
            "--archive",
            "arch",
            "--archive-prefix",
            &prefix,
            "--archive-lines",
            "matched",
        ],
        None,
    );
    let mut run = Running::start(&e, "m");
    run.wait(|v| v["event"] == "pod-added" && v["pod"] == "web-1");
    assert!(
        !run.events.iter().any(|v| v["event"] == "match"),
        "lines from before the first start are not read"
    );
    k.push(
        "prod",
        "web-1",
        "app",
        &lines(&["p0 info", "p1 ERROR before", "p1b info"]),
    );
    run.wait(|v| v["event"] == "match" && v["line"] == "p1 ERROR before");
    run.interrupt();
    k.push("prod", "web-1", "app", &lines(&["p2 ERROR old instance"]));
    k.control("POST", "restart/prod/web-1/app", "");
    k.push(
        "prod",
        "web-1",
        "app",
        &lines(&["p3 ERROR new instance", "p4 info"]),
    );
    let mut run = Running::start(&e, "m");
    run.wait(|v| v["event"] == "match" && v["line"] == "p3 ERROR new instance");
    let matched: Vec<&str> = run
        .events
        .iter()
        .filter(|v| v["event"] == "match")
        .map(|v| v["line"].as_str().unwrap())
        .collect();
    assert_eq!(
        matched,
        vec!["p2 ERROR old instance", "p3 ERROR new instance"]
    );
    let (_, err) = e.expect(2, &["monitor", "rm", "m"], None);
    assert!(err.contains("is running"), "{err}");
    // a deleted pod: gone from the watch, its last lines still read, its checkpoint dropped
    k.push("prod", "web-1", "app", &lines(&["p5 ERROR last words"]));
    k.control("DELETE", "pods/prod/web-1", "");
    run.wait(|v| v["event"] == "pod-gone" && v["pod"] == "web-1");
    run.wait(|v| v["event"] == "match" && v["line"] == "p5 ERROR last words");
    let (out, _) = e.expect(0, &["monitor", "stop", "m"], None);
    assert!(out.contains("asked monitor 'm'"), "{out}");
    let events = run.exit(0);
    assert_eq!(events.last().unwrap()["reason"], "stopped");
    let (_, err) = e.expect(2, &["monitor", "stop", "m"], None);
    assert!(err.contains("not running"), "{err}");
    assert_eq!(
        archived(&e, "m", "prod/web-1/app"),
        lines(&[
            "p1 ERROR before",
            "p2 ERROR old instance",
            "p3 ERROR new instance",
            "p5 ERROR last words"
        ]),
        "--archive-lines matched"
    );
    let (out, _) = e.expect(0, &["-o", "json", "monitor", "show", "m"], None);
    let shown: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(
        shown["alerts"].as_array().unwrap().len(),
        2,
        "recorded without a slack connection"
    );
    assert_eq!(
        shown["alerts"][0]["count"], 3,
        "p2, p3, p5 in one group window"
    );
    assert_eq!(
        shown["containers"],
        serde_json::json!([]),
        "checkpoint of the deleted pod dropped"
    );
    assert_eq!(shown["alerts"][0]["status"], "recorded");
}

fn s3_conn() -> shark::conn::Connection {
    let i = infra();
    shark::conn::Connection {
        name: "arch".into(),
        kind: shark::conn::Kind::S3,
        url: i.get("SHARK_T_S3_ENDPOINT").into(),
        user: Some(i.get("SHARK_T_S3_ACCESS_KEY").into()),
        options: [("bucket".to_string(), i.get("SHARK_T_S3_BUCKET").to_string())].into(),
        secret: Some(shark::conn::Secret::new(
            i.get("SHARK_T_S3_SECRET_KEY").to_string(),
        )),
        has_secret: true,
        origin: shark::conn::Origin::State,
    }
}

/// Big windows go up as multipart uploads and read back whole; retention deletes old objects.
#[tokio::test]
async fn archive_multipart_upload_and_retention() {
    use shark::monitor::archive;
    let _ = rustls::crypto::ring::default_provider().install_default();
    let conn = s3_conn();
    let s3 = archive::store(&conn).unwrap();
    let base = unique("mp");
    // ~12 MB of pseudo-random text: ~7 MB gzip, over the 1 MiB threshold given here → 2 parts
    let mut x: u64 = 0x9E3779B97F4A7C15;
    let mut text = Vec::with_capacity(12 << 20);
    while text.len() < 12 << 20 {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        text.extend_from_slice(
            format!(
                "2026-12-01T10:00:00Z line {x:016x}{:016x}\n",
                x.rotate_left(32)
            )
            .as_bytes(),
        );
    }
    let key = format!("{base}/prod/web/app/2026/12/01/10-00-00.000000000-1.log.gz");
    let multipart = archive::upload(&s3, &conn, &key, archive::gzip(&text), 1 << 20)
        .await
        .unwrap();
    assert!(multipart);
    assert!(
        archive::get(&s3, &conn, &key).await.unwrap() == text,
        "multipart object reads back whole"
    );
    let small = format!("{base}/prod/web/app/2026/12/01/11-00-00.000000000-1.log.gz");
    assert!(
        !archive::upload(&s3, &conn, &small, archive::gzip(b"x\n"), 1 << 20)
            .await
            .unwrap()
    );
    assert_eq!(
        archive::list(&s3, &conn, &base, None).await.unwrap().len(),
        2
    );
    assert_eq!(
        archive::expire(&s3, &conn, &base, Duration::from_secs(3600))
            .await
            .unwrap(),
        0
    );
    tokio::time::sleep(Duration::from_millis(1100)).await;
    assert_eq!(
        archive::expire(&s3, &conn, &base, Duration::from_millis(1))
            .await
            .unwrap(),
        2
    );
    assert!(
        archive::list(&s3, &conn, &base, None)
            .await
            .unwrap()
            .is_empty()
    );
    let missing = archive::get(&s3, &conn, &key).await.unwrap_err();
    assert_eq!(
        shark::exit::Classify::exit_kind(&missing).code(),
        2,
        "{missing}"
    );
}

/// SPEC §10 asks for 200 followed containers in one process: 100 pods × 2 containers, one
/// matching line pushed into each, every one matched exactly once.
#[test]
fn follows_two_hundred_containers() {
    let pods: Vec<String> = (0..100)
        .map(|i| format!(r#"{{"namespace": "big", "name": "p{i:03}", "labels": {{"app": "big"}}, "containers": ["a", "b"]}}"#))
        .collect();
    let k = common::FakeKube::start(&format!(r#"{{"pods": [{}]}}"#, pods.join(",")));
    let e = Env::new();
    connections(&e, k.kubeconfig.to_str().unwrap());
    e.expect(
        0,
        &[
            "monitor",
            "add",
            "big",
            "--kube",
            "k8s",
            "-n",
            "big",
            "--include",
            "HELLO",
            "--group-by",
            "rule",
        ],
        None,
    );
    let mut run = Running::start(&e, "big");
    for i in 0..100 {
        let name = format!("p{i:03}");
        run.wait(|v| v["event"] == "pod-added" && v["pod"] == name.as_str());
    }
    std::thread::sleep(Duration::from_secs(1));
    for i in 0..100 {
        for c in ["a", "b"] {
            k.push(
                "big",
                &format!("p{i:03}"),
                c,
                &[format!("HELLO from p{i:03}/{c}")],
            );
        }
    }
    let mut seen = std::collections::BTreeSet::new();
    let end = Instant::now() + Duration::from_secs(60);
    while seen.len() < 200 {
        assert!(
            Instant::now() < end,
            "only {} of 200 containers delivered",
            seen.len()
        );
        let v = run.wait(|v| v["event"] == "match" && !seen.contains(v["line"].as_str().unwrap()));
        seen.insert(v["line"].as_str().unwrap().to_string());
    }
    let events = run.interrupt();
    assert_eq!(events.iter().filter(|v| v["event"] == "match").count(), 200);
}

/// Refused credentials and an unreachable API server stop `run` before it follows anything,
/// with exit 3 and a one-line reason; an unknown monitor is exit 2.
#[test]
fn run_fails_fast_on_refused_or_unreachable_api() {
    let e = Env::new();
    let kc = infra().get("SHARK_T_KUBECONFIG");
    connections(&e, kc);
    e.expect(
        0,
        &[
            "monitor",
            "add",
            "bad",
            "--kube",
            "k8s",
            "--context",
            "badtoken",
            "--include",
            "x",
        ],
        None,
    );
    let (_, err) = e.expect(3, &["monitor", "run", "bad"], None);
    assert!(
        err.contains("Kubernetes API listing pods") && err.contains("401"),
        "{err}"
    );
    assert_eq!(err.trim().lines().count(), 1, "{err}");
    let dead = e.dir.path().join("dead-kubeconfig");
    std::fs::write(
        &dead,
        std::fs::read_to_string(kc)
            .unwrap()
            .replace(infra().get("SHARK_T_KUBE_URL"), "https://127.0.0.1:1"),
    )
    .unwrap();
    e.expect(
        0,
        &[
            "conn",
            "add",
            "dead",
            "--kind",
            "kubernetes",
            "--kubeconfig",
            dead.to_str().unwrap(),
            "--context",
            "fake",
        ],
        None,
    );
    e.expect(
        0,
        &["monitor", "add", "gone", "--kube", "dead", "--include", "x"],
        None,
    );
    let (_, err) = e.expect(3, &["monitor", "run", "gone"], None);
    assert!(err.contains("Kubernetes API listing pods"), "{err}");
    let (_, err) = e.expect(2, &["monitor", "run", "nope"], None);
    assert!(err.contains("no monitor named 'nope'"), "{err}");
}

#[test]
fn monitors_declared_in_the_config_list_run_and_keep_state_by_name() {
    let k = common::FakeKube::start(WEB_PODS);
    let slack = common::FakeSlack::start();
    let e = Env::new();
    e.expect(
        0,
        &[
            "conn",
            "add",
            "k8s",
            "--kind",
            "kubernetes",
            "--kubeconfig",
            k.kubeconfig.to_str().unwrap(),
            "--context",
            "fake",
        ],
        None,
    );
    // the rules file is found through ${XDG_CONFIG_HOME}, which the tests set per Env
    let xdg = e.dir.path().join("config");
    std::fs::create_dir_all(&xdg).unwrap();
    std::fs::write(
        xdg.join("rules.toml"),
        "[[rule]]\nname = \"errors\"\ninclude = [\"ERROR\"]\ngroup_window = \"1s\"\n",
    )
    .unwrap();
    let config = format!(
        "[connections.hook]\nkind = \"slack\"\npassword = \"{}\"\nchannel = \"#cfg\"\n\n\
         [monitors.cfgmon]\nkube = \"k8s\"\nnamespaces = [\"${{SHARK_T_CFG_UNSET_NS:-prod}}\"]\n\
         containers = \"^app$\"\nslack = \"hook\"\nrules_file = \"${{XDG_CONFIG_HOME}}/rules.toml\"\n\n\
         [[monitors.cfgmon.rules]]\nname = \"fatal\"\ninclude = [\"FATAL\"]\nseverity = \"critical\"\n",
        slack.webhook()
    );
    let toml = e.dir.path().join("shark.toml");
    std::fs::write(&toml, &config).unwrap();

    let (out, _) = e.expect(0, &["monitor", "list"], None);
    assert!(
        out.contains("cfgmon") && out.contains("errors,fatal") && out.contains("config "),
        "{out}"
    );
    let (out, _) = e.expect(0, &["-o", "json", "monitor", "show", "cfgmon"], None);
    let v: Value = serde_json::from_str(&out).unwrap();
    assert!(v["origin"].as_str().unwrap().starts_with("config "), "{v}");
    assert_eq!(v["spec"]["namespaces"][0], "prod");
    assert_eq!(v["spec"]["rules"][1]["severity"], "critical");
    let (_, err) = e.expect(2, &["monitor", "rm", "cfgmon"], None);
    assert!(
        err.contains("declared in") && err.contains("[monitors.cfgmon]"),
        "{err}"
    );
    let (_, err) = e.expect(
        2,
        &[
            "monitor",
            "add",
            "cfgmon",
            "--kube",
            "k8s",
            "--include",
            "x",
        ],
        None,
    );
    assert!(err.contains("declared in"), "{err}");

    // it runs like a stored one; its alerts and checkpoints are kept under its name
    let mut run = Running::start(&e, "cfgmon");
    run.wait(|v| v["event"] == "pod-added" && v["pod"] == "web-1");
    k.push("prod", "web-1", "app", &lines(&["c1 ERROR from config"]));
    let a = run.wait(|v| v["event"] == "alert");
    assert_eq!(a["rule"], "errors");
    run.wait(|v| v["event"] == "alert-delivery" && v["status"] == "sent");
    run.interrupt();
    let msgs = slack.messages();
    assert_eq!(msgs.len(), 1, "{msgs:?}");
    assert_eq!(msgs[0]["channel"], "#cfg");
    let (out, _) = e.expect(0, &["-o", "json", "monitor", "show", "cfgmon"], None);
    let v: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["alerts"][0]["status"], "sent", "{v}");
    assert!(
        v["containers"][0]["matched_until"].is_string(),
        "checkpoint kept: {v}"
    );

    // strict: an unknown key is an error naming its path
    std::fs::write(&toml, config.replace("severity = ", "sevrity = ")).unwrap();
    let (_, err) = e.expect(2, &["monitor", "list"], None);
    assert!(err.contains("monitors.cfgmon.rules[0].sevrity"), "{err}");
}

#[test]
fn the_example_monitor_is_valid() {
    let e = Env::new();
    let example = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/shark.toml");
    let mut c = e.shark();
    c.args([
        "--config",
        example.to_str().unwrap(),
        "-o",
        "json",
        "monitor",
        "list",
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
    assert!(out.status.success(), "{out:?}");
    let list: Value = serde_json::from_slice(&out.stdout).unwrap();
    let m = &list[0];
    assert_eq!(m["name"], "shop-web", "{list}");
    assert!(m["origin"].as_str().unwrap().starts_with("config "), "{m}");
    let rules: Vec<&str> = m["rules"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["name"].as_str().unwrap())
        .collect();
    assert_eq!(rules.last(), Some(&"payment-errors"), "{m}");
    assert!(rules.contains(&"crash"), "rules_file read: {m}");
    assert_eq!(m["archive"]["retention"], "30days", "{m}");
}

/// A fake API serving WEB_PODS and a state file with its connections (see [`connections`]).
fn web_env() -> (common::FakeKube, Env) {
    let k = common::FakeKube::start(WEB_PODS);
    let e = Env::new();
    connections(&e, k.kubeconfig.to_str().unwrap());
    (k, e)
}

/// A new run of monitor `m` matches a line pushed into prod/web-1/app and nothing else (nothing
/// read before is read again).
fn resumes_without_repeats(e: &Env, k: &common::FakeKube) {
    let mut run = Running::start(e, "m");
    run.wait(|v| v["event"] == "pod-added" && v["pod"] == "web-1");
    k.push("prod", "web-1", "app", &lines(&["n3 ERROR after restart"]));
    run.wait(|v| v["event"] == "match" && v["line"] == "n3 ERROR after restart");
    std::thread::sleep(Duration::from_millis(1000));
    let events = run.interrupt();
    assert_eq!(matched(&events), lines(&["n3 ERROR after restart"]));
}

/// `shark monitor add m --kube k8s -n prod EXTRA...` (exit 0).
fn add_m(e: &Env, extra: &[&str]) {
    let mut args = vec!["monitor", "add", "m", "--kube", "k8s", "-n", "prod"];
    args.extend_from_slice(extra);
    e.expect(0, &args, None);
}

/// The lines of `match` events seen so far, in order.
fn matched(events: &[Value]) -> Vec<String> {
    events
        .iter()
        .filter(|v| v["event"] == "match")
        .map(|v| v["line"].as_str().unwrap().to_string())
        .collect()
}

/// What the last `Running` of this test process wrote to stderr.
fn run_log(e: &Env) -> String {
    std::fs::read_to_string(e.dir.path().join(format!("run-{}.log", std::process::id())))
        .unwrap_or_default()
}

/// Sum of the counts of the Slack messages of rule `rule`.
fn slack_count(slack: &common::FakeSlack, rule: &str) -> u64 {
    slack
        .messages()
        .iter()
        .filter_map(|m| m["text"].as_str().map(str::to_string))
        .filter(|t| t.contains(&format!("rule '{rule}'")))
        .map(|t| {
            t.split(']')
                .nth(1)
                .unwrap()
                .split_whitespace()
                .nth(1)
                .unwrap()
                .parse::<u64>()
                .unwrap()
        })
        .sum()
}

/// The issue's first case: a container restarts while followed, and its last lines (written
/// after its stream was cut, reachable only with `previous=true`) are read before the new
/// instance's, archived once and alerted once; a later run does not read them again.
#[test]
fn restart_while_followed_keeps_the_old_instance_last_lines() {
    let (k, e) = web_env();
    let slack = common::FakeSlack::start();
    e.expect(
        0,
        &["conn", "edit", "alerts", "--secret-stdin"],
        Some(&slack.webhook()),
    );
    let prefix = unique("restart");
    add_m(
        &e,
        &[
            "--containers",
            "^app$",
            "--include",
            "ERROR",
            "--include",
            "panic:",
            "--group-window",
            "1s",
            "--slack",
            "alerts",
            "--archive",
            "arch",
            "--archive-prefix",
            &prefix,
        ],
    );
    let mut run = Running::start(&e, "m");
    run.wait(|v| v["event"] == "pod-added" && v["pod"] == "web-1");
    k.push(
        "prod",
        "web-1",
        "app",
        &lines(&["r1 info", "r2 ERROR before"]),
    );
    run.wait(|v| v["event"] == "match" && v["line"] == "r2 ERROR before");
    // the stream is cut, then the old instance writes its last lines and dies
    k.control(
        "POST",
        "restart/prod/web-1/app?cut=1",
        "panic: runtime error: index out of range\ngoroutine 1 [running]\nERROR exiting 2\n",
    );
    k.push(
        "prod",
        "web-1",
        "app",
        &lines(&["n1 info new instance", "n2 ERROR new instance"]),
    );
    run.wait(|v| v["event"] == "match" && v["line"] == "n2 ERROR new instance");
    run.wait(|v| v["event"] == "alert-delivery" && v["status"] == "sent");
    std::thread::sleep(Duration::from_millis(2500));
    let events = run.interrupt();
    assert_eq!(
        matched(&events),
        lines(&[
            "r2 ERROR before",
            "panic: runtime error: index out of range",
            "ERROR exiting 2",
            "n2 ERROR new instance"
        ]),
        "old instance first, each line once"
    );
    assert_eq!(slack_count(&slack, "default"), 4, "{:#?}", slack.messages());
    let stderr = run_log(&e);
    assert!(
        stderr.contains("interrupted") && !stderr.contains("error: interrupted"),
        "Ctrl-C is an intended stop: {stderr}"
    );
    assert_eq!(
        archived(&e, "m", "prod/web-1/app"),
        lines(&[
            "r1 info",
            "r2 ERROR before",
            "panic: runtime error: index out of range",
            "goroutine 1 [running]",
            "ERROR exiting 2",
            "n1 info new instance",
            "n2 ERROR new instance"
        ])
    );
    // the checkpoint knows the restart: the next run reads neither instance again
    resumes_without_repeats(&e, &k);
}

/// A half-open stream (accepted, then nothing) is reopened within the idle deadline, and the
/// line written meanwhile is read once.
#[test]
fn frozen_stream_is_reopened_within_the_idle_deadline() {
    let (k, e) = web_env();
    add_m(
        &e,
        &[
            "--containers",
            "^app$",
            "--include",
            "ERROR",
            "--stream-idle",
            "3s",
        ],
    );
    let mut run = Running::start(&e, "m");
    run.wait(|v| v["event"] == "pod-added" && v["pod"] == "web-1");
    std::thread::sleep(Duration::from_millis(500));
    k.push("prod", "web-1", "app", &lines(&["f1 ERROR before"]));
    run.wait(|v| v["event"] == "match" && v["line"] == "f1 ERROR before");
    k.control("POST", "freeze/prod/web-1", "");
    let t = Instant::now();
    k.push("prod", "web-1", "app", &lines(&["f2 ERROR while frozen"]));
    run.wait(|v| v["event"] == "match" && v["line"] == "f2 ERROR while frozen");
    assert!(
        t.elapsed() < Duration::from_secs(3 + 5),
        "read {:?} after the freeze",
        t.elapsed()
    );
    let r = run.wait(|v| v["event"] == "reconnect" && v["container"] == "app");
    assert!(
        r["reason"].as_str().unwrap().contains("no data for 3s"),
        "{r}"
    );
    let events = run.interrupt();
    assert_eq!(
        matched(&events),
        lines(&["f1 ERROR before", "f2 ERROR while frozen"])
    );
}

/// `^` and `$` anchor at line starts and ends (the detector runs over a batch of lines),
/// exclude regexes drop lines, and `error` is a severity.
#[test]
fn anchored_regex_rules_match_per_line() {
    let (k, e) = web_env();
    add_m(
        &e,
        &[
            "--containers",
            "^app$",
            "--regex",
            "^panic:",
            "--regex",
            "timeout$",
            "--exclude-regex",
            "^panic: test",
            "--severity",
            "error",
            "--group-window",
            "1s",
        ],
    );
    let mut run = Running::start(&e, "m");
    run.wait(|v| v["event"] == "pod-added" && v["pod"] == "web-1");
    std::thread::sleep(Duration::from_millis(500));
    // one write burst: the lines reach the matcher as one batch
    k.push(
        "prod",
        "web-1",
        "app",
        &lines(&[
            "panic: boom",
            "recovered from panic: boom",
            "request timeout",
            "timeout later",
            "panic: test only",
            "upstream timeout",
        ]),
    );
    run.wait(|v| v["event"] == "match" && v["line"] == "upstream timeout");
    let a = run.wait(|v| v["event"] == "alert");
    assert_eq!(a["severity"], "error");
    let events = run.interrupt();
    assert_eq!(
        matched(&events),
        lines(&["panic: boom", "request timeout", "upstream timeout"])
    );
    let (out, _) = e.expect(0, &["monitor", "show", "m"], None);
    assert!(out.contains("/^panic: test/"), "{out}");
}

/// A StatefulSet-style rollout: the pod is deleted and recreated under its name (another uid).
/// The new pod is read from its beginning by its own follower, the old follower does not attach
/// to it, nothing is read twice, and a restarted run resumes the new pod.
#[test]
fn pod_recreated_under_its_name_is_a_new_pod() {
    let (k, e) = web_env();
    add_m(&e, &["--containers", "^app$", "--include", "ERROR"]);
    let mut run = Running::start(&e, "m");
    run.wait(|v| v["event"] == "pod-added" && v["pod"] == "web-1");
    std::thread::sleep(Duration::from_millis(300));
    k.push("prod", "web-1", "app", &lines(&["o1 ERROR old pod"]));
    run.wait(|v| v["event"] == "match" && v["line"] == "o1 ERROR old pod");
    let pod = r#"{"namespace": "prod", "name": "web-1", "labels": {"app": "web"}, "containers": ["app", "sidecar"]}"#;
    k.control("DELETE", "pods/prod/web-1", "");
    k.control("POST", "pods", pod);
    k.push("prod", "web-1", "app", &lines(&["n1 ERROR new pod"]));
    run.wait(|v| v["event"] == "match" && v["line"] == "n1 ERROR new pod");
    // the old follower's reconnects (every 200 ms and up) would have found the new pod by now
    std::thread::sleep(Duration::from_secs(3));
    k.push("prod", "web-1", "app", &lines(&["n2 ERROR new pod"]));
    run.wait(|v| v["event"] == "match" && v["line"] == "n2 ERROR new pod");
    std::thread::sleep(Duration::from_secs(1));
    let events = run.interrupt();
    assert_eq!(
        matched(&events),
        lines(&["o1 ERROR old pod", "n1 ERROR new pod", "n2 ERROR new pod"])
    );
    let (out, _) = e.expect(0, &["-o", "json", "monitor", "show", "m"], None);
    let shown: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(
        shown["containers"].as_array().unwrap().len(),
        1,
        "the live pod's checkpoint kept: {shown}"
    );
    resumes_without_repeats(&e, &k);
}

/// No `get pods/log`: `run` refuses to start (exit 3, the RBAC verb named); lost while running,
/// the container is reported once as not followed (no reconnect every few seconds), and it is
/// followed again once the permission is back.
#[test]
fn forbidden_pod_logs_are_reported_not_retried_silently() {
    let (k, e) = web_env();
    add_m(&e, &["--containers", "^app$", "--include", "ERROR"]);
    let deny = r#"{"namespace": "prod", "verb": "get", "resource": "pods", "subresource": "log"}"#;
    k.control("POST", "deny", deny);
    let (_, err) = e.expect(3, &["monitor", "run", "m"], None);
    assert!(
        err.contains("not allowed to get pods/log in namespace prod") && err.contains("Role"),
        "{err}"
    );
    assert_eq!(err.trim().lines().count(), 1, "{err}");
    k.control("DELETE", "deny", "");
    let mut run = Running::start(&e, "m");
    run.wait(|v| v["event"] == "pod-added" && v["pod"] == "web-1");
    std::thread::sleep(Duration::from_millis(300));
    k.control("POST", "deny", deny);
    k.control("POST", "cut/prod/web-1", "");
    let c = run.wait(|v| v["event"] == "cannot-follow" && v["container"] == "app");
    let reason = c["reason"].as_str().unwrap();
    assert!(
        reason.contains("403") && reason.contains("grant get on pods/log in namespace prod"),
        "{reason}"
    );
    std::thread::sleep(Duration::from_secs(4));
    k.push(
        "prod",
        "web-1",
        "app",
        &lines(&["g1 ERROR while forbidden"]),
    );
    k.control("DELETE", "deny", "");
    run.wait(|v| v["event"] == "follow-resumed" && v["container"] == "app");
    run.wait(|v| v["event"] == "match" && v["line"] == "g1 ERROR while forbidden");
    let events = run.interrupt();
    let noise = events
        .iter()
        .filter(|v| {
            (v["event"] == "reconnect" || v["event"] == "cannot-follow") && v["container"] == "app"
        })
        .count();
    assert!(
        noise <= 3,
        "one report, not a reconnect every few seconds: {events:#?}"
    );
}

/// An API server outage (503 to everything, streams dropped): one line when the watch fails and
/// one when it answers again, naming the monitor and namespace; no per-request ERROR lines; the
/// lines written meanwhile are read once.
#[test]
fn api_outage_is_one_line_and_loses_nothing() {
    let (k, e) = web_env();
    add_m(&e, &["--include", "ERROR"]);
    let mut run = Running::start_with(&e, "m", None);
    run.wait(|v| v["event"] == "pod-added" && v["pod"] == "web-1");
    std::thread::sleep(Duration::from_millis(500));
    k.control("POST", "outage?seconds=2.5", "");
    k.push("prod", "web-1", "app", &lines(&["u1 ERROR during outage"]));
    run.wait(|v| v["event"] == "match" && v["line"] == "u1 ERROR during outage");
    std::thread::sleep(Duration::from_secs(4));
    let events = run.interrupt();
    assert_eq!(matched(&events), lines(&["u1 ERROR during outage"]));
    let log = run_log(&e);
    let failed: Vec<&str> = log
        .lines()
        .filter(|l| l.contains("the pod watch of namespace prod failed"))
        .collect();
    assert_eq!(failed.len(), 1, "{log}");
    assert!(failed[0].contains("monitor m"), "{log}");
    assert!(
        log.contains("monitor m: the Kubernetes API answers again (namespace prod) after"),
        "{log}"
    );
    assert!(
        !log.contains("failed with status"),
        "kube-client's per-request lines: {log}"
    );
}

/// A TCP relay to SeaweedFS that a test can take down (refusing and dropping connections).
struct Gate {
    port: u16,
    up: std::sync::Arc<std::sync::atomic::AtomicBool>,
    conns: std::sync::Arc<std::sync::Mutex<Vec<std::net::TcpStream>>>,
}

impl Gate {
    fn start(target: &str) -> Gate {
        use std::sync::atomic::Ordering;
        let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        let port = l.local_addr().unwrap().port();
        let up = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(true));
        let conns = std::sync::Arc::new(std::sync::Mutex::new(Vec::<std::net::TcpStream>::new()));
        let target = target.to_string();
        let (u, cs) = (up.clone(), conns.clone());
        std::thread::spawn(move || {
            for c in l.incoming() {
                let Ok(c) = c else { continue };
                if !u.load(Ordering::SeqCst) {
                    let _ = c.shutdown(std::net::Shutdown::Both);
                    continue;
                }
                let Ok(s) = std::net::TcpStream::connect(&target) else {
                    continue;
                };
                cs.lock()
                    .unwrap()
                    .extend([c.try_clone().unwrap(), s.try_clone().unwrap()]);
                for (mut a, mut b) in [(c.try_clone().unwrap(), s.try_clone().unwrap()), (s, c)] {
                    std::thread::spawn(move || {
                        let _ = std::io::copy(&mut a, &mut b);
                        let _ = b.shutdown(std::net::Shutdown::Both);
                    });
                }
            }
        });
        Gate { port, up, conns }
    }

    fn set(&self, up: bool) {
        self.up.store(up, std::sync::atomic::Ordering::SeqCst);
        if !up {
            for c in self.conns.lock().unwrap().drain(..) {
                let _ = c.shutdown(std::net::Shutdown::Both);
            }
        }
    }
}

/// S3 down for 60 s while a storm happens: the alert arrives on time (the archive waits in its
/// own task), and once S3 is back the archive catches up with every line exactly once.
#[test]
fn s3_outage_delays_only_the_archive() {
    let (k, e) = web_env();
    let slack = common::FakeSlack::start();
    e.expect(
        0,
        &["conn", "edit", "alerts", "--secret-stdin"],
        Some(&slack.webhook()),
    );
    let i = infra();
    let s3 = i.get("SHARK_T_S3_ENDPOINT");
    let gate = Gate::start(s3.trim_start_matches("http://").trim_end_matches('/'));
    e.expect(
        0,
        &[
            "conn",
            "add",
            "gated",
            "--kind",
            "s3",
            "--url",
            &format!("http://127.0.0.1:{}", gate.port),
            "--bucket",
            i.get("SHARK_T_S3_BUCKET"),
            "--region",
            i.get("SHARK_T_S3_REGION"),
            "--user",
            i.get("SHARK_T_S3_ACCESS_KEY"),
            "--secret-stdin",
        ],
        Some(i.get("SHARK_T_S3_SECRET_KEY")),
    );
    let prefix = unique("outage");
    add_m(
        &e,
        &[
            "--containers",
            "^app$",
            "--include",
            "ERROR",
            "--group-window",
            "2s",
            "--slack",
            "alerts",
            "--archive",
            "gated",
            "--archive-prefix",
            &prefix,
            "--archive-window",
            "2s",
        ],
    );
    let mut run = Running::start(&e, "m");
    run.wait(|v| v["event"] == "pod-added" && v["pod"] == "web-1");
    std::thread::sleep(Duration::from_millis(300));
    gate.set(false);
    let down = Instant::now();
    let mut want = Vec::new();
    for burst in 0..5 {
        let storm: Vec<String> = (0..200)
            .map(|n| {
                if n % 4 == 0 {
                    format!("s{burst}-{n:03} ERROR storm")
                } else {
                    format!("s{burst}-{n:03} info")
                }
            })
            .collect();
        k.push("prod", "web-1", "app", &storm);
        want.extend(storm);
        std::thread::sleep(Duration::from_millis(400));
    }
    let a = run.wait(|v| v["event"] == "alert");
    run.wait(|v| v["event"] == "alert-delivery" && v["id"] == a["id"] && v["status"] == "sent");
    assert!(
        down.elapsed() < Duration::from_secs(12),
        "the alert waited for S3: {:?}",
        down.elapsed()
    );
    run.wait(|v| v["event"] == "archive-error");
    // matching and checkpoints go on while the archive waits
    std::thread::sleep(Duration::from_secs(2));
    let (out, _) = e.expect(0, &["-o", "json", "monitor", "show", "m"], None);
    let shown: Value = serde_json::from_str(&out).unwrap();
    assert!(
        shown["containers"][0]["matched_until"].as_str().unwrap()
            > shown["containers"][0]["archived_until"]
                .as_str()
                .unwrap_or(""),
        "{shown}"
    );
    assert!(!run.events.iter().any(|v| v["event"] == "archive-flush"));
    std::thread::sleep(Duration::from_secs(60).saturating_sub(down.elapsed()));
    gate.set(true);
    // every window written once S3 is back
    let end = Instant::now() + Duration::from_secs(60);
    loop {
        let n: u64 = run
            .events
            .iter()
            .filter(|v| v["event"] == "archive-flush")
            .map(|v| v["lines"].as_u64().unwrap())
            .sum();
        if n == want.len() as u64 {
            break;
        }
        assert!(Instant::now() < end, "{n} of {} lines archived", want.len());
        if let Ok(l) = run.rx.recv_timeout(Duration::from_millis(200)) {
            run.events.push(serde_json::from_str(&l).unwrap());
        }
    }
    let events = run.interrupt();
    assert!(!events.iter().any(|v| v["event"] == "archive-dropped"));
    assert_eq!(archived(&e, "m", "prod/web-1/app"), want);
    assert_eq!(slack_count(&slack, "default"), 250);
}

/// Retention lists only its monitor's prefix and deletes only keys of its own layout: a monitor
/// on a nested prefix, and foreign objects, are left alone; no prefix, no retention.
#[tokio::test]
async fn retention_with_nested_prefixes_deletes_only_its_own() {
    use shark::monitor::archive;
    use shark::monitor::kube::Unit;
    use shark::monitor::position::Pos;
    let _ = rustls::crypto::ring::default_provider().install_default();
    let conn = s3_conn();
    let s3 = archive::store(&conn).unwrap();
    let top = unique("nested");
    let outer = format!("{top}/logs");
    let inner = format!("{top}/logs/team-b");
    let u = Unit {
        namespace: "prod".into(),
        pod: "web-1".into(),
        container: "app".into(),
        uid: String::new(),
    };
    let ts = 1_700_000_000_000_000_000;
    let mine = archive::key(&outer, &u, Pos { ts, n: 1 });
    let theirs = archive::key(&inner, &u, Pos { ts, n: 1 });
    let foreign = format!("{outer}/prod/web-1/app/notes.log.gz");
    for k in [&mine, &theirs, &foreign] {
        archive::upload(&s3, &conn, k, archive::gzip(b"x\n"), 1 << 20)
            .await
            .unwrap();
    }
    tokio::time::sleep(Duration::from_millis(1100)).await;
    let deleted = archive::expire(&s3, &conn, &outer, Duration::from_millis(1))
        .await
        .unwrap();
    assert_eq!(deleted, 1);
    let left: Vec<String> = archive::list(&s3, &conn, &top, None)
        .await
        .unwrap()
        .into_iter()
        .map(|o| o.key)
        .collect();
    let mut want = vec![theirs.clone(), foreign.clone()];
    want.sort();
    assert_eq!(left, want);
    assert_eq!(
        archive::expire(&s3, &conn, &inner, Duration::from_millis(1))
            .await
            .unwrap(),
        1
    );
    assert!(
        archive::expire(&s3, &conn, "", Duration::from_millis(1))
            .await
            .is_err()
    );
    // and a monitor with retention must have a prefix of its own
    let e = Env::new();
    connections(&e, infra().get("SHARK_T_KUBECONFIG"));
    let (_, err) = e.expect(
        2,
        &[
            "monitor",
            "add",
            "m",
            "--kube",
            "k8s",
            "--include",
            "x",
            "--archive",
            "arch",
            "--archive-retention",
            "7d",
        ],
        None,
    );
    assert!(err.contains("needs a prefix"), "{err}");
}

/// `conn test` of a kubernetes connection lists pods in the context's namespace.
#[test]
fn conn_test_of_kubernetes_checks_the_context_namespace() {
    let k = common::FakeKube::start(WEB_PODS);
    let kc = std::fs::read_to_string(&k.kubeconfig)
        .unwrap()
        .replace("namespace: default", "namespace: prod");
    let path = k.dir.path().join("kubeconfig-prod");
    std::fs::write(&path, kc).unwrap();
    let e = Env::new();
    e.expect(
        0,
        &[
            "conn",
            "add",
            "k8s",
            "--kind",
            "kubernetes",
            "--kubeconfig",
            path.to_str().unwrap(),
        ],
        None,
    );
    let (out, _) = e.expect(0, &["conn", "test", "k8s"], None);
    assert!(out.contains("can list pods in namespace prod"), "{out}");
    let reqs: Vec<Value> = serde_json::from_str(&k.control("GET", "requests", "")).unwrap();
    assert!(
        reqs.iter()
            .any(|r| r["path"] == "/api/v1/namespaces/prod/pods"),
        "{reqs:?}"
    );
}

/// The fake's newer behaviours as real kubectl sees them: a restart whose last lines only
/// `--previous` serves (with a new containerID and a lastState), access reviews and a 403 on
/// pods/log, and a pod recreated under its name with another uid.
#[test]
fn fake_kube_restart_rbac_and_recreation_with_kubectl() {
    let k = common::FakeKube::start(WEB_PODS);
    let kc = k.kubeconfig.to_str().unwrap().to_string();
    let kubectl = |args: &[&str]| kubectl_with(&kc, args);
    let jsonpath = |path: &str| {
        kubectl(&[
            "get",
            "pod",
            "-n",
            "prod",
            "web-1",
            "-o",
            &format!("jsonpath={path}"),
        ])
        .1
    };
    let id0 = jsonpath("{.status.containerStatuses[0].containerID}");
    assert!(id0.starts_with("containerd://"), "{id0}");
    k.push("prod", "web-1", "app", &lines(&["before the crash"]));
    k.control(
        "POST",
        "restart/prod/web-1/app?cut=1",
        "panic: last words\n",
    );
    let (ok, out, err) = kubectl(&["logs", "-n", "prod", "web-1", "-c", "app", "--previous"]);
    assert!(
        ok && out.contains("before the crash") && out.contains("panic: last words"),
        "{out} {err}"
    );
    let (_, out, _) = kubectl(&["logs", "-n", "prod", "web-1", "-c", "app"]);
    assert!(!out.contains("panic: last words"), "{out}");
    let id1 = jsonpath("{.status.containerStatuses[0].containerID}");
    assert!(
        id1.starts_with("containerd://") && id1 != id0,
        "{id0} {id1}"
    );
    assert_eq!(
        jsonpath("{.status.containerStatuses[0].lastState.terminated.containerID}"),
        id0
    );
    assert_eq!(jsonpath("{.status.containerStatuses[0].restartCount}"), "1");
    // RBAC
    let can = |ns: &str| {
        kubectl(&[
            "auth",
            "can-i",
            "get",
            "pods",
            "--subresource=log",
            "-n",
            ns,
        ])
    };
    let (ok, out, err) = can("prod");
    assert!(ok && out.trim() == "yes", "{out} {err}");
    k.control(
        "POST",
        "deny",
        r#"{"namespace": "prod", "verb": "get", "resource": "pods", "subresource": "log"}"#,
    );
    let (ok, out, _) = can("prod");
    assert!(!ok && out.starts_with("no"), "{out}");
    let (ok, out, _) = can("default");
    assert!(ok && out.trim() == "yes", "{out}");
    let (ok, _, err) = kubectl(&["auth", "can-i", "list", "pods", "-n", "prod"]);
    assert!(ok, "{err}");
    let (ok, _, err) = kubectl(&["logs", "-n", "prod", "web-1", "-c", "app"]);
    assert!(
        !ok && err.contains("forbidden") && err.contains("cannot get resource \"pods/log\""),
        "{err}"
    );
    k.control("DELETE", "deny", "");
    let (ok, _, err) = kubectl(&["logs", "-n", "prod", "web-1", "-c", "app"]);
    assert!(ok, "{err}");
    // recreation under the same name
    let uid0 = jsonpath("{.metadata.uid}");
    k.control("DELETE", "pods/prod/web-1", "");
    k.control(
        "POST",
        "pods",
        r#"{"namespace": "prod", "name": "web-1", "labels": {"app": "web"}, "containers": ["app"]}"#,
    );
    let uid1 = jsonpath("{.metadata.uid}");
    assert!(!uid1.is_empty() && uid1 != uid0, "{uid0} {uid1}");
    assert_eq!(jsonpath("{.status.containerStatuses[0].restartCount}"), "0");
}
