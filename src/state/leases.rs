//! Task leases: a running task holds a row (pid, pid start time, host, heartbeat) so a second
//! run of the same task refuses, a lease left by a dead process is taken over, and `stop` from
//! another terminal reaches the holder through the row's stop flag.

use super::{StateError, Store, now_ms, now_rfc3339, process};
use rusqlite::{OptionalExtension, params};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

/// A lease on another host whose heartbeat is older than this is considered abandoned.
pub const LEASE_STALE_AFTER: Duration = Duration::from_secs(30);
const HEARTBEAT_EVERY: Duration = Duration::from_secs(2);

/// Who holds (or wants) a lease.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Holder {
    pub pid: i64,
    pub pid_start: Option<i64>,
    pub host: String,
}

impl Holder {
    /// This process.
    pub fn current() -> Holder {
        let pid = std::process::id() as i64;
        Holder {
            pid,
            pid_start: process::start_time(pid),
            host: process::hostname(),
        }
    }

    /// A process on this host, identified by pid (used to hold a lease on behalf of a child).
    pub fn local_pid(pid: i64) -> Holder {
        Holder {
            pid,
            pid_start: process::start_time(pid),
            host: process::hostname(),
        }
    }
}

/// A lease row as stored.
#[derive(Debug, Clone, serde::Serialize)]
pub struct LeaseInfo {
    pub task: String,
    pub pid: i64,
    pub host: String,
    pub run_id: Option<i64>,
    pub acquired_at: String,
    pub heartbeat_age_s: i64,
    pub stop_requested: Option<String>,
    /// Whether the holder is still alive as far as this host can tell.
    pub alive: bool,
}

impl LeaseInfo {
    /// What the holder is doing, as `shark state leases` shows it.
    pub fn state(&self) -> &'static str {
        match (self.alive, &self.stop_requested) {
            (true, Some(_)) => "stopping",
            (true, None) => "running",
            (false, _) => "dead (will be taken over)",
        }
    }
}

/// A held lease. Heartbeats in a background thread until dropped; dropping releases it.
pub struct Lease {
    task: String,
    holder: Holder,
    stop: Arc<AtomicBool>,
    lost: Arc<AtomicBool>,
    quit: Arc<AtomicBool>,
    thread: Option<std::thread::JoinHandle<()>>,
    path: std::path::PathBuf,
}

impl Lease {
    /// Take the lease on `task` for this process. `stop_hint` is the command that stops the
    /// holder, quoted in the refusal message (e.g. "sync stop orders").
    pub fn acquire(
        store: &Store,
        task: &str,
        run_id: Option<i64>,
        stop_hint: &str,
    ) -> Result<Lease, StateError> {
        Self::acquire_for(store, task, run_id, Holder::current(), stop_hint)
    }

    /// Take the lease on behalf of `holder`.
    pub fn acquire_for(
        store: &Store,
        task: &str,
        run_id: Option<i64>,
        holder: Holder,
        stop_hint: &str,
    ) -> Result<Lease, StateError> {
        let path = store.path().to_path_buf();
        store.tx(|tx| {
            let existing = read(tx, task).map_err(|e| StateError::sql(&path, e))?;
            if let Some(info) = existing {
                if info.alive && !(info.pid == holder.pid && info.host == holder.host) {
                    return Err(StateError::LeaseHeld {
                        task: task.to_string(),
                        pid: info.pid,
                        host: info.host,
                        age: info.heartbeat_age_s,
                        stop_hint: stop_hint.to_string(),
                    });
                }
                tracing::warn!(
                    task,
                    pid = info.pid,
                    host = %info.host,
                    "taking over the lease of a process that is gone"
                );
            }
            tx.execute(
                "INSERT OR REPLACE INTO leases(task, pid, pid_start, host, run_id, acquired_at, heartbeat_ms, stop_requested)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, NULL)",
                params![task, holder.pid, holder.pid_start, holder.host, run_id, now_rfc3339(), now_ms()],
            )
            .map_err(|e| StateError::sql(&path, e))?;
            Ok(())
        })?;
        let conn = store.reopen()?;
        let stop = Arc::new(AtomicBool::new(false));
        let lost = Arc::new(AtomicBool::new(false));
        let quit = Arc::new(AtomicBool::new(false));
        let thread = {
            let (task, holder) = (task.to_string(), holder.clone());
            let (stop, lost, quit) = (stop.clone(), lost.clone(), quit.clone());
            std::thread::Builder::new()
                .name("lease-heartbeat".into())
                .spawn(move || heartbeat(conn, &task, &holder, &stop, &lost, &quit))
                .map_err(|e| StateError::Io {
                    path: path.clone(),
                    source: e,
                })?
        };
        Ok(Lease {
            task: task.to_string(),
            holder,
            stop,
            lost,
            quit,
            thread: Some(thread),
            path,
        })
    }

    pub fn task(&self) -> &str {
        &self.task
    }

    /// True once another process asked this task to stop (`shark ... stop`).
    pub fn stop_requested(&self) -> bool {
        self.stop.load(Ordering::Relaxed)
    }

