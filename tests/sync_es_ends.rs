//! The Elasticsearch ends of `shark sync` through the CLI against osmem-server (tests/infra),
//! with an HTTP proxy in this file where a single in-memory node cannot produce the failure (a
//! shard lost mid-PIT): a partial search page is read again, never taken for the end of the
//! index (copy and verify); a `_bulk` refused by a write block stops the run even with
//! `--on-error skip`; pages sort on `_shard_doc` where the server has it, on `_id` where it
//! refuses `_shard_doc`; `--on-error skip` logs one line per batch; Elasticsearch → MySQL column
//! types come from the mapping and a sample of documents (arrays → JSON), `--column-type` sets
//! what the sample missed. Every result is read back with raw HTTP or raw SQL, not through shark.

mod common;
use common::osmem::{es, es_url};
use common::{Env, Lock, lock_servers, mysql_root, mysql_run, unique_name};
use mysql_async::prelude::Queryable;
use serde_json::{Value, json};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};

/// Create `index` with `shards` shards and `n` documents `d0000`.. (`n`: the number).
async fn source_index(index: &str, shards: u32, n: usize) {
    let (st, v) = es(
        reqwest::Method::PUT,
        &format!("/{index}"),
        Some(
            json!({"settings": {"number_of_shards": shards},
                   "mappings": {"properties": {"n": {"type": "long"}, "tag": {"type": "keyword"}}}})
            .to_string(),
        ),
    )
    .await;
    assert_eq!(st, 200, "{v}");
    let mut body = String::new();
    for i in 0..n {
        body.push_str(&format!(
            "{{\"index\":{{\"_index\":\"{index}\",\"_id\":\"d{i:04}\"}}}}\n{{\"n\":{i},\"tag\":\"t{}\"}}\n",
            i % 7
        ));
    }
    let (st, v) = es(reqwest::Method::POST, "/_bulk?refresh=true", Some(body)).await;
    assert_eq!(st, 200);
    assert_eq!(v["errors"], false, "{v}");
}

/// The `_id`s of `index`, sorted (read with a raw search).
async fn ids(index: &str) -> Vec<String> {
    es(reqwest::Method::POST, &format!("/{index}/_refresh"), None).await;
    let (st, v) = es(
        reqwest::Method::POST,
        &format!("/{index}/_search"),
        Some(json!({"size": 10000, "_source": false, "query": {"match_all": {}}}).to_string()),
    )
    .await;
    assert_eq!(st, 200, "{v}");
    let mut out: Vec<String> = v["hits"]["hits"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h["_id"].as_str().unwrap().to_string())
        .collect();
    out.sort();
    out
}

async fn drop_index(pattern: &str) {
    es(reqwest::Method::DELETE, &format!("/{pattern}"), None).await;
}

/// An HTTP proxy in front of osmem that records every request and lets a test rewrite chosen
/// answers: the way to inject failures a single in-memory node cannot produce.
struct EsProxy {
    url: String,
    seen: Arc<Mutex<Vec<Seen>>>,
}

/// A request the proxy forwarded.
#[derive(Debug, Clone)]
struct Seen {
    method: String,
    /// Path and query.
    path: String,
    body: String,
}

/// What a test does with an answer: `None` passes it on, `Some((status, body))` replaces it.
type Rewrite = dyn Fn(&Seen, u16, &str) -> Option<(u16, String)> + Send + Sync;

