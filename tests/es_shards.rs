//! `shark es-shards` against the project's fake multi-node cluster (tests/infra/fake-es-cluster.py,
//! started per test on a free loopback port), for what a real cluster cannot be made to do on
//! demand: allocations that gave up after max_retries, a replica that silently diverged from its
//! primary, malformed or unsupported answers, an Elasticsearch 6 or 7/8 root, relocations frozen
//! mid-way. Everything else runs on the real OpenSearch cluster: tests/es_shards_opensearch.rs.

mod common;

use common::Env;
use common::opensearch::http;
use serde_json::{Value, json};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// One fake cluster process, killed when dropped.
struct Fake {
    child: Child,
    url: String,
    _dir: tempfile::TempDir,
}

impl Fake {
    fn start(scenario: &str, flavour: &str) -> Fake {
        let dir = tempfile::tempdir().unwrap();
        let port_file = dir.path().join("port");
        let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/infra/fake-es-cluster.py");
        let python = std::env::var("SHARK_T_PYTHON").unwrap_or_else(|_| "python3".into());
        let child = Command::new(python)
            .arg(&script)
            .args(["--port-file", port_file.to_str().unwrap()])
            .args([
                "--scenario",
                scenario,
                "--flavour",
                flavour,
                "--tick-ms",
                "100",
                "--step",
                "10",
            ])
            .stdout(Stdio::null())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("starting tests/infra/fake-es-cluster.py (python3 needed)");
        let deadline = Instant::now() + Duration::from_secs(15);
        let port = loop {
            if let Ok(p) = std::fs::read_to_string(&port_file) {
                break p;
            }
            assert!(Instant::now() < deadline, "fake cluster did not start");
            std::thread::sleep(Duration::from_millis(50));
        };
        Fake {
            child,
            url: format!("http://127.0.0.1:{}", port.trim()),
            _dir: dir,
        }
    }

    fn control(&self, what: &str, body: Value) -> Value {
        let (status, text) = http("POST", &format!("{}/_fake/{what}", self.url), Some(&body));
        assert_eq!(status, 200, "{text}");
        serde_json::from_str(&text).unwrap()
    }

    fn state(&self) -> Value {
        self.control("state", json!({}))
    }

    /// Env with connection `es` to this cluster.
    fn env(&self) -> Env {
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
                &self.url,
            ],
            None,
        );
        e
    }
}

impl Drop for Fake {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn ndjson(out: &str) -> Vec<Value> {
    out.lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("not NDJSON ({e}): {l}")))
        .collect()
}

fn copies_on(state: &Value, node: &str) -> usize {
    state["copies"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["node"] == node || c["target"] == node)
        .count()
}

const FAST: [&str; 4] = ["--interval", "100ms", "--timeout", "60s"];

