//! The sync matrix through the CLI against real servers: MySQL → Elasticsearch, MySQL → MySQL
//! (a second ROW-binlog MariaDB), Elasticsearch → MySQL and Elasticsearch → Elasticsearch
//! (osmem-server). Each direction copies a generated dataset (several units, composite keys,
//! nested documents, unicode, NULLs and missing fields) and `verify` passes; MySQL sources
//! follow the binlog into both new sinks; kill -9 mid-copy resumes per unit; a row the target
//! refuses is recorded with `--on-error skip` and stops the task with `stop`.

mod common;
use common::osmem::{es, es_url};
use common::{Env, Lock, lock_servers, mysql_root, mysql_run, unique_name, wait_for};
use mysql_async::prelude::Queryable;
use serde_json::{Value, json};
use std::time::Duration;

const PATIENCE: Duration = Duration::from_secs(180);

async fn sql(stmts: &[&str]) {
    mysql_run("SHARK_T_MYSQL_PORT", stmts).await
}

async fn target_sql(stmts: &[&str]) {
    mysql_run("SHARK_T_MYSQL_TARGET_PORT", stmts).await
}

async fn target_rows(query: &str) -> Vec<mysql_async::Row> {
    let mut c = mysql_root("SHARK_T_MYSQL_TARGET_PORT").await;
    let rows = c
        .query(query)
        .await
        .unwrap_or_else(|e| panic!("{query}: {e}"));
    c.disconnect().await.unwrap();
    rows
}

async fn es_count(index: &str) -> u64 {
    es(reqwest::Method::POST, &format!("/{index}/_refresh"), None).await;
    let (st, v) = es(reqwest::Method::GET, &format!("/{index}/_count"), None).await;
    assert_eq!(st, 200, "{v}");
    v["count"].as_u64().unwrap()
}

async fn es_get(index: &str, id: &str) -> Value {
    let (_, v) = es(reqwest::Method::GET, &format!("/{index}/_doc/{id}"), None).await;
    v
}

async fn es_drop(prefix: &str) {
    es(reqwest::Method::DELETE, &format!("/{prefix}*"), None).await;
}

fn add_es(e: &Env, name: &str) {
    e.expect(
        0,
        &[
            "conn",
            "add",
            name,
            "--kind",
            "elasticsearch",
            "--url",
            &es_url(),
        ],
        None,
    );
}

/// `sync create NAME --source SRC --target TGT --tables TABLES EXTRA…`, expecting `code`; its
/// stdout and stderr.
/// A fresh environment with the MySQL source `src` and the Elasticsearch connection `es`.
fn mysql_and_es() -> Env {
    let e = Env::new();
    e.add_mysql("src");
    add_es(&e, "es");
    e
}

fn create(
    e: &Env,
    code: i32,
    name: &str,
    source: &str,
    target: &str,
    tables: &str,
    extra: &[&str],
) -> (String, String) {
    let mut args = vec![
        "sync", "create", name, "--source", source, "--target", target, "--tables", tables,
    ];
    args.extend_from_slice(extra);
    e.expect(code, &args, None)
}

fn verify(e: &Env, task: &str) -> Value {
    let (out, err) = e.expect(0, &["sync", "verify", task, "-o", "json"], None);
    let v: Value = serde_json::from_str(&out).unwrap();
    for u in v.as_array().unwrap() {
        assert_eq!(u["ok"], true, "{out}{err}");
    }
    assert!(
        !v.as_array().unwrap().is_empty(),
        "no units verified: {out}"
    );
    v
}

fn status(e: &Env, task: &str) -> Value {
    let (out, _) = e.expect(0, &["sync", "status", task, "-o", "json"], None);
    let v: Value = serde_json::from_str(&out).unwrap();
    v[0].clone()
}

