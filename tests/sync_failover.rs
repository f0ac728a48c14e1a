//! `shark sync` follows its MariaDB source through a failover, positioned by GTID, against a
//! real primary + GTID replica pair per test (tests/infra/mariadb-pair.sh) and SecantusDB as
//! the target: the primary killed mid-stream and the replica promoted while a writer commits
//! (zero lost, zero doubled, key-less rows as a multiset), a replica without
//! `log_slave_updates` refused with the fix, a GTID gap (purged on the new primary) and a new
//! primary behind what the target already has each exit 4 with the reset command, and a
//! planned switchover that resumes exactly (an older checkpoint without GTID gets one first). The target is compared
//! with the new primary through the servers' own clients, never through shark.

mod common;
use common::{Env, infra, infra_dir, mongo_docs, mysql_root_at, unique_name, wait_for};
use mongodb::bson::{Bson, Document};
use mysql_async::prelude::Queryable;
use std::collections::BTreeMap;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU32, Ordering};
use std::time::Duration;

/// How long a test waits for shark or a server to reach a state.
const PATIENCE: Duration = Duration::from_secs(180);

/// A MariaDB primary and its GTID replica, stopped (and their data deleted) when dropped.
struct Pair {
    name: String,
    primary: u16,
    replica: u16,
}

impl Pair {
    /// Start a pair; `log_slave_updates` on the replica unless `lsu` is false.
    fn start(lsu: bool) -> Pair {
        // the component's template must be there (up.sh is idempotent)
        let _ = infra().get("SHARK_T_MARIADB_HA_DIR");
        let name = unique_name("ha");
        let mut args = vec!["start".to_string(), name.clone()];
        if !lsu {
            args.push("nolsu".into());
        }
        let out = Self::script(&args);
        let port = |k: &str| -> u16 {
            out.lines()
                .find_map(|l| l.strip_prefix(k))
                .and_then(|p| p.trim().parse().ok())
                .unwrap_or_else(|| panic!("mariadb-pair.sh printed no {k}: {out}"))
        };
        Pair {
            primary: port("PRIMARY_PORT="),
            replica: port("REPLICA_PORT="),
            name,
        }
    }