#[test]
fn recover_turns_failed_allocations_green() {
    let fake = Fake::start("failed", "es8");
    let e = fake.env();
    let (out, _) = e.expect(0, &["es-shards", "-o", "json", "status"], None);
    let st: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(st["health"]["status"], "yellow");
    let why = st["unassigned"][0]["reason"].as_str().unwrap();
    assert!(
        why.contains("ALLOCATION_FAILED after 5") && why.contains("max_retry"),
        "{why}"
    );
    e.expect(1, &["es-shards", "status", "--fail-on", "yellow"], None);
    e.expect(
        1,
        &["es-shards", "replication", "orders", "--fail-on", "failed"],
        None,
    );

    let mut args = vec!["es-shards", "-o", "json", "recover"];
    args.extend(FAST);
    let (out, _) = e.expect(0, &args, None);
    let done = ndjson(&out).pop().unwrap();
    assert_eq!(done["report"]["health"]["status"], "green", "{out}");
    assert_eq!(done["report"]["failed_before"], 2, "{out}");
    assert!(done["report"]["allocation_enabled"].is_i64(), "{out}");
    assert_eq!(done["report"]["still_unassigned"], json!([]), "{out}");
    let (out, _) = e.expect(
        0,
        &[
            "es-shards",
            "-o",
            "json",
            "replication",
            "--fail-on",
            "degraded",
        ],
        None,
    );
    let r: Value = serde_json::from_str(&out).unwrap();
    assert!(
        r.as_array()
            .unwrap()
            .iter()
            .all(|i| i["status"] == "healthy"),
        "{out}"
    );
    let (out, _) = e.expect(0, &["es-shards", "-o", "json", "ops"], None);
    let ops: Value = serde_json::from_str(&out).unwrap();
    let names: Vec<&str> = ops
        .as_array()
        .unwrap()
        .iter()
        .map(|o| o["op"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["retry-failed", "recover-allocation"], "{out}");
    assert_eq!(
        ops[1]["before"]["persistent"]["cluster.routing.allocation.enable"],
        "primaries"
    );
}

#[test]
fn recover_explains_what_stays_unassigned_with_exit_1() {
    // the replication scenario's failed-idx lost both copies: nothing to retry from
    let fake = Fake::start("replication", "es7");
    fake.control("pause", json!({"paused": false}));
    let e = fake.env();
    let mut args = vec!["es-shards", "recover"];
    args.extend(FAST);
    let (out, err) = e.expect(1, &args, None);
    assert!(
        out.contains("failed-idx[0]") && out.contains("NODE_LEFT"),
        "{out}"
    );
    assert!(err.contains("still unassigned"), "{err}");
}

#[test]
fn replication_classifies_healthy_syncing_degraded_failed() {
    let fake = Fake::start("replication", "es8");
    let e = fake.env();
    let (out, _) = e.expect(0, &["es-shards", "-o", "json", "replication"], None);
    let r: Value = serde_json::from_str(&out).unwrap();
    let got: Vec<(String, String, f64)> = r
        .as_array()
        .unwrap()
        .iter()
        .map(|i| {
            (
                i["index"].as_str().unwrap().to_string(),
                i["status"].as_str().unwrap().to_string(),
                i["progress"].as_f64().unwrap(),
            )
        })
        .collect();
    let want = [
        ("degraded-idx", "degraded", 50.0),
        ("failed-idx", "failed", 0.0),
        ("healthy-idx", "healthy", 100.0),
        ("syncing-idx", "syncing", 50.0),
    ];
    assert_eq!(got.len(), 4, "{out}");
    for ((i, s, p), (wi, ws, wp)) in got.iter().zip(want) {
        assert_eq!((i.as_str(), s.as_str(), *p), (wi, ws, wp), "{out}");
    }
    let (out, _) = e.expect(0, &["es-shards", "replication"], None);
    assert!(out.contains("syncing-idx[0]r INITIALIZING"), "{out}");
    e.expect(
        1,
        &["es-shards", "replication", "--fail-on", "degraded"],
        None,
    );
    e.expect(
        1,
        &[
            "es-shards",
            "replication",
            "degraded-idx",
            "--fail-on",
            "degraded",
        ],
        None,
    );
    e.expect(
        0,
        &[
            "es-shards",
            "replication",
            "degraded-idx",
            "--fail-on",
            "failed",
        ],
        None,
    );
    e.expect(
        0,
        &[
            "es-shards",
            "replication",
            "healthy-idx",
            "--fail-on",
            "degraded",
        ],
        None,
    );
    // --watch follows syncing-idx to healthy once the cluster moves again
    fake.control("pause", json!({"paused": false}));
    let mut args = vec![
        "es-shards",
        "-o",
        "json",
        "replication",
        "syncing-idx",
        "--watch",
    ];
    args.extend(FAST);
    let (out, _) = e.expect(0, &args, None);
    let events = ndjson(&out);
    assert_eq!(
        events.last().unwrap()["report"][0]["status"],
        "healthy",
        "{out}"
    );
    // the rules are in --help
    let (help, _) = e.expect(0, &["es-shards", "--help"], None);
    assert!(
        help.contains("ALLOCATION_FAILED") && help.contains("degraded"),
        "{help}"
    );
}

#[test]
fn verify_reports_an_injected_mismatch_with_exit_1() {
    let fake = Fake::start("green", "es8");
    let e = fake.env();
    let (out, _) = e.expect(0, &["es-shards", "-o", "json", "verify", "logs"], None);
    let r: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(r["mismatches"], 0, "{out}");
    assert_eq!(r["shards"][0]["primary_count"], 100, "{out}");
    fake.control("mismatch", json!({"index": "logs", "shard": 1, "docs": 90}));
    let args = [
        "es-shards",
        "-o",
        "json",
        "verify",
        "logs",
        "--pause",
        "100ms",
    ];
    let (out, err) = e.expect(1, &args, None);
    let r: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(r["mismatches"], 1, "{out}");
    let s1 = &r["shards"][1];
    assert_eq!(
        (s1["shard"].as_u64(), s1["primary_count"].as_u64()),
        (Some(1), Some(101))
    );
    assert_eq!(s1["replicas"][0]["count"], 90, "{out}");
    assert_eq!(s1["replicas"][0]["verdict"], "mismatch", "{out}");
    assert!(err.contains("logs: 1 replica copy differs"), "{err}");
    let (out, _) = e.expect(
        1,
        &["es-shards", "verify", "logs", "--pause", "100ms"],
        None,
    );
    assert!(out.contains("FAIL"), "{out}");
    let (_, err) = e.expect(4, &["es-shards", "verify", "nope"], None);
    assert!(
        err.contains("GET /_cat/shards/nope answered HTTP 404"),
        "{err}"
    );
}

#[test]
fn recovery_watch_follows_a_drain_applied_without_waiting() {
    // the fake, paused and stepped: the relocations are sure to be in flight when the watch starts
    let fake = Fake::start("drain", "opensearch2");
    let e = fake.env();
    let (out, _) = e.expect(0, &["es-shards", "status"], None);
    assert!(out.contains("OpenSearch 2.18.0"), "{out}");
    fake.control("pause", json!({"paused": true, "step": 5}));
    e.expect(0, &["es-shards", "drain", "node-2", "--no-wait"], None);
    fake.control("tick", json!({}));
    fake.control("pause", json!({"paused": false}));
    let mut args = vec!["es-shards", "-o", "json", "recovery", "--watch"];
    args.extend(FAST);
    let (out, _) = e.expect(0, &args, None);
    let events = ndjson(&out);
    assert!(events.iter().any(|v| v["event"] == "recovery"), "{out}");
    assert_eq!(events.last().unwrap()["event"], "done", "{out}");
    assert_eq!(copies_on(&fake.state(), "node-2"), 0);
}

#[test]
fn malformed_or_unexpected_answers_name_the_endpoint() {
    let fake = Fake::start("green", "es8");
    let e = fake.env();
    for (path, body, want) in [
        (
            "/_cat/shards",
            json!("<html>oops</html>"),
            "GET /_cat/shards: unexpected response: not JSON",
        ),
        (
            "/_cat/shards",
            json!("[{\"index\":\"x\",\"shard\":\"zero\"}]"),
            "GET /_cat/shards: unexpected response: at [0]",
        ),
        (
            "/_cluster/health",
            json!("{\"status\":\"green\"}"),
            "GET /_cluster/health: unexpected response: missing field",
        ),
        (
            "/_cat/nodes",
            json!("{\"nodes\":[]}"),
            "GET /_cat/nodes: unexpected response",
        ),
    ] {
        fake.control(
            "override",
            json!({"path": path, "status": 200, "body": body}),
        );
        let (_, err) = e.expect(4, &["es-shards", "status"], None);
        assert!(err.contains(want), "{path}: {err}");
        assert!(!err.contains("panicked"), "{err}");
        fake.control(
            "override",
            json!({"path": path, "status": 200, "body": null}),
        );
        fake.control("scenario", json!({"name": "green"}));
    }
    // no `_recovery` (osmem, proxies): `_cat/recovery` gives the same rows
    fake.control("pause", json!({"paused": true}));
    let body = json!({"persistent": {"cluster.routing.allocation.exclude._name": "node-3"}});
    http(
        "PUT",
        &format!("{}/_cluster/settings", fake.url),
        Some(&body),
    );
    fake.control("pause", json!({"paused": false}));
    std::thread::sleep(Duration::from_millis(250));
    fake.control("pause", json!({"paused": true}));
    let (out, _) = e.expect(0, &["es-shards", "-o", "json", "recovery"], None);
    let full: Value = serde_json::from_str(&out).unwrap();
    assert!(!full.as_array().unwrap().is_empty(), "{out}");
    let no_handler = r#"{"error":"no handler found for uri [/_recovery] and method [GET]"}"#;
    fake.control(
        "override",
        json!({"path": "/_recovery", "status": 400, "body": no_handler}),
    );
    let (out, _) = e.expect(0, &["es-shards", "-o", "json", "recovery"], None);
    let cat: Value = serde_json::from_str(&out).unwrap();
    let key = |v: &Value| {
        let f = [
            "index",
            "shard",
            "type",
            "stage",
            "source",
            "target",
            "bytes_percent",
            "files_recovered",
        ];
        f.iter().map(|k| v[*k].clone()).collect::<Vec<_>>()
    };
    let a: Vec<_> = full.as_array().unwrap().iter().map(key).collect();
    let b: Vec<_> = cat.as_array().unwrap().iter().map(key).collect();
    assert_eq!(a, b, "_cat/recovery fallback differs from _recovery");
    fake.control("pause", json!({"paused": false}));
    fake.control("override", json!({"path": "/_recovery", "status": 503, "body": "{\"error\":{\"type\":\"cluster_block_exception\",\"reason\":\"blocked by: [SERVICE_UNAVAILABLE/2/no master]\"},\"status\":503}"}));
    let (_, err) = e.expect(4, &["es-shards", "recovery"], None);
    assert!(
        err.contains("GET /_recovery answered HTTP 503: cluster_block_exception: blocked by"),
        "{err}"
    );
    fake.control(
        "override",
        json!({"path": "/", "status": 200, "body": "{\"version\":{\"number\":\"6.8.23\"}}"}),
    );
    let (_, err) = e.expect(2, &["es-shards", "status"], None);
    assert!(
        err.contains("Elasticsearch 6.8.23 is not supported"),
        "{err}"
    );
}

/// The shared client's retry policy (src/conn/es/mod.rs) as es-shards meets it: a 429 waits
/// what its Retry-After asks before the request is sent again, a 500 is retried like a 503,
/// and a 400 is final at once. The fake's own log of request times is the reader.
#[test]
fn requests_are_retried_by_the_one_policy_honouring_retry_after() {
    let fake = Fake::start("green", "es8");
    let e = fake.env();
    let full = r#"{"error":{"type":"es_rejected_execution_exception","reason":"rejected execution (queue capacity 1000)"},"status":429}"#;
    fake.control(
        "override",
        json!({"path": "/_cluster/health", "status": 429, "body": full, "times": 1, "retry_after": 2}),
    );
    let (out, _) = e.expect(0, &["es-shards", "-o", "json", "status"], None);
    let st: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(st["health"]["status"], "green", "{out}");
    let hits = fake.control("hits", json!({}));
    let at: Vec<f64> = hits["GET /_cluster/health"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t.as_f64().unwrap())
        .collect();
    assert_eq!(at.len(), 2, "{hits}");
    // the backoff alone would have waited 0.5 s
    assert!(
        at[1] - at[0] >= 1.9,
        "sent again after {:.2}s",
        at[1] - at[0]
    );

    let boom = r#"{"error":{"type":"null_pointer_exception","reason":"boom"},"status":500}"#;
    fake.control(
        "override",
        json!({"path": "/_cat/nodes", "status": 500, "body": boom, "times": 2}),
    );
    e.expect(0, &["es-shards", "-o", "json", "status"], None);
    let hits = fake.control("hits", json!({}));
    // one read by the first `status`, then the two 500s and the answer
    assert_eq!(
        hits["GET /_cat/nodes"].as_array().unwrap().len(),
        4,
        "{hits}"
    );

    let bad = r#"{"error":{"type":"illegal_argument_exception","reason":"bad"},"status":400}"#;
    fake.control(
        "override",
        json!({"path": "/_cat/nodes", "status": 400, "body": bad, "times": 1}),
    );
    let (_, err) = e.expect(4, &["es-shards", "status"], None);
    assert!(
        err.contains("GET /_cat/nodes answered HTTP 400: illegal_argument_exception: bad"),
        "{err}"
    );
    let hits = fake.control("hits", json!({}));
    assert_eq!(
        hits["GET /_cat/nodes"].as_array().unwrap().len(),
        5,
        "{hits}"
    );
}

#[test]
fn connection_errors_exit_3_and_secrets_stay_out() {
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
            "http://127.0.0.1:9",
            "--user",
            "u",
            "--secret-stdin",
        ],
        Some("s3cr3t-pw"),
    );
    let (out, err) = e.expect(3, &["es-shards", "-o", "json", "status"], None);
    assert!(err.contains("cannot connect"), "{err}");
    assert!(
        !out.contains("s3cr3t") && !err.contains("s3cr3t"),
        "{out}{err}"
    );
    let (_, err) = e.expect(2, &["es-shards", "--conn", "nope", "status"], None);
    assert!(err.contains("nope"), "{err}");
}

