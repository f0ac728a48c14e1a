//! `shark es-shards` against the project's fake multi-node cluster (tests/infra/fake-es-cluster.py,
//! started per test on a free loopback port, for the control plane: recoveries, explain,
//! reroute, relocations) and against osmem-server (tests/infra, a real OpenSearch-compatible
//! data plane: health, _cat, settings, counts).

mod common;

use common::{Env, infra};
use serde_json::{Value, json};
use std::io::{Read, Write};
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

/// Minimal HTTP/1.1 client for test setup: (status, body).
fn http(method: &str, url: &str, body: Option<&Value>) -> (u16, String) {
    let rest = url.strip_prefix("http://").unwrap();
    let (hostport, path) = rest.split_at(rest.find('/').unwrap_or(rest.len()));
    let path = if path.is_empty() { "/" } else { path };
    let mut s = std::net::TcpStream::connect(hostport).unwrap();
    s.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
    let b = body.map(|b| b.to_string()).unwrap_or_default();
    write!(
        s,
        "{method} {path} HTTP/1.1\r\nHost: {hostport}\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{b}",
        b.len()
    )
    .unwrap();
    let mut out = String::new();
    s.read_to_string(&mut out).unwrap();
    let status = out[9..12].parse().unwrap();
    let body = out.split_once("\r\n\r\n").map(|x| x.1).unwrap_or("");
    // osmem may answer chunked
    let body = if out
        .to_ascii_lowercase()
        .contains("transfer-encoding: chunked")
    {
        dechunk(body)
    } else {
        body.to_string()
    };
    (status, body)
}

