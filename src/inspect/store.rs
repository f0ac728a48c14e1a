//! Inspection reports: the inspect engine's tables (reports) in the shared state file.

use crate::state::Schema;

/// The inspect engine's tables. Append-only: a released migration is never edited.
pub static SCHEMA: Schema = Schema {
    component: "inspect",
    migrations: &[
        // v1 (created by the state file's own v2 in builds before per-engine schemas)
        r#"
    CREATE TABLE IF NOT EXISTS reports (
        id         INTEGER PRIMARY KEY,
        created_at TEXT NOT NULL,
        period     TEXT NOT NULL,
        verdict    TEXT NOT NULL,
        score      INTEGER NOT NULL,
        body       TEXT NOT NULL
    );
    "#,
    ],
};

use super::InspectError;
use super::model::Report;
use crate::state::{StateError, Store, now_rfc3339};
use rusqlite::{OptionalExtension, params};

/// The inspect engine's rows (stored reports) in the shared state file.
pub struct Reports<'a> {
    store: &'a Store,
}

/// A stored report as listed: the columns, and the parts of the body a listing shows.
#[derive(Debug, Clone, serde::Serialize)]
pub struct ReportSummary {
    pub id: i64,
    pub created_at: String,
    pub period: String,
    pub verdict: String,
    pub score: i64,
    /// Number of findings.
    pub findings: usize,
    /// `llm` or `rules`.
    pub analysis: String,
}

/// The part of a stored body a listing reads.
#[derive(serde::Deserialize)]
struct ListedBody {
    findings: Vec<serde::de::IgnoredAny>,
    analysis: ListedAnalysis,
}

#[derive(serde::Deserialize)]
struct ListedAnalysis {
    source: String,
}

fn damaged(id: i64, e: impl std::fmt::Display) -> InspectError {
    InspectError::Damaged {
        id,
        detail: e.to_string(),
    }
}

impl<'a> Reports<'a> {
    /// The report table of `store`, created or migrated if the file lacks it.
    pub fn new(store: &'a Store) -> Result<Reports<'a>, StateError> {
        store.ensure(&SCHEMA)?;
        Ok(Reports { store })
    }

    fn sql(&self) -> impl Fn(rusqlite::Error) -> StateError + '_ {
        |e| StateError::sql(self.store.path(), e)
    }

    /// Save a report: its id and creation time are assigned here and written into the stored
    /// body too (one transaction).
    pub fn insert(&self, report: &mut Report) -> Result<(), InspectError> {
        report.created_at = now_rfc3339();
        let mut body = serde_json::to_value(&*report).map_err(|e| {
            InspectError::Usage(format!("the report cannot be stored as JSON: {e}"))
        })?;
        let sql = self.sql();
        let r = &*report;
        let id = self.store.tx(|tx| {
            tx.execute(
                "INSERT INTO reports(created_at, period, verdict, score, body) VALUES (?1, ?2, ?3, ?4, '{}')",
                params![r.created_at, r.period, r.verdict, r.score],
            )
            .map_err(&sql)?;
            let id = tx.last_insert_rowid();
            body["id"] = id.into();
            tx.execute(
                "UPDATE reports SET body = ?1 WHERE id = ?2",
                params![body.to_string(), id],
            )
            .map_err(&sql)?;
            Ok(id)
        })?;
        report.id = id;
        Ok(())
    }

    /// Rewrite a stored report's body (what happened after it was stored, e.g. its notification).
    pub fn update(&self, report: &Report) -> Result<(), InspectError> {
        let body = serde_json::to_string(report).map_err(|e| {
            InspectError::Usage(format!("the report cannot be stored as JSON: {e}"))
        })?;
        self.store.with(|c| {
            c.execute(
                "UPDATE reports SET body = ?1 WHERE id = ?2",
                params![body, report.id],
            )
            .map_err(self.sql())
        })?;
        Ok(())
    }

    /// Most recent reports first, optionally of one period. A body that cannot be read is an
    /// error naming the report.
    pub fn list(
        &self,
        period: Option<&str>,
        limit: i64,
    ) -> Result<Vec<ReportSummary>, InspectError> {
        type Raw = (i64, String, String, String, i64, String);
        let raw: Vec<Raw> = self.store.rows(
            "SELECT id, created_at, period, verdict, score, body FROM reports
                     WHERE (?1 IS NULL OR period = ?1) ORDER BY id DESC LIMIT ?2",
            params![period, limit],
        )?;
        raw.into_iter()
            .map(|(id, created_at, period, verdict, score, body)| {
                let b: ListedBody = serde_json::from_str(&body).map_err(|e| damaged(id, e))?;
                Ok(ReportSummary {
                    id,
                    created_at,
                    period,
                    verdict,
                    score,
                    findings: b.findings.len(),
                    analysis: b.analysis.source,
                })
            })
            .collect()
    }

    /// The id of the `nth` most recent report (0 = the latest), if there are that many.
    pub fn nth_latest(&self, nth: usize) -> Result<Option<i64>, InspectError> {
        Ok(self.store.with(|c| {
            c.query_row(
                "SELECT id FROM reports ORDER BY id DESC LIMIT 1 OFFSET ?1",
                [nth as i64],
                |r| r.get(0),
            )
            .optional()
            .map_err(self.sql())
        })?)
    }

    /// One report by id, whole.
    pub fn get(&self, id: i64) -> Result<Report, InspectError> {
        let body: String = self
            .store
            .with(|c| {
                c.query_row("SELECT body FROM reports WHERE id = ?1", [id], |r| r.get(0))
                    .optional()
                    .map_err(self.sql())
            })?
            .ok_or_else(|| StateError::NotFound {
                what: "report",
                name: id.to_string(),
                hint: "`shark inspect reports` lists the stored reports".into(),
            })?;
        serde_json::from_str(&body).map_err(|e| damaged(id, e))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_unreadable_stored_report_is_an_error_naming_it() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(&dir.path().join("s.db")).unwrap();
        let reports = Reports::new(&store).unwrap();
        store
            .with(|c| {
                c.execute_batch(
                    "INSERT INTO reports(id, created_at, period, verdict, score, body)
                     VALUES (7, 'now', 'daily', 'ok', 100, '{\"findings\": 3}')",
                )
                .map_err(|e| StateError::sql(store.path(), e))
            })
            .unwrap();
        assert_eq!(reports.nth_latest(0).unwrap(), Some(7));
        assert_eq!(reports.nth_latest(1).unwrap(), None);
        for err in [
            reports.list(None, 10).unwrap_err(),
            reports.get(7).unwrap_err(),
        ] {
            assert!(matches!(err, InspectError::Damaged { id: 7, .. }), "{err}");
            assert!(err.to_string().contains("report 7"), "{err}");
        }
        let err = reports.get(8).unwrap_err();
        assert!(err.to_string().contains("no report named '8'"), "{err}");
    }
}
