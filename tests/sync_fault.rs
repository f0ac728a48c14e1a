//! `shark sync` under faults, through the CLI against the real servers of tests/infra: a
//! re-copy's swap whose answer is lost (a connection cut, or kill -9 while the answer is held)
//! is finished on the next attempt and never redone with an empty shadow (MySQL, MongoDB with
//! `--soft-delete`, Elasticsearch); `sync reset` of a table changed behind the task's back
//! leaves the target equal to the source; `--parallel 8` against a target whose tables are
//! locked waits for it without a failure. Targets are compared with the source through the
//! servers' own clients, never through shark.

mod common;
use common::{Env, Lock, infra, lock_servers, mysql_root, mysql_run, unique_name, wait_for};
use mongodb::bson::{Bson, Document, doc};
use mysql_async::prelude::Queryable;
use serde_json::Value;
use std::sync::atomic::{AtomicU8, AtomicU32, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

const PATIENCE: Duration = Duration::from_secs(180);

/// What [`FaultProxy`] does to the answer of a request that contains its pattern.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Trap {
    /// Close both sides instead of passing the answer on (the request was executed; the
    /// client sees a lost connection).
    Cut = 1,
    /// Keep the answer and the connection, forwarding nothing more (the client waits until it
    /// is killed).
    Hold = 2,
}

/// What a [`FaultProxy`] is armed with: the pattern, the trap, how many more requests to trap.
type Armed = Arc<Mutex<Option<(Vec<u8>, Trap, u32)>>>;

/// A TCP proxy that passes everything through until armed with a pattern: the next requests
/// (client → server bytes) containing it have their answer cut or held (`times` of them).
struct FaultProxy {
    port: u16,
    armed: Armed,
    /// Answers cut or held so far.
    tripped: Arc<AtomicU32>,
}

impl FaultProxy {
    fn start(upstream_port: u16) -> FaultProxy {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        let port = listener.local_addr().unwrap().port();
        let p = FaultProxy {
            port,
            armed: Arc::new(Mutex::new(None)),
            tripped: Arc::new(AtomicU32::new(0)),
        };
        let (armed, tripped) = (p.armed.clone(), p.tripped.clone());
        std::thread::spawn(move || {
            for client in listener.incoming() {
                let Ok(client) = client else { continue };
                let Ok(server) = std::net::TcpStream::connect(("127.0.0.1", upstream_port)) else {
                    continue;
                };
                // 0: pass; else the Trap for this connection's next answer
                let state = Arc::new(AtomicU8::new(0));
                let (c2, s2) = (client.try_clone().unwrap(), server.try_clone().unwrap());
                let (armed, st) = (armed.clone(), state.clone());
                // client → server: look for the pattern before passing the request on
                std::thread::spawn(move || {
                    use std::io::{Read, Write};
                    let (mut from, mut to) = (c2, s2);
                    let mut buf = vec![0u8; 64 * 1024];
                    loop {
                        let n = match from.read(&mut buf) {
                            Ok(0) | Err(_) => break,
                            Ok(n) => n,
                        };
                        {
                            let mut a = armed.lock().unwrap();
                            if let Some((pat, trap, times)) = a.as_mut()
                                && buf[..n].windows(pat.len()).any(|w| w == pat.as_slice())
                            {
                                st.store(*trap as u8, Ordering::SeqCst);
                                *times -= 1;
                                if *times == 0 {
                                    *a = None;
                                }
                            }
                        }
                        if to.write_all(&buf[..n]).is_err() {
                            break;
                        }
                    }
                    let _ = to.shutdown(std::net::Shutdown::Both);
                });
                // server → client: the answer after a trapped request is cut or held
                let tripped = tripped.clone();
                std::thread::spawn(move || {
                    use std::io::{Read, Write};
                    let (mut from, mut to) = (server, client);
                    let mut buf = vec![0u8; 64 * 1024];
                    loop {
                        let n = match from.read(&mut buf) {
                            Ok(0) | Err(_) => break,
                            Ok(n) => n,
                        };
                        match state.load(Ordering::SeqCst) {
                            0 => {}
                            1 => {
                                tripped.fetch_add(1, Ordering::SeqCst);
                                let _ = from.shutdown(std::net::Shutdown::Both);
                                break;
                            }
                            _ => {
                                tripped.fetch_add(1, Ordering::SeqCst);
                                loop {
                                    std::thread::sleep(Duration::from_secs(3600));
                                }
                            }
                        }
                        if to.write_all(&buf[..n]).is_err() {
                            break;
                        }
                    }
                    let _ = to.shutdown(std::net::Shutdown::Both);
                });
            }
        });
        p
    }