    fn script(args: &[String]) -> String {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let out = std::process::Command::new("timeout")
            .arg("120")
            .arg("bash")
            .arg(root.join("tests/infra/mariadb-pair.sh"))
            .arg(infra_dir())
            .args(args)
            .output()
            .expect("running mariadb-pair.sh");
        assert!(
            out.status.success(),
            "mariadb-pair.sh {args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    /// SIGKILL the primary (a crash).
    fn kill_primary(&self) {
        Self::script(&["kill".into(), self.name.clone(), "primary".into()]);
    }

    /// The connection URL listing `ports` in order.
    fn url(ports: &[u16]) -> String {
        let hosts: Vec<String> = ports.iter().map(|p| format!("127.0.0.1:{p}")).collect();
        format!("mysql://shark@{}/", hosts.join(","))
    }
}

impl Drop for Pair {
    fn drop(&mut self) {
        let _ = std::panic::catch_unwind(|| {
            Self::script(&["stop".into(), self.name.clone()]);
        });
    }
}

async fn sql(port: u16, stmts: &[&str]) {
    let mut c = mysql_root_at(port).await;
    for s in stmts {
        c.query_drop(*s)
            .await
            .unwrap_or_else(|e| panic!("{s}: {e}"));
    }
    c.disconnect().await.unwrap();
}

async fn text(port: u16, q: &str) -> String {
    let mut c = mysql_root_at(port).await;
    let v: Option<Option<String>> = c.query_first(q).await.unwrap();
    c.disconnect().await.unwrap();
    v.flatten().unwrap_or_default()
}

/// Wait until the replica applied everything the primary has in its binlog.
async fn caught_up(p: &Pair) {
    let pos = text(p.primary, "SELECT @@gtid_binlog_pos").await;
    let r = text(
        p.replica,
        &format!("SELECT MASTER_GTID_WAIT('{pos}', {})", PATIENCE.as_secs()),
    )
    .await;
    assert_eq!(r, "0", "the replica did not reach {pos}");
}

/// The failover: `STOP SLAVE; RESET SLAVE ALL; SET GLOBAL read_only = 0` on the replica.
async fn promote(port: u16) {
    sql(
        port,
        &["STOP SLAVE", "RESET SLAVE ALL", "SET GLOBAL read_only = 0"],
    )
    .await;
}

/// A table with a key and a key-less one in database `db` of the primary.
async fn schema(p: &Pair, db: &str) {
    sql(
        p.primary,
        &[
            &format!("CREATE DATABASE {db}"),
            &format!("CREATE TABLE {db}.t (k INT PRIMARY KEY, v INT NOT NULL, note VARCHAR(20))"),
            &format!("CREATE TABLE {db}.kl (a INT, b VARCHAR(10))"),
            &format!("INSERT INTO {db}.t VALUES (1, 0, 'seed'), (2, 0, 'seed')"),
            &format!("INSERT INTO {db}.kl VALUES (1, 'x'), (1, 'x'), (2, 'y')"),
        ],
    )
    .await;
}

/// Transaction `i` of the writer: a new row, an update of an older one, a key-less duplicate
/// and, every third time, the removal of one key-less row.
async fn write_one(c: &mut mysql_async::Conn, db: &str, i: u32) -> Result<(), mysql_async::Error> {
    c.query_drop("START TRANSACTION").await?;
    c.query_drop(format!(
        "INSERT INTO {db}.t VALUES ({}, 0, 'w{i}')",
        1000 + i
    ))
    .await?;
    c.query_drop(format!(
        "UPDATE {db}.t SET v = v + 1 WHERE k = {}",
        1000 + i / 2
    ))
    .await?;
    c.query_drop(format!("INSERT INTO {db}.kl VALUES ({}, 'x')", i % 3))
        .await?;
    if i.is_multiple_of(3) {
        c.query_drop(format!("DELETE FROM {db}.kl WHERE a = 1 LIMIT 1"))
            .await?;
    }
    c.query_drop("COMMIT").await
}

/// Transactions `from..to` on the server at `port`, one after another.
async fn write(port: u16, db: &str, from: u32, to: u32) {
    let mut c = mysql_root_at(port).await;
    for i in from..to {
        write_one(&mut c, db, i).await.unwrap();
    }
    c.disconnect().await.unwrap();
}

/// The rows of `db` on a MariaDB: `t` by key, `kl` as a multiset.
async fn source_rows(port: u16, db: &str) -> (BTreeMap<i64, String>, BTreeMap<String, u64>) {
    let mut c = mysql_root_at(port).await;
    let t: Vec<(i64, i64, Option<String>)> = c
        .query(format!("SELECT k, v, note FROM {db}.t"))
        .await
        .unwrap();
    let kl: Vec<(Option<i64>, Option<String>)> =
        c.query(format!("SELECT a, b FROM {db}.kl")).await.unwrap();
    c.disconnect().await.unwrap();
    let t = t
        .into_iter()
        .map(|(k, v, n)| (k, format!("{v}|{}", n.unwrap_or_default())))
        .collect();
    let mut m = BTreeMap::new();
    for (a, b) in kl {
        *m.entry(format!("{a:?}|{b:?}")).or_insert(0) += 1;
    }
    (t, m)
}

fn int(d: &Document, k: &str) -> Option<i64> {
    match d.get(k)? {
        Bson::Int32(n) => Some(*n as i64),
        Bson::Int64(n) => Some(*n),
        _ => None,
    }
}

/// The same, read from the target collections with the MongoDB driver.
async fn target_rows(db: &str) -> (BTreeMap<i64, String>, BTreeMap<String, u64>) {
    let all = |c: &'static str| mongo_docs(db, c);
    let mut t = BTreeMap::new();
    for r in all("t").await {
        let k = int(&r, "k").unwrap_or_else(|| panic!("no k in {r}"));
        let v = int(&r, "v").unwrap_or_else(|| panic!("no v in {r}"));
        let note = r.get_str("note").unwrap_or_default();
        assert!(t.insert(k, format!("{v}|{note}")).is_none(), "k {k} twice");
    }
    let mut m = BTreeMap::new();
    for r in all("kl").await {
        let a = int(&r, "a");
        let b = r.get_str("b").ok().map(str::to_string);
        *m.entry(format!("{a:?}|{b:?}")).or_insert(0) += 1;
    }
    (t, m)
}

/// Wait until the target holds exactly what `db` holds on the server at `port`.
async fn wait_equal(port: u16, db: &str) {
    let want = source_rows(port, db).await;
    let t0 = std::time::Instant::now();
    loop {
        let got = target_rows(db).await;
        if got == want {
            return;
        }
        if t0.elapsed() > PATIENCE {
            let missing: Vec<_> = want
                .0
                .iter()
                .filter(|(k, v)| got.0.get(k) != Some(v))
                .take(5)
                .collect();
            let extra: Vec<_> = got
                .0
                .iter()
                .filter(|(k, v)| want.0.get(k) != Some(v))
                .take(5)
                .collect();
            panic!(
                "the target differs from the primary: t {} vs {} rows (missing or different {missing:?}; extra or different {extra:?}); kl {:?} vs {:?}",
                got.0.len(),
                want.0.len(),
                got.1,
                want.1
            );
        }
        tokio::time::sleep(Duration::from_millis(300)).await;
    }
}

/// A state file with connections `src` (the pair, `ports` in order) and `dst`, and task `t`.
fn task(ports: &[u16], db: &str) -> Env {
    let e = Env::new();
    e.add_mysql_url("src", &Pair::url(ports));
    e.add_mongo("dst");
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
            "200",
        ],
        None,
    );
    e
}

