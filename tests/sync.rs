//! `shark sync` MySQL → MongoDB against real MariaDB (ROW binlog) and SecantusDB: exact type
//! mapping through the full copy and the binlog, composite and key-less tables, kill -9 during
//! the copy and during CDC, history mode replays, schema drift while following, purged binlogs,
//! wrong passwords, stop and Ctrl-C.

mod common;
use common::{Env, Lock, infra, lock_servers, unique_name, wait_for};
use mongodb::bson::{Bson, Document, doc};
use mysql_async::prelude::Queryable;
use std::time::{Duration, Instant};

/// How long a test waits for a run to reach a state.
const PATIENCE: Duration = Duration::from_secs(120);

/// A root connection to the test MariaDB.
async fn root() -> mysql_async::Conn {
    let port: u16 = infra().get("SHARK_T_MYSQL_PORT").parse().unwrap();
    let opts = mysql_async::OptsBuilder::default()
        .ip_or_hostname("127.0.0.1")
        .tcp_port(port)
        .user(Some("root"))
        .prefer_socket(false);
    mysql_async::Conn::new(opts).await.unwrap()
}

async fn sql(stmts: &[&str]) {
    let mut c = root().await;
    c.query_drop("SET NAMES utf8mb4").await.unwrap();
    for s in stmts {
        c.query_drop(*s)
            .await
            .unwrap_or_else(|e| panic!("{s}: {e}"));
    }
    c.disconnect().await.unwrap();
}

async fn mongo(db: &str) -> mongodb::Database {
    let c = mongodb::Client::with_uri_str(infra().get("SHARK_T_MONGO_URI"))
        .await
        .unwrap();
    c.database(db)
}

async fn docs(db: &str, coll: &str) -> Vec<Document> {
    use futures_util::TryStreamExt;
    let d = mongo(db).await;
    d.collection::<Document>(coll)
        .find(doc! {})
        .sort(doc! {"_id": 1})
        .await
        .unwrap()
        .try_collect()
        .await
        .unwrap()
}

/// A scratch database name per test, and a task over it.
fn setup(e: &Env, db: &str, extra: &[&str]) {
    e.add_mysql("src");
    e.add_mongo("dst");
    let tables = format!("{db}.*");
    let mut args = vec![
        "sync",
        "create",
        "t",
        "--source",
        "src",
        "--target",
        "dst",
        "--tables",
        &tables,
        "--batch-rows",
        "500",
    ];
    args.extend_from_slice(extra);
    e.expect(0, &args, None);
}

async fn fresh_db(db: &str) {
    sql(&[
        &format!("DROP DATABASE IF EXISTS {db}"),
        &format!("CREATE DATABASE {db}"),
    ])
    .await;
    let _ = mongo(db).await.drop().await;
}

fn verify_ok(e: &Env) -> serde_json::Value {
    let (out, _) = e.expect(0, &["sync", "verify", "t", "-o", "json"], None);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    for u in v.as_array().unwrap() {
        assert_eq!(u["ok"], true, "{out}");
    }
    v
}

const TYPES_TABLE: &str = "CREATE TABLE {db}.types (
  id INT PRIMARY KEY, d65 DECIMAL(65,30), d12 DECIMAL(12,2), ubig BIGINT UNSIGNED, big BIGINT, tiny TINYINT, utiny TINYINT UNSIGNED,
  f FLOAT, dbl DOUBLE, dt6 DATETIME(6), dt DATETIME, ts TIMESTAMP(3) NULL, dte DATE, tm TIME(3), yr YEAR,
  emoji VARCHAR(20) CHARACTER SET utf8mb4, js JSON, bl BLOB, bn BINARY(4), bt BIT(10), en ENUM('small','large'), st SET('a','b','c'),
  nul VARCHAR(5)) CHARACTER SET utf8mb4";

fn types_row(id: u32) -> String {
    format!(
        "INSERT INTO {{db}}.types VALUES ({id}, '12345678901234567890123456789012345.123456789012345678901234567890', 1234567890.12,
         18446744073709551615, -9223372036854775808, -128, 255, 1.5, 2.25, '2024-05-06 07:08:09.123456', '0000-00-00 00:00:00',
         '2024-05-06 07:08:09.123', '2024-02-29', '-838:59:59.000', 2024, '🦈 shark', '{{\"k\": [1, 2, {{\"z\": null}}], \"s\": \"x\"}}',
         X'00FF10', X'01020304', b'1000000001', 'large', 'a,c', NULL)"
    )
}

