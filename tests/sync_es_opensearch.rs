//! The Elasticsearch ends of `shark sync` (source and sink) on the real clusters of tests/infra:
//! OpenSearch 2.19 (os1..os3) and Elasticsearch 7.17 (es1..es3), through the CLI. A 3-shard index
//! is read in a PIT sorted on `_shard_doc` where the server has it (ES 7.17: no `_id` fielddata
//! is built on the source cluster) and on `_id` where it does not (OpenSearch 2.19), into MySQL
//! and into the cluster itself; a node killed in the middle of a copy loses the PIT's shard
//! (the page is an error that resumes, never a short page); a target node whose write queue
//! holds one request answers real 429s and the copy still completes with nothing refused; a
//! write-blocked target index under `--on-error skip` stops the run with nothing recorded as
//! skipped. Every result is read back with raw HTTP (`_source` as the cluster sends it) or raw
//! SQL, never through shark.

mod common;

use common::opensearch::{Cleanup, Fault, FaultProxy, Os, es7, http, http_raw, lock_cluster, os};
use common::raw_json::hit_sources;
use common::{Env, Lock, lock_servers, mysql_root, mysql_run, unique_name};
use serde_json::{Value, json};
use std::collections::BTreeMap;
use std::time::{Duration, Instant};

/// An index name no other test uses (lowercase, as the clusters want).
fn index_name(prefix: &str) -> String {
    unique_name(prefix).to_lowercase()
}

fn block_on<F: std::future::Future>(f: F) -> F::Output {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap()
        .block_on(f)
}

fn add_es(e: &Env, name: &str, url: &str) {
    e.expect(
        0,
        &["conn", "add", name, "--kind", "elasticsearch", "--url", url],
        None,
    );
}

fn create(e: &Env, source: &str, target: &str, index: &str, extra: &[&str]) {
    let mut args = vec![
        "sync", "create", "t", "--source", source, "--target", target, "--tables", index,
    ];
    args.extend_from_slice(extra);
    e.expect(0, &args, None);
}

/// A source index: `shards` primaries, `settings` on top, `n` documents `d00000`.. whose
/// `_source` is written here as text (keys in a fixed order, unicode, a nested object).
fn source_index(c: &Os, index: &str, shards: u32, settings: Value, n: usize) {
    let mut s = json!({"number_of_shards": shards, "number_of_replicas": 0});
    s.as_object_mut()
        .unwrap()
        .extend(settings.as_object().unwrap().clone());
    c.ok(
        "PUT",
        &format!("/{index}"),
        Some(&json!({"settings": s, "mappings": {"properties": {
            "n": {"type": "long"}, "tag": {"type": "keyword"}, "txt": {"type": "text"}}}})),
    );
    for chunk in (0..n).collect::<Vec<_>>().chunks(1000) {
        let mut body = String::new();
        for i in chunk {
            body.push_str(&format!(
                "{{\"index\":{{\"_id\":\"d{i:05}\"}}}}\n{{\"n\":{i},\"tag\":\"t{}\",\"txt\":\"héllo ✓ {i} \\\"q\\\"\"}}\n",
                i % 7
            ));
        }
        let (st, text) = http_raw(
            "POST",
            &format!("{}/{index}/_bulk", c.url),
            Some(&body),
            "application/x-ndjson",
        );
        assert_eq!(st, 200, "{text}");
        assert!(text.contains("\"errors\":false"), "{text}");
    }
    c.ok("POST", &format!("/{index}/_refresh"), None);
    c.health(&format!("wait_for_status=green&timeout=60s&index={index}"));
}

/// Every document of `index` as the cluster sends it: `_id` → `_source` text, byte for byte.
fn raw_sources(c: &Os, index: &str) -> BTreeMap<String, String> {
    c.ok("POST", &format!("/{index}/_refresh"), None);
    let (st, text) = http(
        "POST",
        &format!("{}/{index}/_search", c.url),
        Some(&json!({"size": 10000, "sort": ["_doc"], "query": {"match_all": {}}})),
    );
    assert_eq!(st, 200, "{text}");
    hit_sources(&text).into_iter().collect()
}