/// A source database with three units: a composite key with every kind of value, an integer
/// key with NULLs and unicode, and a table without a key with duplicate rows.
async fn source_db(db: &str) {
    sql(&[
        &format!("DROP DATABASE IF EXISTS {db}"),
        &format!("CREATE DATABASE {db}"),
        &format!("USE {db}"),
        &format!(
            "CREATE TABLE {db}.orders (region VARCHAR(8), id INT, amount DECIMAL(12,2), qty BIGINT, ratio DOUBLE,
               placed DATETIME(3), note TEXT, meta JSON, tag ENUM('a','b'), PRIMARY KEY (region, id)) CHARACTER SET utf8mb4"
        ),
        &format!(
            "INSERT INTO {db}.orders VALUES
               ('eu', 1, 12.50, 3, 0.25, '2024-05-06 07:08:09.123', 'première 🦈', '{{\"lines\": [{{\"sku\": \"x\", \"n\": 2}}], \"gift\": true}}', 'a'),
               ('eu', 2, 0.01, -7, NULL, '1999-12-31 23:59:59.999', NULL, NULL, NULL),
               ('us', 1, 99999.99, 9007199254740993, 1e300, '2038-01-19 03:14:08.000', '中文 text', '{{\"a\": {{\"b\": {{\"c\": [1, 2, 3]}}}}}}', 'b')"
        ),
        &format!(
            "CREATE TABLE {db}.users (id INT PRIMARY KEY, name VARCHAR(64), email VARCHAR(64), score INT, active TINYINT) CHARACTER SET utf8mb4"
        ),
        &format!("INSERT INTO {db}.users SELECT seq, CONCAT('user ', seq, ' ✓'), IF(seq % 3 = 0, NULL, CONCAT('u', seq, '@example.com')), seq * 10, seq % 2 FROM seq_1_to_500"),
        &format!("CREATE TABLE {db}.events (kind VARCHAR(16), n INT) CHARACTER SET utf8mb4"),
        &format!("INSERT INTO {db}.events VALUES ('click', 1), ('click', 1), ('click', 1), ('view', 2), ('view', NULL)"),
    ])
    .await;
}