fn check_types(d: &Document) {
    assert_eq!(
        d.get("d65"),
        Some(&Bson::String(
            "12345678901234567890123456789012345.123456789012345678901234567890".into()
        )),
        "{d}"
    );
    assert_eq!(
        d.get_decimal128("d12").unwrap().to_string(),
        "1234567890.12",
        "{d}"
    );
    assert_eq!(
        d.get_decimal128("ubig").unwrap().to_string(),
        "18446744073709551615",
        "{d}"
    );
    assert_eq!(d.get_i64("big").unwrap(), i64::MIN, "{d}");
    assert_eq!(d.get_i32("tiny").unwrap(), -128);
    assert_eq!(d.get_i32("utiny").unwrap(), 255);
    assert_eq!(d.get_f64("f").unwrap(), 1.5);
    assert_eq!(d.get_f64("dbl").unwrap(), 2.25);
    assert_eq!(
        d.get_datetime("dt6").unwrap().timestamp_millis(),
        1714979289123,
        "DATETIME(6) to the millisecond: {d}"
    );
    assert_eq!(d.get("dt"), Some(&Bson::Null), "zero date is null: {d}");
    assert_eq!(
        d.get_datetime("ts").unwrap().timestamp_millis(),
        1714979289123,
        "{d}"
    );
    assert_eq!(
        d.get_datetime("dte").unwrap().timestamp_millis(),
        1709164800000,
        "{d}"
    );
    assert_eq!(d.get_str("tm").unwrap(), "-838:59:59", "{d}");
    assert_eq!(d.get_i32("yr").unwrap(), 2024);
    assert_eq!(d.get_str("emoji").unwrap(), "🦈 shark");
    let js = d.get_document("js").unwrap();
    assert_eq!(js.get_str("s").unwrap(), "x");
    assert_eq!(
        js.get_array("k").unwrap()[2]
            .as_document()
            .unwrap()
            .get("z"),
        Some(&Bson::Null)
    );
    assert_eq!(d.get_binary_generic("bl").unwrap(), &vec![0x00, 0xFF, 0x10]);
    assert_eq!(d.get_binary_generic("bn").unwrap(), &vec![1, 2, 3, 4]);
    assert_eq!(
        d.get_binary_generic("bt").unwrap(),
        &vec![0x02, 0x01],
        "BIT(10) b'1000000001': {d}"
    );
    assert_eq!(d.get_str("en").unwrap(), "large");
    assert_eq!(d.get_str("st").unwrap(), "a,c");
    assert_eq!(d.get("nul"), Some(&Bson::Null));
}

#[tokio::test(flavor = "multi_thread")]
async fn every_type_maps_exactly_through_copy_and_binlog() {
    let _g = lock_servers(Lock::Shared);
    let db = &unique_name("sync_types");
    fresh_db(db).await;
    sql(&[
        "SET SESSION sql_mode = ''",
        &TYPES_TABLE.replace("{db}", db),
        &types_row(1).replace("{db}", db),
    ])
    .await;
    let e = Env::new();
    setup(&e, db, &[]);
    e.expect(0, &["sync", "run", "t", "--once"], None);
    // the same row again, this time through the binlog
    sql(&[
        "SET SESSION sql_mode = ''",
        &types_row(2).replace("{db}", db),
    ])
    .await;
    e.expect(0, &["sync", "run", "t", "--once"], None);
    let all = docs(db, "types").await;
    assert_eq!(all.len(), 2);
    for d in &all {
        check_types(d);
    }
    verify_ok(&e);
}

#[tokio::test(flavor = "multi_thread")]
async fn composite_and_keyless_tables_and_mirror_changes() {
    let _g = lock_servers(Lock::Shared);
    let db = &unique_name("sync_keys");
    fresh_db(db).await;
    sql(&[
        &format!("CREATE TABLE {db}.lines (o BIGINT, n INT, sku VARCHAR(10), PRIMARY KEY (o, n))"),
        &format!("INSERT INTO {db}.lines VALUES (1,1,'x'),(1,2,'y'),(2,1,'z')"),
        &format!("CREATE TABLE {db}.nokey (a INT, b TEXT)"),
        &format!("INSERT INTO {db}.nokey VALUES (1,'x'),(2,'y')"),
    ])
    .await;
    let e = Env::new();
    setup(&e, db, &[]);
    let (_, err) = e.expect(0, &["sync", "run", "t", "--once"], None);
    assert!(err.contains("has no primary or unique key"), "{err}");
    let lines = docs(db, "lines").await;
    assert_eq!(
        lines[0].get_document("_id").unwrap(),
        &doc! {"o": 1i64, "n": 1}
    );
    sql(&[
        &format!("UPDATE {db}.lines SET sku = 'q' WHERE o = 1 AND n = 2"),
        &format!("UPDATE {db}.lines SET n = 5 WHERE o = 2"),
        &format!("DELETE FROM {db}.lines WHERE o = 1 AND n = 1"),
        &format!("DELETE FROM {db}.nokey WHERE a = 1"),
        &format!("INSERT INTO {db}.nokey VALUES (3, 'z')"),
    ])
    .await;
    e.expect(0, &["sync", "run", "t", "--once"], None);
    let lines = docs(db, "lines").await;
    let ids: Vec<&Document> = lines
        .iter()
        .map(|d| d.get_document("_id").unwrap())
        .collect();
    assert_eq!(
        ids,
        vec![&doc! {"o": 1i64, "n": 2}, &doc! {"o": 2i64, "n": 5}],
        "{lines:?}"
    );
    assert_eq!(lines[0].get_str("sku").unwrap(), "q");
    assert_eq!(docs(db, "nokey").await.len(), 2);
    verify_ok(&e);
}

fn status(e: &Env) -> serde_json::Value {
    let (out, _) = e.expect(0, &["sync", "status", "t", "-o", "json"], None);
    serde_json::from_str::<serde_json::Value>(&out).unwrap()[0].clone()
}