/// The rows a MySQL target holds for `db.table`, as (`_id`, n, tag, txt), read with raw SQL.
fn mysql_rows(db: &str, table: &str) -> BTreeMap<String, (i64, String, String)> {
    use mysql_async::prelude::Queryable;
    block_on(async {
        let mut c = mysql_root("SHARK_T_MYSQL_TARGET_PORT").await;
        c.query_drop("SET NAMES utf8mb4").await.unwrap();
        let rows: Vec<(String, i64, String, String)> = c
            .query(format!(
                "SELECT `_id`, `n`, `tag`, `txt` FROM `{db}`.`{table}`"
            ))
            .await
            .unwrap_or_else(|e| panic!("{db}.{table}: {e}"));
        c.disconnect().await.unwrap();
        rows.into_iter()
            .map(|(i, n, t, x)| (i, (n, t, x)))
            .collect()
    })
}

/// What a MySQL target must hold for these sources (parsed from the cluster's own text).
fn expected_rows(src: &BTreeMap<String, String>) -> BTreeMap<String, (i64, String, String)> {
    src.iter()
        .map(|(id, text)| {
            let v: Value = serde_json::from_str(text).unwrap();
            (
                id.clone(),
                (
                    v["n"].as_i64().unwrap(),
                    v["tag"].as_str().unwrap().to_string(),
                    v["txt"].as_str().unwrap().to_string(),
                ),
            )
        })
        .collect()
}

fn drop_db(db: &str) {
    block_on(mysql_run(
        "SHARK_T_MYSQL_TARGET_PORT",
        &[&format!("DROP DATABASE IF EXISTS `{db}`")],
    ));
}

/// Bytes of `_id` fielddata the cluster holds for `index`: an `_id` sort builds it, a
/// `_shard_doc` sort does not.
fn id_fielddata(c: &Os, index: &str) -> u64 {
    let v = c.ok(
        "GET",
        &format!("/{index}/_stats/fielddata?fields=_id"),
        None,
    );
    v["_all"]["total"]["fielddata"]["fields"]["_id"]["memory_size_in_bytes"]
        .as_u64()
        .unwrap_or(0)
}

/// `sync skipped t` lists nothing (else: how many, and the first).
fn assert_nothing_skipped(e: &Env, what: &str) {
    let (out, _) = e.expect(0, &["sync", "skipped", "t", "-o", "json"], None);
    let v: Value = serde_json::from_str(&out).unwrap();
    let rows = v.as_array().unwrap();
    assert!(
        rows.is_empty(),
        "{what}: {} rows, first {}",
        rows.len(),
        rows[0]
    );
}

fn assert_same(what: &str, got: &BTreeMap<String, String>, want: &BTreeMap<String, String>) {
    assert_eq!(got.len(), want.len(), "{what}: document count");
    let missing: Vec<&String> = want
        .keys()
        .filter(|k| !got.contains_key(*k))
        .take(5)
        .collect();
    assert!(missing.is_empty(), "{what}: missing {missing:?}");
    for (id, text) in want {
        assert_eq!(&got[id], text, "{what}: _source of {id}");
    }
}

/// Issue 22 item 4: a 3-shard index read in a PIT into MySQL and into the cluster itself, every
/// document exact. Elasticsearch 7.17 pages sort on `_shard_doc`: the copy builds no `_id`
/// fielddata on the source cluster's heap (it would with an `_id` sort).
#[test]
fn a_three_shard_index_is_read_on_shard_doc_into_mysql_and_es() {
    three_shard_copy(&es7(), |fielddata| {
        assert_eq!(fielddata, 0, "the copy sorted on _id, not on _shard_doc")
    });
}

/// The same on OpenSearch 2.19, which has no `_shard_doc` ("No mapping found for [_shard_doc]
/// in order to sort on"): pages sort on `_id`, the documented fallback, and the copy is exact
/// all the same.
#[test]
fn a_three_shard_index_is_read_on_id_where_shard_doc_is_missing() {
    three_shard_copy(&os(), |fielddata| {
        assert!(
            fielddata > 0,
            "OpenSearch 2.19 has no _shard_doc: the read must have sorted on _id"
        )
    });
}