fn status(e: &Env) -> serde_json::Value {
    let (out, _) = e.expect(0, &["sync", "status", "t", "-o", "json"], None);
    serde_json::from_str::<serde_json::Value>(&out).unwrap()[0].clone()
}

#[tokio::test(flavor = "multi_thread")]
async fn the_primary_killed_mid_stream_and_the_replica_promoted_loses_and_doubles_nothing() {
    let p = Pair::start(true);
    let db = &unique_name("fo");
    schema(&p, db).await;
    let e = task(&[p.primary, p.replica], db);
    let (out, _) = e.expect(0, &["conn", "test", "src", "-o", "json"], None);
    assert!(
        out.contains(&format!("127.0.0.1:{} role", p.primary))
            && out.contains("primary (read_only OFF")
            && out.contains("replica (read_only ON, replicating from 127.0.0.1")
            && out.contains("MariaDB GTID"),
        "{out}"
    );
    let mut run = e.spawn(&["sync", "run", "t"]);
    wait_for("CDC to start", PATIENCE, || {
        let s = status(&e);
        s["phase"] == "cdc" && s["state"] == "running"
    });
    // a writer commits on the primary while shark follows it
    let stop = Arc::new(AtomicBool::new(false));
    let written = Arc::new(AtomicU32::new(0));
    let writer = {
        let (db, stop, written, port) = (db.clone(), stop.clone(), written.clone(), p.primary);
        tokio::spawn(async move {
            let mut c = mysql_root_at(port).await;
            for i in 0..3000 {
                if stop.load(Ordering::SeqCst) {
                    break;
                }
                write_one(&mut c, &db, i).await.unwrap();
                written.store(i + 1, Ordering::SeqCst);
            }
        })
    };
    let t0 = std::time::Instant::now();
    while written.load(Ordering::SeqCst) < 300 && t0.elapsed() < PATIENCE {
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    wait_for(
        "shark to apply some of the writer's changes",
        PATIENCE,
        || {
            status(&e)["binlog"]["progress"]["events"]
                .as_u64()
                .unwrap_or(0)
                > 50
        },
    );
    // a big transaction last, so shark is still reading when the primary dies
    sql(
        p.primary,
        &[&format!(
            "INSERT INTO {db}.t SELECT seq, 1, 'bulk' FROM {db}.seq_100000_to_108000"
        )],
    )
    .await;
    stop.store(true, Ordering::SeqCst);
    writer.await.unwrap();
    let n = written.load(Ordering::SeqCst);
    // the replica holds every committed transaction (asynchronous replication could lose the
    // last ones: that loss would be the database's, not shark's)
    caught_up(&p).await;
    p.kill_primary();
    promote(p.replica).await;
    write(p.replica, db, n, n + 300).await;
    wait_equal(p.replica, db).await;
    let st = status(&e);
    assert_eq!(st["host"], format!("127.0.0.1:{}", p.replica), "{st}");
    assert!(
        st["gtid"].as_str().unwrap_or("").starts_with("0-12-"),
        "the checkpoint is at a transaction of the new primary: {st}"
    );
    let (logs, _) = e.expect(0, &["sync", "logs", "t"], None);
    assert!(
        logs.contains(&format!(
            "to 127.0.0.1:{} (server_id 12): resuming by GTID after 0-11-",
            p.replica
        )),
        "{logs}"
    );
    e.expect(0, &["sync", "stop", "t"], None);
    assert_eq!(
        run.wait_timeout(PATIENCE),
        Some(Some(0)),
        "{}",
        run.stderr()
    );
    // nothing was applied twice: a replay from the checkpoint changes nothing
    e.expect(0, &["sync", "run", "t", "--once"], None);
    wait_equal(p.replica, db).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_replica_without_log_slave_updates_is_refused_with_the_fix() {
    let p = Pair::start(false);
    let db = &unique_name("fo_nolsu");
    schema(&p, db).await;
    let e = task(&[p.primary, p.replica], db);
    e.expect(0, &["sync", "run", "t", "--once"], None);
    write(p.primary, db, 0, 20).await;
    caught_up(&p).await;
    let before = status(&e)["binlog"]["position"].clone();
    p.kill_primary();
    promote(p.replica).await;
    let (_, err) = e.expect(4, &["sync", "run", "t", "--once"], None);
    assert!(
        err.contains(&format!("cannot fail over to 127.0.0.1:{}", p.replica))
            && err.contains("log_slave_updates is OFF")
            && err.contains("log_slave_updates = ON"),
        "{err}"
    );
    assert_eq!(
        status(&e)["binlog"]["position"],
        before,
        "the checkpoint is kept"
    );
}

/// Rotate the binlog and purge every older file. A file stays until the server's binlog
/// checkpoint (crash recovery) has moved past it: the engine logs are flushed and the purge
/// retried for a while.
async fn purge_all_but_the_newest(port: u16) {
    let mut c = mysql_root_at(port).await;
    c.query_drop("FLUSH BINARY LOGS").await.unwrap();
    let t0 = std::time::Instant::now();
    loop {
        c.query_drop("FLUSH ENGINE LOGS").await.unwrap();
        let rows: Vec<mysql_async::Row> = c.query("SHOW BINARY LOGS").await.unwrap();
        if rows.len() == 1 {
            break;
        }
        let newest: String = rows.last().unwrap().get(0).unwrap();
        c.query_drop(format!("PURGE BINARY LOGS TO '{newest}'"))
            .await
            .unwrap();
        assert!(t0.elapsed() < PATIENCE, "the old binlogs were never purged");
        tokio::time::sleep(Duration::from_millis(300)).await;
    }
    c.disconnect().await.unwrap();
}

#[tokio::test(flavor = "multi_thread")]
async fn a_gtid_gap_on_the_new_primary_exits_4_naming_the_reset() {
    let p = Pair::start(true);
    let db = &unique_name("fo_gap");
    schema(&p, db).await;
    let e = task(&[p.primary, p.replica], db);
    e.expect(0, &["sync", "run", "t", "--once"], None);
    // changes the task has not read, then purged from the new primary's binlog
    write(p.primary, db, 0, 20).await;
    caught_up(&p).await;
    p.kill_primary();
    promote(p.replica).await;
    purge_all_but_the_newest(p.replica).await;
    let (_, err) = e.expect(4, &["sync", "run", "t", "--once"], None);
    assert!(
        err.contains(&format!("cannot resume on 127.0.0.1:{} by GTID", p.replica))
            && err.contains("were purged")
            && err.contains("shark sync reset t"),
        "{err}"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn a_planned_switchover_resumes_exactly() {
    let p = Pair::start(true);
    let db = &unique_name("fo_switch");
    schema(&p, db).await;
    let e = task(&[p.primary, p.replica], db);
    e.expect(0, &["sync", "run", "t", "--once"], None);
    // a checkpoint as an older build wrote it (file and offset only) is read, and gets its
    // GTID position on the next run
    let db_file = e.state();
    let conn_db = rusqlite::Connection::open(&db_file).unwrap();
    let n = conn_db
        .execute(
            "UPDATE checkpoints SET position = json_remove(position, '$.gtid', '$.server_id', '$.host') WHERE task = 'sync:t' AND unit = '__binlog__'",
            [],
        )
        .unwrap();
    assert_eq!(n, 1);
    drop(conn_db);
    assert_eq!(status(&e)["gtid"], serde_json::Value::Null);
    write(p.primary, db, 0, 50).await;
    e.expect(0, &["sync", "run", "t", "--once"], None);
    assert_eq!(
        status(&e)["gtid"],
        text(p.primary, "SELECT @@gtid_binlog_pos").await
    );
    let (out, _) = e.expect(0, &["sync", "status", "t"], None);
    assert!(
        out.contains(&format!("· from 127.0.0.1:{}", p.primary)) && out.contains("gtid 0-11-"),
        "{out}"
    );
    // the switchover: more changes the task has not read, the old primary made read-only once
    // the replica has them, the replica promoted, the URL listing it first
    write(p.primary, db, 50, 120).await;
    sql(p.primary, &["SET GLOBAL read_only = 1"]).await;
    caught_up(&p).await;
    promote(p.replica).await;
    let url = Pair::url(&[p.replica, p.primary]);
    e.expect(0, &["conn", "edit", "src", "--url", &url], None);
    write(p.replica, db, 120, 200).await;
    e.expect(0, &["sync", "run", "t", "--once"], None);
    let st = status(&e);
    assert_eq!(st["host"], format!("127.0.0.1:{}", p.replica), "{st}");
    assert_eq!(
        st["gtid"],
        text(p.replica, "SELECT @@gtid_binlog_pos").await,
        "{st}"
    );
    wait_equal(p.replica, db).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_run_started_while_no_host_is_a_primary_waits_for_the_promotion() {
    let p = Pair::start(true);
    let db = &unique_name("fo_wait");
    schema(&p, db).await;
    let e = task(&[p.primary, p.replica], db);
    e.expect(0, &["sync", "run", "t", "--once"], None);
    write(p.primary, db, 0, 40).await;
    caught_up(&p).await;
    // mid-failover: the old primary is read-only, the replica not promoted yet
    sql(p.primary, &["SET GLOBAL read_only = 1"]).await;
    let mut run = e.spawn(&["sync", "run", "t"]);
    wait_for("the run to wait for a primary", PATIENCE, || {
        let (logs, _) = e.expect(0, &["sync", "logs", "t"], None);
        logs.contains("no writable primary among its hosts")
            && logs.contains("trying its hosts again")
    });
    promote(p.replica).await;
    write(p.replica, db, 40, 90).await;
    wait_equal(p.replica, db).await;
    assert_eq!(
        status(&e)["host"],
        format!("127.0.0.1:{}", p.replica),
        "the run follows the promoted replica"
    );
    e.expect(0, &["sync", "stop", "t"], None);
    assert_eq!(
        run.wait_timeout(PATIENCE),
        Some(Some(0)),
        "{}",
        run.stderr()
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn a_new_primary_behind_what_the_target_has_is_refused() {
    let p = Pair::start(true);
    let db = &unique_name("fo_behind");
    schema(&p, db).await;
    let e = task(&[p.primary, p.replica], db);
    e.expect(0, &["sync", "run", "t", "--once"], None);
    caught_up(&p).await;
    // the replica stops applying; the task reads changes it will never have
    sql(p.replica, &["STOP SLAVE"]).await;
    write(p.primary, db, 0, 10).await;
    e.expect(0, &["sync", "run", "t", "--once"], None);
    let have = text(p.replica, "SELECT @@gtid_binlog_pos").await;
    p.kill_primary();
    promote(p.replica).await;
    let (_, err) = e.expect(4, &["sync", "run", "t", "--once"], None);
    assert!(
        err.contains(&format!("cannot resume on 127.0.0.1:{} by GTID", p.replica))
            && err.contains(&format!("its binlog ends at {have}"))
            && err.contains("shark sync reset t"),
        "{err}"
    );
}