#[tokio::test(flavor = "multi_thread")]
async fn kill_9_during_copy_and_during_cdc_loses_and_duplicates_nothing() {
    let _g = lock_servers(Lock::Shared);
    let db = &unique_name("sync_kill");
    fresh_db(db).await;
    sql(&[
        &format!("CREATE TABLE {db}.big (id INT PRIMARY KEY, v VARCHAR(64), n BIGINT)"),
        &format!("USE {db}"),
        &format!("INSERT INTO {db}.big SELECT seq, MD5(seq), seq * 7 FROM seq_1_to_200000"),
    ])
    .await;
    let e = Env::new();
    setup(&e, db, &["--parallel", "1"]);
    // kill -9 in the middle of the full copy
    let mut child = e.spawn(&["sync", "run", "t", "--once"]);
    wait_for("the copy to be under way", PATIENCE, || {
        status(&e)["units"][0]["rows_done"].as_i64().unwrap_or(0) >= 20_000
    });
    child.kill();
    let st = status(&e);
    assert_eq!(st["state"], "dead", "{st}");
    let done = st["units"][0]["rows_done"].as_i64().unwrap();
    assert!(done < 200_000, "the copy finished before the kill: {st}");
    // changes while nobody runs, then resume: picks up mid-table
    sql(&[
        &format!("UPDATE {db}.big SET v = 'changed' WHERE id IN (1, 150000)"),
        &format!("DELETE FROM {db}.big WHERE id = 2"),
    ])
    .await;
    e.expect(0, &["sync", "run", "t", "--once"], None);
    let (out, _) = e.expect(0, &["history", "--command", "sync run", "-o", "json"], None);
    assert!(
        out.contains("crashed"),
        "the killed run is recorded as crashed: {out}"
    );
    verify_ok(&e);

    // kill -9 while following the binlog, with changes flowing
    let mut child = e.spawn(&["sync", "run", "t", "--follow"]);
    wait_for("CDC to start", PATIENCE, || {
        status(&e)["phase"] == "cdc" && status(&e)["state"] == "running"
    });
    for k in 0..20 {
        sql(&[
            &format!(
                "UPDATE {db}.big SET n = n + 1 WHERE id BETWEEN {} AND {}",
                k * 1000 + 3,
                k * 1000 + 502
            ),
            &format!("INSERT INTO {db}.big VALUES ({}, 'new', 0)", 300_000 + k),
        ])
        .await;
        if k == 10 {
            child.kill();
        }
    }
    e.expect(0, &["sync", "run", "t", "--once"], None);
    let v = verify_ok(&e);
    assert_eq!(v[0]["source_rows"], 200_019);
    let n = mongo(db)
        .await
        .collection::<Document>("big")
        .count_documents(doc! {})
        .await
        .unwrap();
    assert_eq!(n, 200_019, "mirror mode has no duplicates");
}

#[tokio::test(flavor = "multi_thread")]
async fn history_mode_versions_tombstones_and_replay() {
    let _g = lock_servers(Lock::Shared);
    let db = &unique_name("sync_hist");
    fresh_db(db).await;
    sql(&[
        &format!("CREATE TABLE {db}.acct (id INT PRIMARY KEY, bal INT)"),
        &format!("INSERT INTO {db}.acct VALUES (1, 100), (2, 200)"),
    ])
    .await;
    let e = Env::new();
    setup(&e, db, &["--mode", "history"]);
    e.expect(0, &["sync", "run", "t", "--once"], None);
    let before = status(&e)["binlog"]["position"].clone();
    sql(&[
        &format!("UPDATE {db}.acct SET bal = 150 WHERE id = 1"),
        &format!("DELETE FROM {db}.acct WHERE id = 2"),
    ])
    .await;
    e.expect(0, &["sync", "run", "t", "--once"], None);
    let all = docs(db, "acct").await;
    let ops: Vec<(&str, i32)> = all
        .iter()
        .map(|d| (d.get_str("op").unwrap(), d.get_i32("pk").unwrap()))
        .collect();
    assert_eq!(
        all.len(),
        4,
        "2 snapshots + 1 update + 1 tombstone: {ops:?}"
    );
    let upd = all
        .iter()
        .find(|d| d.get_str("op").unwrap() == "update")
        .unwrap();
    assert_eq!(
        upd.get_document("data").unwrap().get_i32("bal").unwrap(),
        150
    );
    assert!(upd.get_document("binlog").unwrap().get_str("file").is_ok());
    assert!(upd.get_i64("version").unwrap() > 0);
    let del = all
        .iter()
        .find(|d| d.get_str("op").unwrap() == "delete")
        .unwrap();
    assert_eq!(del.get("data"), Some(&Bson::Null), "tombstone");
    assert_eq!(del.get_i32("pk").unwrap(), 2);
    // replay from the older checkpoint: no duplicates
    let store = shark::cli::open_store(&e.state()).unwrap();
    let cp = store.checkpoint("sync:t", "__binlog__").unwrap().unwrap();
    store
        .checkpoint_save("sync:t", "__binlog__", &before, &cp.progress)
        .unwrap();
    drop(store);
    e.expect(0, &["sync", "run", "t", "--once"], None);
    assert_eq!(docs(db, "acct").await.len(), 4, "replay added documents");
    verify_ok(&e);
}