/// Copy a 3-shard index of `c` into MySQL and into `c`, compare both exactly, then hand the
/// source's `_id` fielddata bytes to `check`.
fn three_shard_copy(c: &Os, check: impl Fn(u64)) {
    let _l = lock_cluster(c, Lock::Shared);
    let _m = lock_servers(Lock::Shared);
    let src = index_name(&format!("sho_{}", c.prefix));
    let prefix = format!("cp-{src}");
    let dst = format!("{prefix}.{src}");
    let _clean = Cleanup {
        os: c,
        indices: vec![src.clone(), dst.clone()],
        repos: vec![],
    };
    source_index(c, &src, 3, json!({}), 2500);
    let shards: Vec<Value> = c.shards(Some(&src));
    assert_eq!(shards.len(), 3, "{shards:?}");
    let want = raw_sources(c, &src);
    assert_eq!(want.len(), 2500);
    assert_eq!(id_fielddata(c, &src), 0, "nothing sorted on _id yet");

    // into MySQL
    let tdb = format!("{src}_db");
    drop_db(&tdb);
    let e = es_to_mysql(&c.url, &src, &tdb, "300");
    e.expect(0, &["sync", "run", "t", "--once"], None);
    assert_eq!(mysql_rows(&tdb, &src), expected_rows(&want));
    drop_db(&tdb);

    // into the cluster itself, another index
    let e = Env::new();
    add_es(&e, "src", &c.url);
    create(
        &e,
        "src",
        "src",
        &src,
        &["--target-db", &prefix, "--batch-rows", "300"],
    );
    e.expect(0, &["sync", "run", "t", "--once"], None);
    assert_same("ES target", &raw_sources(c, &dst), &want);
    check(id_fielddata(c, &src));
}

/// Issue 22 item 4 / issue 20 item 2 on a real cluster: os3 holds one of the source's three
/// primaries and is killed (SIGKILL) while the copy pages through a PIT, then started again.
/// The PIT loses that shard: the page is an error ("partial results" / failed shards) that the
/// copy reads again from its last resume point, never a short page taken for the end. The
/// target (MySQL) ends complete and exact. On the code before, the pages after the kill held
/// two shards' documents, and the unit ended "copied" a third short.
#[test]
fn a_node_killed_mid_copy_is_an_error_that_resumes_never_a_short_page() {
    let c = os();
    let _l = lock_cluster(&c, Lock::Exclusive);
    let _m = lock_servers(Lock::Shared);
    let src = index_name("kill_src");
    let _clean = Cleanup {
        os: &c,
        indices: vec![src.clone()],
        repos: vec![],
    };
    // one primary per node: os3 surely holds one
    source_index(
        &c,
        &src,
        3,
        json!({"index.routing.allocation.total_shards_per_node": 1}),
        3000,
    );
    let on3 = c
        .shards(Some(&src))
        .iter()
        .filter(|s| s["node"] == c.name(3).as_str())
        .count();
    assert_eq!(on3, 1, "{:?}", c.shards(Some(&src)));
    let want = raw_sources(&c, &src);
    let tdb = format!("{src}_db");
    drop_db(&tdb);

    // pages come through a proxy that hands each answer over 300 ms late: the copy lasts long
    // enough to be in the middle when the node dies
    let proxy = FaultProxy::start(&c.url);
    proxy.rule(
        "POST",
        "/_search",
        Fault::Late(Duration::from_millis(300)),
        100_000,
    );
    let e = es_to_mysql(&proxy.url, &src, &tdb, "100");
    let proxy = std::sync::Arc::new(proxy);
    let killer = {
        let (c, proxy) = (os(), proxy.clone());
        std::thread::spawn(move || {
            let t0 = Instant::now();
            while proxy.answered("POST /_search") < 5 {
                assert!(t0.elapsed() < Duration::from_secs(120), "no pages read");
                std::thread::sleep(Duration::from_millis(20));
            }
            let pages = proxy.answered("POST /_search");
            c.node("kill", 3);
            std::thread::sleep(Duration::from_secs(2));
            c.node("start", 3);
            pages
        })
    };
    let (code, _, err) = e.run(&["sync", "run", "t", "--once"], None);
    let pages_at_kill = killer.join().unwrap();
    assert!(
        proxy.answered("POST /_search") > pages_at_kill,
        "the kill came after the copy had read its last page"
    );
    c.health(&format!("wait_for_status=green&timeout=90s&index={src}"));
    let (log, _) = e.expect(0, &["sync", "logs", "t"], None);
    let reported = |l: &str| l.contains("partial results") || l.contains("Partial shards failure");
    assert!(
        log.lines().any(reported),
        "the lost shard was not reported as an error: {log}\n{err}"
    );
    if code != 0 {
        // the retry budget (3 attempts with --once) ran out before the node was back: exit 4
        // with a one-line error, and a rerun resumes from the last checkpoint
        assert_eq!(code, 4, "{err}");
        let last = err.trim().lines().last().unwrap_or("");
        assert!(last.starts_with("error: ") && reported(last), "{err}");
        let (out, _) = e.expect(0, &["sync", "status", "t", "-o", "json"], None);
        let st: Value = serde_json::from_str(&out).unwrap();
        let done = st[0]["units"][0]["rows_done"].as_u64().unwrap();
        assert!(done > 0 && done < 3000, "{out}");
        assert!(
            st[0]["last_error"].as_str().is_some_and(reported),
            "status names the failure: {out}"
        );
        let before = proxy.answered("POST /_search");
        e.expect(0, &["sync", "run", "t", "--once"], None);
        // a run that ended ok clears the last error from `sync status`
        let (out, _) = e.expect(0, &["sync", "status", "t", "-o", "json"], None);
        let st: Value = serde_json::from_str(&out).unwrap();
        assert!(st[0]["last_error"].is_null(), "{out}");
        // pages of 100 after the checkpoint, not the whole index again
        let pages = proxy.answered("POST /_search") - before;
        assert!(
            pages as u64 <= (3000 - done) / 100 + 2,
            "the rerun read {pages} pages after {done} rows"
        );
    }
    assert_eq!(mysql_rows(&tdb, &src), expected_rows(&want), "{log}");
    drop_db(&tdb);
}

