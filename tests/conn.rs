//! `shark conn` against the real servers of tests/infra: add/test/rm for every kind available
//! here, the settings checks, and secrets that never leak.

mod common;
use common::{Env, infra};

fn mysql_url(port: &str, user: &str) -> String {
    format!("mysql://{user}@127.0.0.1:{port}/")
}

#[test]
fn mysql_with_row_binlog_passes_every_check() {
    let i = infra();
    let e = Env::new();
    let url = mysql_url(i.get("SHARK_T_MYSQL_PORT"), "shark");
    e.expect(
        0,
        &[
            "conn",
            "add",
            "src",
            "--kind",
            "mysql",
            "--url",
            &url,
            "--secret-stdin",
        ],
        Some("shark\n"),
    );
    let (out, _) = e.expect(0, &["conn", "test", "src"], None);
    assert!(out.contains("MariaDB 10."), "{out}");
    for want in [
        "binlog_format = ROW",
        "binlog_row_image = FULL",
        "binlog_row_metadata = FULL",
        "log_bin = ON",
    ] {
        assert!(out.contains(want), "missing {want}:\n{out}");
    }
    let (json, _) = e.expect(0, &["conn", "test", "src", "-o", "json"], None);
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    let checks = v["reports"][0]["checks"].as_array().unwrap();
    assert!(checks.iter().all(|c| c["status"] != "fail"), "{json}");
    e.expect(0, &["conn", "rm", "src"], None);
    let (_, err) = e.expect(2, &["conn", "show", "src"], None);
    assert!(err.contains("no connection named 'src'"), "{err}");
}

#[test]
fn statement_binlog_is_rejected_with_the_fix() {
    let i = infra();
    let e = Env::new();
    let url = mysql_url(i.get("SHARK_T_MYSQL_STMT_PORT"), "shark");
    e.expect(
        0,
        &[
            "conn",
            "add",
            "stmt",
            "--kind",
            "mysql",
            "--url",
            &url,
            "--secret-stdin",
        ],
        Some("shark"),
    );
    let (out, err) = e.expect(1, &["conn", "test", "stmt"], None);
    assert!(out.contains("binlog_format = STATEMENT"), "{out}");
    assert!(
        out.contains("binlog_format = ROW") && out.contains("my.cnf"),
        "fix not shown:\n{out}"
    );
    assert!(
        err.contains("check(s) failed") && err.contains("binlog_format"),
        "{err}"
    );
}

#[test]
fn missing_replication_privileges_print_the_grant() {
    let i = infra();
    let e = Env::new();
    let url = mysql_url(i.get("SHARK_T_MYSQL_PORT"), "limited");
    e.expect(
        0,
        &[
            "conn",
            "add",
            "ro",
            "--kind",
            "mysql",
            "--url",
            &url,
            "--secret-stdin",
        ],
        Some("limited"),
    );
    let (out, _) = e.expect(1, &["conn", "test", "ro"], None);
    assert!(
        out.contains("REPLICATION SLAVE") && out.contains("GRANT"),
        "{out}"
    );
}

#[test]
fn wrong_password_exits_3_and_never_shows_the_secret() {
    let i = infra();
    let e = Env::new();
    let secret = "Wr0ng-Pa55-xyzzy";
    let url = mysql_url(i.get("SHARK_T_MYSQL_PORT"), "shark");
    e.expect(
        0,
        &[
            "conn",
            "add",
            "db",
            "--kind",
            "mysql",
            "--url",
            &url,
            "--secret-stdin",
        ],
        Some(secret),
    );
    for args in [
        vec!["conn", "test", "db"],
        vec!["conn", "test", "db", "-o", "json"],
        vec!["-vvv", "conn", "test", "db"],
    ] {
        let (code, out, err) = e.run(&args, None);
        assert_eq!(code, 3, "{args:?}: {out}{err}");
        assert!(err.contains("authentication failed"), "{err}");
        assert!(
            !out.contains(secret) && !err.contains(secret),
            "secret leaked by {args:?}"
        );
    }
    let (out, _) = e.expect(0, &["conn", "show", "db", "-o", "json"], None);
    assert!(out.contains("\"***\"") && !out.contains(secret), "{out}");
    let (out, _) = e.expect(0, &["conn", "list", "-o", "json"], None);
    assert!(
        out.contains("\"secret\": \"***\"") && !out.contains(secret),
        "{out}"
    );
    // the state file and its WAL hold only ciphertext
    for f in std::fs::read_dir(e.dir.path()).unwrap() {
        let bytes = std::fs::read(f.unwrap().path()).unwrap();
        assert!(
            !bytes.windows(secret.len()).any(|w| w == secret.as_bytes()),
            "plaintext secret on disk"
        );
    }
    // the run history records the failure without the secret
    let (out, _) = e.expect(0, &["history", "-o", "json"], None);
    assert!(
        out.contains("authentication failed") && !out.contains(secret),
        "{out}"
    );
}

