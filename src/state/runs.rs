//! Run history: one row per run of a command (start, end, status, exit code, summary) and a
//! bounded log per run.

use super::{StateError, Store, now_rfc3339, process};
use rusqlite::params;
use std::sync::atomic::{AtomicI64, Ordering};

/// Lines kept per run; older lines are dropped as new ones arrive.
pub const MAX_LOG_LINES: i64 = 5000;
/// Runs kept per command; the oldest are pruned when a new one starts.
pub const MAX_RUNS_PER_COMMAND: i64 = 1000;

/// How a run ended (or that it has not). Stored and serialized as the lowercase word.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum RunStatus {
    Running,
    Ok,
    Problems,
    Failed,
    Interrupted,
    /// Never stored: a `running` run whose process is gone from this host.
    Crashed,
}

impl RunStatus {
    pub const ALL: [RunStatus; 6] = [
        RunStatus::Running,
        RunStatus::Ok,
        RunStatus::Problems,
        RunStatus::Failed,
        RunStatus::Interrupted,
        RunStatus::Crashed,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            RunStatus::Running => "running",
            RunStatus::Ok => "ok",
            RunStatus::Problems => "problems",
            RunStatus::Failed => "failed",
            RunStatus::Interrupted => "interrupted",
            RunStatus::Crashed => "crashed",
        }
    }

    pub fn parse(s: &str) -> Option<RunStatus> {
        RunStatus::ALL.into_iter().find(|v| v.as_str() == s)
    }
}

impl std::fmt::Display for RunStatus {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Comparison with the stored word, for callers written when the status was a string.
/// The level of a line in a run's log. Stored as the lowercase word.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum LogLevel {
    Info,
    Warn,
    Error,
}

impl LogLevel {
    pub fn as_str(self) -> &'static str {
        match self {
            LogLevel::Info => "info",
            LogLevel::Warn => "warn",
            LogLevel::Error => "error",
        }
    }

    /// The stored word; also the spellings earlier builds stored (`conn test` wrote its check
    /// statuses: `ok`, `FAIL`).
    pub fn parse(s: &str) -> Option<LogLevel> {
        match s.to_ascii_lowercase().as_str() {
            "info" | "ok" => Some(LogLevel::Info),
            "warn" | "warning" => Some(LogLevel::Warn),
            "error" | "fail" => Some(LogLevel::Error),
            _ => None,
        }
    }
}

impl std::fmt::Display for LogLevel {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.pad(self.as_str())
    }
}

/// One line of a run's log.
#[derive(Debug, Clone, serde::Serialize)]
pub struct LogLine {
    pub ts: String,
    pub level: LogLevel,
    pub message: String,
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
    /// `crashed` for a run whose process died without finishing it.
    pub status: RunStatus,
    pub exit_code: Option<i64>,
    pub summary: Option<serde_json::Value>,
    pub pid: i64,
    pub host: String,
}

impl RunRow {
    /// Wall time of a finished run, in seconds.
    pub fn duration_s(&self) -> Option<f64> {
        let start = chrono::DateTime::parse_from_rfc3339(&self.started_at).ok()?;
        let end = chrono::DateTime::parse_from_rfc3339(self.ended_at.as_deref()?).ok()?;
        Some((end - start).num_milliseconds() as f64 / 1000.0)
    }

    /// The error line a failed run recorded in its summary.
    pub fn error(&self) -> Option<&str> {
        self.summary.as_ref().and_then(|s| s["error"].as_str())
    }
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
    pub fn run_log_at(
        &self,
        run: &RunHandle,
        level: LogLevel,
        message: &str,
    ) -> Result<(), StateError> {
        let seq = run.seq.fetch_add(1, Ordering::Relaxed) + 1;
        self.with(|c| {
            c.execute(
                "INSERT INTO run_logs(run_id, seq, ts, level, message) VALUES (?1, ?2, ?3, ?4, ?5)",
                params![run.id, seq, now_rfc3339(), level.as_str(), message],
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
        let raw = self.with(|c| {
            let mut st = c
                .prepare(
                    "SELECT id, command, target, started_at, ended_at, status, exit_code, summary, pid, host
                     FROM runs WHERE (?1 IS NULL OR command = ?1 OR command LIKE ?1 || ' %')
                     ORDER BY id DESC LIMIT ?2",
                )
                .map_err(|e| StateError::sql(self.path(), e))?;
            st.query_map(params![command, limit], RawRun::read)
                .and_then(|it| it.collect::<Result<Vec<_>, _>>())
                .map_err(|e| StateError::sql(self.path(), e))
        })?;
        let me = process::hostname();
        raw.into_iter().map(|r| r.parse(self, &me)).collect()
    }

    /// One run, or NotFound.
    pub fn run(&self, id: i64) -> Result<RunRow, StateError> {
        let raw = self.with(|c| {
            use rusqlite::OptionalExtension;
            c.query_row(
                "SELECT id, command, target, started_at, ended_at, status, exit_code, summary, pid, host
                 FROM runs WHERE id = ?1",
                [id],
                RawRun::read,
            )
            .optional()
            .map_err(|e| StateError::sql(self.path(), e))
        })?;
        let raw = raw.ok_or_else(|| StateError::NotFound {
            what: "run",
            name: id.to_string(),
            hint: "`shark history` lists the recent runs".into(),
        })?;
        raw.parse(self, &process::hostname())
    }

    /// A run's log lines in order as (timestamp, level word, message), for callers written
    /// before [`LogLine`]. Prefer [`Store::run_log_lines`].
    pub fn run_logs(&self, run_id: i64) -> Result<Vec<(String, String, String)>, StateError> {
        Ok(self
            .run_log_lines(run_id)?
            .into_iter()
            .map(|l| (l.ts, l.level.as_str().to_string(), l.message))
            .collect())
    }

    /// A run's log lines in order.
    pub fn run_log_lines(&self, run_id: i64) -> Result<Vec<LogLine>, StateError> {
        let raw: Vec<(i64, String, String, String)> = self.with(|c| {
            let mut st = c
                .prepare(
                    "SELECT seq, ts, level, message FROM run_logs WHERE run_id = ?1 ORDER BY seq",
                )
                .map_err(|e| StateError::sql(self.path(), e))?;
            st.query_map([run_id], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?))
            })
            .and_then(|it| it.collect::<Result<Vec<_>, _>>())
            .map_err(|e| StateError::sql(self.path(), e))
        })?;
        raw.into_iter()
            .map(|(seq, ts, level, message)| {
                let level = LogLevel::parse(&level).ok_or_else(|| StateError::Corrupt {
                    path: self.path().to_path_buf(),
                    detail: format!(
                        "line {seq} of the log of run {run_id} has an unknown level '{level}'"
                    ),
                })?;
                Ok(LogLine { ts, level, message })
            })
            .collect()
    }
}

