//! `shark sync` shared by several workers through the real 3-node ZooKeeper ensemble of
//! tests/infra: each "host" is a separate `shark` process with its own state file. The leader is
//! killed with -9, or paused past its session timeout and resumed, under a steady writer on the
//! real MariaDB; the SecantusDB target is compared with the source by an independent reader
//! (the mongodb driver against MariaDB rows), key-less rows as a multiset so that a change
//! applied twice would show.

mod common;
use common::{
    Env, Lock, Running, infra, lock_servers, mongo_db, mongo_docs, mysql_run, unique_name, wait_for,
};
use futures_util::TryStreamExt;
use mongodb::bson::{Bson, Document, doc};
use mysql_async::prelude::Queryable;
use serde_json::Value;
use std::collections::BTreeMap;
use std::sync::Arc;
use std::sync::atomic::{AtomicU32, Ordering};
use std::time::{Duration, Instant};

/// How long a test waits for a state it expects.
const PATIENCE: Duration = Duration::from_secs(90);
/// The workers' ZooKeeper session timeout (the ensemble's minimum with tickTime 2000).
const SESSION_S: &str = "4";
/// Rows in the table before the task starts.
const ROWS: u32 = 2000;
/// The row every writer round updates.
const HOT: u32 = ROWS / 2;

async fn sql(stmts: &[&str]) {
    mysql_run("SHARK_T_MYSQL_PORT", stmts).await
}

/// One host: a state file with the connections `src`, `dst` and `zk`.
fn host() -> Env {
    let e = Env::new();
    e.add_mysql("src");
    e.add_mongo("dst");
    e.add_zookeeper("zk", infra().get("SHARK_T_ZK_CONNECT"));
    e
}

fn status(e: &Env, task: &str) -> Value {
    let (out, _) = e.expect(0, &["sync", "status", task, "-o", "json"], None);
    serde_json::from_str::<Value>(&out).unwrap()[0].clone()
}

/// The pid of worker `id` (`host:pid:token`).
fn pid_of(id: &str) -> u32 {
    id.split(':').nth(1).unwrap().parse().unwrap()
}

/// The leading worker's pid, from the coordinator as `sync status` shows it.
fn leader_pid(st: &Value) -> Option<u32> {
    st["coordinator"]["leader"].as_str().map(pid_of)
}

/// Source rows (id, n) of the keyed table and the key-less multiset, read from MariaDB.
async fn source_state(db: &str) -> (Vec<(i64, i64)>, BTreeMap<(i64, String), u32>) {
    let mut c = common::mysql_root("SHARK_T_MYSQL_PORT").await;
    let keyed: Vec<(i64, i64)> = c
        .query(format!("SELECT id, n FROM {db}.t ORDER BY id"))
        .await
        .unwrap();
    let ev: Vec<(i64, String)> = c.query(format!("SELECT k, v FROM {db}.ev")).await.unwrap();
    c.disconnect().await.unwrap();
    let mut bag = BTreeMap::new();
    for r in ev {
        *bag.entry(r).or_insert(0) += 1;
    }
    (keyed, bag)
}

fn int(b: Option<&Bson>) -> i64 {
    match b {
        Some(Bson::Int32(v)) => *v as i64,
        Some(Bson::Int64(v)) => *v,
        other => panic!("not an integer: {other:?}"),
    }
}

/// (`_id`, `n`) of every document of collection `coll`, by `_id`, read with the mongodb driver.
async fn keyed_docs(db: &str, coll: &str) -> Vec<(i64, i64)> {
    mongo_docs(db, coll)
        .await
        .iter()
        .map(|d| (int(d.get("_id")), int(d.get("n"))))
        .collect()
}

