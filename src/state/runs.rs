//! Run history: one row per run of a command (start, end, status, exit code, summary) and a
//! bounded log per run.

use super::{StateError, Store, now_rfc3339, process};
use rusqlite::params;
use std::sync::atomic::{AtomicI64, Ordering};

/// Lines kept per run; older lines are dropped as new ones arrive.
pub const MAX_LOG_LINES: i64 = 5000;
/// Runs kept per command; the oldest are pruned when a new one starts.
pub const MAX_RUNS_PER_COMMAND: i64 = 1000;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RunStatus {
    Running,
    Ok,
    Problems,
    Failed,
    Interrupted,
}

impl RunStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            RunStatus::Running => "running",
            RunStatus::Ok => "ok",
            RunStatus::Problems => "problems",
            RunStatus::Failed => "failed",
            RunStatus::Interrupted => "interrupted",
        }
    }
}

/// A run in progress.
#[derive(Debug)]
pub struct RunHandle {
    pub id: i64,
    seq: AtomicI64,
}

/// A run as listed by `shark history`.
#[derive(Debug, Clone, serde::Serialize)]
pub struct RunRow {
    pub id: i64,
    pub command: String,
    pub target: Option<String>,
    pub started_at: String,
    pub ended_at: Option<String>,
    /// `running`, `ok`, `problems`, `failed`, `interrupted`, or `crashed` for a run whose
    /// process died without finishing it.
    pub status: String,
    pub exit_code: Option<i64>,
    pub summary: Option<serde_json::Value>,
    pub pid: i64,
    pub host: String,
}

impl Store {
    /// Record the start of a run.
    pub fn run_start(&self, command: &str, target: Option<&str>) -> Result<RunHandle, StateError> {
        let pid = std::process::id() as i64;
        let host = process::hostname();
        let id = self.tx(|tx| {
            tx.execute(
                "INSERT INTO runs(command, target, started_at, status, pid, host) VALUES (?1, ?2, ?3, 'running', ?4, ?5)",
                params![command, target, now_rfc3339(), pid, host],
            )
            .map_err(|e| StateError::sql(self.path(), e))?;
            let id = tx.last_insert_rowid();
            tx.execute(
                "DELETE FROM runs WHERE command = ?1 AND id <= (SELECT id FROM runs WHERE command = ?1 ORDER BY id DESC LIMIT 1 OFFSET ?2)",
                params![command, MAX_RUNS_PER_COMMAND],
            )
            .map_err(|e| StateError::sql(self.path(), e))?;
            Ok(id)
        })?;
        Ok(RunHandle {
            id,
            seq: AtomicI64::new(0),
        })
    }

    /// Record the end of a run.
    pub fn run_finish(
        &self,
        run: &RunHandle,
        status: RunStatus,
        exit_code: i32,
        summary: &serde_json::Value,
    ) -> Result<(), StateError> {
        self.with(|c| {
            c.execute(
                "UPDATE runs SET ended_at = ?1, status = ?2, exit_code = ?3, summary = ?4 WHERE id = ?5",
                params![now_rfc3339(), status.as_str(), exit_code, summary.to_string(), run.id],
            )
            .map_err(|e| StateError::sql(self.path(), e))?;
            Ok(())
        })
    }

    /// Append a line to a run's log, keeping at most [`MAX_LOG_LINES`].
    pub fn run_log(&self, run: &RunHandle, level: &str, message: &str) -> Result<(), StateError> {
        let seq = run.seq.fetch_add(1, Ordering::Relaxed) + 1;
        self.with(|c| {
            c.execute(
                "INSERT INTO run_logs(run_id, seq, ts, level, message) VALUES (?1, ?2, ?3, ?4, ?5)",
                params![run.id, seq, now_rfc3339(), level, message],
            )
            .map_err(|e| StateError::sql(self.path(), e))?;
            if seq > MAX_LOG_LINES {
                c.execute(
                    "DELETE FROM run_logs WHERE run_id = ?1 AND seq <= ?2",
                    params![run.id, seq - MAX_LOG_LINES],
                )
                .map_err(|e| StateError::sql(self.path(), e))?;
            }
            Ok(())
        })
    }

    /// Most recent runs first, optionally only of one command (prefix match on the command).
    pub fn runs(&self, command: Option<&str>, limit: i64) -> Result<Vec<RunRow>, StateError> {
        let me = process::hostname();
        self.with(|c| {
            let mut st = c
                .prepare(
                    "SELECT id, command, target, started_at, ended_at, status, exit_code, summary, pid, host
                     FROM runs WHERE (?1 IS NULL OR command = ?1 OR command LIKE ?1 || ' %')
                     ORDER BY id DESC LIMIT ?2",
                )
                .map_err(|e| StateError::sql(self.path(), e))?;
            let rows = st
                .query_map(params![command, limit], |r| {
                    let summary: Option<String> = r.get(7)?;
                    let pid: i64 = r.get(8)?;
                    let host: String = r.get(9)?;
                    let mut status: String = r.get(5)?;
                    if status == "running" && host == me && process::start_time(pid).is_none() {
                        status = "crashed".into();
                    }
                    Ok(RunRow {
                        id: r.get(0)?,
                        command: r.get(1)?,
                        target: r.get(2)?,
                        started_at: r.get(3)?,
                        ended_at: r.get(4)?,
                        status,
                        exit_code: r.get(6)?,
                        summary: summary.and_then(|s| serde_json::from_str(&s).ok()),
                        pid,
                        host,
                    })
                })
                .and_then(|it| it.collect::<Result<Vec<_>, _>>())
                .map_err(|e| StateError::sql(self.path(), e))?;
            Ok(rows)
        })
    }

    /// A run's log lines in order: (timestamp, level, message).
    pub fn run_logs(&self, run_id: i64) -> Result<Vec<(String, String, String)>, StateError> {
        self.with(|c| {
            let mut st = c
                .prepare("SELECT ts, level, message FROM run_logs WHERE run_id = ?1 ORDER BY seq")
                .map_err(|e| StateError::sql(self.path(), e))?;
            let rows = st
                .query_map([run_id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
                .and_then(|it| it.collect::<Result<Vec<_>, _>>())
                .map_err(|e| StateError::sql(self.path(), e))?;
            Ok(rows)
        })
    }
}
