//! zk node-control audit entries: which node, which command, its outcome, and the ensemble
//! snapshots (JSON) taken before and after.

use super::{StateError, Store, now_rfc3339, process};
use rusqlite::{OptionalExtension, params};

/// One audit entry.
#[derive(Debug, Clone, serde::Serialize)]
pub struct ZkAuditRow {
    pub id: i64,
    pub conn: String,
    pub node: String,
    pub action: String,
    pub command: String,
    pub exit_code: Option<i64>,
    /// `running` (written before the command runs), `settled`, `unsettled`, `failed`, or
    /// `interrupted` for an entry whose shark process died before finishing it
    pub outcome: String,
    pub message: Option<String>,
    pub before: serde_json::Value,
    pub after: Option<serde_json::Value>,
    pub started_at: String,
    pub finished_at: Option<String>,
    pub run_id: Option<i64>,
}

const COLS: &str = "a.id, a.conn, a.node, a.action, a.command, a.exit_code, a.outcome, a.message, a.before, a.after, a.started_at, a.finished_at, a.run_id, r.pid, r.host";
const FROM: &str = "zk_audit a LEFT JOIN runs r ON r.id = a.run_id";

fn row(r: &rusqlite::Row<'_>) -> rusqlite::Result<ZkAuditRow> {
    let json = |s: Option<String>| s.and_then(|s| serde_json::from_str(&s).ok());
    let mut outcome: String = r.get(6)?;
    let (pid, host): (Option<i64>, Option<String>) = (r.get(13)?, r.get(14)?);
    if outcome == "running"
        && let (Some(pid), Some(host)) = (pid, host)
        && host == process::hostname()
        && process::start_time(pid).is_none()
    {
        outcome = "interrupted".into();
    }
    Ok(ZkAuditRow {
        id: r.get(0)?,
        conn: r.get(1)?,
        node: r.get(2)?,
        action: r.get(3)?,
        command: r.get(4)?,
        exit_code: r.get(5)?,
        outcome,
        message: r.get(7)?,
        before: json(r.get(8)?).unwrap_or(serde_json::Value::Null),
        after: json(r.get(9)?),
        started_at: r.get(10)?,
        finished_at: r.get(11)?,
        run_id: r.get(12)?,
    })
}

impl Store {
    /// Record the start of a node action with the snapshot taken before it.
    pub fn zk_audit_start(
        &self,
        conn: &str,
        node: &str,
        action: &str,
        command: &str,
        before: &serde_json::Value,
        run_id: Option<i64>,
    ) -> Result<i64, StateError> {
        self.tx(|tx| {
            tx.execute(
                "INSERT INTO zk_audit(conn, node, action, command, outcome, before, started_at, run_id) VALUES (?1, ?2, ?3, ?4, 'running', ?5, ?6, ?7)",
                params![conn, node, action, command, before.to_string(), now_rfc3339(), run_id],
            )
            .map_err(|e| StateError::sql(self.path(), e))?;
            Ok(tx.last_insert_rowid())
        })
    }

    /// Complete an audit entry with the command's outcome and the snapshot after it.
    pub fn zk_audit_finish(
        &self,
        id: i64,
        exit_code: Option<i32>,
        outcome: &str,
        message: Option<&str>,
        after: &serde_json::Value,
    ) -> Result<(), StateError> {
        self.tx(|tx| {
            tx.execute(
                "UPDATE zk_audit SET exit_code = ?2, outcome = ?3, message = ?4, after = ?5, finished_at = ?6 WHERE id = ?1",
                params![id, exit_code, outcome, message, after.to_string(), now_rfc3339()],
            )
            .map_err(|e| StateError::sql(self.path(), e))?;
            Ok(())
        })
    }

    /// The newest `limit` entries, newest first, optionally for one node.
    pub fn zk_audit_list(
        &self,
        node: Option<&str>,
        limit: i64,
    ) -> Result<Vec<ZkAuditRow>, StateError> {
        self.with(|c| {
            let mut st = c
                .prepare(&format!(
                    "SELECT {COLS} FROM {FROM} WHERE (?1 IS NULL OR a.node = ?1) ORDER BY a.id DESC LIMIT ?2"
                ))
                .map_err(|e| StateError::sql(self.path(), e))?;
            let rows = st
                .query_map(params![node, limit], row)
                .and_then(|r| r.collect::<rusqlite::Result<Vec<_>>>())
                .map_err(|e| StateError::sql(self.path(), e))?;
            Ok(rows)
        })
    }

    pub fn zk_audit_get(&self, id: i64) -> Result<Option<ZkAuditRow>, StateError> {
        self.with(|c| {
            c.query_row(
                &format!("SELECT {COLS} FROM {FROM} WHERE a.id = ?1"),
                [id],
                row,
            )
            .optional()
            .map_err(|e| StateError::sql(self.path(), e))
        })
    }
}