#[test]
fn unreachable_host_exits_3() {
    let e = Env::new();
    e.expect(
        0,
        &[
            "conn",
            "add",
            "gone",
            "--kind",
            "mysql",
            "--url",
            "mysql://shark@127.0.0.1:1/",
        ],
        None,
    );
    let (_, err) = e.expect(3, &["conn", "test", "gone"], None);
    assert!(
        err.contains("cannot connect") && err.contains("Connection refused"),
        "{err}"
    );
    e.expect(
        0,
        &[
            "conn",
            "add",
            "zk",
            "--kind",
            "zookeeper",
            "--url",
            "127.0.0.1:1",
        ],
        None,
    );
    e.expect(3, &["conn", "test", "zk"], None);
}

#[test]
fn mongodb_ping_and_replica_set() {
    let i = infra();
    let e = Env::new();
    e.expect(
        0,
        &[
            "conn",
            "add",
            "mongo",
            "--kind",
            "mongodb",
            "--url",
            i.get("SHARK_T_MONGO_URI"),
        ],
        None,
    );
    let (out, _) = e.expect(0, &["conn", "test", "mongo"], None);
    assert!(
        out.contains("MongoDB") && out.contains("replica set"),
        "{out}"
    );
}

#[test]
fn zookeeper_ensemble_and_whitelist() {
    let i = infra();
    let e = Env::new();
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
    let (out, _) = e.expect(0, &["conn", "test", "zk", "-o", "json"], None);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let checks = v["reports"][0]["checks"].as_array().unwrap();
    let find = |name: &str| {
        checks
            .iter()
            .find(|c| c["name"] == name)
            .unwrap_or_else(|| panic!("{name}: {out}"))
    };
    assert_eq!(find("four-letter words")["status"], "ok", "{out}");
    assert_eq!(find("ensemble")["status"], "ok", "{out}");
    assert!(
        find("ensemble")["detail"]
            .as_str()
            .unwrap()
            .contains("3/3 members reachable, 1 leader(s)"),
        "{out}"
    );
    assert!(
        v["reports"][0]["server"]
            .as_str()
            .unwrap()
            .starts_with("ZooKeeper 3."),
        "{out}"
    );

    e.expect(
        0,
        &[
            "conn",
            "add",
            "zk1",
            "--kind",
            "zookeeper",
            "--url",
            i.get("SHARK_T_ZK_SRVR_CONNECT"),
        ],
        None,
    );
    let (out, _) = e.expect(0, &["conn", "test", "zk1"], None);
    assert!(
        out.contains("not whitelisted: conf, cons, mntr, ruok, stat"),
        "{out}"
    );
    assert!(out.contains("4lw.commands.whitelist="), "{out}");
}

#[test]
fn redis_auth() {
    let i = infra();
    let e = Env::new();
    let url = format!("redis://127.0.0.1:{}", i.get("SHARK_T_REDIS_PORT"));
    let add = e
        .shark()
        .args([
            "conn",
            "add",
            "r",
            "--kind",
            "redis",
            "--url",
            &url,
            "--secret-env",
            "REDIS_PW",
        ])
        .env("REDIS_PW", i.get("SHARK_T_REDIS_PASSWORD"))
        .output()
        .unwrap();
    assert!(add.status.success(), "{add:?}");
    let (out, _) = e.expect(0, &["conn", "test", "r"], None);
    assert!(out.contains("Redis 7") && out.contains("PONG"), "{out}");
    e.expect(0, &["conn", "edit", "r", "--secret-stdin"], Some("nope"));
    let (_, err) = e.expect(3, &["conn", "test", "r"], None);
    assert!(!err.contains("nope"), "{err}");
    e.expect(0, &["conn", "edit", "r", "--no-secret"], None);
    let (_, err) = e.expect(3, &["conn", "test", "r"], None);
    assert!(err.contains("requires a password"), "{err}");
}