/// The same, read from the target with the mongodb driver.
async fn target_state(db: &str) -> (Vec<(i64, i64)>, BTreeMap<(i64, String), u32>) {
    let d = mongo_db(db).await;
    let keyed = keyed_docs(db, "t").await;
    let ev: Vec<Document> = d
        .collection::<Document>("ev")
        .find(doc! {})
        .await
        .unwrap()
        .try_collect()
        .await
        .unwrap();
    let mut bag = BTreeMap::new();
    for e in ev {
        let v = e.get_str("v").unwrap().to_string();
        *bag.entry((int(e.get("k")), v)).or_insert(0) += 1;
    }
    (keyed, bag)
}

/// Wait until the target equals the source exactly, then assert it (with the difference).
async fn assert_exact(db: &str) {
    let t0 = Instant::now();
    loop {
        let (src, tgt) = (source_state(db).await, target_state(db).await);
        if src == tgt {
            return;
        }
        if t0.elapsed() > PATIENCE {
            let lost: Vec<_> = src
                .0
                .iter()
                .filter(|r| !tgt.0.contains(r))
                .take(10)
                .collect();
            let extra: Vec<_> = tgt
                .0
                .iter()
                .filter(|r| !src.0.contains(r))
                .take(10)
                .collect();
            let bag: Vec<_> = src
                .1
                .iter()
                .filter(|(k, n)| tgt.1.get(k) != Some(n))
                .take(10)
                .collect();
            panic!(
                "target differs from the source: {} vs {} keyed rows, missing/different {lost:?}, extra {extra:?}; key-less rows whose count differs (source counts) {bag:?}; {} vs {} key-less kinds",
                src.0.len(),
                tgt.0.len(),
                src.1.len(),
                tgt.1.len()
            );
        }
        tokio::time::sleep(Duration::from_millis(500)).await;
    }
}

/// Create task `task` over every table of `db` on host `e`, shared through `zk` with a
/// session timeout of `session` seconds, and `extra` options.
fn create_task(e: &Env, task: &str, db: &str, session: &str, extra: &[&str]) {
    let tables = format!("{db}.*");
    let mut args = vec![
        "sync",
        "create",
        task,
        "--source",
        "src",
        "--target",
        "dst",
        "--tables",
        &tables,
        "--coordinator",
        "zk",
        "--session-timeout",
        session,
    ];
    args.extend_from_slice(extra);
    e.expect(0, &args, None);
}

/// A scratch database with a keyed and a key-less table, and the task `task` created on
/// `first` with the coordinator (session timeout `session` seconds).
async fn setup(first: &Env, db: &str, task: &str, session: &str) {
    sql(&[
        &format!("DROP DATABASE IF EXISTS {db}"),
        &format!("CREATE DATABASE {db}"),
        &format!("CREATE TABLE {db}.t (id INT PRIMARY KEY, n BIGINT NOT NULL)"),
        &format!("CREATE TABLE {db}.ev (k INT NOT NULL, v VARCHAR(20) NOT NULL)"),
        &format!("USE {db}"),
        &format!("INSERT INTO {db}.t SELECT seq, 0 FROM seq_1_to_{ROWS}"),
        &format!("INSERT INTO {db}.ev SELECT seq % 10, 'start' FROM seq_1_to_100"),
    ])
    .await;
    let _ = mongo_db(db).await.drop().await;
    create_task(first, task, db, session, &[]);
}

/// A steady writer: `rounds` transactions, each inserting a keyed row (id ROWS+k), bumping
/// one existing row and adding a key-less row; `done` counts the committed rounds.
fn writer(db: &str, rounds: u32, done: Arc<AtomicU32>) -> tokio::task::JoinHandle<()> {
    let db = db.to_string();
    tokio::spawn(async move {
        let mut c = common::mysql_root("SHARK_T_MYSQL_PORT").await;
        for k in 1..=rounds {
            let stmts = [
                "BEGIN".to_string(),
                format!("INSERT INTO {db}.t VALUES ({}, {k})", ROWS + k),
                format!("UPDATE {db}.t SET n = n + 1 WHERE id = {}", k % ROWS + 1),
                // a hot row whose value only grows: a stale write would take it back
                format!("UPDATE {db}.t SET n = n + 1 WHERE id = {HOT}"),
                format!("INSERT INTO {db}.ev VALUES ({}, 'w{k}')", k % 7),
                "COMMIT".to_string(),
            ];
            for s in &stmts {
                c.query_drop(s).await.unwrap();
            }
            done.store(k, Ordering::SeqCst);
            tokio::time::sleep(Duration::from_millis(25)).await;
        }
        c.disconnect().await.unwrap();
    })
}