#[tokio::test(flavor = "multi_thread")]
async fn schema_drift_while_following() {
    let _g = lock_servers(Lock::Shared);
    let db = &unique_name("sync_drift");
    fresh_db(db).await;
    sql(&[
        &format!("CREATE TABLE {db}.p (id INT PRIMARY KEY, a VARCHAR(10), b INT)"),
        &format!("INSERT INTO {db}.p VALUES (1, 'x', 1), (2, 'y', 2)"),
    ])
    .await;
    let e = Env::new();
    setup(&e, db, &[]);
    let mut child = e.spawn(&["sync", "run", "t"]);
    wait_for("CDC to start", PATIENCE, || status(&e)["phase"] == "cdc");
    sql(&[
        &format!("INSERT INTO {db}.p VALUES (3, 'z', 3)"),
        &format!("ALTER TABLE {db}.p ADD COLUMN c INT NOT NULL DEFAULT 42"),
        &format!("INSERT INTO {db}.p VALUES (4, 'w', 4, 44)"),
        &format!("ALTER TABLE {db}.p RENAME COLUMN a TO a2"),
        &format!("UPDATE {db}.p SET a2 = 'renamed' WHERE id = 1"),
        &format!("ALTER TABLE {db}.p DROP COLUMN b"),
        &format!("INSERT INTO {db}.p VALUES (5, 'v', 55)"),
        &format!("CREATE TABLE {db}.fresh (k VARCHAR(8) PRIMARY KEY, n INT)"),
        &format!("INSERT INTO {db}.fresh VALUES ('a', 1), ('b', 2)"),
    ])
    .await;
    let mut ok = false;
    for _ in 0..100 {
        let (code, _, _) = e.run(&["sync", "verify", "t", "-o", "json"], None);
        if code == 0 && docs(db, "fresh").await.len() == 2 {
            ok = true;
            break;
        }
        std::thread::sleep(Duration::from_millis(300));
    }
    // stop from another terminal, at a checkpoint
    e.expect(0, &["sync", "stop", "t", "--soft"], None);
    let status_code = child.wait();
    assert!(ok, "target did not converge after the schema changes");
    assert_eq!(
        status_code,
        Some(0),
        "a soft stop ends the run with exit 0: {}",
        status(&e)
    );
    let p = docs(db, "p").await;
    assert_eq!(p.len(), 5);
    for d in &p {
        assert!(
            d.get("b").is_none() && d.get("a").is_none(),
            "dropped and renamed fields are gone: {d}"
        );
        assert!(d.get_str("a2").is_ok(), "{d}");
    }
    assert_eq!(p[0].get_str("a2").unwrap(), "renamed");
    assert_eq!(
        p[1].get_i32("c").unwrap(),
        42,
        "added column's default: {}",
        p[1]
    );
    verify_ok(&e);
}