impl EsProxy {
    async fn start(rewrite: Box<Rewrite>) -> EsProxy {
        use tokio::io::{AsyncReadExt, AsyncWriteExt};
        let _ = rustls::crypto::ring::default_provider().install_default();
        let l = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let url = format!("http://{}", l.local_addr().unwrap());
        let seen = Arc::new(Mutex::new(vec![]));
        let log = seen.clone();
        let rewrite: Arc<Rewrite> = Arc::from(rewrite);
        let upstream = es_url();
        let client = reqwest::Client::new();
        tokio::spawn(async move {
            loop {
                let Ok((mut s, _)) = l.accept().await else {
                    return;
                };
                let (log, rewrite, upstream, client) = (
                    log.clone(),
                    rewrite.clone(),
                    upstream.clone(),
                    client.clone(),
                );
                tokio::spawn(async move {
                    // one request per connection: every answer says `connection: close`
                    let mut buf = Vec::new();
                    let mut chunk = [0u8; 65536];
                    let (head, body) = loop {
                        let n = s.read(&mut chunk).await.unwrap_or(0);
                        buf.extend_from_slice(&chunk[..n]);
                        if let Some(at) = buf.windows(4).position(|w| w == b"\r\n\r\n") {
                            let head = String::from_utf8_lossy(&buf[..at]).to_string();
                            let len = header(&head, "content-length")
                                .and_then(|v| v.parse::<usize>().ok())
                                .unwrap_or(0);
                            if buf.len() >= at + 4 + len || n == 0 {
                                break (head, buf[at + 4..].to_vec());
                            }
                        } else if n == 0 {
                            return;
                        }
                    };
                    let mut words = head.split_whitespace();
                    let method = words.next().unwrap_or("GET").to_string();
                    let path = words.next().unwrap_or("/").to_string();
                    let seen = Seen {
                        method: method.clone(),
                        path: path.clone(),
                        body: String::from_utf8_lossy(&body).to_string(),
                    };
                    log.lock().unwrap().push(seen.clone());
                    let m = reqwest::Method::from_bytes(method.as_bytes()).unwrap();
                    let mut req = client.request(m, format!("{upstream}{path}"));
                    if !body.is_empty() {
                        let ct = header(&head, "content-type")
                            .unwrap_or_else(|| "application/json".into());
                        req = req.header("content-type", ct).body(body);
                    }
                    let (status, text) = match req.send().await {
                        Ok(r) => (r.status().as_u16(), r.text().await.unwrap_or_default()),
                        Err(e) => (502, json!({"error": format!("proxy: {e}")}).to_string()),
                    };
                    let (status, text) = rewrite(&seen, status, &text).unwrap_or((status, text));
                    let resp = format!(
                        "HTTP/1.1 {status} X\r\ncontent-type: application/json\r\ncontent-length: {}\r\nconnection: close\r\n\r\n{text}",
                        text.len()
                    );
                    let _ = s.write_all(resp.as_bytes()).await;
                    let _ = s.shutdown().await;
                });
            }
        });
        EsProxy { url, seen }
    }

    fn seen(&self) -> Vec<Seen> {
        self.seen.lock().unwrap().clone()
    }
}

fn header(head: &str, name: &str) -> Option<String> {
    head.lines().find_map(|l| {
        let (k, v) = l.split_once(':')?;
        k.trim()
            .eq_ignore_ascii_case(name)
            .then(|| v.trim().to_string())
    })
}

/// Whether `s` is a search page read in a PIT.
fn pit_page(s: &Seen) -> bool {
    s.method == "POST"
        && s.path.starts_with("/_search")
        && !s.path.starts_with("/_search/")
        && s.body.contains("\"pit\"")
}

/// A search answer turned into what a cluster that lost a shard mid-PIT answers: one shard
/// failed (`search_context_missing_exception`), a third of the hits.
fn partial(text: &str) -> String {
    let mut v: Value = serde_json::from_str(text).unwrap();
    let hits = v["hits"]["hits"].as_array().unwrap().clone();
    v["hits"]["hits"] = Value::Array(hits[..hits.len() / 3].to_vec());
    v["_shards"]["successful"] = json!(v["_shards"]["total"].as_u64().unwrap() - 1);
    v["_shards"]["failed"] = json!(1);
    v["_shards"]["failures"] = json!([{"shard": 1, "index": "x", "node": "n2",
        "reason": {"type": "search_context_missing_exception", "reason": "No search context found for id [17]"}}]);
    v.to_string()
}

fn add_es(e: &Env, name: &str, url: &str) {
    e.expect(
        0,
        &["conn", "add", name, "--kind", "elasticsearch", "--url", url],
        None,
    );
}