/// The hot row's value in the target.
async fn hot(db: &str) -> i64 {
    let d = mongo_db(db)
        .await
        .collection::<Document>("t")
        .find_one(doc! {"_id": HOT as i64})
        .await
        .unwrap()
        .unwrap();
    int(d.get("n"))
}

/// Watch the hot row until `until` is set: every value it takes in the target, in order.
fn watch_hot(db: &str, until: Arc<AtomicU32>) -> tokio::task::JoinHandle<Vec<i64>> {
    let db = db.to_string();
    tokio::spawn(async move {
        let mut seen = vec![];
        while until.load(Ordering::SeqCst) == 0 {
            let v = hot(&db).await;
            if seen.last() != Some(&v) {
                seen.push(v);
            }
            tokio::time::sleep(Duration::from_millis(10)).await;
        }
        seen
    })
}

/// Whether the target holds the keyed row the writer inserted in round `k`.
async fn has_round(db: &str, k: u32) -> bool {
    mongo_db(db)
        .await
        .collection::<Document>("t")
        .count_documents(doc! {"_id": (ROWS + k) as i64})
        .await
        .unwrap()
        > 0
}

/// `sync run` of the task on each host; the first is started (and leads) before the others.
async fn start_workers(hosts: &[&Env], task: &str, db: &str) -> Vec<Running> {
    let mut workers =
        vec![hosts[0].spawn_env(&["-q", "sync", "run", task, "--coordinator", "zk"], &[])];
    wait_for(
        "the first worker to lead and follow the binlog",
        PATIENCE,
        || {
            let st = status(hosts[0], task);
            st["phase"] == "cdc" && leader_pid(&st) == Some(workers[0].id())
        },
    );
    assert_exact(db).await;
    for h in &hosts[1..] {
        workers.push(h.spawn(&["-q", "sync", "run", task, "--coordinator", "zk"]));
    }
    wait_for("three workers", PATIENCE, || {
        status(hosts[0], task)["coordinator"]["workers"]
            .as_array()
            .is_some_and(|w| w.len() == 3)
    });
    workers
}

