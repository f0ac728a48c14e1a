//! `shark es-shards` on a real OpenSearch 2.19 cluster of 3 nodes (tests/infra: os1..os3, the
//! server from Maven Central): shards really move, nodes really die and come back, snapshots
//! really land in an fs repository. The verbs whose requests differ by flavour (status, drain,
//! recover, a restore after a kill) run on the real Elasticsearch 7.17 cluster (es1..es3) too. Results are read back from the cluster's own APIs
//! (`_cat/shards`, `_cluster/settings`, `_count`, allocation explain), never through shark.
//! Where a test needs an answer the cluster cannot give on demand (late, never, a 503), a
//! loopback proxy in front of os1 withholds or replaces it; the request itself still reaches the
//! real cluster. tests/es_shards.rs keeps the project's fake cluster for the rest.

mod common;

use common::opensearch::{Cleanup, Fault, FaultProxy, Os, es7, http, lock_cluster, os};
use common::{Env, Lock, unique_name};
use serde_json::{Value, json};
use std::time::{Duration, Instant};

/// Env whose only elasticsearch connection `os` points at `url`.
fn env_for(url: &str) -> Env {
    let e = Env::new();
    e.expect(
        0,
        &["conn", "add", "os", "--kind", "elasticsearch", "--url", url],
        None,
    );
    e
}

fn ndjson(out: &str) -> Vec<Value> {
    out.lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("not NDJSON ({e}): {l}")))
        .collect()
}

fn json_of(out: &str) -> Value {
    serde_json::from_str(out).unwrap_or_else(|e| panic!("not JSON ({e}): {out}"))
}

/// An index name no other test uses (lowercase, as OpenSearch wants).
fn index_name(prefix: &str) -> String {
    unique_name(prefix).to_lowercase()
}

const FAST: [&str; 4] = ["--interval", "100ms", "--timeout", "120s"];

/// Copies of shards on `node` (all indices), as `_cat/shards` says.
fn copies_on(os: &Os, node: &str) -> usize {
    os.shards(None).iter().filter(|c| c["node"] == node).count()
}

fn persistent(os: &Os, key: &str) -> Value {
    os.settings()["persistent"][key].clone()
}

#[test]
fn status_and_replication_classify_real_indices() {
    status_and_replication(&os());
}

#[test]
fn status_and_replication_classify_real_indices_es7() {
    status_and_replication(&es7());
}