/// Puts node `n` back to its usual settings when dropped: stops it, and the [`Cleanup`]
/// dropped after this starts it again without the test's `-E` settings.
struct Restart<'a>(&'a Os, usize);

impl Drop for Restart<'_> {
    fn drop(&mut self) {
        self.0.node("stop", self.1);
    }
}

/// An env with task `t` copying index `src` at `url` into MySQL database `tdb` (the target
/// MariaDB), `batch` rows a batch.
fn es_to_mysql(url: &str, src: &str, tdb: &str, batch: &str) -> Env {
    let e = Env::new();
    add_es(&e, "src", url);
    e.add_mysql_target("my");
    create(
        &e,
        "src",
        "my",
        src,
        &["--target-db", tdb, "--batch-rows", batch],
    );
    e
}

/// Names of a source index, a target prefix and the target index (`PREFIX.SOURCE`), with the
/// [`Cleanup`] that deletes both.
fn source_and_target<'a>(c: &'a Os, what: &str) -> (String, String, String, Cleanup<'a>) {
    let src = index_name(&format!("{what}_src"));
    let prefix = index_name(&format!("{what}_dst"));
    let dst = format!("{prefix}.{src}");
    let clean = Cleanup {
        os: c,
        indices: vec![src.clone(), dst.clone()],
        repos: vec![],
    };
    (src, prefix, dst, clean)
}

/// An env with task `t` copying `src` of `c` into `PREFIX.src` of `c`, `batch` rows a batch,
/// `--on-error skip`.
fn es_to_es(c: &Os, src: &str, prefix: &str, batch: &str) -> Env {
    let e = Env::new();
    add_es(&e, "es", &c.url);
    create(
        &e,
        "es",
        "es",
        src,
        &[
            "--target-db",
            prefix,
            "--batch-rows",
            batch,
            "--on-error",
            "skip",
        ],
    );
    e
}

/// `write` thread-pool rejections node `n` has counted since it started.
fn write_rejections(c: &Os, n: usize) -> u64 {
    let v = c.ok(
        "GET",
        &format!("/_nodes/{}/stats/thread_pool", c.name(n)),
        None,
    );
    let nodes = v["nodes"].as_object().unwrap();
    assert_eq!(nodes.len(), 1, "{v}");
    nodes.values().next().unwrap()["thread_pool"]["write"]["rejected"]
        .as_u64()
        .unwrap()
}