#[test]
fn prometheus_ready_and_targets() {
    let i = infra();
    let e = Env::new();
    e.expect(
        0,
        &[
            "conn",
            "add",
            "prom",
            "--kind",
            "prometheus",
            "--url",
            i.get("SHARK_T_PROM_URL"),
        ],
        None,
    );
    let (out, _) = e.expect(0, &["conn", "test", "prom"], None);
    assert!(
        out.contains("Prometheus 2.") && out.contains("down"),
        "{out}"
    );
}

#[test]
fn s3_bucket_access_and_bad_secret() {
    let i = infra();
    let e = Env::new();
    let add = |name: &str, secret: &str| {
        e.expect(
            0,
            &[
                "conn",
                "add",
                name,
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
            Some(secret),
        )
    };
    add("s3", i.get("SHARK_T_S3_SECRET_KEY"));
    let (out, _) = e.expect(0, &["conn", "test", "s3"], None);
    assert!(
        out.contains("put and delete of a probe object succeeded"),
        "{out}"
    );
    add("bad", "definitely-not-the-secret");
    let (_, err) = e.expect(3, &["conn", "test", "bad"], None);
    assert!(
        err.contains("authentication failed") && !err.contains("definitely-not-the-secret"),
        "{err}"
    );
    let (_, err) = e.expect(
        2,
        &[
            "conn",
            "add",
            "nob",
            "--kind",
            "s3",
            "--url",
            "http://127.0.0.1:1",
        ],
        None,
    );
    assert!(err.contains("needs option 'bucket'"), "{err}");
}

#[test]
fn elasticsearch_flavour_and_version() {
    let i = infra();
    let e = Env::new();
    e.expect(
        0,
        &[
            "conn",
            "add",
            "es",
            "--kind",
            "elasticsearch",
            "--url",
            i.get("SHARK_T_ES_URL"),
        ],
        None,
    );
    let (out, _) = e.expect(0, &["conn", "test", "es", "-o", "json"], None);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert!(
        v["reports"][0]["server"]
            .as_str()
            .unwrap()
            .starts_with("OpenSearch "),
        "{out}"
    );
}

#[test]
fn llm_models() {
    let e = Env::new();
    e.add_llm();
    let (out, _) = e.expect(0, &["conn", "test", "ai"], None);
    assert!(out.contains("is served"), "{out}");
}

#[test]
fn test_all_reports_every_connection() {
    let i = infra();
    let e = Env::new();
    let url = mysql_url(i.get("SHARK_T_MYSQL_PORT"), "shark");
    e.expect(
        0,
        &[
            "conn",
            "add",
            "a",
            "--kind",
            "mysql",
            "--url",
            &url,
            "--secret-stdin",
        ],
        Some("shark"),
    );
    e.expect(
        0,
        &[
            "conn",
            "add",
            "b",
            "--kind",
            "mongodb",
            "--url",
            i.get("SHARK_T_MONGO_URI"),
        ],
        None,
    );
    let (out, _) = e.expect(0, &["conn", "test"], None);
    assert!(
        out.contains("a (mysql)") && out.contains("b (mongodb)"),
        "{out}"
    );
    let (out, _) = e.expect(
        0,
        &["history", "--command", "conn test", "-o", "json"],
        None,
    );
    let runs: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(runs[0]["status"], "ok");
}

#[test]
fn slack_webhook_liveness_without_posting() {
    let i = infra();
    let e = Env::new();
    let hook = i.get("SHARK_T_SLACK_WEBHOOK");
    e.expect(
        0,
        &["conn", "add", "alerts", "--kind", "slack", "--secret-stdin"],
        Some(hook),
    );
    let (out, _) = e.expect(0, &["conn", "test", "alerts"], None);
    assert!(out.contains("live") && !out.contains(hook), "{out}");
    let (out, _) = e.expect(0, &["conn", "list", "-o", "json"], None);
    assert!(
        !out.contains("shark-test-secret"),
        "the webhook URL is a secret: {out}"
    );
    // a revoked webhook: Slack answers 404 no_service
    let ctl = format!("{}/fail", i.get("SHARK_T_SLACK_CONTROL_URL"));
    let q = std::process::Command::new("curl")
        .args([
            "-fsS",
            "-d",
            r#"{"status":404,"count":1,"body":"no_service"}"#,
            &ctl,
        ])
        .output()
        .unwrap();
    assert!(q.status.success());
    let (_, err) = e.expect(3, &["conn", "test", "alerts"], None);
    assert!(
        err.contains("revoked") && !err.contains("shark-test-secret"),
        "{err}"
    );
}

#[test]
fn kubernetes_context_from_kubeconfig() {
    let i = infra();
    let e = Env::new();
    let kc = i.get("SHARK_T_KUBECONFIG");
    e.expect(
        0,
        &[
            "conn",
            "add",
            "k8s",
            "--kind",
            "kubernetes",
            "--kubeconfig",
            kc,
            "--context",
            "fake",
        ],
        None,
    );
    let (out, _) = e.expect(0, &["conn", "test", "k8s"], None);
    assert!(
        out.contains("Kubernetes v1.") && out.contains("can list pods"),
        "{out}"
    );
    e.expect(
        0,
        &[
            "conn",
            "add",
            "bad",
            "--kind",
            "kubernetes",
            "--kubeconfig",
            kc,
            "--context",
            "badtoken",
        ],
        None,
    );
    let (_, err) = e.expect(3, &["conn", "test", "bad"], None);
    assert!(
        err.contains("authentication failed") && err.contains("kubeconfig"),
        "{err}"
    );
    let (_, err) = e.expect(
        2,
        &[
            "conn",
            "add",
            "x",
            "--kind",
            "kubernetes",
            "--url",
            "http://h",
        ],
        None,
    );
    assert!(err.contains("takes no URL"), "{err}");
}

/// A loopback HTTP server that answers every request with `status` and a body echoing the
/// request it received (request line and headers: the credential), as a misbehaving server or
/// proxy might. Serves until the test process ends.
fn echo_server(status: &'static str, content_type: &'static str) -> String {
    use std::io::{BufRead, BufReader, Read, Write};
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = listener.local_addr().unwrap();
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(stream) = stream else { continue };
            std::thread::spawn(move || {
                let mut r = BufReader::new(stream);
                let mut head = String::new();
                let mut len = 0usize;
                loop {
                    let mut line = String::new();
                    if r.read_line(&mut line).unwrap_or(0) == 0 || line == "\r\n" {
                        break;
                    }
                    if let Some(v) = line.to_ascii_lowercase().strip_prefix("content-length:") {
                        len = v.trim().parse().unwrap_or(0);
                    }
                    head.push_str(&line);
                }
                let mut body = vec![0u8; len];
                let _ = r.read_exact(&mut body);
                // the decoded form of a basic-auth header too
                let decoded: String = head
                    .lines()
                    .filter_map(|l| l.split_once("Basic "))
                    .map(|(_, b)| String::from_utf8_lossy(&b64_decode(b.trim())).into_owned())
                    .collect();
                let echo = format!(
                    "you sent {} {decoded}",
                    head.replace(['\r', '\n', '"'], " ")
                );
                let text = if content_type == "application/json" {
                    format!(
                        "{{\"message\": \"{echo}\", \"kind\": \"Status\", \"code\": {}}}",
                        &status[..3]
                    )
                } else {
                    format!("<html><body>{echo}</body></html>")
                };
                let mut s = r.into_inner();
                let _ = write!(
                    s,
                    "HTTP/1.1 {status}\r\ncontent-type: {content_type}\r\ncontent-length: {}\r\nconnection: close\r\n\r\n{text}",
                    text.len()
                );
            });
        }
    });
    format!("http://{addr}")
}