/// A run row as SQLite returned it, before its status and summary are parsed.
struct RawRun {
    row: RunRow,
    status: String,
    summary: Option<String>,
}

impl RawRun {
    fn read(r: &rusqlite::Row<'_>) -> rusqlite::Result<RawRun> {
        Ok(RawRun {
            row: RunRow {
                id: r.get(0)?,
                command: r.get(1)?,
                target: r.get(2)?,
                started_at: r.get(3)?,
                ended_at: r.get(4)?,
                status: RunStatus::Running,
                exit_code: r.get(6)?,
                summary: None,
                pid: r.get(8)?,
                host: r.get(9)?,
            },
            status: r.get(5)?,
            summary: r.get(7)?,
        })
    }

    /// An unknown status or an unreadable summary is an error naming the run, never a default.
    fn parse(self, store: &Store, this_host: &str) -> Result<RunRow, StateError> {
        let RawRun {
            mut row,
            status,
            summary,
        } = self;
        let corrupt = |detail: String| StateError::Corrupt {
            path: store.path().to_path_buf(),
            detail,
        };
        row.status = match RunStatus::parse(&status) {
            Some(RunStatus::Crashed) | None => {
                return Err(corrupt(format!(
                    "run {} has an unknown status '{status}'",
                    row.id
                )));
            }
            Some(s) => s,
        };
        if row.status == RunStatus::Running
            && row.host == this_host
            && process::start_time(row.pid).is_none()
        {
            row.status = RunStatus::Crashed;
        }
        row.summary = summary
            .map(|s| {
                serde_json::from_str(&s).map_err(|e| {
                    corrupt(format!("the summary of run {} is not JSON ({e})", row.id))
                })
            })
            .transpose()?;
        Ok(row)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn statuses_and_levels_round_trip_and_bad_stored_values_are_errors() {
        for s in RunStatus::ALL {
            assert_eq!(RunStatus::parse(s.as_str()), Some(s));
            assert_eq!(serde_json::to_value(s).unwrap(), s.as_str());
        }
        for l in [LogLevel::Info, LogLevel::Warn, LogLevel::Error] {
            assert_eq!(LogLevel::parse(l.as_str()), Some(l));
        }
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(&dir.path().join("s.db")).unwrap();
        let run = store.run_start("conn test", None).unwrap();
        store.run_log_at(&run, LogLevel::Warn, "careful").unwrap();
        store.run_log_at(&run, LogLevel::Error, "broken").unwrap();
        store
            .run_finish(&run, RunStatus::Problems, 1, &serde_json::json!({"n": 1}))
            .unwrap();
        let row = store.run(run.id).unwrap();
        assert_eq!(row.status, RunStatus::Problems);
        assert_eq!(row.summary, Some(serde_json::json!({"n": 1})));
        let levels: Vec<LogLevel> = store
            .run_log_lines(run.id)
            .unwrap()
            .iter()
            .map(|l| l.level)
            .collect();
        assert_eq!(levels, [LogLevel::Warn, LogLevel::Error]);
        let set = |sql: &str| {
            store
                .with(|c| {
                    c.execute(sql, [])
                        .map_err(|e| StateError::sql(store.path(), e))
                })
                .unwrap()
        };
        set("UPDATE runs SET summary = '{broken'");
        let err = store.runs(None, 10).unwrap_err().to_string();
        assert!(err.contains(&format!("summary of run {}", run.id)), "{err}");
        set("UPDATE runs SET summary = NULL, status = 'weird'");
        let err = store.run(run.id).unwrap_err().to_string();
        assert!(err.contains("unknown status 'weird'"), "{err}");
        set("UPDATE run_logs SET level = 'loud'");
        assert!(store.run_log_lines(run.id).is_err());
    }
}