/// Changes after the copy: insert, update, delete, a key change, duplicates of a key-less row.
async fn source_changes(db: &str) {
    sql(&[
        &format!("INSERT INTO {db}.users VALUES (1001, 'new ñ', 'n@x', 1, 1)"),
        &format!("UPDATE {db}.users SET name = 'renamed', email = NULL WHERE id = 7"),
        &format!("DELETE FROM {db}.users WHERE id IN (8, 9)"),
        &format!("UPDATE {db}.users SET id = 2000 WHERE id = 10"),
        &format!("UPDATE {db}.orders SET amount = amount + 1, meta = '{{\"changed\": [true]}}' WHERE region = 'eu'"),
        &format!("DELETE FROM {db}.orders WHERE region = 'us'"),
        &format!("INSERT INTO {db}.events VALUES ('click', 1), ('new', 3)"),
        &format!("DELETE FROM {db}.events WHERE kind = 'view' AND n = 2"),
    ])
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn mysql_to_elasticsearch_copies_follows_the_binlog_and_verifies() {
    let _g = lock_servers(Lock::Shared);
    let db = &unique_name("mx_es");
    source_db(db).await;
    es_drop(db).await;
    let e = mysql_and_es();
    let tables = format!("{db}.*");
    create(&e, 0, "t", "src", "es", &tables, &[]);
    e.expect(0, &["sync", "run", "t", "--once"], None);
    verify(&e, "t");
    assert_eq!(es_count(&format!("{db}.users")).await, 500);
    assert_eq!(es_count(&format!("{db}.orders")).await, 3);
    assert_eq!(es_count(&format!("{db}.events")).await, 5);
    let u = es_get(&format!("{db}.users"), "7").await;
    assert_eq!(u["_source"]["name"], "user 7 ✓", "{u}");
    // CDC into Elasticsearch
    source_changes(db).await;
    e.expect(0, &["sync", "run", "t", "--once"], None);
    verify(&e, "t");
    assert_eq!(es_count(&format!("{db}.users")).await, 500 + 1 - 2);
    let u = es_get(&format!("{db}.users"), "7").await;
    assert_eq!(u["_source"]["name"], "renamed", "{u}");
    assert_eq!(es_get(&format!("{db}.users"), "10").await["found"], false);
    assert_eq!(es_get(&format!("{db}.users"), "2000").await["found"], true);
    assert_eq!(es_count(&format!("{db}.orders")).await, 2);
    assert_eq!(es_count(&format!("{db}.events")).await, 6);
    assert_eq!(status(&e, "t")["phase"], "cdc");
}

#[tokio::test(flavor = "multi_thread")]
async fn mysql_to_mysql_copies_follows_the_binlog_and_verifies() {
    let _g = lock_servers(Lock::Shared);
    let db = &unique_name("mx_my");
    source_db(db).await;
    let tdb = format!("{db}_copy");
    target_sql(&[&format!("DROP DATABASE IF EXISTS {tdb}")]).await;
    let e = Env::new();
    e.add_mysql("src");
    e.add_mysql_target("dst");
    let tables = format!("{db}.*");
    create(
        &e,
        0,
        "t",
        "src",
        "dst",
        &tables,
        &[
            "--target-db",
            &tdb,
            "--exclude",
            &format!("{db}.users:email"),
            "--rename",
            &format!("{db}.users:name=full_name"),
        ],
    );
    e.expect(0, &["sync", "run", "t", "--once"], None);
    verify(&e, "t");
    // the field mapping: email left out, name renamed
    let rows = target_rows(&format!("SELECT full_name FROM {tdb}.users WHERE id = 7")).await;
    assert_eq!(rows[0].get::<String, _>(0).unwrap(), "user 7 ✓");
    let rows = target_rows(&format!(
        "SELECT COUNT(*) FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = '{tdb}' AND TABLE_NAME = 'users' AND COLUMN_NAME IN ('email', 'name')"
    ))
    .await;
    assert_eq!(rows[0].get::<i64, _>(0).unwrap(), 0);
    // the exact source types are kept
    let rows = target_rows(&format!(
        "SELECT COLUMN_TYPE FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = '{tdb}' AND TABLE_NAME = 'orders' AND COLUMN_NAME = 'amount'"
    ))
    .await;
    assert_eq!(rows[0].get::<String, _>(0).unwrap(), "decimal(12,2)");
    source_changes(db).await;
    e.expect(0, &["sync", "run", "t", "--once"], None);
    verify(&e, "t");
    let rows = target_rows(&format!("SELECT COUNT(*) FROM {tdb}.users")).await;
    assert_eq!(rows[0].get::<i64, _>(0).unwrap(), 499);
    let rows = target_rows(&format!("SELECT full_name FROM {tdb}.users WHERE id = 7")).await;
    assert_eq!(rows[0].get::<String, _>(0).unwrap(), "renamed");
    let rows = target_rows(&format!("SELECT COUNT(*) FROM {tdb}.users WHERE id = 2000")).await;
    assert_eq!(rows[0].get::<i64, _>(0).unwrap(), 1);
    let rows = target_rows(&format!(
        "SELECT COUNT(*) FROM {tdb}.events WHERE kind = 'click'"
    ))
    .await;
    assert_eq!(rows[0].get::<i64, _>(0).unwrap(), 4);
}

/// Documents with nested objects, arrays of objects, unicode and missing fields, in two indexes.
async fn source_indexes(prefix: &str) {
    es_drop(prefix).await;
    let mut bulk = String::new();
    for i in 0..300 {
        bulk.push_str(&format!(
            "{{\"index\":{{\"_index\":\"{prefix}-products\",\"_id\":\"p{i}\"}}}}\n"
        ));
        let mut d = json!({
            "name": format!("product {i} — ünïcødé"),
            "price": i as f64 * 1.25,
            "stock": i * 3,
            "active": i % 2 == 0,
            "added": format!("2024-01-{:02}T10:00:00.000Z", i % 28 + 1),
            "dims": {"w": i, "h": {"cm": i * 2}},
        });
        if i % 5 == 0 {
            d.as_object_mut().unwrap().remove("price");
        }
        bulk.push_str(&format!("{d}\n"));
    }
    for i in 0..40 {
        bulk.push_str(&format!(
            "{{\"index\":{{\"_index\":\"{prefix}-reviews\",\"_id\":\"r{i}\"}}}}\n"
        ));
        bulk.push_str(&format!(
            "{}\n",
            json!({"product": format!("p{i}"), "stars": i % 5 + 1, "text": if i % 4 == 0 { Value::Null } else { json!("très bien 👍") }})
        ));
    }
    let (st, v) = es(reqwest::Method::POST, "/_bulk?refresh=true", Some(bulk)).await;
    assert_eq!(st, 200, "{v}");
    assert_eq!(v["errors"], false, "{v}");
}

#[tokio::test(flavor = "multi_thread")]
async fn elasticsearch_to_mysql_and_to_elasticsearch_copy_and_verify() {
    let _g = lock_servers(Lock::Shared);
    let prefix = unique_name("esx");
    source_indexes(&prefix).await;
    let tdb = format!("{prefix}_db");
    target_sql(&[&format!("DROP DATABASE IF EXISTS {tdb}")]).await;
    let e = Env::new();
    add_es(&e, "es");
    e.add_mysql_target("dst");
    let pattern = format!("{prefix}-*");
    create(&e, 0, "tomy", "es", "dst", &pattern, &["--target-db", &tdb]);
    e.expect(0, &["sync", "run", "tomy", "--once"], None);
    let v = verify(&e, "tomy");
    assert_eq!(v.as_array().unwrap().len(), 2, "{v}");
    assert_eq!(status(&e, "tomy")["phase"], "copied");
    let rows = target_rows(&format!("SELECT COUNT(*) FROM `{tdb}`.`{prefix}-products`")).await;
    assert_eq!(rows[0].get::<i64, _>(0).unwrap(), 300);

    // ES → ES into other indexes of the same server
    create(
        &e,
        0,
        "toes",
        "es",
        "es",
        &pattern,
        &["--target-db", "copy"],
    );
    e.expect(0, &["sync", "run", "toes", "--once"], None);
    verify(&e, "toes");
    assert_eq!(es_count(&format!("copy.{prefix}-products")).await, 300);
    let d = es_get(&format!("copy.{prefix}-products"), "p7").await;
    assert_eq!(d["_source"]["dims"]["h"]["cm"], 14, "{d}");
    es_drop(&format!("copy.{prefix}")).await;

    // ES → MongoDB: nested objects stay documents
    e.add_mongo("mg");
    let mdb = format!("{prefix}_mg");
    create(&e, 0, "tomg", "es", "mg", &pattern, &["--target-db", &mdb]);
    e.expect(0, &["sync", "run", "tomg", "--once"], None);
    verify(&e, "tomg");
    es_drop(&prefix).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn kill_9_mid_copy_resumes_per_unit_without_copying_finished_units_again() {
    let _g = lock_servers(Lock::Shared);
    let db = &unique_name("mx_kill");
    sql(&[
        &format!("DROP DATABASE IF EXISTS {db}"),
        &format!("CREATE DATABASE {db}"),
        &format!("USE {db}"),
        &format!("CREATE TABLE {db}.a_small (id INT PRIMARY KEY, v VARCHAR(32))"),
        &format!("INSERT INTO {db}.a_small SELECT seq, MD5(seq) FROM seq_1_to_100"),
        &format!("CREATE TABLE {db}.b_big (id INT PRIMARY KEY, v VARCHAR(64), n BIGINT)"),
        &format!("INSERT INTO {db}.b_big SELECT seq, MD5(seq), seq * 7 FROM seq_1_to_60000"),
    ])
    .await;
    es_drop(db).await;
    let e = mysql_and_es();
    let tables = format!("{db}.*");
    create(
        &e,
        0,
        "t",
        "src",
        "es",
        &tables,
        &["--parallel", "1", "--batch-rows", "500"],
    );
    let mut child = e.spawn(&["sync", "run", "t", "--once"]);
    wait_for("the big unit to be under way", PATIENCE, || {
        status(&e, "t")["units"]
            .as_array()
            .unwrap()
            .iter()
            .any(|u| {
                u["unit"].as_str().unwrap().ends_with("b_big")
                    && u["rows_done"].as_i64().unwrap_or(0) >= 5000
            })
    });
    child.kill();
    let st = status(&e, "t");
    let units = st["units"].as_array().unwrap();
    let small = units
        .iter()
        .find(|u| u["unit"].as_str().unwrap().ends_with("a_small"))
        .unwrap();
    assert_eq!(small["phase"], "copied", "{st}");
    let big = units
        .iter()
        .find(|u| u["unit"].as_str().unwrap().ends_with("b_big"))
        .unwrap();
    assert!(big["rows_done"].as_i64().unwrap() < 60000, "{st}");
    e.expect(0, &["sync", "run", "t", "--once"], None);
    let (log, _) = e.expect(0, &["sync", "logs", "t"], None);
    assert!(
        !log.contains("a_small: full copy done"),
        "the finished unit was copied again: {log}"
    );
    assert!(log.contains("b_big: full copy done"), "{log}");
    verify(&e, "t");
    assert_eq!(es_count(&format!("{db}.b_big")).await, 60000);
    es_drop(db).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_row_the_target_refuses_is_recorded_with_skip_and_stops_the_task_with_stop() {
    let _g = lock_servers(Lock::Shared);
    let db = &unique_name("mx_rej");
    sql(&[
        &format!("DROP DATABASE IF EXISTS {db}"),
        &format!("CREATE DATABASE {db}"),
        &format!("USE {db}"),
        &format!("CREATE TABLE {db}.codes (id INT PRIMARY KEY, code VARCHAR(16))"),
        &format!("INSERT INTO {db}.codes SELECT seq, seq FROM seq_1_to_200"),
        &format!("UPDATE {db}.codes SET code = 'not-a-number' WHERE id = 42"),
    ])
    .await;
    es_drop(db).await;
    let dir = tempfile::tempdir().unwrap();
    let mapping = dir.path().join("mapping.json");
    std::fs::write(&mapping, r#"{"code": {"type": "long"}}"#).unwrap();
    let mapping = mapping.to_str().unwrap();
    let tables = format!("{db}.*");

    // --on-error stop: exit 4 naming the row, nothing after the refused batch checkpointed
    let e = mysql_and_es();
    create(
        &e,
        0,
        "t",
        "src",
        "es",
        &tables,
        &["--es-mapping", mapping, "--batch-rows", "50"],
    );
    let (_, err) = e.expect(4, &["sync", "run", "t", "--once"], None);
    assert!(err.contains("refused row 42"), "{err}");
    assert!(err.contains("--on-error skip"), "{err}");
    let st = status(&e, "t");
    assert_eq!(st["units"][0]["rows_done"], 0, "{st}");

    // --on-error skip: recorded, shown, and verify counts it apart
    es_drop(db).await;
    let e = mysql_and_es();
    create(
        &e,
        0,
        "t",
        "src",
        "es",
        &tables,
        &["--es-mapping", mapping, "--on-error", "skip"],
    );
    e.expect(0, &["sync", "run", "t", "--once"], None);
    let (out, _) = e.expect(0, &["sync", "skipped", "t", "-o", "json"], None);
    let skipped: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(skipped.as_array().unwrap().len(), 1, "{out}");
    assert_eq!(skipped[0]["key"], "42", "{out}");
    let (log, _) = e.expect(0, &["sync", "logs", "t"], None);
    // one line for the batch: how many, the first keys
    assert!(
        log.contains("1 row skipped (--on-error skip), keys 42"),
        "{log}"
    );
    let v = verify(&e, "t");
    assert_eq!(v[0]["skipped"], 1, "{v}");
    assert_eq!(es_count(&format!("{db}.codes")).await, 199);
    // a change the target can take is applied through CDC
    sql(&[&format!(
        "UPDATE {db}.codes SET code = '4242' WHERE id = 42"
    )])
    .await;
    e.expect(0, &["sync", "run", "t", "--once"], None);
    assert_eq!(es_count(&format!("{db}.codes")).await, 200);
    verify(&e, "t");
    es_drop(db).await;
}

#[test]
fn create_refuses_pairs_and_options_that_do_not_fit() {
    let e = mysql_and_es();
    e.add_mongo("mg");
    // an Elasticsearch source has no databases: the target needs one
    let (_, err) = create(&e, 2, "a", "es", "mg", "logs-*", &[]);
    assert!(err.contains("--target-db"), "{err}");
    // index selectors are not db.table patterns
    let (_, err) = create(&e, 2, "a", "es", "mg", "a,b", &["--target-db", "x"]);
    assert!(err.contains("index name"), "{err}");
    // history mode and --es-mapping belong to other targets
    let (_, err) = create(&e, 2, "a", "src", "es", "d.*", &["--mode", "history"]);
    assert!(err.contains("MongoDB targets"), "{err}");
    let dir = tempfile::tempdir().unwrap();
    let m = dir.path().join("m.json");
    std::fs::write(&m, "{}").unwrap();
    let (_, err) = create(
        &e,
        2,
        "a",
        "src",
        "mg",
        "d.*",
        &["--es-mapping", m.to_str().unwrap()],
    );
    assert!(err.contains("Elasticsearch targets"), "{err}");
    // field mapping flags are checked
    let (_, err) = create(&e, 2, "a", "src", "mg", "d.*", &["--rename", "d.t:novalue"]);
    assert!(err.contains("old=new"), "{err}");
    // nothing was created by the refused commands
    let (out, _) = e.expect(0, &["sync", "list", "-o", "json"], None);
    assert_eq!(out.trim(), "[]");
}
