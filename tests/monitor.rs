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

/// The fake Kubernetes API as real kubectl sees it: list with selectors, watch, logs with
/// timestamps/sinceTime/follow/previous, rotation ending a follow, deleted pods.
#[test]
fn fake_kube_contract_with_kubectl() {
    let k = common::FakeKube::start(WEB_PODS);
    let kc = k.kubeconfig.to_str().unwrap().to_string();
    let kubectl = |args: &[&str]| {
        let out = std::process::Command::new(common::kubectl())
            .args(["--kubeconfig", &kc])
            .args(args)
            .output()
            .expect("running kubectl (tests/infra/install.sh kubectl, or set SHARK_KUBECTL)");
        (
            out.status.success(),
            String::from_utf8_lossy(&out.stdout).into_owned(),
            String::from_utf8_lossy(&out.stderr).into_owned(),
        )
    };
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
    std::thread::sleep(std::time::Duration::from_millis(500));
    k.push(
        "prod",
        "web-1",
        "app",
        &["pushed while following".to_string()],
    );
    let seen = wait_line(&rx, "pushed while following");
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