    /// Trap the answers of the next `times` requests containing `pattern`.
    fn arm(&self, pattern: &str, trap: Trap, times: u32) {
        *self.armed.lock().unwrap() = Some((pattern.as_bytes().to_vec(), trap, times));
    }

    fn disarm(&self) {
        *self.armed.lock().unwrap() = None;
    }

    fn tripped(&self) -> u32 {
        self.tripped.load(Ordering::SeqCst)
    }
}

async fn src_sql(stmts: &[&str]) {
    mysql_run("SHARK_T_MYSQL_PORT", stmts).await
}

async fn dst_sql(stmts: &[&str]) {
    mysql_run("SHARK_T_MYSQL_TARGET_PORT", stmts).await
}

/// One text line per row of `query` (NULLs as `\N`), as the server answers it.
async fn lines(port_key: &str, query: &str) -> Vec<String> {
    let mut c = mysql_root(port_key).await;
    let rows: Vec<Option<String>> = c
        .query(query)
        .await
        .unwrap_or_else(|e| panic!("{query}: {e}"));
    c.disconnect().await.unwrap();
    rows.into_iter()
        .map(|r| r.unwrap_or_else(|| "\\N".into()))
        .collect()
}

/// The rows of `db.table` as `id|v|…` lines of columns `cols` (comma-separated, NULL as `\N`)
/// in key order, read from the server behind `port_key`.
async fn table_lines(port_key: &str, db: &str, table: &str, cols: &str) -> Vec<String> {
    let cols: Vec<String> = cols
        .split(',')
        .map(|c| format!("IFNULL({}, '\\\\N')", c.trim()))
        .collect();
    lines(
        port_key,
        &format!(
            "SELECT CONCAT_WS('|', {}) FROM {db}.{table} ORDER BY id",
            cols.join(", ")
        ),
    )
    .await
}

fn port(key: &str) -> u16 {
    infra().get(key).parse().unwrap()
}

fn add_conn(e: &Env, name: &str, kind: &str, url: &str) {
    e.expect(
        0,
        &["conn", "add", name, "--kind", kind, "--url", url],
        None,
    );
}

fn create(e: &Env, tables: &str, extra: &[&str]) {
    let mut args = vec![
        "sync", "create", "t", "--source", "src", "--target", "dst", "--tables", tables,
    ];
    args.extend_from_slice(extra);
    e.expect(0, &args, None);
}

fn status(e: &Env) -> Value {
    let (out, _) = e.expect(0, &["sync", "status", "t", "-o", "json"], None);
    let v: Value = serde_json::from_str(&out).unwrap();
    v[0].clone()
}

fn phases(e: &Env) -> Vec<String> {
    status(e)["units"]
        .as_array()
        .unwrap()
        .iter()
        .map(|u| u["phase"].as_str().unwrap().to_string())
        .collect()
}

/// A source table `db.t` of `rows` rows (`id`, `v`, `n`) and no target database `db`.
async fn source_table(db: &str, rows: u32) {
    src_sql(&[
        &format!("DROP DATABASE IF EXISTS {db}"),
        &format!("CREATE DATABASE {db}"),
        &format!("USE {db}"),
        &format!("CREATE TABLE {db}.t (id INT PRIMARY KEY, v VARCHAR(40), n INT)"),
        &format!("INSERT INTO {db}.t SELECT seq, MD5(seq), seq FROM seq_1_to_{rows}"),
    ])
    .await;
    dst_sql(&[&format!("DROP DATABASE IF EXISTS {db}")]).await;
}

