//! Deploy plans and their executions: the stored plan (hosts, action, options), one row per
//! execution, and per host its result and its output lines (bounded), so `deploy show` can replay
//! a past run.

use super::{StateError, Store, now_rfc3339};
use rusqlite::{OptionalExtension, params};

/// A stored plan. `spec` and `hosts` are the engine's JSON (see `crate::deploy::Plan`).
#[derive(Debug, Clone)]
pub struct PlanRow {
    pub id: i64,
    pub created_at: String,
    pub selector: String,
    pub spec: serde_json::Value,
    pub hosts: serde_json::Value,
}

/// One execution of a plan.
#[derive(Debug, Clone, serde::Serialize)]
pub struct ExecRow {
    pub id: i64,
    pub plan_id: i64,
    pub run_id: Option<i64>,
    pub started_at: String,
    pub ended_at: Option<String>,
    pub status: String,
    pub summary: Option<serde_json::Value>,
}

/// One host's result in an execution.
#[derive(Debug, Clone, serde::Serialize)]
pub struct ResultRow {
    pub host: String,
    pub batch: i64,
    pub status: String,
    pub reason: Option<String>,
    pub exit_code: Option<i64>,
    pub started_at: Option<String>,
    pub duration_ms: i64,
    pub bytes: i64,
    pub truncated: bool,
}

/// One line of a host's output.
#[derive(Debug, Clone, serde::Serialize)]
pub struct OutputLine {
    pub host: String,
    pub stream: String,
    pub line: String,
}

impl Store {
    /// Store a new plan; returns its id.
    pub fn deploy_plan_save(
        &self,
        selector: &str,
        spec: &serde_json::Value,
        hosts: &serde_json::Value,
    ) -> Result<i64, StateError> {
        self.tx(|tx| {
            tx.execute(
                "INSERT INTO deploy_plans(created_at, selector, spec, hosts) VALUES (?1, ?2, ?3, ?4)",
                params![now_rfc3339(), selector, spec.to_string(), hosts.to_string()],
            )
            .map_err(|e| StateError::sql(self.path(), e))?;
            Ok(tx.last_insert_rowid())
        })
    }

    /// One plan by id.
    pub fn deploy_plan(&self, id: i64) -> Result<PlanRow, StateError> {
        self.with(|c| {
            c.query_row(
                "SELECT id, created_at, selector, spec, hosts FROM deploy_plans WHERE id = ?1",
                [id],
                row_to_plan,
            )
            .optional()
            .map_err(|e| StateError::sql(self.path(), e))?
            .ok_or_else(|| StateError::NotFound {
                what: "deploy plan",
                name: id.to_string(),
                hint: "see `shark deploy plans`".into(),
            })
        })
    }

    /// Most recent plans first.
    pub fn deploy_plans(&self, limit: i64) -> Result<Vec<PlanRow>, StateError> {
        self.with(|c| {
            let mut st = c
                .prepare("SELECT id, created_at, selector, spec, hosts FROM deploy_plans ORDER BY id DESC LIMIT ?1")
                .map_err(|e| StateError::sql(self.path(), e))?;
            st.query_map([limit], row_to_plan)
                .and_then(|it| it.collect::<Result<Vec<_>, _>>())
                .map_err(|e| StateError::sql(self.path(), e))
        })
    }

    /// Record the start of an execution of a plan.
    pub fn deploy_exec_start(&self, plan_id: i64, run_id: Option<i64>) -> Result<i64, StateError> {
        self.tx(|tx| {
            tx.execute(
                "INSERT INTO deploy_execs(plan_id, run_id, started_at, status) VALUES (?1, ?2, ?3, 'running')",
                params![plan_id, run_id, now_rfc3339()],
            )
            .map_err(|e| StateError::sql(self.path(), e))?;
            Ok(tx.last_insert_rowid())
        })
    }

    /// Record the end of an execution.
    pub fn deploy_exec_finish(
        &self,
        exec_id: i64,
        status: &str,
        summary: &serde_json::Value,
    ) -> Result<(), StateError> {
        self.with(|c| {
            c.execute(
                "UPDATE deploy_execs SET ended_at = ?1, status = ?2, summary = ?3 WHERE id = ?4",
                params![now_rfc3339(), status, summary.to_string(), exec_id],
            )
            .map_err(|e| StateError::sql(self.path(), e))?;
            Ok(())
        })
    }