/// `shark args` on a blocking thread (the proxy runs on this test's runtime meanwhile).
async fn shark(e: &Arc<Env>, code: i32, args: &[&str]) -> (String, String) {
    let e = e.clone();
    let args: Vec<String> = args.iter().map(|a| a.to_string()).collect();
    tokio::task::spawn_blocking(move || {
        let a: Vec<&str> = args.iter().map(String::as_str).collect();
        e.expect(code, &a, None)
    })
    .await
    .unwrap()
}

/// `sync create NAME --source SRC --target DST --tables INDEX --target-db PREFIX EXTRA…`.
async fn create_task(
    e: &Arc<Env>,
    name: &str,
    (src, dst): (&str, &str),
    index: &str,
    prefix: &str,
    extra: &[&str],
) {
    let mut args = vec![
        "sync",
        "create",
        name,
        "--source",
        src,
        "--target",
        dst,
        "--tables",
        index,
        "--target-db",
        prefix,
    ];
    args.extend_from_slice(extra);
    shark(e, 0, &args).await;
}

/// Issue 20 item 2: the second page comes back with `_shards.failed: 1` and a third of its
/// hits. The copy reads again from its last resume point and copies every document (before:
/// "full copy done, 834 rows", exit 0).
#[tokio::test(flavor = "multi_thread")]
async fn a_partial_search_page_is_read_again_not_taken_for_the_end() {
    let _l = lock_servers(Lock::Shared);
    let index = unique_name("partial");
    let prefix = unique_name("copy");
    source_index(&index, 3, 3000).await;
    let pages = Arc::new(AtomicUsize::new(0));
    let p = pages.clone();
    let proxy = EsProxy::start(Box::new(move |s, status, text| {
        (status == 200 && pit_page(s) && p.fetch_add(1, Ordering::SeqCst) == 1)
            .then(|| (200, partial(text)))
    }))
    .await;
    let e = Arc::new(Env::new());
    add_es(&e, "src", &proxy.url);
    add_es(&e, "dst", &es_url());
    create_task(
        &e,
        "t",
        ("src", "dst"),
        &index,
        &prefix,
        &["--batch-rows", "500"],
    )
    .await;
    let (_, err) = shark(&e, 0, &["sync", "run", "t", "--once"]).await;
    let target = format!("{prefix}.{index}");
    assert_eq!(ids(&target).await.len(), 3000, "{err}");
    assert_eq!(ids(&target).await, ids(&index).await);
    assert!(err.contains("partial results"), "{err}");
    assert!(pages.load(Ordering::SeqCst) > 2, "the fault was injected");
    // verify reads the source through the proxy: a partial page there is an error, not a
    // verdict on fewer documents
    let p = pages.clone();
    // verify reads 5000 hits a page: its first page is the one made partial
    p.store(1, Ordering::SeqCst);
    let (out, err) = shark(&e, 4, &["sync", "verify", "t"]).await;
    assert!(err.contains("partial results"), "{out}{err}");
    assert!(!out.contains("mismatch"), "{out}");
    // and without the fault it passes
    p.store(100, Ordering::SeqCst);
    shark(&e, 0, &["sync", "verify", "t"]).await;
    drop_index(&index).await;
    drop_index(&format!("{prefix}.*")).await;
}