    /// Fails once another process has taken the lease over: the holder must stop writing.
    pub fn check(&self) -> Result<(), StateError> {
        if self.lost.load(Ordering::Relaxed) {
            return Err(StateError::LeaseLost {
                task: self.task.clone(),
            });
        }
        Ok(())
    }
}

impl Drop for Lease {
    fn drop(&mut self) {
        self.quit.store(true, Ordering::Relaxed);
        if let Some(t) = self.thread.take() {
            t.thread().unpark();
            let _ = t.join();
        }
        if let Ok(conn) = super::open_conn(&self.path) {
            let _ = conn.execute(
                "DELETE FROM leases WHERE task = ?1 AND pid = ?2 AND host = ?3",
                params![self.task, self.holder.pid, self.holder.host],
            );
        }
    }
}

fn heartbeat(
    conn: rusqlite::Connection,
    task: &str,
    holder: &Holder,
    stop: &AtomicBool,
    lost: &AtomicBool,
    quit: &AtomicBool,
) {
    while !quit.load(Ordering::Relaxed) {
        std::thread::park_timeout(HEARTBEAT_EVERY);
        if quit.load(Ordering::Relaxed) {
            break;
        }
        let res = conn.execute(
            "UPDATE leases SET heartbeat_ms = ?1 WHERE task = ?2 AND pid = ?3 AND host = ?4",
            params![now_ms(), task, holder.pid, holder.host],
        );
        match res {
            Ok(0) => lost.store(true, Ordering::Relaxed),
            Ok(_) => {}
            Err(e) => tracing::warn!(task, error = %e, "lease heartbeat failed"),
        }
        let requested: Option<Option<String>> = conn
            .query_row(
                "SELECT stop_requested FROM leases WHERE task = ?1 AND pid = ?2",
                params![task, holder.pid],
                |r| r.get(0),
            )
            .optional()
            .unwrap_or(None);
        if matches!(requested, Some(Some(_))) {
            stop.store(true, Ordering::Relaxed);
        }
    }
}

fn read(conn: &rusqlite::Connection, task: &str) -> rusqlite::Result<Option<LeaseInfo>> {
    conn.query_row(
        "SELECT task, pid, pid_start, host, run_id, acquired_at, heartbeat_ms, stop_requested FROM leases WHERE task = ?1",
        [task],
        row_to_info,
    )
    .optional()
}

fn row_to_info(r: &rusqlite::Row<'_>) -> rusqlite::Result<LeaseInfo> {
    let pid: i64 = r.get(1)?;
    let pid_start: Option<i64> = r.get(2)?;
    let host: String = r.get(3)?;
    let heartbeat_ms: i64 = r.get(6)?;
    let age_ms = (now_ms() - heartbeat_ms).max(0);
    let alive = if host == process::hostname() {
        // same host: the process itself is the truth, whatever the heartbeat says
        match process::start_time(pid) {
            Some(start) => pid_start.is_none_or(|s| s == start),
            None => false,
        }
    } else {
        age_ms < LEASE_STALE_AFTER.as_millis() as i64
    };
    Ok(LeaseInfo {
        task: r.get(0)?,
        pid,
        host,
        run_id: r.get(4)?,
        acquired_at: r.get(5)?,
        heartbeat_age_s: age_ms / 1000,
        stop_requested: r.get(7)?,
        alive,
    })
}

impl Store {
    /// All leases, with liveness as seen from this host.
    pub fn leases(&self) -> Result<Vec<LeaseInfo>, StateError> {
        self.with(|c| {
            let mut st = c
                .prepare("SELECT task, pid, pid_start, host, run_id, acquired_at, heartbeat_ms, stop_requested FROM leases ORDER BY task")
                .map_err(|e| StateError::sql(self.path(), e))?;
            let rows = st
                .query_map([], row_to_info)
                .and_then(|it| it.collect::<Result<Vec<_>, _>>())
                .map_err(|e| StateError::sql(self.path(), e))?;
            Ok(rows)
        })
    }

    /// The lease on `task`, if any.
    pub fn lease(&self, task: &str) -> Result<Option<LeaseInfo>, StateError> {
        self.with(|c| read(c, task).map_err(|e| StateError::sql(self.path(), e)))
    }

    /// Ask the holder of `task` to stop at its next checkpoint. Returns the lease that was
    /// flagged, or None when nothing holds the task.
    /// [`Store::request_stop`] for a task that must be running: NotFound otherwise.
    pub fn request_stop_running(&self, task: &str) -> Result<LeaseInfo, StateError> {
        self.request_stop(task)?
            .ok_or_else(|| StateError::NotFound {
                what: "running task",
                name: task.to_string(),
                hint: "`shark state leases` lists the running tasks".into(),
            })
    }

    pub fn request_stop(&self, task: &str) -> Result<Option<LeaseInfo>, StateError> {
        self.tx(|tx| {
            let n = tx
                .execute(
                    "UPDATE leases SET stop_requested = ?1 WHERE task = ?2",
                    params![now_rfc3339(), task],
                )
                .map_err(|e| StateError::sql(self.path(), e))?;
            if n == 0 {
                return Ok(None);
            }
            read(tx, task).map_err(|e| StateError::sql(self.path(), e))
        })
    }
}