/// After a copy: a column added at the source (the task copies the table again into a shadow)
/// and rows changed after it.
async fn alter_and_change(db: &str) {
    src_sql(&[
        &format!("ALTER TABLE {db}.t ADD COLUMN c INT NOT NULL DEFAULT 42"),
        &format!("UPDATE {db}.t SET v = 'after' WHERE id <= 3"),
        &format!("DELETE FROM {db}.t WHERE id = 10"),
    ])
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn mysql_swap_whose_rename_answer_is_lost_is_finished_not_redone_empty() {
    let _g = lock_servers(Lock::Shared);
    let db = &unique_name("fx_swap_my");
    source_table(db, 20_000).await;
    let proxy = FaultProxy::start(port("SHARK_T_MYSQL_TARGET_PORT"));
    let e = Env::new();
    e.add_mysql("src");
    e.add_mysql_at("dst", proxy.port);
    create(&e, &format!("{db}.*"), &["--batch-rows", "2000"]);
    e.expect(0, &["sync", "run", "t", "--once"], None);
    alter_and_change(db).await;
    // the RENAME of the swap is executed, its answer never arrives
    proxy.arm("RENAME TABLE", Trap::Cut, 1);
    let (_, err) = e.expect(0, &["sync", "run", "t", "--once"], None);
    assert_eq!(proxy.tripped(), 1, "the swap's answer was not cut: {err}");
    let cols = "id, v, n, c";
    let want = table_lines("SHARK_T_MYSQL_PORT", db, "t", cols).await;
    assert_eq!(want.len(), 19_999);
    let got = table_lines("SHARK_T_MYSQL_TARGET_PORT", db, "t", cols).await;
    assert_eq!(
        got.len(),
        want.len(),
        "target rows after the lost answer: {err}"
    );
    assert_eq!(got, want);
    let tables = lines(
        "SHARK_T_MYSQL_TARGET_PORT",
        &format!("SELECT TABLE_NAME FROM information_schema.TABLES WHERE TABLE_SCHEMA = '{db}' ORDER BY 1"),
    )
    .await;
    assert_eq!(
        tables,
        vec!["t".to_string()],
        "no shadow or retired table left"
    );
    assert_eq!(phases(&e), vec!["copied".to_string()]);
    // a kill -9 while the answer is held: the next run finishes the swap
    src_sql(&[
        &format!("ALTER TABLE {db}.t ADD COLUMN d INT NOT NULL DEFAULT 7"),
        &format!("UPDATE {db}.t SET n = -n WHERE id > 19990"),
    ])
    .await;
    proxy.arm("RENAME TABLE", Trap::Hold, 1);
    let mut child = e.spawn(&["sync", "run", "t", "--once"]);
    wait_for("the swap to be held", PATIENCE, || proxy.tripped() == 2);
    child.kill();
    e.expect(0, &["sync", "run", "t", "--once"], None);
    let cols = "id, v, n, c, d";
    let want = table_lines("SHARK_T_MYSQL_PORT", db, "t", cols).await;
    let got = table_lines("SHARK_T_MYSQL_TARGET_PORT", db, "t", cols).await;
    assert_eq!(
        got.len(),
        want.len(),
        "target rows after kill -9 in the swap"
    );
    assert_eq!(got, want);
    assert_eq!(phases(&e), vec!["copied".to_string()]);
    src_sql(&[&format!("DROP DATABASE {db}")]).await;
    dst_sql(&[&format!("DROP DATABASE {db}")]).await;
}

fn mongo_port() -> u16 {
    infra()
        .get("SHARK_T_MONGO_URI")
        .trim_start_matches("mongodb://127.0.0.1:")
        .trim_end_matches('/')
        .parse()
        .unwrap()
}

async fn mongo(db: &str) -> mongodb::Database {
    mongodb::Client::with_uri_str(infra().get("SHARK_T_MONGO_URI"))
        .await
        .unwrap()
        .database(db)
}

async fn mongo_docs(db: &str, coll: &str, filter: Document) -> Vec<Document> {
    use futures_util::TryStreamExt;
    mongo(db)
        .await
        .collection::<Document>(coll)
        .find(filter)
        .sort(doc! {"_id": 1})
        .await
        .unwrap()
        .try_collect()
        .await
        .unwrap()
}

/// Live documents of `db.t` as `id|v|n` lines in key order (what `table_lines` gives for the
/// source table).
async fn mongo_lines(db: &str, extra: &[&str]) -> Vec<String> {
    let text = |b: Option<&Bson>| match b {
        Some(Bson::String(s)) => s.clone(),
        Some(Bson::Int32(n)) => n.to_string(),
        Some(Bson::Int64(n)) => n.to_string(),
        Some(Bson::Null) | None => "\\N".into(),
        Some(other) => format!("{other}"),
    };
    mongo_docs(db, "t", doc! {"_deleted": {"$ne": true}})
        .await
        .iter()
        .map(|d| {
            let mut parts = vec![text(d.get("id")), text(d.get("v")), text(d.get("n"))];
            parts.extend(extra.iter().map(|f| text(d.get(*f))));
            parts.join("|")
        })
        .collect()
}

#[tokio::test(flavor = "multi_thread")]
async fn mongo_swap_whose_answer_is_lost_keeps_rows_and_tombstones_with_soft_delete() {
    let _g = lock_servers(Lock::Shared);
    let db = &unique_name("fx_swap_mg");
    source_table(db, 5_000).await;
    let _ = mongo(db).await.drop().await;
    let proxy = FaultProxy::start(mongo_port());
    let e = Env::new();
    e.add_mysql("src");
    let uri = format!("mongodb://127.0.0.1:{}/?directConnection=true", proxy.port);
    add_conn(&e, "dst", "mongodb", &uri);
    create(
        &e,
        &format!("{db}.*"),
        &["--batch-rows", "1000", "--soft-delete"],
    );
    e.expect(0, &["sync", "run", "t", "--once"], None);
    // a tombstone before the re-copy
    src_sql(&[&format!("DELETE FROM {db}.t WHERE id = 5")]).await;
    e.expect(0, &["sync", "run", "t", "--once"], None);
    alter_and_change(db).await;
    proxy.arm("renameCollection", Trap::Cut, 1);
    let (_, err) = e.expect(0, &["sync", "run", "t", "--once"], None);
    assert_eq!(proxy.tripped(), 1, "the swap's answer was not cut: {err}");
    let want = table_lines("SHARK_T_MYSQL_PORT", db, "t", "id, v, n, c").await;
    assert_eq!(want.len(), 4_998);
    let got = mongo_lines(db, &["c"]).await;
    assert_eq!(
        got.len(),
        want.len(),
        "live documents after the lost answer: {err}"
    );
    assert_eq!(got, want);
    let gone: Vec<Bson> = mongo_docs(db, "t", doc! {"_deleted": true})
        .await
        .iter()
        .map(|d| d.get("_id").unwrap().clone())
        .collect();
    // the tombstone from before the re-copy is carried into the shadow (id 10 was deleted before
    // the copy read the table: the replayed delete finds nothing to mark)
    assert_eq!(gone, vec![Bson::Int32(5)], "tombstones kept");
    let colls = mongo(db).await.list_collection_names().await.unwrap();
    assert_eq!(colls, vec!["t".to_string()], "no shadow left");
    assert_eq!(phases(&e), vec!["copied".to_string()]);
    src_sql(&[&format!("DROP DATABASE {db}")]).await;
    let _ = mongo(db).await.drop().await;
}

fn es_url() -> String {
    infra()
        .get("SHARK_T_ES_URL")
        .trim_end_matches('/')
        .to_string()
}

async fn es_get(path: &str) -> Value {
    let _ = rustls::crypto::ring::default_provider().install_default();
    let resp = reqwest::Client::new()
        .get(format!("{}{path}", es_url()))
        .timeout(Duration::from_secs(30))
        .send()
        .await
        .unwrap();
    serde_json::from_str(&resp.text().await.unwrap()).unwrap()
}

async fn es_post(path: &str) {
    let _ = rustls::crypto::ring::default_provider().install_default();
    reqwest::Client::new()
        .post(format!("{}{path}", es_url()))
        .timeout(Duration::from_secs(30))
        .send()
        .await
        .unwrap();
}

async fn es_delete(path: &str) {
    let _ = rustls::crypto::ring::default_provider().install_default();
    reqwest::Client::new()
        .delete(format!("{}{path}", es_url()))
        .timeout(Duration::from_secs(30))
        .send()
        .await
        .unwrap();
}

/// The documents of index (or alias) `index` as `id|v|n|…` lines in key order.
async fn es_lines(index: &str, extra: &[&str]) -> Vec<String> {
    es_post(&format!("/{index}/_refresh")).await;
    let mut out = vec![];
    let mut after: Option<Value> = None;
    loop {
        let mut body = serde_json::json!({"size": 1000, "sort": [{"id": "asc"}]});
        if let Some(a) = &after {
            body["search_after"] = a.clone();
        }
        let _ = rustls::crypto::ring::default_provider().install_default();
        let resp = reqwest::Client::new()
            .post(format!("{}/{index}/_search", es_url()))
            .json(&body)
            .timeout(Duration::from_secs(30))
            .send()
            .await
            .unwrap();
        let v: Value = serde_json::from_str(&resp.text().await.unwrap()).unwrap();
        let hits = v["hits"]["hits"].as_array().cloned().unwrap_or_default();
        if hits.is_empty() {
            break;
        }
        for h in &hits {
            let s = &h["_source"];
            let text = |f: &str| match &s[f] {
                Value::String(t) => t.clone(),
                Value::Null => "\\N".into(),
                other => other.to_string(),
            };
            let mut parts = vec![text("id"), text("v"), text("n")];
            parts.extend(extra.iter().map(|f| text(f)));
            out.push(parts.join("|"));
        }
        after = hits.last().map(|h| h["sort"].clone());
    }
    out
}

#[tokio::test(flavor = "multi_thread")]
async fn elasticsearch_alias_swap_whose_answers_are_lost_is_finished_not_redone_empty() {
    let _g = lock_servers(Lock::Shared);
    let db = &unique_name("fx_swap_es");
    source_table(db, 3_000).await;
    es_delete(&format!("/{db}*")).await;
    let es_port: u16 = es_url().rsplit(':').next().unwrap().parse().unwrap();
    let proxy = FaultProxy::start(es_port);
    let e = Env::new();
    e.add_mysql("src");
    add_conn(
        &e,
        "dst",
        "elasticsearch",
        &format!("http://127.0.0.1:{}", proxy.port),
    );
    create(&e, &format!("{db}.*"), &["--batch-rows", "1000"]);
    e.expect(0, &["sync", "run", "t", "--once"], None);
    alter_and_change(db).await;
    // the alias moves at the server, but no answer to `_aliases` arrives until the run gave up
    // on the call and went back to the unit (or found the swap done and ended)
    proxy.arm("/_aliases", Trap::Cut, u32::MAX);
    let mut child = e.spawn(&["sync", "run", "t", "--once"]);
    let mut code = None;
    wait_for("the swap to fail or the run to end", PATIENCE, || {
        code = child.wait_timeout(Duration::ZERO);
        let (_, log, _) = e.run(&["sync", "logs", "t"], None);
        code.is_some() || log.contains("resuming the copy")
    });
    proxy.disarm();
    let code = code
        .or_else(|| child.wait_timeout(PATIENCE))
        .expect("the run to end");
    let err = child.stderr();
    assert_eq!(code, Some(0), "{err}");
    assert!(proxy.tripped() >= 1);
    let index = format!("{db}.t");
    let want = table_lines("SHARK_T_MYSQL_PORT", db, "t", "id, v, n, c").await;
    assert_eq!(want.len(), 2_999);
    let got = es_lines(&index, &["c"]).await;
    assert_eq!(
        got.len(),
        want.len(),
        "documents after the lost answers: {err}"
    );
    assert_eq!(got, want);
    let behind = es_get(&format!("/_alias/{index}")).await;
    assert_eq!(
        behind.as_object().map(|o| o.len()),
        Some(1),
        "one index behind the alias: {behind}"
    );
    assert_eq!(phases(&e), vec!["copied".to_string()]);
    src_sql(&[&format!("DROP DATABASE {db}")]).await;
    es_delete(&format!("/{db}*")).await;
}

/// Rows updated, deleted and inserted at the source behind the task's back (no binlog read in
/// between: `sync reset` records a new binlog position).
async fn change_behind_the_back(db: &str) {
    src_sql(&[
        &format!("UPDATE {db}.t SET v = 'changed', n = -n WHERE id <= 100"),
        &format!("DELETE FROM {db}.t WHERE id BETWEEN 200 AND 299"),
        &format!("INSERT INTO {db}.t VALUES (100001, 'new', 1), (100002, NULL, NULL)"),
    ])
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn reset_without_drop_target_leaves_the_target_equal_to_the_source() {
    let _g = lock_servers(Lock::Shared);
    // MySQL → MongoDB, MySQL → MySQL, MySQL → Elasticsearch
    for target in ["mongodb", "mysql", "elasticsearch"] {
        let db = &unique_name("fx_reset");
        source_table(db, 2_000).await;
        let _ = mongo(db).await.drop().await;
        es_delete(&format!("/{db}*")).await;
        let e = Env::new();
        e.add_mysql("src");
        match target {
            "mongodb" => add_conn(&e, "dst", "mongodb", infra().get("SHARK_T_MONGO_URI")),
            "mysql" => e.add_mysql_target("dst"),
            _ => add_conn(&e, "dst", "elasticsearch", &es_url()),
        }
        create(&e, &format!("{db}.*"), &["--batch-rows", "500"]);
        e.expect(0, &["sync", "run", "t", "--once"], None);
        change_behind_the_back(db).await;
        e.expect(0, &["sync", "reset", "t"], None);
        e.expect(0, &["sync", "run", "t", "--once"], None);
        let want = table_lines("SHARK_T_MYSQL_PORT", db, "t", "id, v, n").await;
        assert_eq!(want.len(), 1_902);
        let got = match target {
            "mongodb" => mongo_lines(db, &[]).await,
            "mysql" => table_lines("SHARK_T_MYSQL_TARGET_PORT", db, "t", "id, v, n").await,
            _ => es_lines(&format!("{db}.t"), &[]).await,
        };
        assert_eq!(got.len(), want.len(), "{target}: rows after the reset");
        assert_eq!(got, want, "{target}");
        // a reset of one unit: the same
        change_behind_the_back_again(db).await;
        e.expect(
            0,
            &["sync", "reset", "t", "--unit", &format!("{db}.t")],
            None,
        );
        e.expect(0, &["sync", "run", "t", "--once"], None);
        let want = table_lines("SHARK_T_MYSQL_PORT", db, "t", "id, v, n").await;
        let got = match target {
            "mongodb" => mongo_lines(db, &[]).await,
            "mysql" => table_lines("SHARK_T_MYSQL_TARGET_PORT", db, "t", "id, v, n").await,
            _ => es_lines(&format!("{db}.t"), &[]).await,
        };
        assert_eq!(got, want, "{target}: after a reset of one unit");
        src_sql(&[&format!("DROP DATABASE {db}")]).await;
        dst_sql(&[&format!("DROP DATABASE IF EXISTS {db}")]).await;
        let _ = mongo(db).await.drop().await;
        es_delete(&format!("/{db}*")).await;
    }
}

/// More changes, with the binlog of them skipped: they are made with `sql_log_bin = 0`, so
/// only a copy can carry them.
async fn change_behind_the_back_again(db: &str) {
    src_sql(&[
        "SET SESSION sql_log_bin = 0",
        &format!("UPDATE {db}.t SET v = 'again' WHERE id BETWEEN 101 AND 150"),
        &format!("DELETE FROM {db}.t WHERE id BETWEEN 1 AND 20"),
    ])
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn parallel_8_against_a_locked_target_waits_for_sessions_and_copies_exactly() {
    let _g = lock_servers(Lock::Shared);
    let db = &unique_name("fx_pool");
    let mut stmts = vec![
        format!("DROP DATABASE IF EXISTS {db}"),
        format!("CREATE DATABASE {db}"),
        format!("USE {db}"),
    ];
    for i in 0..8 {
        stmts.push(format!(
            "CREATE TABLE {db}.t{i} (id INT PRIMARY KEY, v VARCHAR(40), n INT)"
        ));
        stmts.push(format!(
            "INSERT INTO {db}.t{i} SELECT seq, MD5(seq + {i}), seq FROM seq_1_to_3000"
        ));
    }
    let s: Vec<&str> = stmts.iter().map(String::as_str).collect();
    src_sql(&s).await;
    // the target tables exist and are locked: every write waits until they are unlocked
    let mut dst: Vec<&str> = s
        .iter()
        .copied()
        .filter(|q| !q.starts_with("INSERT"))
        .collect();
    let lock = format!(
        "LOCK TABLES {}",
        (0..8)
            .map(|i| format!("{db}.t{i} WRITE"))
            .collect::<Vec<_>>()
            .join(", ")
    );
    dst.retain(|q| !q.starts_with("USE"));
    dst_sql(&dst).await;
    let mut locker = mysql_root("SHARK_T_MYSQL_TARGET_PORT").await;
    locker.query_drop(&lock).await.unwrap();
    let e = Env::new();
    e.add_mysql("src");
    e.add_mysql_target("dst");
    create(&e, &format!("{db}.*"), &["--batch-rows", "500"]);
    let mut child = e.spawn(&["sync", "run", "t", "--once", "--parallel", "8", "-v"]);
    // longer than a session may take to connect: writers that wait for one must not fail
    tokio::time::sleep(Duration::from_secs(45)).await;
    assert!(
        child.wait_timeout(Duration::ZERO).is_none(),
        "the run ended while the target was locked: {}",
        child.stderr()
    );
    locker.query_drop("UNLOCK TABLES").await.unwrap();
    let code = child.wait_timeout(PATIENCE).expect("the run to end");
    let err = child.stderr();
    assert_eq!(code, Some(0), "{err}");
    assert!(
        !err.contains("no session within"),
        "a pool wait was a failure: {err}"
    );
    assert!(!err.contains("attempt 1/"), "a failure was counted: {err}");
    for i in 0..8 {
        let want = table_lines("SHARK_T_MYSQL_PORT", db, &format!("t{i}"), "id, v, n").await;
        let got = table_lines(
            "SHARK_T_MYSQL_TARGET_PORT",
            db,
            &format!("t{i}"),
            "id, v, n",
        )
        .await;
        assert_eq!(got.len(), 3000, "t{i}");
        assert_eq!(got, want, "t{i}");
    }
    locker.disconnect().await.unwrap();
    src_sql(&[&format!("DROP DATABASE {db}")]).await;
    dst_sql(&[&format!("DROP DATABASE {db}")]).await;
}
