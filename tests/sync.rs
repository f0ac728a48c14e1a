//! `shark sync` MySQL → MongoDB against real MariaDB (ROW binlog) and SecantusDB: exact type
//! mapping through the full copy and the binlog, composite and key-less tables, kill -9 during
//! the copy and during CDC, history mode replays, schema drift while following, purged binlogs,
//! wrong passwords, stop and Ctrl-C.

mod common;
use common::{Env, Lock, infra, lock_servers, mysql_root, mysql_run, unique_name, wait_for};
use mongodb::bson::{Bson, Document, doc};
use mysql_async::prelude::Queryable;
use std::time::{Duration, Instant};

/// How long a test waits for a run to reach a state.
const PATIENCE: Duration = Duration::from_secs(120);

/// A root connection to the test MariaDB.
async fn root() -> mysql_async::Conn {
    mysql_root("SHARK_T_MYSQL_PORT").await
}

/// Run statements as root on the test MariaDB.
async fn sql(stmts: &[&str]) {
    mysql_run("SHARK_T_MYSQL_PORT", stmts).await
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
    let mut child = e.spawn(&["sync", "run", "t", "-o", "json"]);
    wait_for("CDC to start", PATIENCE, || {
        status(&e)["phase"] == "cdc" && status(&e)["state"] == "running"
    });
    let (_, err) = e.expect(4, &["sync", "run", "t", "--once"], None);
    assert!(
        err.contains("already running") && err.contains("shark sync stop t"),
        "{err}"
    );
    // Ctrl-C: checkpoint, exit 130; not an error, in JSON too
    child.signal("INT");
    assert_eq!(child.wait_timeout(PATIENCE), Some(Some(130)));
    let out = child.stdout();
    let last: serde_json::Value = serde_json::from_str(out.lines().last().unwrap_or_default())
        .unwrap_or_else(|_| panic!("{out}"));
    assert_eq!(last["exit_code"], 130, "{out}");
    assert!(
        last["stopped"].is_string() && last.get("error").is_none(),
        "{out}"
    );
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

/// Text in latin1 (MySQL's cp1252), gbk and cp1251, BINARY(n) with trailing zero bytes and YEAR
/// 0000, as the copy reads them.
fn check_edge(d: &Document, l1: &str, gb: &str, cy: &str, bn: &[u8], yr: i32) {
    assert_eq!(d.get_str("l1").unwrap(), l1, "latin1: {d}");
    assert_eq!(d.get_str("lb").unwrap(), l1, "latin1_bin: {d}");
    assert_eq!(d.get_str("gb").unwrap(), gb, "gbk: {d}");
    assert_eq!(d.get_str("cy").unwrap(), cy, "cp1251: {d}");
    assert_eq!(d.get_binary_generic("bn").unwrap(), bn, "BINARY(4): {d}");
    assert_eq!(d.get_i32("yr").unwrap(), yr, "YEAR: {d}");
    assert_eq!(
        d.get_binary_generic("vb").unwrap(),
        &vec![0xE9, 0x00],
        "VARBINARY stays bytes: {d}"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn charsets_binary_pad_and_year_zero_equal_through_copy_and_binlog_updates() {
    let _g = lock_servers(Lock::Shared);
    let db = &unique_name("sync_edge");
    fresh_db(db).await;
    let row = |id: u32, l1: &str, gb: &str, cy: &str, bn: &str, yr: &str| {
        format!(
            "INSERT INTO {db}.edge VALUES ({id}, '{l1}', '{l1}', '{gb}', '{cy}', X'{bn}', {yr}, X'E900')"
        )
    };
    sql(&[
        &format!(
            "CREATE TABLE {db}.edge (id INT PRIMARY KEY, l1 VARCHAR(30) CHARACTER SET latin1,
             lb CHAR(30) CHARACTER SET latin1 COLLATE latin1_bin, gb VARCHAR(30) CHARACTER SET gbk,
             cy TEXT CHARACTER SET cp1251, bn BINARY(4), yr YEAR, vb VARBINARY(4)) CHARACTER SET utf8mb4"
        ),
        &row(1, "café € ‰ Ÿ", "鲨鱼 中文", "Щука, привет", "7A000000", "'0000'"),
        &row(2, "plain", "plain", "plain", "01020304", "2024"),
    ])
    .await;
    let e = Env::new();
    setup(&e, db, &[]);
    e.expect(0, &["sync", "run", "t", "--once"], None);
    let all = docs(db, "edge").await;
    check_edge(
        &all[0],
        "café € ‰ Ÿ",
        "鲨鱼 中文",
        "Щука, привет",
        &[0x7A, 0, 0, 0],
        0,
    );
    check_edge(&all[1], "plain", "plain", "plain", &[1, 2, 3, 4], 2024);
    // every edge value again through the binlog: updates of both rows and an insert
    sql(&[
        &format!(
            "UPDATE {db}.edge SET l1 = 'naïve ü ß', lb = 'naïve ü ß', gb = '数据库', cy = 'Ёж',
             bn = X'00000000', yr = 2155 WHERE id = 1"
        ),
        &format!(
            "UPDATE {db}.edge SET l1 = 'café € ‰ Ÿ', lb = 'café € ‰ Ÿ', gb = '鲨鱼 中文',
             cy = 'Щука, привет', bn = X'7A000000', yr = '0000' WHERE id = 2"
        ),
        &row(3, "Ærø", "汉字", "Юг", "00FF0000", "'0000'"),
    ])
    .await;
    e.expect(0, &["sync", "run", "t", "--once"], None);
    let all = docs(db, "edge").await;
    assert_eq!(all.len(), 3);
    check_edge(&all[0], "naïve ü ß", "数据库", "Ёж", &[0, 0, 0, 0], 2155);
    check_edge(
        &all[1],
        "café € ‰ Ÿ",
        "鲨鱼 中文",
        "Щука, привет",
        &[0x7A, 0, 0, 0],
        0,
    );
    check_edge(&all[2], "Ærø", "汉字", "Юг", &[0, 0xFF, 0, 0], 0);
    verify_ok(&e);
}

#[tokio::test(flavor = "multi_thread")]
async fn truncate_without_table_and_quoted_qualified_names_through_the_binlog() {
    let _g = lock_servers(Lock::Shared);
    let db = &unique_name("sync_ddl");
    fresh_db(db).await;
    sql(&[
        &format!("CREATE TABLE {db}.plain (id INT PRIMARY KEY, v INT)"),
        &format!("INSERT INTO {db}.plain VALUES (1, 1), (2, 2)"),
        &format!("CREATE TABLE `{db}`.`we``ird` (id INT PRIMARY KEY, v INT)"),
        &format!("INSERT INTO `{db}`.`we``ird` VALUES (1, 1), (2, 2)"),
    ])
    .await;
    let e = Env::new();
    setup(&e, db, &[]);
    e.expect(0, &["sync", "run", "t", "--once"], None);
    assert_eq!(docs(db, "plain").await.len(), 2);
    assert_eq!(docs(db, "we`ird").await.len(), 2);
    sql(&[
        &format!("USE {db}"),
        "INSERT INTO plain VALUES (3, 3)",
        // TRUNCATE without TABLE, the table named relative to the session's database
        "TRUNCATE plain",
        "INSERT INTO plain VALUES (9, 9)",
        // a backticked name with a doubled backtick, qualified
        &format!("ALTER TABLE `{db}`.`we``ird` ADD COLUMN w INT NOT NULL DEFAULT 5"),
        "INSERT INTO `we``ird` VALUES (3, 3, 6)",
    ])
    .await;
    e.expect(0, &["sync", "run", "t", "--once"], None);
    let plain = docs(db, "plain").await;
    assert_eq!(plain.len(), 1, "TRUNCATE emptied the collection: {plain:?}");
    assert_eq!(plain[0].get_i32("v").unwrap(), 9);
    let weird = docs(db, "we`ird").await;
    assert_eq!(weird.len(), 3, "{weird:?}");
    assert_eq!(weird[0].get_i32("w").unwrap(), 5, "recopied after ALTER");
    assert_eq!(weird[2].get_i32("w").unwrap(), 6);
    verify_ok(&e);
    sql(&[
        &format!("TRUNCATE TABLE {db} . `we``ird`"),
        // ALTER TABLE ... RENAME TO is a rename: the new name gets its copy
        &format!(
            "ALTER TABLE {db}.plain ADD COLUMN n INT NOT NULL DEFAULT 7, RENAME TO {db}.`pl``2`"
        ),
        &format!("INSERT INTO {db}.`pl``2` VALUES (10, 10, 8)"),
    ])
    .await;
    e.expect(0, &["sync", "run", "t", "--once"], None);
    assert_eq!(docs(db, "we`ird").await.len(), 0);
    let renamed = docs(db, "pl`2").await;
    assert_eq!(renamed.len(), 2, "{renamed:?}");
    assert_eq!(renamed[0].get_i32("n").unwrap(), 7);
    assert_eq!(renamed[1].get_i32("n").unwrap(), 8);
    verify_ok(&e);
}

#[tokio::test(flavor = "multi_thread")]
async fn a_column_named_id_maps_the_same_in_copy_and_cdc() {
    let _g = lock_servers(Lock::Shared);
    let db = &unique_name("sync_idcol");
    fresh_db(db).await;
    sql(&[
        // `_id` is not the key: it is kept as `_id_`, the document `_id` is `id`
        &format!("CREATE TABLE {db}.other (id INT PRIMARY KEY, `_id` VARCHAR(10), v INT)"),
        &format!("INSERT INTO {db}.other VALUES (1, 'a', 1), (2, 'b', 2)"),
        // `_id` is the key: it is the document `_id`
        &format!("CREATE TABLE {db}.keyed (`_id` INT PRIMARY KEY, v INT)"),
        &format!("INSERT INTO {db}.keyed VALUES (1, 1), (2, 2)"),
    ])
    .await;
    let e = Env::new();
    setup(&e, db, &[]);
    e.expect(0, &["sync", "run", "t", "--once"], None);
    let check = |other: &[Document], keyed: &[Document]| {
        for (i, d) in other.iter().enumerate() {
            assert_eq!(d.get_i32("_id").unwrap(), i as i32 + 1, "{d}");
            assert_eq!(d.get_i32("id").unwrap(), i as i32 + 1, "{d}");
            assert!(d.get_str("_id_").is_ok(), "{d}");
        }
        for (i, d) in keyed.iter().enumerate() {
            assert_eq!(d.get_i32("_id").unwrap(), i as i32 + 1, "{d}");
            assert!(d.get("_id_").is_none(), "{d}");
        }
    };
    check(&docs(db, "other").await, &docs(db, "keyed").await);
    sql(&[
        &format!("UPDATE {db}.other SET `_id` = 'changed' WHERE id = 1"),
        &format!("INSERT INTO {db}.other VALUES (3, 'c', 3)"),
        &format!("UPDATE {db}.keyed SET v = 10 WHERE `_id` = 1"),
        &format!("UPDATE {db}.keyed SET `_id` = 3 WHERE `_id` = 2"),
    ])
    .await;
    e.expect(0, &["sync", "run", "t", "--once"], None);
    let (other, keyed) = (docs(db, "other").await, docs(db, "keyed").await);
    assert_eq!(other.len(), 3);
    assert_eq!(other[0].get_str("_id_").unwrap(), "changed");
    assert_eq!(other[2].get_str("_id_").unwrap(), "c");
    assert_eq!(keyed.len(), 2);
    assert_eq!(keyed[0].get_i32("v").unwrap(), 10);
    assert_eq!(keyed[1].get_i32("_id").unwrap(), 3);
    check(&other, &[]);
    verify_ok(&e);
}

#[tokio::test(flavor = "multi_thread")]
async fn time_precision_us_keeps_microseconds_through_copy_and_cdc() {
    let _g = lock_servers(Lock::Shared);
    let db = &unique_name("sync_us");
    fresh_db(db).await;
    sql(&[
        "SET time_zone = '+00:00'",
        &format!(
            "CREATE TABLE {db}.t (id INT PRIMARY KEY, dt6 DATETIME(6), ts6 TIMESTAMP(6) NULL,
             dt DATETIME, d DATE, z DATETIME(6))"
        ),
        &format!(
            "INSERT INTO {db}.t VALUES (1, '2024-05-06 07:08:09.123456', '2024-05-06 07:08:09.654321',
             '2024-05-06 07:08:09', '2024-02-29', NULL)"
        ),
    ])
    .await;
    let e = Env::new();
    setup(&e, db, &["--time-precision", "us"]);
    let (shown, _) = e.expect(0, &["sync", "show", "t", "-o", "json"], None);
    let shown: serde_json::Value = serde_json::from_str(&shown).unwrap();
    assert_eq!(shown["spec"]["time_precision"], "us", "{shown}");
    e.expect(0, &["sync", "run", "t", "--once"], None);
    let check = |d: &Document| {
        assert_eq!(d.get_i64("dt6").unwrap(), 1_714_979_289_123_456, "{d}");
        assert_eq!(d.get_i64("ts6").unwrap(), 1_714_979_289_654_321, "{d}");
        assert_eq!(d.get_i64("dt").unwrap(), 1_714_979_289_000_000, "{d}");
        assert_eq!(
            d.get_datetime("d").unwrap().timestamp_millis(),
            1709164800000,
            "DATE stays a Date: {d}"
        );
    };
    check(&docs(db, "t").await[0]);
    sql(&[
        "SET time_zone = '+00:00'",
        &format!(
            "INSERT INTO {db}.t VALUES (2, '2024-05-06 07:08:09.123456', '2024-05-06 07:08:09.654321',
             '2024-05-06 07:08:09', '2024-02-29', '1969-12-31 23:59:59.999999')"
        ),
        &format!("UPDATE {db}.t SET z = '2000-01-01 00:00:00.000001' WHERE id = 1"),
    ])
    .await;
    e.expect(0, &["sync", "run", "t", "--once"], None);
    let all = docs(db, "t").await;
    for d in &all {
        check(d);
    }
    assert_eq!(all[0].get_i64("z").unwrap(), 946_684_800_000_001);
    assert_eq!(all[1].get_i64("z").unwrap(), -1);
    verify_ok(&e);
}

