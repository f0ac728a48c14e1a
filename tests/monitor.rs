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