fn status_and_replication(os: &Os) {
    let n3 = os.name(3);
    let _l = lock_cluster(os, Lock::Exclusive);
    let base = index_name("hes_repl");
    let (a, f, h) = (
        format!("{base}-a"),
        format!("{base}-f"),
        format!("{base}-h"),
    );
    let _c = Cleanup {
        os,
        indices: vec![a.clone(), f.clone(), h.clone()],
        repos: vec![],
    };
    // a: 3 replicas on 3 nodes, one can never be placed; f: its primary may only go to a node
    // that does not exist; h: 1 replica, all placed
    os.create_index(&a, json!({"number_of_shards": 1, "number_of_replicas": 3}));
    os.create_index(
        &f,
        json!({"number_of_shards": 1, "number_of_replicas": 0,
               "index.routing.allocation.require._name": "nosuch"}),
    );
    os.create_index(&h, json!({"number_of_shards": 1, "number_of_replicas": 1}));
    os.health(&format!("wait_for_status=green&timeout=60s&index={h}"));
    os.health(&format!(
        "wait_for_active_shards=3&wait_for_no_initializing_shards=true&timeout=60s&index={a}"
    ));

    let e = env_for(&os.url);
    let (out, _) = e.expect(
        0,
        &[
            "es-shards",
            "-o",
            "json",
            "replication",
            &format!("{base}-*"),
        ],
        None,
    );
    let got: Vec<(String, String, f64)> = json_of(&out)
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
    assert_eq!(
        got,
        vec![
            (a.clone(), "degraded".to_string(), 75.0),
            (f.clone(), "failed".to_string(), 0.0),
            (h.clone(), "healthy".to_string(), 100.0)
        ],
        "{out}"
    );
    e.expect(
        1,
        &["es-shards", "replication", &a, "--fail-on", "degraded"],
        None,
    );
    e.expect(
        0,
        &["es-shards", "replication", &a, "--fail-on", "failed"],
        None,
    );
    e.expect(
        0,
        &["es-shards", "replication", &h, "--fail-on", "degraded"],
        None,
    );

    // status: the unassigned copies with the reason the cluster's allocation explain gives
    let (out, _) = e.expect(0, &["es-shards", "-o", "json", "status"], None);
    let st = json_of(&out);
    assert_eq!(st["server"]["flavour"], os.flavour, "{out}");
    assert_eq!(st["server"]["version"], os.version.as_str(), "{out}");
    assert_eq!(st["health"]["status"], "red", "{out}");
    let names: Vec<&str> = st["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, [os.name(1), os.name(2), n3.clone()], "{out}");
    assert_eq!(
        st["nodes"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|n| n["master"] == true)
            .count(),
        1,
        "{out}"
    );
    let row = |index: &str| {
        st["unassigned"]
            .as_array()
            .unwrap()
            .iter()
            .find(|u| u["index"] == index)
            .unwrap_or_else(|| panic!("{index} not listed as unassigned: {out}"))
            .clone()
    };
    for (index, primary) in [(&f, true), (&a, false)] {
        let ours = row(index);
        assert_eq!(ours["primary"], primary, "{out}");
        let theirs = os.ok(
            "POST",
            "/_cluster/allocation/explain",
            Some(&json!({"index": index, "shard": 0, "primary": primary})),
        );
        let why = ours["reason"].as_str().unwrap();
        assert!(
            why.starts_with(theirs["unassigned_info"]["reason"].as_str().unwrap()),
            "{why} / {theirs}"
        );
        let no: Vec<&str> = theirs["node_allocation_decisions"]
            .as_array()
            .unwrap()
            .iter()
            .flat_map(|d| d["deciders"].as_array().unwrap())
            .filter(|d| d["decision"] == "NO")
            .map(|d| d["explanation"].as_str().unwrap())
            .collect();
        assert!(
            no.iter().any(|x| why.contains(x)),
            "shark's reason {why:?} quotes none of the cluster's: {no:?}"
        );
    }
    let (out, _) = e.expect(1, &["es-shards", "status", "--fail-on", "yellow"], None);
    assert!(out.contains(&f), "{out}");
    e.expect(1, &["es-shards", "status", "--fail-on", "red"], None);
}

#[test]
fn rebalance_plan_moves_shards_with_visible_recoveries_and_restore_puts_settings_back() {
    let os = os();
    let _l = lock_cluster(&os, Lock::Exclusive);
    let idx = index_name("hes_reb");
    let _c = Cleanup {
        os: &os,
        indices: vec![idx.clone()],
        repos: vec![],
    };
    // 6 primaries on os1/os2 only, ~170 KB each; then the cluster may not rebalance by itself
    os.create_index(
        &idx,
        json!({"number_of_shards": 6, "number_of_replicas": 0,
               "index.routing.allocation.exclude._name": "os3"}),
    );
    os.health(&format!("wait_for_status=green&timeout=60s&index={idx}"));
    os.fill(&idx, 4000, 250);
    os.ok(
        "PUT",
        "/_cluster/settings",
        Some(&json!({"persistent": {"cluster.routing.rebalance.enable": "none"}})),
    );
    os.ok(
        "PUT",
        &format!("/{idx}/_settings"),
        Some(&json!({"index.routing.allocation.exclude._name": null})),
    );
    let on_os3_before = copies_on(&os, "os3");

    let e = env_for(&os.url);
    // dry run: the plan and the cluster's decisions; nothing moves, nothing is recorded
    let (out, _) = e.expect(
        0,
        &[
            "es-shards",
            "-o",
            "json",
            "rebalance",
            "--plan",
            "--rebalance",
            "none",
            "--dry-run",
        ],
        None,
    );
    let done = ndjson(&out).pop().unwrap();
    let plan = done["report"]["plan"].as_array().unwrap().clone();
    assert!(!plan.is_empty(), "{out}");
    assert!(plan.iter().all(|m| m["to_node"] == "os3"), "{out}");
    assert!(
        done["report"]["decisions"]
            .as_array()
            .unwrap()
            .iter()
            .all(|d| d["decisions"][0]["decision"] == "YES"),
        "{out}"
    );
    assert_eq!(copies_on(&os, "os3"), on_os3_before);
    let (out, _) = e.expect(0, &["es-shards", "-o", "json", "ops"], None);
    assert_eq!(out.trim(), "[]");

    // for real, recoveries throttled to 100kb/s so that progress is there to be seen
    let mut args = vec![
        "es-shards",
        "-o",
        "json",
        "rebalance",
        "--plan",
        "--rebalance",
        "none",
        "--max-bytes-per-sec",
        "100kb",
    ];
    args.extend(FAST);
    let (out, _) = e.expect(0, &args, None);
    let events = ndjson(&out);
    let done = events.last().unwrap();
    assert_eq!(done["event"], "done", "{out}");
    let plan = done["report"]["plan"].as_array().unwrap().clone();
    assert!(!plan.is_empty(), "{out}");
    let progress = events.iter().any(|v| {
        v["event"] == "recovery"
            && v["recovery"]["index"].as_str().is_some()
            && v["recovery"]["type"] == "PEER"
            && v["recovery"]["stage"].is_string()
            && v["recovery"]["bytes_percent"]
                .as_f64()
                .is_some_and(|p| p < 100.0)
    });
    assert!(progress, "no recovery in progress shown: {out}");
    assert!(
        done["report"]["recoveries_seen"].as_u64().unwrap() >= 1,
        "{out}"
    );
    // every planned move happened: the copy is on its target now, and started
    let now = os.shards(None);
    for m in &plan {
        let there = now.iter().any(|c| {
            c["index"] == m["index"]
                && c["shard"].as_str().and_then(|x| x.parse::<u64>().ok()) == m["shard"].as_u64()
                && c["node"] == m["to_node"]
                && c["state"] == "STARTED"
        });
        assert!(there, "move {m} did not happen: {now:?}");
    }
    assert_eq!(copies_on(&os, "os3"), on_os3_before + plan.len());

    // recorded with the values before; --restore puts them back, once
    let (out, _) = e.expect(0, &["es-shards", "-o", "json", "ops"], None);
    let ops = json_of(&out);
    let names: Vec<&str> = ops
        .as_array()
        .unwrap()
        .iter()
        .map(|o| o["op"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["reroute", "rebalance"], "{out}");
    let reb = &ops[1];
    assert_eq!(
        reb["before"]["persistent"]["indices.recovery.max_bytes_per_sec"],
        Value::Null,
        "{out}"
    );
    assert_eq!(
        reb["after"]["persistent"]["indices.recovery.max_bytes_per_sec"], "100kb",
        "{out}"
    );
    assert_eq!(
        persistent(&os, "indices.recovery.max_bytes_per_sec"),
        "100kb"
    );
    e.expect(0, &["es-shards", "rebalance", "--restore"], None);
    let s = os.settings();
    assert!(
        s["persistent"]
            .get("indices.recovery.max_bytes_per_sec")
            .is_none(),
        "{s}"
    );
    assert!(
        s["persistent"]
            .get("cluster.routing.allocation.enable")
            .is_none(),
        "{s}"
    );
    // not recorded by the rebalance (already "none"), so left alone
    assert_eq!(s["persistent"]["cluster.routing.rebalance.enable"], "none");
    let (_, err) = e.expect(2, &["es-shards", "rebalance", "--restore"], None);
    assert!(err.contains("nothing to restore"), "{err}");
}

#[test]
fn drain_empties_a_node_through_failed_polls_and_undrain_lets_it_back() {
    drain_undrain(&os());
}

#[test]
fn drain_empties_a_node_through_failed_polls_and_undrain_lets_it_back_es7() {
    drain_undrain(&es7());
}

fn drain_undrain(os: &Os) {
    let (n1, n3) = (os.name(1), os.name(3));
    let _l = lock_cluster(os, Lock::Exclusive);
    let idx = index_name("hes_drain");
    let _c = Cleanup {
        os,
        indices: vec![idx.clone()],
        repos: vec![],
    };
    os.create_index(
        &idx,
        json!({"number_of_shards": 3, "number_of_replicas": 1}),
    );
    os.health(&format!("wait_for_status=green&timeout=60s&index={idx}"));
    os.fill(&idx, 300, 100);
    os.health(
        "wait_for_no_relocating_shards=true&wait_for_no_initializing_shards=true&timeout=60s",
    );
    let before = copies_on(os, n3.as_str());
    assert!(before > 0, "{:?}", os.shards(None));

    // through a proxy that answers the first 7 health requests after the exclusion with a 503
    // (no elected cluster-manager for a while): the client sends each request up to 6 times
    // (src/conn/es/mod.rs), so one poll fails after all its attempts and the drain polls on
    // until the node is empty
    let proxy = FaultProxy::start(&os.url);
    let e = env_for(&proxy.url);
    let no_master = json!({"error": {"type": "cluster_manager_not_discovered_exception",
        "reason": "no cluster-manager"}, "status": 503})
    .to_string();
    // `drain` reads health only while it waits
    proxy.rule("GET", "/_cluster/health", Fault::Answer(503, no_master), 7);
    let mut args = vec!["es-shards", "-o", "json", "drain", n3.as_str()];
    args.extend(FAST);
    let (out, _) = e.expect(0, &args, None);
    let events = ndjson(&out);
    assert!(
        events.iter().any(|v| v["event"] == "note"
            && v["text"].as_str().unwrap().contains(
                "poll failed, retrying until --timeout: GET /_cluster/health answered HTTP 503"
            )),
        "{out}"
    );
    assert!(proxy.seen("GET /_cluster/health") >= 8);
    let done = events.last().unwrap();
    assert_eq!(done["report"]["shards_before"], before, "{out}");
    assert_eq!(done["report"]["shards_left"], 0, "{out}");
    assert_eq!(copies_on(os, n3.as_str()), 0, "{:?}", os.shards(None));
    assert_eq!(
        persistent(os, "cluster.routing.allocation.exclude._name"),
        n3.as_str()
    );
    let (out, _) = e.expect(0, &["es-shards", "-o", "json", "status"], None);
    let st = json_of(&out);
    let node3 = st["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|n| n["name"] == n3.as_str())
        .unwrap()
        .clone();
    assert_eq!(
        (node3["excluded"].clone(), node3["shards"].clone()),
        (json!(true), json!(0)),
        "{out}"
    );

    e.expect(0, &["es-shards", "undrain", n3.as_str()], None);
    assert!(
        os.settings()["persistent"]
            .get("cluster.routing.allocation.exclude._name")
            .is_none()
    );
    let (_, err) = e.expect(2, &["es-shards", "undrain", n3.as_str()], None);
    assert!(err.contains("not drained"), "{err}");
    let (_, err) = e.expect(2, &["es-shards", "drain", "nosuch9"], None);
    assert!(err.contains("no node named 'nosuch9'"), "{err}");
    let (out, _) = e.expect(0, &["es-shards", "-o", "json", "ops"], None);
    let ops = json_of(&out);
    assert_eq!(
        (
            ops[0]["op"].as_str(),
            ops[1]["op"].as_str(),
            ops[1]["target"].as_str()
        ),
        (Some("undrain"), Some("drain"), Some(n3.as_str())),
        "{out}"
    );
    // a drain that cannot finish in time: exit 4, the exclusion stays
    os.health(&format!("wait_for_status=green&timeout=60s&index={idx}"));
    let (_, err) = e.expect(
        4,
        &["es-shards", "drain", n1.as_str(), "--timeout", "0s"],
        None,
    );
    assert!(
        err.contains(&format!("drain of {n1} not finished")),
        "{err}"
    );
    assert_eq!(
        persistent(os, "cluster.routing.allocation.exclude._name"),
        n1.as_str()
    );
}

#[test]
fn recover_brings_back_replicas_after_a_node_is_killed_and_restarted() {
    recover_after_kill(&os());
}

#[test]
fn recover_brings_back_replicas_after_a_node_is_killed_and_restarted_es7() {
    recover_after_kill(&es7());
}

fn recover_after_kill(os: &Os) {
    let n3 = os.name(3);
    let _l = lock_cluster(os, Lock::Exclusive);
    let idx = index_name("hes_recover");
    let _c = Cleanup {
        os,
        indices: vec![idx.clone()],
        repos: vec![],
    };
    // a replica whose node left is unassigned at once (no delayed allocation)
    os.create_index(
        &idx,
        json!({"number_of_shards": 3, "number_of_replicas": 1,
               "index.unassigned.node_left.delayed_timeout": "0"}),
    );
    os.health(&format!("wait_for_status=green&timeout=60s&index={idx}"));
    os.fill(&idx, 300, 100);
    // replicas are not rebuilt while allocation is limited to primaries
    os.ok(
        "PUT",
        "/_cluster/settings",
        Some(&json!({"persistent": {"cluster.routing.allocation.enable": "primaries"}})),
    );
    let on_os3 = os
        .shards(Some(&idx))
        .iter()
        .filter(|c| c["node"] == n3.as_str())
        .count();
    assert!(on_os3 > 0);
    os.node("kill", 3);
    os.wait_nodes(2);
    os.health(&format!("wait_for_status=yellow&timeout=60s&index={idx}"));

    let e = env_for(&os.url);
    let (out, _) = e.expect(0, &["es-shards", "-o", "json", "status"], None);
    let st = json_of(&out);
    let rows: Vec<&Value> = st["unassigned"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|u| u["index"] == idx.as_str())
        .collect();
    assert_eq!(rows.len(), on_os3, "{out}");
    for r in &rows {
        assert_eq!(r["primary"], false, "{out}");
        let why = r["reason"].as_str().unwrap();
        assert!(
            why.starts_with("NODE_LEFT") && why.contains("allocation"),
            "{why}"
        );
    }
    e.expect(1, &["es-shards", "status", "--fail-on", "yellow"], None);
    e.expect(
        1,
        &["es-shards", "replication", &idx, "--fail-on", "degraded"],
        None,
    );

    // the node comes back; its copies stay unassigned until allocation is enabled again
    os.node("start", 3);
    let h = os.health(&format!("index={idx}"));
    assert_eq!(h["status"], "yellow", "{h}");
    let mut args = vec!["es-shards", "-o", "json", "recover"];
    args.extend(FAST);
    let (out, _) = e.expect(0, &args, None);
    let done = ndjson(&out).pop().unwrap();
    assert!(
        done["report"]["unassigned_before"].as_u64().unwrap() >= on_os3 as u64,
        "{out}"
    );
    assert!(done["report"]["allocation_enabled"].is_i64(), "{out}");
    assert_eq!(done["report"]["still_unassigned"], json!([]), "{out}");
    assert_eq!(done["report"]["health"]["status"], "green", "{out}");
    let copies = os.shards(Some(&idx));
    assert_eq!(copies.len(), 6);
    assert!(copies.iter().all(|c| c["state"] == "STARTED"), "{copies:?}");
    assert_eq!(os.count(&idx), 300);
    let (out, _) = e.expect(0, &["es-shards", "-o", "json", "ops"], None);
    let ops = json_of(&out);
    assert_eq!(
        (ops[0]["op"].as_str(), ops[1]["op"].as_str()),
        (Some("retry-failed"), Some("recover-allocation")),
        "{out}"
    );
    assert_eq!(
        ops[1]["before"]["persistent"]["cluster.routing.allocation.enable"],
        "primaries"
    );
}

#[test]
fn verify_compares_real_copies_with_writes_in_flight() {
    let os = os();
    let _l = lock_cluster(&os, Lock::Shared);
    let idx = index_name("hes_verify");
    let _c = Cleanup {
        os: &os,
        indices: vec![idx.clone()],
        repos: vec![],
    };
    os.create_index(
        &idx,
        json!({"number_of_shards": 2, "number_of_replicas": 1}),
    );
    os.health(&format!("wait_for_status=green&timeout=60s&index={idx}"));
    let e = env_for(&os.url);
    // one document at a time while verify runs: copies differ for a moment, and verify
    // re-reads until they agree
    const DOCS: usize = 400;
    let url = os.url.clone();
    let index = idx.clone();
    let writer = std::thread::spawn(move || {
        for i in 0..DOCS {
            let (st, body) = http(
                "PUT",
                &format!("{url}/{index}/_doc/{i}"),
                Some(&json!({"n": i})),
            );
            assert!(st == 201 || st == 200, "{body}");
        }
    });
    let (out, _) = e.expect(
        0,
        &[
            "es-shards",
            "-o",
            "json",
            "verify",
            &idx,
            "--rounds",
            "40",
            "--pause",
            "250ms",
        ],
        None,
    );
    writer.join().unwrap();
    let r = json_of(&out);
    assert_eq!(r["mismatches"], 0, "{out}");
    assert_eq!(r["not_compared"], 0, "{out}");
    assert_eq!(r["shards"].as_array().unwrap().len(), 2, "{out}");

    // at rest: the pinned counts are the cluster's own counts, per copy and in total
    os.ok("POST", &format!("/{idx}/_refresh"), None);
    let (out, _) = e.expect(0, &["es-shards", "-o", "json", "verify", &idx], None);
    let r = json_of(&out);
    let mut total = 0;
    for s in r["shards"].as_array().unwrap() {
        let pc = s["primary_count"].as_u64().unwrap();
        let pinned = os.ok(
            "GET",
            &format!(
                "/{idx}/_count?preference=_shards:{}%7C_only_nodes:{}",
                s["shard"],
                s["primary_node"].as_str().unwrap()
            ),
            None,
        );
        assert_eq!(pinned["count"].as_u64(), Some(pc), "{out}");
        assert_eq!(s["replicas"][0]["count"].as_u64(), Some(pc), "{out}");
        // store sizes of real copies may differ (segments merged at different times): a warning
        let verdict = s["replicas"][0]["verdict"].as_str().unwrap();
        assert!(["ok", "size-differs"].contains(&verdict), "{out}");
        total += pc;
    }
    assert_eq!(total, DOCS as u64);
    assert_eq!(os.count(&idx), DOCS as u64);
    assert_eq!(r["write_blocked"], false, "{out}");
    os.ok(
        "PUT",
        &format!("/{idx}/_settings"),
        Some(&json!({"index.blocks.write": true})),
    );
    let (out, _) = e.expect(0, &["es-shards", "-o", "json", "verify", &idx], None);
    assert_eq!(json_of(&out)["write_blocked"], true, "{out}");
    let (_, err) = e.expect(4, &["es-shards", "verify", "hes-no-such-index"], None);
    assert!(
        err.contains("GET /_cat/shards/hes-no-such-index answered HTTP 404"),
        "{err}"
    );
}

#[test]
fn snapshot_create_list_restore_into_an_fs_repository() {
    let os = os();
    let _l = lock_cluster(&os, Lock::Shared);
    let idx = index_name("hes_snap");
    let restored = format!("restored-{idx}");
    let repo = index_name("bk");
    let _c = Cleanup {
        os: &os,
        indices: vec![idx.clone(), restored.clone()],
        repos: vec![repo.clone()],
    };
    os.create_index(
        &idx,
        json!({"number_of_shards": 2, "number_of_replicas": 1}),
    );
    os.health(&format!("wait_for_status=green&timeout=60s&index={idx}"));
    os.fill(&idx, 50, 100);
    let e = env_for(&os.url);
    let (_, err) = e.expect(
        2,
        &["es-shards", "snapshot", "create", "s1", "--repo", &repo],
        None,
    );
    assert!(err.contains("--location"), "{err}");
    let location = os.repo.join(&repo);
    let mut args = vec![
        "es-shards",
        "-o",
        "json",
        "snapshot",
        "create",
        "s1",
        "--repo",
        &repo,
        "--location",
        location.to_str().unwrap(),
        "--indices",
        &idx,
    ];
    args.extend(FAST);
    let (out, _) = e.expect(0, &args, None);
    let events = ndjson(&out);
    let progress: Vec<&Value> = events.iter().filter(|v| v["event"] == "progress").collect();
    assert!(!progress.is_empty(), "{out}");
    assert!(progress.iter().all(|v| v["total"] == 2), "{out}");
    assert_eq!(progress.last().unwrap()["done"], 2, "{out}");
    assert_eq!(
        events.last().unwrap()["report"]["snapshot"]["state"],
        "SUCCESS",
        "{out}"
    );
    // the cluster's own view of the snapshot, and files in the repository directory
    let snap = os.ok("GET", &format!("/_snapshot/{repo}/s1"), None);
    assert_eq!(snap["snapshots"][0]["state"], "SUCCESS", "{snap}");
    assert_eq!(snap["snapshots"][0]["indices"], json!([idx]), "{snap}");
    assert!(location.join("index.latest").exists());
    let (out, _) = e.expect(0, &["es-shards", "snapshot", "list", "--repo", &repo], None);
    assert!(out.contains("s1") && out.contains("SUCCESS"), "{out}");

    let mut args = vec!["es-shards", "snapshot", "restore", "s1", "--repo", &repo];
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
        &repo,
        "--rename-pattern",
        "(.+)",
        "--rename-replacement",
        "restored-$1",
    ];
    args.extend(FAST);
    let (out, _) = e.expect(0, &args, None);
    let done = ndjson(&out).pop().unwrap();
    assert_eq!(done["event"], "done", "{out}");
    os.health(&format!(
        "wait_for_status=green&timeout=60s&index={restored}"
    ));
    assert_eq!(os.count(&restored), 50);
    let (out, _) = e.expect(0, &["es-shards", "-o", "json", "ops"], None);
    let ops = json_of(&out);
    let names: Vec<&str> = ops
        .as_array()
        .unwrap()
        .iter()
        .map(|o| o["op"].as_str().unwrap())
        .collect();
    assert_eq!(
        names,
        [
            "snapshot-restore",
            "snapshot-restore",
            "snapshot-create",
            "snapshot-repository"
        ],
        "{out}"
    );
    assert_eq!(ops[1]["outcome"], "failed", "{out}");
}

/// Item: `--restore` re-reads the cluster. A rebalance whose settings change reached the cluster
/// but whose answer never came back (shark killed with -9 while waiting) is left `started`;
/// the change is in place all the same, and `--restore` must put back what is really there.
#[test]
fn rebalance_restore_puts_back_a_change_applied_while_shark_was_killed() {
    restore_after_shark_killed(&os());
}

#[test]
fn rebalance_restore_puts_back_a_change_applied_while_shark_was_killed_es7() {
    restore_after_shark_killed(&es7());
}

fn restore_after_shark_killed(os: &Os) {
    let _l = lock_cluster(os, Lock::Exclusive);
    let _c = Cleanup {
        os,
        indices: vec![],
        repos: vec![],
    };
    let proxy = FaultProxy::start(&os.url);
    proxy.rule("PUT", "/_cluster/settings", Fault::Never, 1);
    let e = env_for(&proxy.url);
    let mut shark = e.spawn(&[
        "es-shards",
        "rebalance",
        "--concurrent",
        "7",
        "--node-recoveries",
        "3",
        "--no-wait",
    ]);
    let t0 = Instant::now();
    while proxy.answered("PUT /_cluster/settings") == 0 {
        assert!(
            t0.elapsed() < Duration::from_secs(60),
            "the settings PUT never reached the cluster: {}",
            shark.stderr()
        );
        std::thread::sleep(Duration::from_millis(50));
    }
    shark.kill(); // SIGKILL, while it waits for the answer
    let key = "cluster.routing.allocation.cluster_concurrent_rebalance";
    assert_eq!(persistent(os, key), "7", "the cluster applied it");
    let (out, _) = e.expect(0, &["es-shards", "-o", "json", "ops"], None);
    let ops = json_of(&out);
    assert_eq!(
        (ops[0]["op"].as_str(), ops[0]["outcome"].as_str()),
        (Some("rebalance"), Some("started")),
        "{out}"
    );
    let (out, _) = e.expect(
        0,
        &["es-shards", "-o", "json", "rebalance", "--restore"],
        None,
    );
    let r = json_of(&out);
    assert_eq!(r["restored_outcome"], "started", "{out}");
    assert_eq!(r["after"]["persistent"][key], Value::Null, "{out}");
    let s = os.settings();
    for k in [
        key,
        "cluster.routing.allocation.node_concurrent_recoveries",
        "cluster.routing.allocation.enable",
        "cluster.routing.rebalance.enable",
    ] {
        assert!(s["persistent"].get(k).is_none(), "{k} still set: {s}");
    }
    // a second one finds nothing left to restore
    let (_, err) = e.expect(2, &["es-shards", "rebalance", "--restore"], None);
    assert!(err.contains("nothing to restore"), "{err}");
    // a rebalance whose change is undone by hand before --restore: nothing to put back
    e.expect(
        0,
        &["es-shards", "rebalance", "--concurrent", "6", "--no-wait"],
        None,
    );
    os.ok(
        "PUT",
        "/_cluster/settings",
        Some(
            &json!({"persistent": {key: null, "cluster.routing.allocation.enable": null,
            "cluster.routing.rebalance.enable": null}}),
        ),
    );
    let (out, _) = e.expect(0, &["es-shards", "rebalance", "--restore"], None);
    assert!(out.contains("nothing to put back"), "{out}");
}

/// Item: the client waits as long as the master wait it asks for (60 s). A settings change the
/// cluster applies but answers only after 33 s (beyond the old 30 s client deadline) is
/// recorded as applied, and --restore finds it.
#[test]
fn a_settings_change_answered_late_is_recorded_as_applied() {
    let os = os();
    let _l = lock_cluster(&os, Lock::Exclusive);
    let _c = Cleanup {
        os: &os,
        indices: vec![],
        repos: vec![],
    };
    let proxy = FaultProxy::start(&os.url);
    proxy.rule(
        "PUT",
        "/_cluster/settings",
        Fault::Late(Duration::from_secs(33)),
        1,
    );
    let e = env_for(&proxy.url);
    let (out, _) = e.expect(
        0,
        &[
            "es-shards",
            "-o",
            "json",
            "rebalance",
            "--concurrent",
            "5",
            "--no-wait",
        ],
        None,
    );
    assert!(
        ndjson(&out)
            .iter()
            .any(|v| v["event"] == "note"
                && v["text"].as_str().unwrap().starts_with("settings applied")),
        "{out}"
    );
    let key = "cluster.routing.allocation.cluster_concurrent_rebalance";
    assert_eq!(persistent(&os, key), "5");
    let (out, _) = e.expect(0, &["es-shards", "-o", "json", "ops"], None);
    assert_eq!(json_of(&out)[0]["outcome"], "applied", "{out}");
    e.expect(0, &["es-shards", "rebalance", "--restore"], None);
    assert!(os.settings()["persistent"].get(key).is_none());
}
