//! The state file's guarantees through the library API: leases refuse a live holder and take
//! over a dead one, stop requests reach the holder, checkpoints commit atomically.

use shark::state::{Holder, Lease, StateError, Store};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

fn store() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    let s = Store::open(&dir.path().join("shark.db")).unwrap();
    (dir, s)
}

#[test]
fn a_live_holder_refuses_a_second_and_a_killed_one_is_taken_over() {
    let (_d, s) = store();
    // a real second process holds the lease
    let mut child = Command::new("sleep")
        .arg("60")
        .stdin(Stdio::null())
        .spawn()
        .unwrap();
    let other = Holder::local_pid(child.id() as i64);
    let held = Lease::acquire_for(&s, "sync orders", None, other, "sync stop orders").unwrap();
    match Lease::acquire(&s, "sync orders", None, "sync stop orders") {
        Err(e @ StateError::LeaseHeld { .. }) => {
            let msg = e.to_string();
            assert!(
                msg.contains("already running") && msg.contains("shark sync stop orders"),
                "{msg}"
            );
        }
        Err(e) => panic!("unexpected error {e}"),
        Ok(_) => panic!("second holder was not refused"),
    }
    // the holder dies without releasing (kill -9): the next acquire takes over
    std::mem::forget(held);
    child.kill().unwrap();
    child.wait().unwrap();
    let mine = Lease::acquire(&s, "sync orders", None, "sync stop orders")
        .expect("takeover of a dead holder");
    let info = s.lease("sync orders").unwrap().unwrap();
    assert_eq!(info.pid, std::process::id() as i64);
    assert!(info.alive);
    drop(mine);
    assert!(
        s.lease("sync orders").unwrap().is_none(),
        "dropping releases the lease"
    );
}

#[test]
fn two_stores_in_one_file_see_the_same_lease() {
    let (d, s1) = store();
    let s2 = Store::open(&d.path().join("shark.db")).unwrap();
    let mut child = Command::new("sleep").arg("60").spawn().unwrap();
    let _held = Lease::acquire_for(
        &s1,
        "t",
        None,
        Holder::local_pid(child.id() as i64),
        "state stop t",
    )
    .unwrap();
    assert!(matches!(
        Lease::acquire(&s2, "t", None, "state stop t"),
        Err(StateError::LeaseHeld { .. })
    ));
    child.kill().unwrap();
    child.wait().unwrap();
}

#[test]
fn stop_request_reaches_the_holder() {
    let (_d, s) = store();
    let lease = Lease::acquire(&s, "job", None, "state stop job").unwrap();
    assert!(!lease.stop_requested());
    assert!(s.request_stop("job").unwrap().is_some());
    let t0 = Instant::now();
    while !lease.stop_requested() {
        assert!(t0.elapsed() < Duration::from_secs(10), "stop flag not seen");
        std::thread::sleep(Duration::from_millis(100));
    }
    assert!(s.request_stop("nothing-runs-this").unwrap().is_none());
}

#[test]
fn checkpoint_and_progress_commit_together_or_not_at_all() {
    let (_d, s) = store();
    let pos = serde_json::json!({"file": "binlog.000003", "pos": 1068});
    s.checkpoint_save("t", "db.orders", &pos, &serde_json::json!({"rows": 10}))
        .unwrap();
    // a failing write in the same transaction rolls the checkpoint back too
    let res: Result<(), StateError> = s.tx(|tx| {
        shark::state::checkpoints_save(
            tx,
            "t",
            "db.orders",
            &serde_json::json!({"pos": 9999}),
            &serde_json::json!({"rows": 20}),
        )
        .map_err(|e| StateError::sql(std::path::Path::new("x"), e))?;
        tx.execute("INSERT INTO no_such_table VALUES (1)", [])
            .map_err(|e| StateError::sql(std::path::Path::new("x"), e))?;
        Ok(())
    });
    assert!(res.is_err());
    let cp = s.checkpoint("t", "db.orders").unwrap().unwrap();
    assert_eq!(cp.position, pos);
    assert_eq!(cp.progress["rows"], 10);
}

#[test]
fn concurrent_openers_of_a_new_file_migrate_once() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("shark.db");
    let handles: Vec<_> = (0..4)
        .map(|_| {
            let p = path.clone();
            std::thread::spawn(move || Store::open(&p).map(|_| ()))
        })
        .collect();
    for h in handles {
        h.join().unwrap().unwrap();
    }
    let s = Store::open(&path).unwrap();
    assert_eq!(s.info().unwrap()[0].1, shark::state::SCHEMA_VERSION);
}

#[test]
fn an_open_state_file_its_wal_and_shm_are_0600() {
    use std::os::unix::fs::PermissionsExt;
    let (d, s) = store();
    let run = s.run_start("conn test", None).unwrap();
    s.run_log_at(&run, shark::state::LogLevel::Info, "a line")
        .unwrap();
    for name in ["shark.db", "shark.db-wal", "shark.db-shm"] {
        let p = d.path().join(name);
        let mode = std::fs::metadata(&p)
            .unwrap_or_else(|e| panic!("{name}: {e}"))
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o600, "{name}");
    }
}