#[tokio::test(flavor = "multi_thread")]
async fn purged_binlog_exits_4_naming_reset() {
    let _g = lock_servers(Lock::Exclusive);
    let db = &unique_name("sync_purge");
    fresh_db(db).await;
    sql(&[
        &format!("CREATE TABLE {db}.t (id INT PRIMARY KEY)"),
        &format!("INSERT INTO {db}.t VALUES (1)"),
    ])
    .await;
    let e = Env::new();
    setup(&e, db, &[]);
    e.expect(0, &["sync", "run", "t", "--once"], None);
    let old = status(&e)["binlog"]["position"]["file"]
        .as_str()
        .unwrap()
        .to_string();
    sql(&["FLUSH BINARY LOGS", "FLUSH BINARY LOGS"]).await;
    let mut c = root().await;
    let row: mysql_async::Row = c.query_first("SHOW MASTER STATUS").await.unwrap().unwrap();
    let current: String = row.get(0).unwrap();
    // MariaDB keeps a file until its binlog checkpoint has passed it: retry for a while
    let mut left = vec![];
    for _ in 0..50 {
        c.query_drop(format!("PURGE BINARY LOGS TO '{current}'"))
            .await
            .unwrap();
        let rows: Vec<mysql_async::Row> = c.query("SHOW BINARY LOGS").await.unwrap();
        left = rows
            .iter()
            .map(|r| r.get::<String, _>(0).unwrap())
            .collect();
        if !left.contains(&old) {
            break;
        }
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    c.disconnect().await.unwrap();
    assert!(
        !left.contains(&old),
        "{old} was not purged (a binlog reader still uses it?): {left:?}"
    );
    let (_, err) = e.expect(4, &["sync", "run", "t", "--once"], None);
    assert!(
        err.contains(&old) && err.contains("purged") && err.contains("shark sync reset t"),
        "{err}"
    );
    // the checkpoint is intact, and reset + run recovers
    assert_eq!(status(&e)["binlog"]["position"]["file"], old.as_str());
    e.expect(0, &["sync", "reset", "t"], None);
    e.expect(0, &["sync", "run", "t", "--once"], None);
    verify_ok(&e);
}

#[tokio::test(flavor = "multi_thread")]
async fn wrong_password_exits_3_and_ctrl_c_exits_130() {
    let _g = lock_servers(Lock::Shared);
    let db = &unique_name("sync_misc");
    fresh_db(db).await;
    sql(&[
        &format!("CREATE TABLE {db}.t (id INT PRIMARY KEY)"),
        &format!("INSERT INTO {db}.t VALUES (1)"),
    ])
    .await;
    let e = Env::new();
    setup(&e, db, &[]);
    e.expect(
        0,
        &["conn", "edit", "src", "--secret-stdin"],
        Some("not-the-password"),
    );
    let (_, err) = e.expect(3, &["sync", "run", "t", "--once"], None);
    assert!(
        err.contains("authentication failed") && !err.contains("not-the-password"),
        "{err}"
    );
    e.expect(0, &["conn", "edit", "src", "--secret-stdin"], Some("shark"));
    // a second runner of the same task is refused while one follows
    let mut child = e.spawn(&["sync", "run", "t"]);
    wait_for("CDC to start", PATIENCE, || {
        status(&e)["phase"] == "cdc" && status(&e)["state"] == "running"
    });
    let (_, err) = e.expect(4, &["sync", "run", "t", "--once"], None);
    assert!(
        err.contains("already running") && err.contains("shark sync stop t"),
        "{err}"
    );
    // Ctrl-C: checkpoint, exit 130
    child.signal("INT");
    assert_eq!(child.wait(), Some(130));
    assert_eq!(status(&e)["state"], "idle");
    let (out, _) = e.expect(0, &["sync", "logs", "t"], None);
    assert!(out.contains("interrupted at"), "{out}");
}

#[test]
fn create_checks_its_input() {
    let e = Env::new();
    e.expect(
        0,
        &[
            "conn",
            "add",
            "src",
            "--kind",
            "mysql",
            "--url",
            "mysql://shark@127.0.0.1:1/",
        ],
        None,
    );
    e.expect(
        0,
        &[
            "conn",
            "add",
            "r",
            "--kind",
            "redis",
            "--url",
            "redis://127.0.0.1:1",
        ],
        None,
    );
    let (_, err) = e.expect(
        2,
        &[
            "sync", "create", "t", "--source", "src", "--target", "r", "--tables", "a.*",
        ],
        None,
    );
    assert!(err.contains("'r' is a redis connection"), "{err}");
    let (_, err) = e.expect(
        2,
        &[
            "sync", "create", "t", "--source", "src", "--target", "nope", "--tables", "a.*",
        ],
        None,
    );
    assert!(err.contains("no connection named 'nope'"), "{err}");
    e.expect(
        0,
        &[
            "conn",
            "add",
            "m",
            "--kind",
            "mongodb",
            "--url",
            "mongodb://127.0.0.1:1/",
        ],
        None,
    );
    let (_, err) = e.expect(
        2,
        &[
            "sync",
            "create",
            "t",
            "--source",
            "src",
            "--target",
            "m",
            "--tables",
            "justatable",
        ],
        None,
    );
    assert!(err.contains("expected db.table"), "{err}");
    e.expect(
        0,
        &[
            "sync", "create", "t", "--source", "src", "--target", "m", "--tables", "a.*",
        ],
        None,
    );
    e.expect(
        2,
        &[
            "sync", "create", "t", "--source", "src", "--target", "m", "--tables", "a.*",
        ],
        None,
    );
    let (_, err) = e.expect(3, &["sync", "run", "t", "--once"], None);
    assert!(err.contains("cannot connect"), "{err}");
    e.expect(0, &["sync", "rm", "t"], None);
    e.expect(2, &["sync", "show", "t"], None);
}

/// A task whose MySQL source is a TCP listener that accepts and never answers, so `sync run`
/// blocks in the handshake. Returns the listener (keep it alive) and the env.
fn task_on_a_silent_server() -> (std::net::TcpListener, Env) {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    let e = Env::new();
    let url = format!("mysql://shark@127.0.0.1:{port}/");
    e.expect(
        0,
        &["conn", "add", "src", "--kind", "mysql", "--url", &url],
        None,
    );
    e.expect(
        0,
        &[
            "conn",
            "add",
            "dst",
            "--kind",
            "mongodb",
            "--url",
            "mongodb://127.0.0.1:1/",
        ],
        None,
    );
    e.expect(
        0,
        &[
            "sync", "create", "t", "--source", "src", "--target", "dst", "--tables", "a.*",
        ],
        None,
    );
    (listener, e)
}

/// Start `sync run` against the silent server and wait until it is blocked on it: connected,
/// waiting for a greeting that never comes. Returns the accepted socket (keep it open).
fn run_blocked(
    listener: &std::net::TcpListener,
    e: &Env,
) -> (common::Running, std::net::TcpStream) {
    let run = e.spawn(&["sync", "run", "t"]);
    listener.set_nonblocking(true).unwrap();
    let t0 = Instant::now();
    let sock = loop {
        match listener.accept() {
            Ok((sock, _)) => break sock,
            Err(err) if err.kind() == std::io::ErrorKind::WouldBlock => {
                assert!(
                    t0.elapsed() < Duration::from_secs(30),
                    "sync run never connected: {}",
                    run.stderr()
                );
                std::thread::sleep(Duration::from_millis(20));
            }
            Err(err) => panic!("accept: {err}"),
        }
    };
    // blocked in the handshake, with its signal handlers in place since before it connected
    std::thread::sleep(Duration::from_millis(300));
    (run, sock)
}

#[test]
fn double_ctrl_c_ends_a_run_blocked_on_an_unreachable_server_within_a_second() {
    let (listener, e) = task_on_a_silent_server();
    let (mut run, _sock) = run_blocked(&listener, &e);
    run.signal("INT");
    std::thread::sleep(Duration::from_millis(20));
    run.signal("INT");
    let second = Instant::now();
    let code = run.wait_timeout(Duration::from_secs(1));
    assert_eq!(
        code,
        Some(Some(130)),
        "exit within 1s of the second Ctrl-C (after {:?}): {}",
        second.elapsed(),
        run.stderr()
    );
}

#[test]
fn one_ctrl_c_ends_a_blocked_run_promptly_with_130() {
    let (listener, e) = task_on_a_silent_server();
    let (mut run, _sock) = run_blocked(&listener, &e);
    run.signal("INT");
    let code = run.wait_timeout(Duration::from_secs(2));
    assert_eq!(code, Some(Some(130)), "{}", run.stderr());
    assert!(run.stderr().contains("interrupted"), "{}", run.stderr());
    assert_eq!(status(&e)["state"], "idle", "the lease is released");
}

#[test]
fn sync_stop_ends_a_blocked_run_with_exit_0_and_an_info_line() {
    let (listener, e) = task_on_a_silent_server();
    let (mut run, _sock) = run_blocked(&listener, &e);
    let (_, err) = e.expect(0, &["sync", "stop", "t"], None);
    assert!(err.contains("t stopped at a checkpoint"), "{err}");
    let code = run.wait_timeout(Duration::from_secs(5));
    let stderr = run.stderr();
    assert_eq!(code, Some(Some(0)), "{stderr}");
    assert!(stderr.contains("t: stopped by request"), "{stderr}");
    assert!(!stderr.contains("error"), "{stderr}");
}

/// A TCP proxy for the liveness tests: delays what the server sends back (a slow sink), or
/// silently stops forwarding (a half-open connection) for every connection open while frozen.
struct Proxy {
    port: u16,
    delay_ms: std::sync::Arc<std::sync::atomic::AtomicU64>,
    /// Connections opened before this instant are dead for good (sockets kept open, nothing
    /// forwarded either way).
    frozen_until: std::sync::Arc<std::sync::Mutex<Option<Instant>>>,
    conns: std::sync::Arc<std::sync::Mutex<Vec<std::sync::Arc<std::sync::atomic::AtomicBool>>>>,
}

impl Proxy {
    fn start(upstream_port: u16) -> Proxy {
        use std::sync::atomic::{AtomicBool, AtomicU64};
        use std::sync::{Arc, Mutex};
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        let port = listener.local_addr().unwrap().port();
        let p = Proxy {
            port,
            delay_ms: Arc::new(AtomicU64::new(0)),
            frozen_until: Arc::new(Mutex::new(None)),
            conns: Arc::new(Mutex::new(vec![])),
        };
        let (delay, frozen, conns) = (p.delay_ms.clone(), p.frozen_until.clone(), p.conns.clone());
        std::thread::spawn(move || {
            for client in listener.incoming() {
                let Ok(client) = client else { continue };
                let Ok(server) = std::net::TcpStream::connect(("127.0.0.1", upstream_port)) else {
                    continue;
                };
                let dead = Arc::new(AtomicBool::new(
                    frozen.lock().unwrap().is_some_and(|t| Instant::now() < t),
                ));
                conns.lock().unwrap().push(dead.clone());
                let pipe = |mut from: std::net::TcpStream,
                            mut to: std::net::TcpStream,
                            delay: Option<Arc<AtomicU64>>,
                            dead: Arc<AtomicBool>| {
                    std::thread::spawn(move || {
                        use std::io::{Read, Write};
                        use std::sync::atomic::Ordering;
                        let mut buf = vec![0u8; 64 * 1024];
                        loop {
                            while dead.load(Ordering::Relaxed) {
                                std::thread::sleep(Duration::from_millis(50));
                            }
                            let n = match from.read(&mut buf) {
                                Ok(0) | Err(_) => break,
                                Ok(n) => n,
                            };
                            if let Some(d) = &delay {
                                let ms = d.load(Ordering::Relaxed);
                                if ms > 0 {
                                    std::thread::sleep(Duration::from_millis(ms));
                                }
                            }
                            while dead.load(Ordering::Relaxed) {
                                std::thread::sleep(Duration::from_millis(50));
                            }
                            if to.write_all(&buf[..n]).is_err() {
                                break;
                            }
                        }
                        let _ = to.shutdown(std::net::Shutdown::Both);
                    });
                };
                pipe(
                    client.try_clone().unwrap(),
                    server.try_clone().unwrap(),
                    None,
                    dead.clone(),
                );
                pipe(server, client, Some(delay.clone()), dead);
            }
        });
        p
    }

    /// Stop forwarding on every open connection, and on new ones for `window`.
    fn freeze(&self, window: Duration) {
        *self.frozen_until.lock().unwrap() = Some(Instant::now() + window);
        for c in self.conns.lock().unwrap().iter() {
            c.store(true, std::sync::atomic::Ordering::Relaxed);
        }
    }
}

/// `shark args` in the background with extra environment; stderr goes to a file.
struct Spawned {
    child: std::process::Child,
    stderr: std::path::PathBuf,
}

impl Spawned {
    fn new(e: &Env, args: &[&str], env: &[(&str, &str)]) -> Spawned {
        let stderr = e
            .dir
            .path()
            .join(format!("{}.stderr", unique_name("spawned")));
        let mut c = std::process::Command::new(assert_cmd::cargo::cargo_bin("shark"));
        c.args(args)
            .env("SHARK_STATE", e.state())
            .env_remove("SHARK_MASTER_KEY")
            .env_remove("SHARK_CONFIG")
            .env_remove("RUST_LOG")
            .env("XDG_CONFIG_HOME", e.dir.path().join("config"))
            .current_dir(e.dir.path())
            .stdin(std::process::Stdio::null())
            .stdout(std::process::Stdio::null())
            .stderr(std::fs::File::create(&stderr).unwrap());
        for (k, v) in env {
            c.env(k, v);
        }
        Spawned {
            child: c.spawn().unwrap(),
            stderr,
        }
    }

    fn stderr(&self) -> String {
        std::fs::read_to_string(&self.stderr).unwrap_or_default()
    }
}

impl Drop for Spawned {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn add_mysql_at(e: &Env, name: &str, port: u16) {
    let url = format!("mysql://shark@127.0.0.1:{port}/");
    e.expect(
        0,
        &[
            "conn",
            "add",
            name,
            "--kind",
            "mysql",
            "--url",
            &url,
            "--secret-stdin",
        ],
        Some("shark"),
    );
}

fn binlog_position(e: &Env) -> serde_json::Value {
    status(e)["binlog"]["position"].clone()
}

#[tokio::test(flavor = "multi_thread")]
async fn a_unique_index_rejecting_a_row_exits_4_with_the_checkpoint_unchanged() {
    let _g = lock_servers(Lock::Shared);
    let db = &unique_name("sync_uniq");
    fresh_db(db).await;
    sql(&[
        &format!("CREATE TABLE {db}.u (id INT PRIMARY KEY, email VARCHAR(20))"),
        &format!("INSERT INTO {db}.u VALUES (1, 'a@x'), (2, 'b@x')"),
    ])
    .await;
    let e = Env::new();
    setup(&e, db, &[]);
    e.expect(0, &["sync", "run", "t", "--once"], None);
    mongo(db)
        .await
        .run_command(doc! {"createIndexes": "u", "indexes": [{"key": {"email": 1}, "name": "email_1", "unique": true}]})
        .await
        .unwrap();
    let before = binlog_position(&e);
    sql(&[&format!("INSERT INTO {db}.u VALUES (3, 'a@x')")]).await;
    let (_, err) = e.expect(4, &["sync", "run", "t", "--once"], None);
    assert!(
        err.contains("unique index") && err.contains("key 3"),
        "the error names the index problem and the key: {err}"
    );
    assert_eq!(binlog_position(&e), before, "the checkpoint did not move");
    assert_eq!(docs(db, "u").await.len(), 2);
}

#[tokio::test(flavor = "multi_thread")]
async fn forty_kb_rows_updated_2000_times_in_one_transaction_then_an_alter() {
    let _g = lock_servers(Lock::Shared);
    let db = &unique_name("sync_fat");
    fresh_db(db).await;
    sql(&[
        &format!("CREATE TABLE {db}.fat (id INT PRIMARY KEY, n INT, body MEDIUMTEXT)"),
        &format!("USE {db}"),
        &format!("INSERT INTO {db}.fat SELECT seq, 0, REPEAT(MD5(seq), 1280) FROM seq_1_to_20"),
    ])
    .await;
    let e = Env::new();
    setup(&e, db, &[]);
    e.expect(0, &["sync", "run", "t", "--once"], None);
    // 20 rows x 100 statements: 2,000 row updates of ~40 KB in one transaction
    let mut stmts = vec!["START TRANSACTION".to_string()];
    for _ in 0..100 {
        stmts.push(format!("UPDATE {db}.fat SET n = n + 1"));
    }
    stmts.push("COMMIT".into());
    stmts.push(format!(
        "ALTER TABLE {db}.fat ADD COLUMN extra INT NOT NULL DEFAULT 7"
    ));
    let refs: Vec<&str> = stmts.iter().map(String::as_str).collect();
    sql(&refs).await;
    let t0 = Instant::now();
    e.expect(0, &["sync", "run", "t", "--once"], None);
    eprintln!(
        "catch-up of 2,000 x 40 KB updates and a recopy: {:?}",
        t0.elapsed()
    );
    let all = docs(db, "fat").await;
    assert_eq!(all.len(), 20);
    for d in &all {
        assert_eq!(d.get_i32("n").unwrap(), 100, "{}", d.get_i32("id").unwrap());
        assert_eq!(d.get_i32("extra").unwrap(), 7);
    }
    verify_ok(&e);
}

/// Restore a global server variable when dropped (also when the test fails).
struct GlobalVar {
    name: &'static str,
    old: String,
}

impl Drop for GlobalVar {
    fn drop(&mut self) {
        let stmt = format!("SET GLOBAL {} = {}", self.name, self.old);
        std::thread::spawn(move || {
            let rt = tokio::runtime::Runtime::new().unwrap();
            rt.block_on(sql(&[&stmt]));
        })
        .join()
        .unwrap();
    }
}

async fn set_global(name: &'static str, value: &str) -> GlobalVar {
    let mut c = root().await;
    let old: String = c
        .query_first(format!("SELECT @@GLOBAL.{name}"))
        .await
        .unwrap()
        .unwrap();
    c.query_drop(format!("SET GLOBAL {name} = {value}"))
        .await
        .unwrap();
    GlobalVar { name, old }
}

#[tokio::test(flavor = "multi_thread")]
async fn a_slow_sink_slows_the_task_down_and_never_kills_it() {
    let _g = lock_servers(Lock::Exclusive);
    let db = &unique_name("sync_slow");
    fresh_db(db).await;
    sql(&[
        &format!("CREATE TABLE {db}.s (id INT PRIMARY KEY, n INT, pad VARCHAR(1100))"),
        &format!("USE {db}"),
        &format!("INSERT INTO {db}.s SELECT seq, 0, REPEAT('x', 1000) FROM seq_1_to_1500"),
    ])
    .await;
    let mongo_port: u16 = infra()
        .get("SHARK_T_MONGO_URI")
        .trim_start_matches("mongodb://127.0.0.1:")
        .trim_end_matches('/')
        .parse()
        .unwrap();
    let proxy = Proxy::start(mongo_port);
    let e = Env::new();
    e.add_mysql("src");
    let uri = format!("mongodb://127.0.0.1:{}/?directConnection=true", proxy.port);
    e.expect(
        0,
        &["conn", "add", "dst", "--kind", "mongodb", "--url", &uri],
        None,
    );
    let tables = format!("{db}.*");
    e.expect(
        0,
        &[
            "sync",
            "create",
            "t",
            "--source",
            "src",
            "--target",
            "dst",
            "--tables",
            &tables,
            "--batch-rows",
            "500",
            "--batch-bytes",
            "262144",
        ],
        None,
    );
    e.expect(0, &["sync", "run", "t", "--once"], None);
    // the server drops a binlog reader that does not read for 5 s
    let _restore = set_global("net_write_timeout", "5").await;
    sql(&[&format!("UPDATE {db}.s SET n = n + 3")]).await;
    // every reply of the sink takes 3 s: longer than the reader may leave the stream unread
    proxy
        .delay_ms
        .store(3000, std::sync::atomic::Ordering::Relaxed);
    let t0 = Instant::now();
    let (_, err) = e.expect(0, &["sync", "run", "t", "--once"], None);
    let took = t0.elapsed();
    eprintln!("slow catch-up took {took:?}");
    assert!(
        took > Duration::from_secs(10),
        "the sink was not slow enough to test anything ({took:?})"
    );
    let attempts = regex::Regex::new(r"attempt \d+/\d+").unwrap();
    assert!(!attempts.is_match(&err), "no failure was counted: {err}");
    let (log, _) = e.expect(0, &["sync", "logs", "t"], None);
    assert!(
        log.contains("planned reconnect"),
        "the reader closed the stream on purpose while the sink caught up: {log}"
    );
    proxy
        .delay_ms
        .store(0, std::sync::atomic::Ordering::Relaxed);
    verify_ok(&e);
    let all = docs(db, "s").await;
    assert!(all.iter().all(|d| d.get_i32("n").unwrap() == 3));
}

#[tokio::test(flavor = "multi_thread")]
async fn a_silent_binlog_connection_is_reopened_within_3_heartbeats_and_lag_grows_meanwhile() {
    let _g = lock_servers(Lock::Shared);
    let db = &unique_name("sync_stall");
    fresh_db(db).await;
    sql(&[
        &format!("CREATE TABLE {db}.k (id INT PRIMARY KEY, v INT)"),
        &format!("INSERT INTO {db}.k VALUES (1, 1), (2, 2), (3, 3)"),
    ])
    .await;
    let port: u16 = infra().get("SHARK_T_MYSQL_PORT").parse().unwrap();
    let proxy = Proxy::start(port);
    let e = Env::new();
    add_mysql_at(&e, "src", proxy.port);
    e.add_mongo("dst");
    let tables = format!("{db}.*");
    e.expect(
        0,
        &[
            "sync", "create", "t", "--source", "src", "--target", "dst", "--tables", &tables,
        ],
        None,
    );
    let run = Spawned::new(
        &e,
        &["sync", "run", "t", "--follow"],
        &[("SHARK_SYNC_HEARTBEAT_MS", "1000")],
    );
    wait_for("CDC to start", PATIENCE, || {
        status(&e)["phase"] == "cdc" && status(&e)["state"] == "running"
    });
    sql(&[&format!("INSERT INTO {db}.k VALUES (100, 100)")]).await;
    for _ in 0..100 {
        if docs(db, "k").await.len() == 4 {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    // idle with heartbeats: the connection is not mistaken for a dead one
    tokio::time::sleep(Duration::from_secs(4)).await;
    assert!(!run.stderr().contains("without a read"), "{}", run.stderr());
    assert_eq!(status(&e)["lag_s"], 0, "{}", status(&e));

    proxy.freeze(Duration::from_secs(6));
    let t0 = Instant::now();
    sql(&[&format!(
        "INSERT INTO {db}.k VALUES (101, 1), (102, 2), (103, 3)"
    )])
    .await;
    let mut detected = None;
    let mut lags = vec![];
    while t0.elapsed() < PATIENCE {
        if detected.is_none() && run.stderr().contains("without a read") {
            detected = Some(t0.elapsed());
        }
        if let Some(l) = status(&e)["lag_s"].as_i64() {
            lags.push(l);
        }
        if detected.is_some() && docs(db, "k").await.len() == 7 {
            break;
        }
        tokio::time::sleep(Duration::from_millis(250)).await;
    }
    let detected = detected.unwrap_or_else(|| panic!("no reconnect: {}", run.stderr()));
    assert!(
        detected <= Duration::from_millis(3000 + 1500),
        "reconnect after {detected:?}, more than 3 heartbeat periods: {}",
        run.stderr()
    );
    let max = lags.iter().copied().max().unwrap_or(0);
    let first_positive = lags.iter().position(|l| *l > 0);
    assert!(
        max >= 2 && first_positive.is_some_and(|i| lags[i..].iter().any(|l| *l > lags[i])),
        "status showed the lag growing while the connection was silent: {lags:?}"
    );
    assert_eq!(docs(db, "k").await.len(), 7, "{}", run.stderr());
    e.expect(0, &["sync", "stop", "t"], None);
    verify_ok(&e);
    let err = run.stderr();
    assert!(!err.contains("error"), "{err}");
}