/// Issue 22 item 4: the target's three primaries live on os3, restarted with a write pool of
/// one thread and a queue of one: the shard-level requests of every `_bulk` overflow it and
/// items come back 429 (`es_rejected_execution_exception`), for real. The copy, under
/// `--on-error skip`, sends them again: nothing is recorded as refused, every document arrives.
#[test]
fn bulk_429s_from_a_full_write_queue_are_sent_again_not_refused() {
    let c = os();
    let _l = lock_cluster(&c, Lock::Exclusive);
    let (src, prefix, dst, _clean) = source_and_target(&c, "q");
    c.node("stop", 3);
    c.node_with(
        "start",
        3,
        &[
            "-Ethread_pool.write.size=1",
            "-Ethread_pool.write.queue_size=1",
        ],
    );
    let _restart = Restart(&c, 3);
    // the source away from os3, the target all on it
    source_index(
        &c,
        &src,
        3,
        json!({"index.routing.allocation.exclude._name": c.name(3)}),
        4000,
    );
    c.create_index(
        &dst,
        json!({"number_of_shards": 3, "number_of_replicas": 0,
               "index.routing.allocation.require._name": c.name(3)}),
    );
    c.health(&format!("wait_for_status=green&timeout=60s&index={dst}"));
    let want = raw_sources(&c, &src);
    let before = write_rejections(&c, 3);

    let e = es_to_es(&c, &src, &prefix, "500");
    e.expect(0, &["sync", "run", "t", "--once"], None);
    let rejected = write_rejections(&c, 3) - before;
    assert!(
        rejected > 0,
        "os3 rejected no write: the test produced no 429 (thread_pool.write.queue_size not applied?)"
    );
    assert_nothing_skipped(&e, "429s recorded as refused rows");
    assert_same("ES target", &raw_sources(&c, &dst), &want);
    eprintln!("os3 rejected {rejected} shard-level write requests");
}

/// Issue 22 item 4 / issue 20 item 3 on a real cluster: the target index is blocked for writes
/// (`index.blocks.write`: every `_bulk` item 403 `cluster_block_exception`). Under
/// `--on-error skip` the run stops with exit 4 and a message that says how to lift the block;
/// nothing is recorded as skipped, the unit is not copied; lifted, a rerun copies every document
/// exactly. (Before issue 20, every document was recorded as skipped and the unit "copied".)
#[test]
fn a_write_blocked_target_stops_the_run_even_with_on_error_skip() {
    let c = os();
    let _l = lock_cluster(&c, Lock::Shared);
    let (src, prefix, dst, _clean) = source_and_target(&c, "blk");
    source_index(&c, &src, 3, json!({}), 1200);
    let want = raw_sources(&c, &src);
    c.create_index(
        &dst,
        json!({"number_of_shards": 1, "number_of_replicas": 0, "index.blocks.write": true}),
    );
    let e = es_to_es(&c, &src, &prefix, "200");
    let (_, err) = e.expect(4, &["sync", "run", "t", "--once"], None);
    assert!(err.contains("cluster_block_exception"), "{err}");
    assert!(err.contains("index.blocks.write"), "{err}");
    assert_eq!(err.trim().lines().count(), 1, "one-line error: {err}");
    assert_nothing_skipped(&e, "blocked writes recorded as refused rows");
    let (out, _) = e.expect(0, &["sync", "status", "t", "-o", "json"], None);
    let st: Value = serde_json::from_str(&out).unwrap();
    assert_ne!(st[0]["units"][0]["phase"], "copied", "{out}");
    assert_eq!(c.count(&dst), 0);

    c.ok(
        "PUT",
        &format!("/{dst}/_settings"),
        Some(&json!({"index.blocks.write": false})),
    );
    e.expect(0, &["sync", "run", "t", "--once"], None);
    assert_same("ES target", &raw_sources(&c, &dst), &want);
}

/// Issue 19 on a real cluster: an index copied into an index keeps its
/// definition and its documents. The target is created with the source's mapping (keyword with
/// a normalizer, a text field with a custom analyzer and a keyword subfield, `ignore_malformed`,
/// a date format, an object, `dynamic: false`) and the settings that shape the data
/// (analysis, primary shards, mapping limits) — replicas stay the target cluster's default;
/// every `_source` arrives byte for byte (absent fields, `null`, arrays in scalar fields, a
/// 21-digit integer, 34 significant digits, `1e400` in an unmapped object, several date
/// formats). The normalizer works in the target (a lowercase term finds the document), and
/// `sync verify` passes.
#[test]
fn an_index_copied_into_an_index_keeps_its_definition_and_sources_opensearch() {
    index_into_index(&os());
}