fn b64_decode(s: &str) -> Vec<u8> {
    const ABC: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = vec![];
    let (mut acc, mut bits) = (0u32, 0);
    for c in s.bytes().take_while(|c| *c != b'=') {
        let Some(v) = ABC.iter().position(|x| *x == c) else {
            break;
        };
        acc = (acc << 6) | v as u32;
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
        }
    }
    out
}

/// `conn test NAME` (table and JSON) and the run history: the secret appears in none of them.
fn assert_secret_never_shown(e: &Env, name: &str, secret: &str) {
    let mut seen = String::new();
    for args in [
        vec!["conn", "test", name],
        vec!["conn", "test", name, "-o", "json"],
    ] {
        let (code, out, err) = e.run(&args, None);
        assert_ne!(
            code, 0,
            "{args:?} should fail against the echo server: {out}{err}"
        );
        seen.push_str(&out);
        seen.push_str(&err);
    }
    let (_, out, err) = e.run(&["history", "-o", "json"], None);
    let runs: serde_json::Value = serde_json::from_str(&out).unwrap();
    let id = runs[0]["id"].to_string();
    let (_, log, log_err) = e.run(&["history", &id], None);
    seen.push_str(&format!("{out}{err}{log}{log_err}"));
    assert!(!seen.contains(secret), "{name}: secret shown:\n{seen}");
}