/// Issue 20 item 6: osmem says it is OpenSearch 3.8, which sorts PIT pages on `_shard_doc`:
/// no `_id` sort reaches it. A server that refuses `_shard_doc` gets `_id` pages instead.
#[tokio::test(flavor = "multi_thread")]
async fn pages_sort_on_shard_doc_and_fall_back_to_id() {
    let _l = lock_servers(Lock::Shared);
    let index = unique_name("sorted");
    let prefix = unique_name("copy");
    source_index(&index, 2, 1200).await;
    let proxy = EsProxy::start(Box::new(|_, _, _| None)).await;
    let e = Arc::new(Env::new());
    add_es(&e, "src", &proxy.url);
    add_es(&e, "dst", &es_url());
    create_task(
        &e,
        "t",
        ("src", "dst"),
        &index,
        &prefix,
        &["--batch-rows", "500"],
    )
    .await;
    shark(&e, 0, &["sync", "run", "t", "--once"]).await;
    let target = format!("{prefix}.{index}");
    assert_eq!(ids(&target).await.len(), 1200);
    let pages: Vec<Seen> = proxy.seen().into_iter().filter(pit_page).collect();
    assert!(pages.len() >= 3, "{pages:?}");
    for p in &pages {
        let body: Value = serde_json::from_str(&p.body).unwrap();
        assert_eq!(body["sort"], json!([{"_shard_doc": "asc"}]), "{}", p.body);
        assert!(
            p.path.contains("allow_partial_search_results=false"),
            "{}",
            p.path
        );
    }
    // a stand-in that refuses `_shard_doc` (as OpenSearch before 3.3 does)
    let refusing = EsProxy::start(Box::new(|s, _, _| {
        (pit_page(s) && s.body.contains("_shard_doc")).then(|| {
            (400, json!({"error": {"type": "search_phase_execution_exception",
                "reason": "all shards failed",
                "root_cause": [{"type": "query_shard_exception", "reason": "No mapping found for [_shard_doc] in order to sort on"}]},
                "status": 400}).to_string())
        })
    }))
    .await;
    let e2 = Arc::new(Env::new());
    add_es(&e2, "src", &refusing.url);
    add_es(&e2, "dst", &es_url());
    let prefix2 = unique_name("copy");
    create_task(
        &e2,
        "t",
        ("src", "dst"),
        &index,
        &prefix2,
        &["--batch-rows", "500"],
    )
    .await;
    shark(&e2, 0, &["sync", "run", "t", "--once"]).await;
    assert_eq!(ids(&format!("{prefix2}.{index}")).await, ids(&index).await);
    let by_id = refusing
        .seen()
        .into_iter()
        .filter(|s| pit_page(s) && s.body.contains("\"_id\""))
        .count();
    assert!(by_id >= 3, "{:?}", refusing.seen());
    drop_index(&index).await;
    drop_index(&format!("{prefix}.*")).await;
    drop_index(&format!("{prefix2}.*")).await;
}

/// Issue 20 item 3: the target index is blocked for writes (`index.blocks.write`, a 403
/// `cluster_block_exception` per `_bulk` item). With `--on-error skip` the run stops with exit
/// 4 and records nothing as skipped; once the block is lifted the next run copies everything
/// (before: every row recorded as skipped, the unit marked copied, exit 0).
#[tokio::test(flavor = "multi_thread")]
async fn a_write_blocked_index_stops_the_copy_even_with_on_error_skip() {
    let _l = lock_servers(Lock::Shared);
    let index = unique_name("blocked");
    let prefix = unique_name("copy");
    source_index(&index, 1, 300).await;
    let target = format!("{prefix}.{index}");
    let (st, v) = es(reqwest::Method::PUT, &format!("/{target}"), None).await;
    assert_eq!(st, 200, "{v}");
    let block = |on: bool| json!({"index.blocks.write": on}).to_string();
    let (st, v) = es(
        reqwest::Method::PUT,
        &format!("/{target}/_settings"),
        Some(block(true)),
    )
    .await;
    assert_eq!(st, 200, "{v}");
    let e = Arc::new(Env::new());
    add_es(&e, "es", &es_url());
    create_task(
        &e,
        "t",
        ("es", "es"),
        &index,
        &prefix,
        &["--batch-rows", "100", "--on-error", "skip"],
    )
    .await;
    let (_, err) = shark(&e, 4, &["sync", "run", "t", "--once"]).await;
    assert!(err.contains("cluster_block_exception"), "{err}");
    assert!(err.contains("index.blocks.write"), "{err}");
    let (out, _) = shark(&e, 0, &["sync", "skipped", "t", "-o", "json"]).await;
    let skipped: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(skipped, json!([]), "{out}");
    let (out, _) = shark(&e, 0, &["sync", "status", "t", "-o", "json"]).await;
    let status: Value = serde_json::from_str(&out).unwrap();
    assert_ne!(status[0]["units"][0]["phase"], "copied", "{out}");
    assert!(ids(&target).await.is_empty());
    // lifted: the next run copies every document
    let (st, v) = es(
        reqwest::Method::PUT,
        &format!("/{target}/_settings"),
        Some(block(false)),
    )
    .await;
    assert_eq!(st, 200, "{v}");
    shark(&e, 0, &["sync", "run", "t", "--once"]).await;
    assert_eq!(ids(&target).await, ids(&index).await);
    drop_index(&index).await;
    drop_index(&format!("{prefix}.*")).await;
}