fn dechunk(mut s: &str) -> String {
    let mut out = String::new();
    while let Some((len, rest)) = s.split_once("\r\n") {
        let n = usize::from_str_radix(len.trim(), 16).unwrap_or(0);
        if n == 0 {
            break;
        }
        out.push_str(&rest[..n]);
        s = &rest[n + 2..];
    }
    out
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
fn rebalance_shows_recovery_progress_and_ends_when_shards_are_started() {
    let fake = Fake::start("unbalanced", "es8");
    let e = fake.env();
    // dry run: the plan and the cluster's decisions, nothing changed or recorded
    let (out, _) = e.expect(
        0,
        &[
            "es-shards",
            "-o",
            "json",
            "rebalance",
            "--plan",
            "--dry-run",
        ],
        None,
    );
    let done = ndjson(&out).pop().unwrap();
    let plan = done["report"]["plan"].as_array().unwrap();
    assert!(!plan.is_empty(), "{out}");
    assert!(plan.iter().all(|m| m["to_node"] == "node-3"), "{out}");
    assert_eq!(
        done["report"]["decisions"][0]["decisions"][0]["decision"], "YES",
        "{out}"
    );
    assert_eq!(
        fake.state()["persistent"]["cluster.routing.rebalance.enable"],
        "none"
    );
    let (out, _) = e.expect(0, &["es-shards", "-o", "json", "ops"], None);
    assert_eq!(out.trim(), "[]");

    let mut args = vec!["es-shards", "-o", "json", "rebalance"];
    args.extend(FAST);
    let (out, _) = e.expect(0, &args, None);
    let events = ndjson(&out);
    let partial = events.iter().any(|v| {
        v["event"] == "recovery"
            && v["recovery"]["bytes_percent"]
                .as_f64()
                .is_some_and(|p| p > 0.0 && p < 100.0)
            && v["recovery"]["source"].is_string()
            && v["recovery"]["stage"].is_string()
    });
    assert!(partial, "no recovery progress shown: {out}");
    assert!(
        events.iter().any(|v| v["event"] == "recovery_done"),
        "{out}"
    );
    let done = events.last().unwrap();
    assert_eq!(done["event"], "done", "{out}");
    assert_eq!(done["report"]["health"]["status"], "green", "{out}");
    assert!(
        done["report"]["recoveries_seen"].as_u64().unwrap() >= 1,
        "{out}"
    );
    let st = fake.state();
    assert!(
        st["copies"]
            .as_array()
            .unwrap()
            .iter()
            .all(|c| c["state"] == "STARTED"),
        "{st}"
    );
    assert!(
        copies_on(&st, "node-3") >= 3,
        "node-3 still nearly empty: {st}"
    );

    // recorded with the previous values; --restore puts them back, once
    let (out, _) = e.expect(0, &["es-shards", "-o", "json", "ops"], None);
    let ops: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(ops[0]["op"], "rebalance");
    assert_eq!(
        ops[0]["before"]["persistent"]["cluster.routing.rebalance.enable"],
        "none"
    );
    assert_eq!(
        ops[0]["after"]["persistent"]["cluster.routing.rebalance.enable"],
        "all"
    );
    e.expect(0, &["es-shards", "rebalance", "--restore"], None);
    let st = fake.state();
    assert_eq!(
        st["persistent"]["cluster.routing.rebalance.enable"], "none",
        "{st}"
    );
    assert!(
        st["persistent"]
            .get("cluster.routing.allocation.enable")
            .is_none(),
        "{st}"
    );
    let (_, err) = e.expect(2, &["es-shards", "rebalance", "--restore"], None);
    assert!(err.contains("nothing to restore"), "{err}");
}

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
fn drain_waits_until_the_node_holds_no_shard() {
    let fake = Fake::start("drain", "opensearch2");
    let e = fake.env();
    assert_eq!(copies_on(&fake.state(), "node-3"), 2);
    let mut args = vec!["es-shards", "-o", "json", "drain", "node-3"];
    args.extend(FAST);
    let (out, _) = e.expect(0, &args, None);
    let done = ndjson(&out).pop().unwrap();
    assert_eq!(done["report"]["shards_before"], 2, "{out}");
    assert_eq!(done["report"]["shards_left"], 0, "{out}");
    assert!(
        done["report"]["recoveries_seen"].as_u64().unwrap() >= 2,
        "{out}"
    );
    let st = fake.state();
    assert_eq!(copies_on(&st, "node-3"), 0, "{st}");
    assert_eq!(
        st["persistent"]["cluster.routing.allocation.exclude._name"],
        "node-3"
    );
    let (out, _) = e.expect(0, &["es-shards", "status"], None);
    assert!(out.contains("OpenSearch 2.18.0"), "{out}");
    e.expect(0, &["es-shards", "undrain", "node-3"], None);
    assert!(
        fake.state()["persistent"]
            .get("cluster.routing.allocation.exclude._name")
            .is_none()
    );
    let (_, err) = e.expect(2, &["es-shards", "undrain", "node-3"], None);
    assert!(err.contains("not drained"), "{err}");
    let (_, err) = e.expect(2, &["es-shards", "drain", "node-9"], None);
    assert!(err.contains("no node named 'node-9'"), "{err}");
    let (out, _) = e.expect(0, &["es-shards", "-o", "json", "ops"], None);
    let ops: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(ops[0]["op"], "undrain");
    assert_eq!(ops[1]["op"], "drain");
    assert_eq!(ops[1]["target"], "node-3");
    // `recovery --watch` follows a drain applied without waiting until nothing moves
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
    e.expect(0, &["es-shards", "undrain", "node-2"], None);
    // a drain that cannot finish in time: exit 4, the exclusion stays and is recorded
    let args = ["es-shards", "drain", "node-1", "--timeout", "0s"];
    let (_, err) = e.expect(4, &args, None);
    assert!(err.contains("drain of node-1 not finished"), "{err}");
}

#[test]
fn snapshot_create_list_restore_with_an_fs_repository() {
    let fake = Fake::start("green", "es8");
    let e = fake.env();
    let (_, err) = e.expect(
        2,
        &["es-shards", "snapshot", "create", "s1", "--repo", "bk"],
        None,
    );
    assert!(err.contains("--location"), "{err}");
    let mut args = vec![
        "es-shards",
        "-o",
        "json",
        "snapshot",
        "create",
        "s1",
        "--repo",
        "bk",
        "--location",
        "/srv/snap",
    ];
    args.extend(FAST);
    let (out, _) = e.expect(0, &args, None);
    let events = ndjson(&out);
    let progress: Vec<&Value> = events.iter().filter(|v| v["event"] == "progress").collect();
    assert!(!progress.is_empty(), "{out}");
    assert!(progress.iter().all(|v| v["total"] == 3), "{out}");
    assert_eq!(progress.last().unwrap()["done"], 3, "{out}");
    assert_eq!(
        events.last().unwrap()["report"]["snapshot"]["state"],
        "SUCCESS",
        "{out}"
    );
    let (out, _) = e.expect(0, &["es-shards", "snapshot", "list", "--repo", "bk"], None);
    assert!(out.contains("s1") && out.contains("SUCCESS"), "{out}");
    let mut args = vec!["es-shards", "snapshot", "restore", "s1", "--repo", "bk"];
    args.extend(FAST);
    let (_, err) = e.expect(4, &args, None);
    assert!(
        err.contains("an open index with same name already exists"),
        "{err}"
    );
    let mut args = vec![
        "es-shards",
        "-o",
        "json",
        "snapshot",
        "restore",
        "s1",
        "--repo",
        "bk",
        "--rename-pattern",
        "(.+)",
        "--rename-replacement",
        "restored-$1",
    ];
    args.extend(FAST);
    let (out, _) = e.expect(0, &args, None);
    let events = ndjson(&out);
    assert!(
        events
            .iter()
            .any(|v| v["event"] == "recovery" && v["recovery"]["type"] == "SNAPSHOT"),
        "{out}"
    );
    assert_eq!(
        events.last().unwrap()["report"]["health"]["status"],
        "green",
        "{out}"
    );
    let (out, _) = e.expect(
        0,
        &[
            "es-shards",
            "replication",
            "restored-logs",
            "--fail-on",
            "degraded",
        ],
        None,
    );
    assert!(out.contains("healthy"), "{out}");
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

// ---- osmem-server (real OpenSearch-compatible data plane) -----------------------------------

fn osmem_env() -> (Env, String) {
    let url = infra().get("SHARK_T_ES_URL").to_string();
    let e = Env::new();
    e.expect(
        0,
        &[
            "conn",
            "add",
            "os",
            "--kind",
            "elasticsearch",
            "--url",
            &url,
        ],
        None,
    );
    (e, url)
}

#[test]
fn osmem_status() {
    let (e, _) = osmem_env();
    let (out, _) = e.expect(0, &["es-shards", "-o", "json", "status"], None);
    let s: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(s["server"]["flavour"], "opensearch", "{out}");
    assert!(s["nodes"][0]["master"].as_bool().unwrap(), "{out}");
    assert!(
        ["green", "yellow"].contains(&s["health"]["status"].as_str().unwrap()),
        "{out}"
    );
    let (out, _) = e.expect(0, &["es-shards", "status"], None);
    assert!(out.contains("OpenSearch"), "{out}");
}

#[test]
fn osmem_settings_round_trip() {
    let (e, url) = osmem_env();
    let key = "cluster.routing.allocation.cluster_concurrent_rebalance";
    // osmem is shared: start from defaults whatever an earlier run left
    let reset = json!({"persistent": {
        key: null,
        "cluster.routing.allocation.node_concurrent_recoveries": null,
        "cluster.routing.allocation.enable": null,
        "cluster.routing.rebalance.enable": null,
        "cluster.routing.allocation.exclude._name": null,
    }});
    let (st, body) = http("PUT", &format!("{url}/_cluster/settings"), Some(&reset));
    assert_eq!(st, 200, "{body}");
    let args = [
        "es-shards",
        "rebalance",
        "--concurrent",
        "3",
        "--node-recoveries",
        "4",
        "--interval",
        "100ms",
        "--timeout",
        "20s",
    ];
    let (out, err) = e.expect(0, &args, None);
    assert!(out.contains("settled"), "{out}");
    // osmem has no `_recovery`: progress comes from `_cat/recovery` without a word about it
    assert!(!err.contains("no _recovery"), "{err}");
    let (_, body) = http(
        "GET",
        &format!("{url}/_cluster/settings?flat_settings=true"),
        None,
    );
    let v: Value = serde_json::from_str(&body).unwrap();
    assert_eq!(v["persistent"][key], "3", "{body}");
    assert_eq!(
        v["persistent"]["cluster.routing.allocation.node_concurrent_recoveries"], "4",
        "{body}"
    );
    e.expect(0, &["es-shards", "rebalance", "--restore"], None);
    let (_, body) = http(
        "GET",
        &format!("{url}/_cluster/settings?flat_settings=true"),
        None,
    );
    let v: Value = serde_json::from_str(&body).unwrap();
    assert!(v["persistent"].get(key).is_none(), "{body}");
    // drain / undrain without waiting: the exclusion list round-trips
    e.expect(0, &["es-shards", "drain", "osmem-node", "--no-wait"], None);
    let (_, body) = http(
        "GET",
        &format!("{url}/_cluster/settings?flat_settings=true"),
        None,
    );
    assert!(body.contains("osmem-node"), "{body}");
    e.expect(0, &["es-shards", "undrain", "osmem-node"], None);
    let (_, body) = http(
        "GET",
        &format!("{url}/_cluster/settings?flat_settings=true"),
        None,
    );
    assert!(!body.contains("exclude"), "{body}");
}

#[test]
fn osmem_verify_a_real_index() {
    let (e, url) = osmem_env();
    let index = format!("hes-verify-{}", std::process::id());
    let (st, body) = http(
        "PUT",
        &format!("{url}/{index}"),
        Some(&json!({"settings": {"number_of_shards": 2, "number_of_replicas": 1}})),
    );
    assert_eq!(st, 200, "{body}");
    for i in 0..7 {
        let (st, body) = http(
            "POST",
            &format!("{url}/{index}/_doc?refresh=true"),
            Some(&json!({"n": i})),
        );
        assert!(st == 200 || st == 201, "{body}");
    }
    let (out, _) = e.expect(0, &["es-shards", "-o", "json", "verify", &index], None);
    let _ = http("DELETE", &format!("{url}/{index}"), None);
    let r: Value = serde_json::from_str(&out).unwrap();
    let counted: u64 = r["shards"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["primary_count"].as_u64().unwrap())
        .sum();
    assert_eq!(
        counted, 7,
        "pinned counts of the primaries add up to the docs: {out}"
    );
    assert_eq!(r["mismatches"], 0, "{out}");
    // a single node cannot host replicas: they are listed, not compared
    assert_eq!(r["not_compared"], 2, "{out}");
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