#[test]
fn credentials_echoed_by_http_servers_never_reach_output_or_history() {
    let secret = "ECHO-s3cr3t-token-42";
    for (status, ctype) in [
        ("401 Unauthorized", "application/json"),
        ("500 Internal Server Error", "text/plain"),
        ("200 OK", "text/html"),
    ] {
        // prometheus with a bearer token, then with basic auth
        let e = Env::new();
        let url = echo_server(status, ctype);
        e.expect(
            0,
            &[
                "conn",
                "add",
                "p",
                "--kind",
                "prometheus",
                "--url",
                &url,
                "--secret-stdin",
            ],
            Some(secret),
        );
        e.expect(
            0,
            &[
                "conn",
                "add",
                "pb",
                "--kind",
                "prometheus",
                "--url",
                &url,
                "--user",
                "bob",
                "--secret-stdin",
            ],
            Some(secret),
        );
        e.expect(
            0,
            &[
                "conn",
                "add",
                "es",
                "--kind",
                "elasticsearch",
                "--url",
                &url,
                "--user",
                "elastic",
                "--secret-stdin",
            ],
            Some(secret),
        );
        e.expect(
            0,
            &[
                "conn",
                "add",
                "esk",
                "--kind",
                "elasticsearch",
                "--url",
                &url,
                "--option",
                "auth=apikey",
                "--secret-stdin",
            ],
            Some(secret),
        );
        e.expect(
            0,
            &[
                "conn",
                "add",
                "ai",
                "--kind",
                "llm",
                "--url",
                &format!("{url}/v1"),
                "--model",
                "m",
                "--secret-stdin",
            ],
            Some(secret),
        );
        e.expect(
            0,
            &["conn", "add", "hook", "--kind", "slack", "--secret-stdin"],
            Some(&format!("{url}/services/{secret}")),
        );
        e.expect(
            0,
            &[
                "conn",
                "add",
                "s3",
                "--kind",
                "s3",
                "--url",
                &url,
                "--bucket",
                "b",
                "--user",
                "AKID",
                "--secret-stdin",
            ],
            Some(secret),
        );
        for name in ["p", "pb", "es", "esk", "ai", "hook", "s3"] {
            if name == "hook" && status.starts_with("200") {
                continue; // a webhook answering 200 is live: nothing to fail on
            }
            assert_secret_never_shown(&e, name, secret);
        }
    }
}

#[test]
fn a_kubeconfig_token_echoed_by_the_api_server_is_not_shown() {
    let secret = "kube-ECHO-t0ken-77";
    let e = Env::new();
    let url = echo_server("401 Unauthorized", "application/json");
    let kc = e.dir.path().join("kubeconfig");
    std::fs::write(
        &kc,
        format!(
            "apiVersion: v1\nkind: Config\ncurrent-context: c\nclusters:\n- name: k\n  cluster:\n    server: {url}\ncontexts:\n- name: c\n  context:\n    cluster: k\n    user: u\nusers:\n- name: u\n  user:\n    token: {secret}\n"
        ),
    )
    .unwrap();
    e.expect(
        0,
        &[
            "conn",
            "add",
            "k",
            "--kind",
            "kubernetes",
            "--kubeconfig",
            kc.to_str().unwrap(),
        ],
        None,
    );
    assert_secret_never_shown(&e, "k", secret);
}