/// Issue 19 item 6: with `--on-error skip`, refused rows are logged as one line per batch (how
/// many, the first keys, the first error), not one line per row; `sync skipped` lists them all.
#[tokio::test(flavor = "multi_thread")]
async fn skipped_rows_are_logged_once_per_batch() {
    let _l = lock_servers(Lock::Shared);
    let index = unique_name("skips");
    let prefix = unique_name("copy");
    let (st, v) = es(
        reqwest::Method::PUT,
        &format!("/{index}"),
        Some(json!({"mappings": {"properties": {"n": {"type": "keyword"}}}}).to_string()),
    )
    .await;
    assert_eq!(st, 200, "{v}");
    let mut body = String::new();
    for i in 0..300 {
        // every tenth document holds a value a `long` field refuses
        let n = if i % 10 == 0 {
            format!("\"x{i}\"")
        } else {
            format!("\"{i}\"")
        };
        body.push_str(&format!(
            "{{\"index\":{{\"_index\":\"{index}\",\"_id\":\"d{i:04}\"}}}}\n{{\"n\":{n}}}\n"
        ));
    }
    let (_, v) = es(reqwest::Method::POST, "/_bulk?refresh=true", Some(body)).await;
    assert_eq!(v["errors"], false, "{v}");
    let target = format!("{prefix}.{index}");
    let (st, v) = es(
        reqwest::Method::PUT,
        &format!("/{target}"),
        Some(json!({"mappings": {"properties": {"n": {"type": "long"}}}}).to_string()),
    )
    .await;
    assert_eq!(st, 200, "{v}");
    let e = Arc::new(Env::new());
    add_es(&e, "es", &es_url());
    create_task(
        &e,
        "t",
        ("es", "es"),
        &index,
        &prefix,
        &["--batch-rows", "100", "--on-error", "skip"],
    )
    .await;
    shark(&e, 0, &["sync", "run", "t", "--once"]).await;
    assert_eq!(ids(&target).await.len(), 270);
    let (out, _) = shark(&e, 0, &["sync", "skipped", "t", "-o", "json"]).await;
    let skipped: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(skipped.as_array().unwrap().len(), 30, "{out}");
    let (log, _) = shark(&e, 0, &["sync", "logs", "t"]).await;
    let lines: Vec<&str> = log.lines().filter(|l| l.contains("skipped")).collect();
    // three batches of 100 documents, ten refused in each
    assert_eq!(lines.len(), 3, "{log}");
    for l in &lines {
        assert!(l.contains("10 rows skipped"), "{l}");
        assert!(l.contains("mapper_parsing_exception"), "{l}");
        assert!(l.contains("shark sync skipped t"), "{l}");
    }
    drop_index(&index).await;
    drop_index(&format!("{prefix}.*")).await;
}

/// `shark args` with the ES source's document sample set to `sample` documents.
async fn shark_sampling(e: &Arc<Env>, sample: &str, args: &[&str]) -> (i32, String, String) {
    let e = e.clone();
    let sample = sample.to_string();
    let args: Vec<String> = args.iter().map(|a| a.to_string()).collect();
    tokio::task::spawn_blocking(move || {
        let out = e
            .shark()
            .env("SHARK_SYNC_ES_SAMPLE_DOCS", sample)
            .args(&args)
            .output()
            .unwrap();
        (
            out.status.code().unwrap_or(-1),
            String::from_utf8_lossy(&out.stdout).into_owned(),
            String::from_utf8_lossy(&out.stderr).into_owned(),
        )
    })
    .await
    .unwrap()
}