    /// Executions of a plan, most recent first.
    pub fn deploy_execs(&self, plan_id: i64) -> Result<Vec<ExecRow>, StateError> {
        self.with(|c| {
            let mut st = c
                .prepare(
                    "SELECT id, plan_id, run_id, started_at, ended_at, status, summary
                     FROM deploy_execs WHERE plan_id = ?1 ORDER BY id DESC",
                )
                .map_err(|e| StateError::sql(self.path(), e))?;
            st.query_map([plan_id], |r| {
                let summary: Option<String> = r.get(6)?;
                Ok(ExecRow {
                    id: r.get(0)?,
                    plan_id: r.get(1)?,
                    run_id: r.get(2)?,
                    started_at: r.get(3)?,
                    ended_at: r.get(4)?,
                    status: r.get(5)?,
                    summary: summary.and_then(|s| serde_json::from_str(&s).ok()),
                })
            })
            .and_then(|it| it.collect::<Result<Vec<_>, _>>())
            .map_err(|e| StateError::sql(self.path(), e))
        })
    }

    /// Store one host's result and its output lines together (one transaction).
    pub fn deploy_result_save(
        &self,
        exec_id: i64,
        result: &ResultRow,
        output: &[(String, String)],
    ) -> Result<(), StateError> {
        let sql = |e| StateError::sql(self.path(), e);
        self.tx(|tx| {
            tx.execute(
                "INSERT OR REPLACE INTO deploy_results(exec_id, host, batch, status, reason, exit_code, started_at, duration_ms, bytes, truncated)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
                params![
                    exec_id,
                    result.host,
                    result.batch,
                    result.status,
                    result.reason,
                    result.exit_code,
                    result.started_at,
                    result.duration_ms,
                    result.bytes,
                    result.truncated
                ],
            )
            .map_err(sql)?;
            let mut st = tx
                .prepare("INSERT INTO deploy_output(exec_id, host, seq, stream, line) VALUES (?1, ?2, ?3, ?4, ?5)")
                .map_err(sql)?;
            for (i, (stream, line)) in output.iter().enumerate() {
                st.execute(params![exec_id, result.host, i as i64, stream, line])
                    .map_err(sql)?;
            }
            Ok(())
        })
    }

    /// Results of an execution, in the order hosts finished.
    pub fn deploy_results(&self, exec_id: i64) -> Result<Vec<ResultRow>, StateError> {
        self.with(|c| {
            let mut st = c
                .prepare(
                    "SELECT host, batch, status, reason, exit_code, started_at, duration_ms, bytes, truncated
                     FROM deploy_results WHERE exec_id = ?1 ORDER BY rowid",
                )
                .map_err(|e| StateError::sql(self.path(), e))?;
            st.query_map([exec_id], |r| {
                Ok(ResultRow {
                    host: r.get(0)?,
                    batch: r.get(1)?,
                    status: r.get(2)?,
                    reason: r.get(3)?,
                    exit_code: r.get(4)?,
                    started_at: r.get(5)?,
                    duration_ms: r.get(6)?,
                    bytes: r.get(7)?,
                    truncated: r.get(8)?,
                })
            })
            .and_then(|it| it.collect::<Result<Vec<_>, _>>())
            .map_err(|e| StateError::sql(self.path(), e))
        })
    }

    /// Output lines of an execution (optionally one host), host by host in order.
    pub fn deploy_output(
        &self,
        exec_id: i64,
        host: Option<&str>,
    ) -> Result<Vec<OutputLine>, StateError> {
        self.with(|c| {
            let mut st = c
                .prepare(
                    "SELECT o.host, o.stream, o.line FROM deploy_output o
                     JOIN deploy_results r ON r.exec_id = o.exec_id AND r.host = o.host
                     WHERE o.exec_id = ?1 AND (?2 IS NULL OR o.host = ?2) ORDER BY r.rowid, o.seq",
                )
                .map_err(|e| StateError::sql(self.path(), e))?;
            st.query_map(params![exec_id, host], |r| {
                Ok(OutputLine {
                    host: r.get(0)?,
                    stream: r.get(1)?,
                    line: r.get(2)?,
                })
            })
            .and_then(|it| it.collect::<Result<Vec<_>, _>>())
            .map_err(|e| StateError::sql(self.path(), e))
        })
    }
}

fn row_to_plan(r: &rusqlite::Row<'_>) -> rusqlite::Result<PlanRow> {
    let spec: String = r.get(3)?;
    let hosts: String = r.get(4)?;
    Ok(PlanRow {
        id: r.get(0)?,
        created_at: r.get(1)?,
        selector: r.get(2)?,
        spec: serde_json::from_str(&spec).unwrap_or(serde_json::Value::Null),
        hosts: serde_json::from_str(&hosts).unwrap_or(serde_json::Value::Null),
    })
}