/// Every column of `a` and `b` but the key equal (`b` came through the binlog, `a` through the
/// copy).
fn same_values(a: &Document, b: &Document) {
    for (k, v) in a {
        if k != "_id" && k != "id" {
            assert_eq!(b.get(k), Some(v), "field {k}: copy {a} vs binlog {b}");
        }
    }
    assert_eq!(a.len(), b.len(), "copy {a} vs binlog {b}");
}

#[tokio::test(flavor = "multi_thread")]
async fn edge_values_copied_equal_the_same_values_through_the_binlog() {
    let _g = lock_servers(Lock::Shared);
    let db = &unique_name("sync_same");
    fresh_db(db).await;
    sql(&[
        "SET SESSION sql_mode = ''",
        "SET time_zone = '+00:00'",
        &format!(
            "CREATE TABLE {db}.v (id INT PRIMARY KEY, b1 BIT(1), b64 BIT(64), ti TINYINT(1), mu MEDIUMINT UNSIGNED,
             iu INT UNSIGNED, f FLOAT, dbl DOUBLE, dn DECIMAL(10,0), dneg DECIMAL(8,3), t6 TIME(6), t0 TIME,
             ts0 TIMESTAMP NULL, dt3 DATETIME(3), d DATE, y YEAR, c CHAR(6), vc VARCHAR(10), bn BINARY(3),
             bn0 BINARY(2), en ENUM('a','b'), st SET('x','y'), txt TEXT CHARACTER SET latin1, js JSON,
             u8 VARCHAR(10) CHARACTER SET utf8mb3, zf INT(5) ZEROFILL) CHARACTER SET utf8mb4"
        ),
        &format!(
            "INSERT INTO {db}.v VALUES
             (1, b'1', b'1111111111111111111111111111111111111111111111111111111111111111', 1, 16777215,
              4294967295, 3.4028234e38, -1.7976931348623157e308, 9999999999, -12345.678, '-838:59:59.999999', '00:00:00',
              '1970-01-01 00:00:01', '9999-12-31 23:59:59.999', '1000-01-01', 1901, 'ab  ', 'ab  ', X'000000',
              X'0000', '', '', 'ÿ\\\\\\'', '[]', 'ȧ€', 42),
             (2, b'0', b'0', -1, 0, 0, -0.0, 1e-300, -1, 0.001, '838:59:59', '12:34:56', NULL,
              '0000-00-00 00:00:00.000', '0000-00-00', 0, '', '', X'00FF', X'FF00', 'b', 'x,y', '', '{{\"a\":{{}}}}', '', 0)"
        ),
    ])
    .await;
    let e = Env::new();
    setup(&e, db, &[]);
    e.expect(0, &["sync", "run", "t", "--once"], None);
    sql(&[
        "SET SESSION sql_mode = ''",
        &format!("INSERT INTO {db}.v SELECT id + 100, b1, b64, ti, mu, iu, f, dbl, dn, dneg, t6, t0, ts0, dt3, d, y, c, vc, bn, bn0, en, st, txt, js, u8, zf FROM {db}.v"),
    ])
    .await;
    e.expect(0, &["sync", "run", "t", "--once"], None);
    let all = docs(db, "v").await;
    assert_eq!(all.len(), 4);
    same_values(&all[0], &all[2]);
    same_values(&all[1], &all[3]);
    verify_ok(&e);
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
    e.add_mysql_at("src", proxy.port);
    e.add_mongo("dst");
    let tables = format!("{db}.*");
    e.expect(
        0,
        &[
            "sync", "create", "t", "--source", "src", "--target", "dst", "--tables", &tables,
        ],
        None,
    );
    let run = e.spawn_env(
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

/// Documents of a key-less collection per row (`_id` without its occurrence), and a check that
/// every row's occurrences are numbered 0..n.
async fn keyless_counts(db: &str, coll: &str) -> std::collections::BTreeMap<String, u64> {
    let mut out: std::collections::BTreeMap<String, Vec<u64>> = Default::default();
    for d in docs(db, coll).await {
        let id = d.get_str("_id").unwrap().to_string();
        let (h, n) = id.rsplit_once(':').unwrap();
        out.entry(h.to_string())
            .or_default()
            .push(n.parse().unwrap());
    }
    out.into_iter()
        .map(|(h, mut ns)| {
            ns.sort();
            assert_eq!(ns, (0..ns.len() as u64).collect::<Vec<_>>(), "{h}");
            (h, ns.len() as u64)
        })
        .collect()
}

async fn count_rows(sql_text: &str) -> u64 {
    let mut c = root().await;
    let n: Option<u64> = c.query_first(sql_text).await.unwrap();
    c.disconnect().await.unwrap();
    n.unwrap()
}

#[tokio::test(flavor = "multi_thread")]
async fn keyless_tables_stay_exact_as_a_multiset_under_churn_through_copy_and_cdc() {
    let _g = lock_servers(Lock::Shared);
    let db = &unique_name("sync_multiset");
    fresh_db(db).await;
    sql(&[
        &format!("CREATE TABLE {db}.nk (a INT, b VARCHAR(10)) ENGINE=InnoDB"),
        &format!("INSERT INTO {db}.nk VALUES (1,'x'),(1,'x'),(1,'x'),(2,'y'),(2,'y')"),
        &format!("USE {db}"),
        &format!("INSERT INTO {db}.nk SELECT seq % 40, 'z' FROM seq_1_to_4000"),
    ])
    .await;
    let e = Env::new();
    setup(&e, db, &[]);
    // delete/re-insert churn on duplicated rows while the copy runs; bounded, so that a slow
    // target (the runs below catch up with all of it) cannot make the test's work grow unbounded
    const MAX_ROUNDS: u64 = 1500;
    let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let churn = {
        let (db, stop) = (db.clone(), stop.clone());
        tokio::spawn(async move {
            let mut c = root().await;
            let mut k = 0u64;
            while !stop.load(std::sync::atomic::Ordering::Relaxed) && k < MAX_ROUNDS {
                let a = k % 40;
                c.query_drop(format!("DELETE FROM {db}.nk WHERE a = {a} LIMIT 1"))
                    .await
                    .unwrap();
                c.query_drop(format!(
                    "INSERT INTO {db}.nk VALUES ({a}, 'z'), ({}, 'w')",
                    k % 7
                ))
                .await
                .unwrap();
                k += 1;
            }
            k
        })
    };
    tokio::time::sleep(Duration::from_millis(300)).await;
    tokio::task::block_in_place(|| e.expect(0, &["sync", "run", "t", "--once"], None));
    stop.store(true, std::sync::atomic::Ordering::Relaxed);
    let rounds = churn.await.unwrap();
    assert!(rounds > 0, "no churn ran during the copy");
    // what changed during and after the copy comes from the binlog, exactly once
    e.expect(0, &["sync", "run", "t", "--once"], None);
    let v = verify_ok(&e);
    let total = count_rows(&format!("SELECT COUNT(*) FROM {db}.nk")).await;
    assert_eq!(v[0]["source_rows"], total, "{v}");
    let counts = keyless_counts(db, "nk").await;
    assert_eq!(counts.values().sum::<u64>(), total);

    // one of three identical rows deleted leaves two; an update of one copy moves one copy
    sql(&[
        &format!("CREATE TABLE {db}.trio (a INT, b VARCHAR(10))"),
        &format!("INSERT INTO {db}.trio VALUES (1,'x'),(1,'x'),(1,'x'),(2,'y')"),
    ])
    .await;
    e.expect(0, &["sync", "run", "t", "--once"], None);
    let c = keyless_counts(db, "trio").await;
    assert_eq!(c.values().copied().collect::<Vec<_>>().len(), 2, "{c:?}");
    assert_eq!(c.values().sum::<u64>(), 4, "{c:?}");
    sql(&[&format!("DELETE FROM {db}.trio WHERE a = 1 LIMIT 1")]).await;
    e.expect(0, &["sync", "run", "t", "--once"], None);
    let mut c: Vec<u64> = keyless_counts(db, "trio").await.into_values().collect();
    c.sort();
    assert_eq!(
        c,
        vec![1, 2],
        "deleting one of three identical rows leaves two"
    );
    sql(&[
        &format!("UPDATE {db}.trio SET b = 'q' WHERE a = 1 LIMIT 1"),
        &format!("INSERT INTO {db}.trio VALUES (2,'y'),(2,'y')"),
        &format!("DELETE FROM {db}.trio WHERE a = 2 LIMIT 1"),
    ])
    .await;
    e.expect(0, &["sync", "run", "t", "--once"], None);
    let mut c: Vec<u64> = keyless_counts(db, "trio").await.into_values().collect();
    c.sort();
    assert_eq!(c, vec![1, 1, 2], "(1,x) (1,q) 2×(2,y)");
    verify_ok(&e);

    // verify names the rows whose copies differ
    let coll = mongo(db).await.collection::<Document>("trio");
    let one = docs(db, "trio").await.into_iter().next().unwrap();
    coll.delete_one(doc! {"_id": one.get("_id").unwrap().clone()})
        .await
        .unwrap();
    let (code, out, err) = e.run(&["sync", "verify", "t", "-o", "json"], None);
    assert_eq!(code, 1, "{out}{err}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let trio = v
        .as_array()
        .unwrap()
        .iter()
        .find(|u| u["unit"].as_str().unwrap().ends_with(".trio"))
        .unwrap();
    assert_eq!(trio["ok"], false);
    let d = &trio["differences"][0];
    assert_eq!(
        d["source"].as_u64().unwrap(),
        d["target"].as_u64().unwrap() + 1,
        "{trio}"
    );
    assert!(err.contains("in the source"), "{err}");
}

/// Collections of a database whose name says they are a shadow copy.
async fn shadows(db: &str) -> Vec<String> {
    mongo(db)
        .await
        .list_collection_names()
        .await
        .unwrap()
        .into_iter()
        .filter(|n| n.contains("__shark_shadow"))
        .collect()
}

#[tokio::test(flavor = "multi_thread")]
async fn alter_in_mirror_mode_recopies_into_a_shadow_and_swaps_it_in_even_after_kill_9() {
    let _g = lock_servers(Lock::Shared);
    let db = &unique_name("sync_shadow");
    fresh_db(db).await;
    sql(&[
        &format!("CREATE TABLE {db}.p (id INT PRIMARY KEY, a VARCHAR(40), b INT)"),
        &format!("USE {db}"),
        &format!("INSERT INTO {db}.p SELECT seq, MD5(seq), seq FROM seq_1_to_30000"),
        &format!("CREATE TABLE {db}.nk (a INT, b VARCHAR(10))"),
        &format!("INSERT INTO {db}.nk VALUES (1,'x'),(1,'x'),(2,'y')"),
        &format!("CREATE TABLE {db}.empty (id INT PRIMARY KEY)"),
    ])
    .await;
    let e = Env::new();
    setup(&e, db, &[]);
    e.expect(0, &["sync", "run", "t", "--once"], None);
    // an index of the target's own survives the swap
    mongo(db)
        .await
        .collection::<Document>("p")
        .create_index(mongodb::IndexModel::builder().keys(doc! {"b": 1}).build())
        .await
        .unwrap();
    // kill -9 while the recopy after ALTER ... ADD COLUMN is under way
    let mut child = e.spawn(&["sync", "run", "t", "--follow"]);
    wait_for("CDC to start", PATIENCE, || status(&e)["phase"] == "cdc");
    sql(&[
        &format!("ALTER TABLE {db}.p ADD COLUMN c INT NOT NULL DEFAULT 42"),
        &format!("ALTER TABLE {db}.nk ADD COLUMN c INT NOT NULL DEFAULT 7"),
        &format!("UPDATE {db}.p SET a = 'during' WHERE id = 29999"),
    ])
    .await;
    wait_for("the recopy to be under way", PATIENCE, || {
        let st = status(&e);
        st["units"].as_array().unwrap().iter().any(|u| {
            u["unit"].as_str().unwrap().ends_with(".p")
                && u["phase"] == "recopy"
                && u["rows_done"].as_i64().unwrap_or(0) > 0
        })
    });
    child.kill();
    e.expect(0, &["sync", "run", "t", "--once"], None);
    verify_ok(&e);
    assert_eq!(shadows(db).await, Vec::<String>::new(), "no shadow left");
    let p = docs(db, "p").await;
    assert_eq!(p.len(), 30_000);
    assert!(p.iter().all(|d| d.get_i32("c") == Ok(42)), "{}", p[0]);
    assert_eq!(p[29_998].get_str("a").unwrap(), "during");
    let idx = mongo(db)
        .await
        .collection::<Document>("p")
        .list_index_names()
        .await
        .unwrap();
    assert!(idx.iter().any(|n| n == "b_1"), "{idx:?}");
    let nk = keyless_counts(db, "nk").await;
    assert_eq!(nk.values().sum::<u64>(), 3, "{nk:?}");

    // DROP and RENAME COLUMN: documents exactly the rows, no shadow left
    sql(&[
        &format!("ALTER TABLE {db}.p RENAME COLUMN a TO a2"),
        &format!("ALTER TABLE {db}.p DROP COLUMN b"),
        &format!("ALTER TABLE {db}.nk DROP COLUMN b"),
        &format!("INSERT INTO {db}.nk VALUES (1, 7)"),
        // an empty table's shadow exists too, so it can be swapped in
        &format!("ALTER TABLE {db}.empty ADD COLUMN e INT NOT NULL DEFAULT 1"),
    ])
    .await;
    e.expect(0, &["sync", "run", "t", "--once"], None);
    verify_ok(&e);
    assert_eq!(shadows(db).await, Vec::<String>::new(), "no shadow left");
    let p = docs(db, "p").await;
    assert_eq!(p.len(), 30_000);
    assert_eq!(
        p[0],
        doc! {"_id": 1, "id": 1, "a2": "c4ca4238a0b923820dcc509a6f75849b", "c": 42}
    );
    let mut nk: Vec<u64> = keyless_counts(db, "nk").await.into_values().collect();
    nk.sort();
    assert_eq!(nk, vec![1, 3], "3×(1,7) and (2,7)");
}