/// Rows of `query` on the MySQL target as text (NULL as None).
async fn target_text(query: &str) -> Vec<Vec<Option<String>>> {
    let mut c = mysql_root("SHARK_T_MYSQL_TARGET_PORT").await;
    let rows: Vec<mysql_async::Row> = c
        .query(query)
        .await
        .unwrap_or_else(|e| panic!("{query}: {e}"));
    c.disconnect().await.unwrap();
    rows.into_iter()
        .map(|r| {
            (0..r.len())
                .map(|i| match r.as_ref(i).unwrap() {
                    mysql_async::Value::NULL => None,
                    mysql_async::Value::Bytes(b) => Some(String::from_utf8_lossy(b).into_owned()),
                    other => Some(other.as_sql(true)),
                })
                .collect()
        })
        .collect()
}

/// Issue 19 item 3: an index with `dynamic: false`, arrays in keyword- and long-mapped fields,
/// documents missing mapped fields, unmapped fields and numbers no double holds. With default
/// flags every document arrives: the sampled arrays and unmapped fields get JSON columns holding
/// the source text; a field the sample could not see is a refused row naming the field and
/// `--column-type`, which then copies it (before: every array document refused).
#[tokio::test(flavor = "multi_thread")]
async fn es_to_mysql_columns_from_the_mapping_and_the_documents() {
    let _l = lock_servers(Lock::Shared);
    let index = unique_name("arrays");
    let db = unique_name("esmy");
    let (st, v) = es(
        reqwest::Method::PUT,
        &format!("/{index}"),
        Some(
            json!({"mappings": {"dynamic": false, "properties": {
                "tag": {"type": "keyword"}, "n": {"type": "long"}, "score": {"type": "double"},
                "note": {"type": "keyword"}}}})
            .to_string(),
        ),
    )
    .await;
    assert_eq!(st, 200, "{v}");
    let docs = [
        (
            "d1",
            r#"{"tag":["a","b"],"n":9007199254740993,"score":0.5,"note":"x","extra":{"k":[1,2.50]},"big":123456789012345678901234567890}"#,
        ),
        ("d2", r#"{"tag":"c","n":[1,2]}"#),
        ("d3", r#"{"note":null,"score":1e2}"#),
    ];
    let mut body = String::new();
    for (id, d) in docs {
        body.push_str(&format!(
            "{{\"index\":{{\"_index\":\"{index}\",\"_id\":\"{id}\"}}}}\n{d}\n"
        ));
    }
    let (_, v) = es(reqwest::Method::POST, "/_bulk?refresh=true", Some(body)).await;
    assert_eq!(v["errors"], false, "{v}");
    mysql_run(
        "SHARK_T_MYSQL_TARGET_PORT",
        &[&format!("DROP DATABASE IF EXISTS {db}")],
    )
    .await;
    let e = Arc::new(Env::new());
    add_es(&e, "es", &es_url());
    e.add_mysql_target("my");
    let create = |name: &str, extra: &[&str]| {
        let mut a = vec![
            "sync",
            "create",
            name,
            "--source",
            "es",
            "--target",
            "my",
            "--tables",
            &index,
            "--target-db",
            &db,
        ];
        a.extend_from_slice(extra);
        a.into_iter().map(str::to_string).collect::<Vec<_>>()
    };
    let args = create("t", &[]);
    shark(&e, 0, &args.iter().map(String::as_str).collect::<Vec<_>>()).await;
    shark(&e, 0, &["sync", "run", "t", "--once"]).await;
    let rows = target_text(&format!(
        "SELECT `_id`, tag, n, score, note, extra, big FROM {db}.`{index}` ORDER BY `_id`"
    ))
    .await;
    let s = |x: &str| Some(x.to_string());
    assert_eq!(
        rows,
        vec![
            vec![
                s("d1"),
                s(r#"["a","b"]"#),
                s("9007199254740993"),
                s("0.5"),
                s("x"),
                s(r#"{"k":[1,2.50]}"#),
                s("123456789012345678901234567890")
            ],
            vec![s("d2"), s(r#""c""#), s("[1,2]"), None, None, None, None],
            // a double column holds the double 1e2 is (MariaDB prints it 100)
            vec![s("d3"), None, None, s("100"), None, None, None],
        ]
    );
    // the column types: JSON where the documents needed it (MariaDB: LONGTEXT with a
    // json_valid check), the mapping's elsewhere
    let json_cols = target_text(&format!(
        "SELECT CHECK_CLAUSE FROM information_schema.CHECK_CONSTRAINTS WHERE CONSTRAINT_SCHEMA = '{db}'"
    ))
    .await;
    let is_json = |c: &str| {
        json_cols
            .iter()
            .any(|r| r[0].as_deref() == Some(&format!("json_valid(`{c}`)")))
    };
    assert!(
        is_json("tag") && is_json("n") && is_json("extra") && is_json("big"),
        "{json_cols:?}"
    );
    assert!(!is_json("note") && !is_json("score"), "{json_cols:?}");
    // verify compares exact values: a copy passes, and a digit changed inside a JSON value of
    // the target does not
    shark(&e, 0, &["sync", "verify", "t"]).await;
    mysql_run(
        "SHARK_T_MYSQL_TARGET_PORT",
        &[&format!(
            r#"UPDATE {db}.`{index}` SET extra = '{{"k":[1,2.51]}}' WHERE `_id` = 'd1'"#
        )],
    )
    .await;
    let (out, _) = shark(&e, 1, &["sync", "verify", "t"]).await;
    assert!(out.contains(&index), "{out}");
    // a field the sample could not see: refused, naming the field and the flag
    mysql_run(
        "SHARK_T_MYSQL_TARGET_PORT",
        &[&format!("DROP DATABASE IF EXISTS {db}")],
    )
    .await;
    let args = create("blind", &[]);
    shark(&e, 0, &args.iter().map(String::as_str).collect::<Vec<_>>()).await;
    let (code, _, err) = shark_sampling(&e, "0", &["sync", "run", "blind", "--once"]).await;
    assert_eq!(code, 4, "{err}");
    assert!(err.contains("field "), "{err}");
    assert!(err.contains(&format!("--column-type {index}:")), "{err}");
    // the flag (and the fields file) set the columns the sample did not
    mysql_run(
        "SHARK_T_MYSQL_TARGET_PORT",
        &[&format!("DROP DATABASE IF EXISTS {db}")],
    )
    .await;
    let file = e.dir.path().join("fields.toml");
    std::fs::write(
        &file,
        format!("[\"{index}\".types]\nextra = \"json\"\nbig = \"json\"\n"),
    )
    .unwrap();
    let typed = format!("{index}:tag=json,n=json");
    let args = create(
        "typed",
        &[
            "--column-type",
            &typed,
            "--fields-file",
            file.to_str().unwrap(),
        ],
    );
    shark(&e, 0, &args.iter().map(String::as_str).collect::<Vec<_>>()).await;
    let (code, _, err) = shark_sampling(&e, "0", &["sync", "run", "typed", "--once"]).await;
    assert_eq!(code, 0, "{err}");
    let rows = target_text(&format!(
        "SELECT `_id`, tag, n, big FROM {db}.`{index}` ORDER BY `_id`"
    ))
    .await;
    assert_eq!(
        rows[0],
        vec![
            s("d1"),
            s(r#"["a","b"]"#),
            s("9007199254740993"),
            s("123456789012345678901234567890")
        ]
    );
    assert_eq!(rows[1][2], s("[1,2]"));
    let (code, _, err) = shark_sampling(
        &e,
        "0",
        &[
            "sync",
            "create",
            "bad",
            "--source",
            "es",
            "--target",
            "my",
            "--tables",
            &index,
            "--target-db",
            &db,
            "--column-type",
            "x:tag=array",
        ],
    )
    .await;
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("json, text"), "{err}");
    mysql_run(
        "SHARK_T_MYSQL_TARGET_PORT",
        &[&format!("DROP DATABASE IF EXISTS {db}")],
    )
    .await;
    drop_index(&index).await;
}