/// The same on Elasticsearch 7.17.
#[test]
fn an_index_copied_into_an_index_keeps_its_definition_and_sources_es7() {
    index_into_index(&es7());
}

fn index_into_index(c: &Os) {
    let _l = lock_cluster(c, Lock::Shared);
    let _m = lock_servers(Lock::Shared);
    let (src, prefix, dst, _clean) = source_and_target(c, "carry");
    c.ok(
        "PUT",
        &format!("/{src}"),
        Some(&json!({
            "settings": {"number_of_shards": 2, "number_of_replicas": 0,
                "analysis": {
                    "normalizer": {"folded": {"type": "custom", "filter": ["lowercase"]}},
                    "analyzer": {"words": {"type": "custom", "tokenizer": "standard", "filter": ["lowercase", "stop"]}}
                },
                "mapping": {"total_fields": {"limit": 500}}},
            "mappings": {"dynamic": false, "properties": {
                "tag": {"type": "keyword", "normalizer": "folded"},
                "title": {"type": "text", "analyzer": "words",
                    "fields": {"raw": {"type": "keyword", "ignore_above": 64}}},
                "n": {"type": "long", "ignore_malformed": true},
                "p": {"type": "double"},
                "at": {"type": "date", "format": "yyyy/MM/dd||strict_date_optional_time||epoch_millis"},
                "obj": {"properties": {"a": {"type": "float"}}}
            }}
        })),
    );
    let docs = [
        (
            "d1",
            r#"{"tag":"ÉCOLE","title":"Hello World","n":123456789012345678901,"p":0.1000000000000000055511151231257827,"at":"2024/01/02","obj":{"a":880426393792.48697701}}"#,
        ),
        (
            "d2",
            r#"{"tag":["Ab","cD"],"n":null,"p":[1.50,2e2],"extra":{"unmapped":1e400,"s":"🦈"}}"#,
        ),
        (
            "d3",
            r#"{"at":"2024-01-02T03:04:05.123Z","note":"unmapped","n":9007199254740993}"#,
        ),
        ("d4", r#"{"at":1704164645123,"obj":{}}"#),
        ("d5", r#"{}"#),
    ];
    let mut bulk = String::new();
    for (id, d) in docs {
        bulk.push_str(&format!("{{\"index\":{{\"_id\":\"{id}\"}}}}\n{d}\n"));
    }
    let (st, out) = http_raw(
        "POST",
        &format!("{}/{src}/_bulk?refresh=true", c.url),
        Some(&bulk),
        "application/x-ndjson",
    );
    assert!(st == 200 && out.contains(r#""errors":false"#), "{out}");
    let want = raw_sources(c, &src);
    for (id, d) in docs {
        assert_eq!(want[id], d, "the source holds {id} as sent");
    }
    let e = es_to_es(c, &src, &prefix, "2");
    e.expect(0, &["sync", "run", "t", "--once"], None);
    assert_nothing_skipped(&e, "ES → ES");
    assert_same("ES → ES", &raw_sources(c, &dst), &want);
    // the definition: the whole mapping, the analysis and shards; replicas the cluster's own
    let def = |index: &str| {
        let v = c.ok("GET", &format!("/{index}"), None);
        v.as_object().unwrap().values().next().unwrap().clone()
    };
    let (s, d) = (def(&src), def(&dst));
    assert_eq!(d["mappings"], s["mappings"]);
    let (si, di) = (&s["settings"]["index"], &d["settings"]["index"]);
    assert_eq!(di["analysis"], si["analysis"]);
    assert_eq!(di["number_of_shards"], "2");
    assert_eq!(di["mapping"]["total_fields"]["limit"], "500");
    assert_eq!(di["number_of_replicas"], "1", "{di}");
    assert_ne!(di["uuid"], si["uuid"]);
    // the normalizer applies in the target: `école` finds `ÉCOLE`
    let hits = c.ok(
        "POST",
        &format!("/{dst}/_search"),
        Some(&json!({"query": {"term": {"tag": "école"}}})),
    );
    assert_eq!(hits["hits"]["hits"][0]["_id"], "d1", "{hits}");
    let (out, _) = e.expect(0, &["sync", "verify", "t"], None);
    assert!(out.contains(&src), "{out}");
}