#[tokio::test(flavor = "multi_thread")]
async fn kill_9_of_the_leader_mid_cdc_hands_over_within_10_s_losing_and_doubling_nothing() {
    let _g = lock_servers(Lock::Shared);
    let db = &unique_name("ha_kill");
    let task = &unique_name("ha_kill");
    let hosts = [host(), host(), host()];
    setup(&hosts[0], db, task, SESSION_S).await;
    let mut workers = start_workers(&[&hosts[0], &hosts[1], &hosts[2]], task, db).await;
    // another host sees the same task: leader, workers, roles
    let st = status(&hosts[2], task);
    assert_eq!(st["state"], "running", "{st}");
    let roles: Vec<&str> = st["coordinator"]["workers"]
        .as_array()
        .unwrap()
        .iter()
        .map(|w| w["role"].as_str().unwrap())
        .collect();
    assert_eq!(roles.iter().filter(|r| **r == "leader").count(), 1, "{st}");

    let done = Arc::new(AtomicU32::new(0));
    let w = writer(db, 600, done.clone());
    wait_for("the writer to be under way", PATIENCE, || {
        done.load(Ordering::SeqCst) >= 100
    });
    let leader = leader_pid(&status(&hosts[1], task)).unwrap();
    let i = workers.iter().position(|w| w.id() == leader).unwrap();
    let at = done.load(Ordering::SeqCst);
    workers[i].kill();
    let killed = Instant::now();
    // a new leader, and the first change committed after the kill applied by it
    let mut new_leader = None;
    let mut applied = None;
    while killed.elapsed() < Duration::from_secs(30) && applied.is_none() {
        if new_leader.is_none()
            && let Some(p) = leader_pid(&status(&hosts[(i + 1) % 3], task))
            && p != leader
        {
            new_leader = Some((p, killed.elapsed()));
        }
        if has_round(db, at + 1).await {
            applied = Some(killed.elapsed());
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    let applied = applied.expect("no change applied within 30 s of the kill");
    eprintln!(
        "takeover: new leader seen after {:?}, first change after the kill applied after {applied:?}",
        new_leader.map(|l| l.1)
    );
    assert!(
        applied < Duration::from_secs(10),
        "the first change after the kill was applied {applied:?} after it"
    );
    let (p, _) =
        new_leader.unwrap_or_else(|| (leader_pid(&status(&hosts[0], task)).unwrap(), applied));
    assert_ne!(p, leader);
    tokio::time::timeout(PATIENCE, w).await.unwrap().unwrap();
    assert_exact(db).await;
    // the new leader logs that it took over (its own host's log)
    let j = workers.iter().position(|w| w.id() == p).unwrap();
    let (log, _) = hosts[j].expect(0, &["sync", "logs", task], None);
    assert!(log.contains("leading (worker"), "{log}");
    assert!(log.contains("following:"), "it followed first: {log}");

    // `sync stop` from the host whose worker was killed reaches the others
    let (_, err) = hosts[i].expect(0, &["sync", "stop", task], None);
    assert!(
        err.contains("stopped at a checkpoint (2 worker(s)"),
        "{err}"
    );
    for (k, w) in workers.iter_mut().enumerate() {
        if k != i {
            assert_eq!(w.wait_timeout(PATIENCE), Some(Some(0)), "{}", w.stderr());
        }
    }
    let st = status(&hosts[0], task);
    assert_eq!(st["state"], "idle", "{st}");
    let v = hosts[0]
        .expect(0, &["sync", "verify", task, "-o", "json"], None)
        .0;
    assert!(
        !v.contains("\"ok\": false") && !v.contains("\"ok\":false"),
        "{v}"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn a_leader_paused_past_its_session_is_fenced_and_rejoins_as_a_follower() {
    let _g = lock_servers(Lock::Shared);
    let db = &unique_name("ha_pause");
    let task = &unique_name("ha_pause");
    let hosts = [host(), host(), host()];
    setup(&hosts[0], db, task, SESSION_S).await;
    let mut workers = start_workers(&[&hosts[0], &hosts[1], &hosts[2]], task, db).await;
    let done = Arc::new(AtomicU32::new(0));
    let w = writer(db, 500, done.clone());
    wait_for("the writer to be under way", PATIENCE, || {
        done.load(Ordering::SeqCst) >= 60
    });
    let leader = leader_pid(&status(&hosts[1], task)).unwrap();
    let i = workers.iter().position(|w| w.id() == leader).unwrap();
    workers[i].signal("STOP");
    let paused = Instant::now();
    wait_for("another worker to lead", PATIENCE, || {
        leader_pid(&status(&hosts[(i + 1) % 3], task)).is_some_and(|p| p != leader)
    });
    let new_leader = leader_pid(&status(&hosts[(i + 1) % 3], task)).unwrap();
    eprintln!("paused leader replaced after {:?}", paused.elapsed());
    // the new leader writes for a while before the old one wakes up
    let seen = done.load(Ordering::SeqCst);
    let t0 = Instant::now();
    while !has_round(db, seen).await {
        assert!(t0.elapsed() < PATIENCE, "the new leader applies nothing");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    // from here only the new leader writes: the hot row's value may only grow, also once the old
    // leader wakes up with the binlog events that reached it while it was paused
    let stop_watch = Arc::new(AtomicU32::new(0));
    let watch = watch_hot(db, stop_watch.clone());
    tokio::time::sleep(Duration::from_millis(300)).await;
    workers[i].signal("CONT");
    tokio::time::sleep(Duration::from_secs(3)).await;
    stop_watch.store(1, Ordering::SeqCst);
    let values = watch.await.unwrap();
    assert!(
        values.windows(2).all(|w| w[0] < w[1]),
        "the hot row went back (a stale write): {values:?}"
    );
    assert!(values.len() > 10, "the new leader kept writing: {values:?}");
    // it finds itself fenced, stops writing and rejoins as a follower
    wait_for(
        "the resumed worker to rejoin as a follower",
        PATIENCE,
        || {
            let (log, _) = hosts[i].expect(0, &["sync", "logs", task], None);
            log.contains("this worker stopped writing")
                && log.matches("joined coordinator").count() >= 2
        },
    );
    let (log, _) = hosts[i].expect(0, &["sync", "logs", task], None);
    let after = log.split("this worker stopped writing").nth(1).unwrap();
    assert!(
        !after.contains("leading (worker"),
        "the resumed worker led again: {log}"
    );
    let st = status(&hosts[i], task);
    assert_eq!(leader_pid(&st), Some(new_leader), "{st}");
    let me = st["coordinator"]["workers"]
        .as_array()
        .unwrap()
        .iter()
        .find(|w| w["pid"].as_u64() == Some(leader as u64))
        .cloned()
        .unwrap_or_else(|| panic!("the resumed worker is not listed: {st}"));
    assert_eq!(me["role"], "follower", "{st}");
    tokio::time::timeout(PATIENCE, w).await.unwrap().unwrap();
    assert_exact(db).await;
    let (_, err) = hosts[2].expect(0, &["sync", "stop", task], None);
    assert!(err.contains("3 worker(s)"), "{err}");
    for w in workers.iter_mut() {
        assert_eq!(w.wait_timeout(PATIENCE), Some(Some(0)), "{}", w.stderr());
    }
}

/// Rows (id, n) of table `table`, from MariaDB and from the target.
async fn table_pair(db: &str, table: &str) -> (Vec<(i64, i64)>, Vec<(i64, i64)>) {
    let mut c = common::mysql_root("SHARK_T_MYSQL_PORT").await;
    let src: Vec<(i64, i64)> = c
        .query(format!("SELECT id, n FROM {db}.{table} ORDER BY id"))
        .await
        .unwrap();
    c.disconnect().await.unwrap();
    (src, keyed_docs(db, table).await)
}

#[tokio::test(flavor = "multi_thread")]
async fn the_full_copy_of_6_tables_is_spread_over_3_workers_and_a_dead_workers_unit_resumes() {
    let _g = lock_servers(Lock::Shared);
    let db = &unique_name("ha_spread");
    let task = &unique_name("ha_spread");
    const TABLE_ROWS: u32 = 40_000;
    let mut stmts = vec![
        format!("DROP DATABASE IF EXISTS {db}"),
        format!("CREATE DATABASE {db}"),
        format!("USE {db}"),
    ];
    for k in 1..=6 {
        stmts.push(format!(
            "CREATE TABLE {db}.t{k} (id INT PRIMARY KEY, n BIGINT NOT NULL)"
        ));
        stmts.push(format!(
            "INSERT INTO {db}.t{k} SELECT seq, seq * {k} FROM seq_1_to_{TABLE_ROWS}"
        ));
    }
    let refs: Vec<&str> = stmts.iter().map(String::as_str).collect();
    sql(&refs).await;
    let _ = mongo_db(db).await.drop().await;
    let hosts = [host(), host(), host()];
    create_task(
        &hosts[0],
        task,
        db,
        SESSION_S,
        &["--parallel", "1", "--batch-rows", "500"],
    );
    let mut workers: Vec<Running> = hosts
        .iter()
        .map(|h| h.spawn(&["-q", "sync", "run", task, "--coordinator", "zk"]))
        .collect();
    // a worker holding a unit with committed progress dies: another resumes that unit
    let mut victim = None;
    let t0 = Instant::now();
    while victim.is_none() {
        assert!(t0.elapsed() < PATIENCE, "no unit copy under way");
        let st = status(&hosts[0], task);
        let leases = st["coordinator"]["leases"]
            .as_array()
            .cloned()
            .unwrap_or_default();
        for l in leases {
            let (unit, holder) = (l["unit"].as_str().unwrap(), l["worker"].as_str().unwrap());
            let pid = pid_of(holder);
            let done = st["units"]
                .as_array()
                .unwrap()
                .iter()
                .find(|u| u["unit"] == unit)
                .map_or(0, |u| u["rows_done"].as_i64().unwrap_or(0));
            // a worker (the leader too) that copied a unit already and has committed part of
            // another
            let Some(k) = workers.iter().position(|w| w.id() == pid) else {
                continue;
            };
            if (2_000..(TABLE_ROWS as i64 - 10_000)).contains(&done)
                && hosts[k]
                    .expect(0, &["sync", "logs", task], None)
                    .0
                    .contains("full copy done")
            {
                victim = Some((pid, unit.to_string()));
            }
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    let (pid, unit) = victim.unwrap();
    let i = workers.iter().position(|w| w.id() == pid).unwrap();
    workers[i].kill();
    wait_for("every unit copied", PATIENCE * 2, || {
        let st = status(&hosts[(i + 1) % 3], task);
        st["phase"] == "cdc"
            && st["units"]
                .as_array()
                .is_some_and(|u| u.len() == 6 && u.iter().all(|u| u["phase"] == "copied"))
    });
    for k in 1..=6 {
        let (src, tgt) = table_pair(db, &format!("t{k}")).await;
        assert_eq!(src.len(), TABLE_ROWS as usize);
        assert!(
            src == tgt,
            "t{k}: {} source rows, {} target documents",
            src.len(),
            tgt.len()
        );
    }
    // every worker copied at least one unit, as its own host's log says; the dead worker's
    // unit was taken over from its committed progress
    let mut copied = vec![];
    let mut resumed = false;
    for h in &hosts {
        let (log, _) = h.expect(0, &["sync", "logs", task], None);
        copied.push(log.matches("full copy done").count());
        resumed |= log.lines().any(|l| {
            l.contains(&format!("{unit}: copying it (")) && !l.contains("(0 rows committed before)")
        });
    }
    assert!(
        copied.iter().all(|n| *n >= 1),
        "units copied per worker: {copied:?}"
    );
    assert!(
        resumed,
        "no worker resumed {unit} from its committed progress"
    );
    let (_, err) = hosts[(i + 1) % 3].expect(0, &["sync", "stop", task], None);
    assert!(err.contains("2 worker(s)"), "{err}");
    for (k, w) in workers.iter_mut().enumerate() {
        if k != i {
            assert_eq!(w.wait_timeout(PATIENCE), Some(Some(0)), "{}", w.stderr());
        }
    }
    // a host that never ran the task sees it, verifies it and resets a unit through the
    // coordinator alone
    let other = host();
    let (out, _) = other.expect(
        0,
        &["sync", "status", task, "--coordinator", "zk", "-o", "json"],
        None,
    );
    let st: Value = serde_json::from_str::<Value>(&out).unwrap()[0].clone();
    assert_eq!(st["state"], "idle", "{st}");
    assert_eq!(st["phase"], "cdc", "{st}");
    assert_eq!(st["units"].as_array().unwrap().len(), 6, "{st}");
    let (out, _) = other.expect(0, &["sync", "verify", task, "-o", "json"], None);
    let v: Value = serde_json::from_str(&out).unwrap();
    assert!(
        v.as_array().unwrap().iter().all(|u| u["ok"] == true),
        "{out}"
    );
    let t1 = format!("{db}.t1");
    other.expect(0, &["sync", "reset", task, "--unit", &t1], None);
    let st = status(&hosts[0], task);
    for u in st["units"].as_array().unwrap() {
        let want = if u["unit"] == t1.as_str() {
            "recopy"
        } else {
            "copied"
        };
        assert_eq!(u["phase"], want, "{st}");
    }
}

/// A 3-node ZooKeeper ensemble of this test's own, started by tests/infra/up.sh (the shared
/// one stays whole for the other tests); stopped with tests/infra/down.sh when dropped.
struct OwnEnsemble {
    dir: tempfile::TempDir,
    connect: String,
}

const ALL_BUT_ZK: &str =
    "mariadb,mariadb-ha,mongo,redis,prometheus,s3,es,opensearch,es7,llm,slack,kube";

fn infra_script(name: &str) -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/infra")
        .join(name)
}

impl OwnEnsemble {
    fn start() -> OwnEnsemble {
        let dir = tempfile::tempdir().unwrap();
        let st = std::process::Command::new("bash")
            .arg(infra_script("up.sh"))
            .arg(dir.path())
            .env("SHARK_INFRA_SKIP", ALL_BUT_ZK)
            .stdout(std::process::Stdio::null())
            .status()
            .unwrap();
        assert!(
            st.success(),
            "tests/infra/up.sh of a dedicated ensemble failed"
        );
        let env = std::fs::read_to_string(dir.path().join("env")).unwrap();
        let connect = env
            .lines()
            .find_map(|l| l.strip_prefix("SHARK_T_ZK_CONNECT="))
            .unwrap()
            .trim_matches(['"', '\''])
            .to_string();
        OwnEnsemble { dir, connect }
    }

    /// zk-node.sh ACTION N (start waits until the member serves).
    fn node(&self, action: &str, n: usize) {
        let st = std::process::Command::new("bash")
            .arg(infra_script("zk-node.sh"))
            .arg(self.dir.path())
            .args([action, &n.to_string()])
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .status()
            .unwrap();
        assert!(st.success(), "zk-node.sh {action} {n} failed");
    }
}

impl Drop for OwnEnsemble {
    fn drop(&mut self) {
        let _ = std::process::Command::new("bash")
            .arg(infra_script("down.sh"))
            .arg(self.dir.path())
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .status();
    }
}

fn log_of(e: &Env, task: &str) -> String {
    e.expect(0, &["sync", "logs", task], None).0
}

#[tokio::test(flavor = "multi_thread")]
async fn zookeeper_members_killed_one_at_a_time_interrupt_nothing_and_a_lost_quorum_stops_writes_until_it_returns()
 {
    let _g = lock_servers(Lock::Shared);
    let zk = OwnEnsemble::start();
    let db = &unique_name("ha_zk");
    let task = &unique_name("ha_zk");
    let hosts = [Env::new(), Env::new()];
    for h in &hosts {
        h.add_mysql("src");
        h.add_mongo("dst");
        h.add_zookeeper("zk", &zk.connect);
    }
    setup(&hosts[0], db, task, "6").await;
    let mut workers = vec![hosts[0].spawn(&["-q", "sync", "run", task])];
    wait_for(
        "the first worker to lead and follow the binlog",
        PATIENCE,
        || {
            let st = status(&hosts[0], task);
            st["phase"] == "cdc" && leader_pid(&st) == Some(workers[0].id())
        },
    );
    workers.push(hosts[1].spawn(&["-q", "sync", "run", task, "--coordinator", "zk"]));
    wait_for("two workers", PATIENCE, || {
        status(&hosts[0], task)["coordinator"]["workers"]
            .as_array()
            .is_some_and(|w| w.len() == 2)
    });
    let done = Arc::new(AtomicU32::new(0));
    let w = writer(db, 100_000, done.clone());

    // one member at a time (whichever the leader is connected to goes once): no interruption
    for n in 1..=3 {
        zk.node("kill", n);
        let at = done.load(Ordering::SeqCst);
        let t0 = Instant::now();
        while !has_round(db, at + 1).await {
            assert!(
                t0.elapsed() < Duration::from_secs(5),
                "changes stopped for 5 s with member {n} of 3 down"
            );
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        zk.node("start", n);
    }
    let log = log_of(&hosts[0], task);
    assert_eq!(
        leader_pid(&status(&hosts[1], task)),
        Some(workers[0].id()),
        "the leader changed: {log}"
    );
    assert!(!log.contains("stopped writing"), "{log}");
    assert_eq!(log.matches("joined coordinator").count(), 1, "{log}");

    // two members down: no quorum; the workers stop writing and say why
    zk.node("kill", 1);
    zk.node("kill", 2);
    wait_for("the leader to stop writing", PATIENCE, || {
        log_of(&hosts[0], task).contains("this worker stopped writing")
    });
    let log = log_of(&hosts[0], task);
    let why = log
        .lines()
        .find(|l| l.contains("this worker stopped writing"))
        .unwrap();
    assert!(
        why.contains("ZooKeeper") && why.contains("session"),
        "the reason is named: {why}"
    );
    // nothing committed from now on reaches the target while the quorum is lost
    let at = done.load(Ordering::SeqCst);
    tokio::time::sleep(Duration::from_secs(3)).await;
    assert!(done.load(Ordering::SeqCst) > at + 10, "the writer goes on");
    assert!(
        !has_round(db, at + 1).await,
        "a change was applied without a quorum"
    );
    wait_for("the outage to be reported", PATIENCE, || {
        log_of(&hosts[0], task).contains("not writing while the coordinator cannot be reached")
    });
    // the quorum returns: a worker leads again and the target catches up
    zk.node("start", 1);
    zk.node("start", 2);
    let back = Instant::now();
    let now = done.load(Ordering::SeqCst);
    while !has_round(db, now).await {
        assert!(
            back.elapsed() < PATIENCE,
            "no change applied after the quorum returned"
        );
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    eprintln!(
        "writes resumed {:?} after the quorum returned",
        back.elapsed()
    );
    w.abort();
    assert_exact(db).await;
    let (_, err) = hosts[1].expect(0, &["sync", "stop", task], None);
    assert!(err.contains("2 worker(s)"), "{err}");
    for w in workers.iter_mut() {
        assert_eq!(w.wait_timeout(PATIENCE), Some(Some(0)), "{}", w.stderr());
    }
}

#[test]
fn create_with_a_coordinator_checks_its_input_and_an_unreachable_one_is_exit_3() {
    let e = Env::new();
    e.add_mysql("src");
    e.add_mongo("dst");
    // nothing listens there
    let dead = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = dead.local_addr().unwrap().port();
    drop(dead);
    e.add_zookeeper("zk", &format!("127.0.0.1:{port}"));
    let create = |extra: &[&str]| {
        let mut args = vec![
            "sync", "create", "t", "--source", "src", "--target", "dst", "--tables", "db.*",
        ];
        args.extend_from_slice(extra);
        e.run(&args, None)
    };
    let (code, _, err) = create(&["--session-timeout", "5"]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("--coordinator"), "{err}");
    let (code, _, err) = create(&["--coordinator", "src"]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("zookeeper connection"), "{err}");
    let (code, _, err) = create(&["--coordinator", "zk", "--session-timeout", "1"]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("--session-timeout 1s"), "{err}");
    let (code, _, err) = create(&["--coordinator", "zk"]);
    assert_eq!(code, 3, "{err}");
    assert!(err.contains(&format!("127.0.0.1:{port}")), "{err}");
    assert_eq!(err.trim().lines().count(), 1, "one line: {err}");
    // nothing was created
    let (out, _) = e.expect(0, &["sync", "list", "-o", "json"], None);
    assert_eq!(out.trim(), "[]");
    let (code, _, err) = e.run(&["sync", "status", "t", "--coordinator", "zk"], None);
    assert_eq!(code, 3, "{err}");
}