#[test]
fn ctrl_c_stops_a_drain_with_exit_130_and_the_change_stays_recorded() {
    let fake = Fake::start("drain", "es8");
    fake.control("pause", json!({"paused": true}));
    let e = fake.env();
    let child = Command::new(assert_cmd::cargo::cargo_bin("shark"))
        .env("SHARK_STATE", e.state())
        .env_remove("SHARK_CONFIG")
        .env_remove("SHARK_MASTER_KEY")
        .env("XDG_CONFIG_HOME", e.dir.path().join("config"))
        .args(["es-shards", "drain", "node-3", "--interval", "100ms"])
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // wait until the exclusion is in place, then interrupt
    let deadline = Instant::now() + Duration::from_secs(20);
    while fake.state()["persistent"]["cluster.routing.allocation.exclude._name"] != "node-3" {
        assert!(Instant::now() < deadline, "drain never applied its setting");
        std::thread::sleep(Duration::from_millis(50));
    }
    std::thread::sleep(Duration::from_millis(300));
    let pid = child.id().to_string();
    assert!(
        Command::new("kill")
            .args(["-INT", &pid])
            .status()
            .unwrap()
            .success()
    );
    let out = child.wait_with_output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(130), "{err}");
    assert!(err.contains("interrupted"), "{err}");
    let (out, _) = e.expect(0, &["es-shards", "-o", "json", "ops"], None);
    let ops: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(ops[0]["op"], "drain", "{out}");
    assert_eq!(ops[0]["outcome"], "applied", "{out}");
    let (out, _) = e.expect(0, &["history", "-o", "json"], None);
    assert!(
        out.contains("es-shards drain") && out.contains("interrupted"),
        "{out}"
    );
}
