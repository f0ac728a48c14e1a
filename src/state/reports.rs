//! Inspection reports: one row per report with its verdict and score for listing, and the
//! whole report as JSON (the inspect engine owns its shape).

use super::{StateError, Store, now_rfc3339};
use rusqlite::{OptionalExtension, params};

/// A stored report.
#[derive(Debug, Clone)]
pub struct ReportRow {
    pub id: i64,
    pub created_at: String,
    pub period: String,
    pub verdict: String,
    pub score: i64,
    pub body: serde_json::Value,
}

impl Store {
    /// Save a report; returns its id and creation time.
    pub fn report_insert(
        &self,
        period: &str,
        verdict: &str,
        score: i64,
        body: &serde_json::Value,
    ) -> Result<(i64, String), StateError> {
        let now = now_rfc3339();
        self.with(|c| {
            c.execute(
                "INSERT INTO reports(created_at, period, verdict, score, body) VALUES (?1, ?2, ?3, ?4, ?5)",
                params![now, period, verdict, score, body.to_string()],
            )
            .map_err(|e| StateError::sql(self.path(), e))?;
            Ok((c.last_insert_rowid(), now.clone()))
        })
    }

    /// Replace a report's body (after its id is known and written into it).
    pub fn report_set_body(&self, id: i64, body: &serde_json::Value) -> Result<(), StateError> {
        self.with(|c| {
            c.execute(
                "UPDATE reports SET body = ?1 WHERE id = ?2",
                params![body.to_string(), id],
            )
            .map_err(|e| StateError::sql(self.path(), e))?;
            Ok(())
        })
    }

    /// Most recent reports first (bodies included), optionally of one period.
    pub fn reports(&self, period: Option<&str>, limit: i64) -> Result<Vec<ReportRow>, StateError> {
        self.with(|c| {
            let mut st = c
                .prepare(
                    "SELECT id, created_at, period, verdict, score, body FROM reports
                     WHERE (?1 IS NULL OR period = ?1) ORDER BY id DESC LIMIT ?2",
                )
                .map_err(|e| StateError::sql(self.path(), e))?;
            st.query_map(params![period, limit], row)
                .and_then(|it| it.collect::<Result<Vec<_>, _>>())
                .map_err(|e| StateError::sql(self.path(), e))
        })
    }

    /// One report by id.
    pub fn report(&self, id: i64) -> Result<ReportRow, StateError> {
        self.with(|c| {
            c.query_row(
                "SELECT id, created_at, period, verdict, score, body FROM reports WHERE id = ?1",
                [id],
                row,
            )
            .optional()
            .map_err(|e| StateError::sql(self.path(), e))
        })?
        .ok_or_else(|| StateError::NotFound {
            what: "report",
            name: id.to_string(),
            hint: "`shark inspect reports` lists the stored reports".into(),
        })
    }
}

fn row(r: &rusqlite::Row<'_>) -> rusqlite::Result<ReportRow> {
    let body: String = r.get(5)?;
    Ok(ReportRow {
        id: r.get(0)?,
        created_at: r.get(1)?,
        period: r.get(2)?,
        verdict: r.get(3)?,
        score: r.get(4)?,
        body: serde_json::from_str(&body).unwrap_or(serde_json::Value::Null),
    })
}
