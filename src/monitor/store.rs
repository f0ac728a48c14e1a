//! The monitor engine's tables in the state file: definitions, alert history with delivery
//! status. Per-container positions and rule state are checkpoints (task `monitor:NAME`) written
//! in the same transaction as the alerts they produced, so a crash never repeats or loses one.

use super::error::MonitorError;
use super::spec::MonitorSpec;
use crate::state::{Schema, StateError, Store, checkpoints_save, now_rfc3339};
use rusqlite::{OptionalExtension, params};

/// The monitor engine's tables. Append-only: a released migration is never edited.
pub static SCHEMA: Schema = Schema {
    component: "monitor",
    migrations: &[r#"
    CREATE TABLE monitors (
        name       TEXT PRIMARY KEY,
        spec       TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
    );
    CREATE TABLE monitor_alerts (
        id         INTEGER PRIMARY KEY,
        monitor    TEXT NOT NULL,
        rule       TEXT NOT NULL,
        severity   TEXT NOT NULL,
        group_key  TEXT NOT NULL,
        namespace  TEXT,
        pod        TEXT,
        container  TEXT,
        count      INTEGER NOT NULL,
        suppressed INTEGER NOT NULL DEFAULT 0,
        first_ts   TEXT NOT NULL,
        last_ts    TEXT NOT NULL,
        samples    TEXT NOT NULL,
        status     TEXT NOT NULL,
        attempts   INTEGER NOT NULL DEFAULT 0,
        last_error TEXT,
        created_at TEXT NOT NULL,
        sent_at    TEXT
    );
    CREATE INDEX monitor_alerts_by_monitor ON monitor_alerts(monitor, id);
    "#],
};

/// The checkpoint task of a monitor.
pub fn task_key(name: &str) -> String {
    format!("monitor:{name}")
}

/// An alert as recorded.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct AlertRow {
    pub id: i64,
    pub monitor: String,
    pub rule: String,
    pub severity: String,
    pub group_key: String,
    pub namespace: Option<String>,
    pub pod: Option<String>,
    pub container: Option<String>,
    pub count: i64,
    pub suppressed: i64,
    pub first_ts: String,
    pub last_ts: String,
    pub samples: Vec<String>,
    /// pending | sent | failed | recorded (no slack connection)
    pub status: String,
    pub attempts: i64,
    pub last_error: Option<String>,
    pub created_at: String,
    pub sent_at: Option<String>,
}

fn sql(store: &Store) -> impl Fn(rusqlite::Error) -> StateError + '_ {
    move |e| StateError::sql(store.path(), e)
}

/// Typed access to the monitor tables.
pub struct MonitorStore<'a> {
    pub store: &'a Store,
}

impl<'a> MonitorStore<'a> {
    pub fn new(store: &'a Store) -> Result<MonitorStore<'a>, MonitorError> {
        store.ensure(&SCHEMA)?;
        Ok(MonitorStore { store })
    }

    pub fn insert(&self, spec: &MonitorSpec) -> Result<(), MonitorError> {
        let json = serde_json::to_string(spec).map_err(|e| MonitorError::invalid(e.to_string()))?;
        let now = now_rfc3339();
        let inserted = self.store.with(|c| {
            c.execute(
                "INSERT INTO monitors(name, spec, created_at, updated_at) VALUES (?1, ?2, ?3, ?3)
                 ON CONFLICT(name) DO NOTHING",
                params![spec.name, json, now],
            )
            .map_err(sql(self.store))
        })?;
        if inserted == 0 {
            return Err(MonitorError::Exists(spec.name.clone()));
        }
        Ok(())
    }

    pub fn get(&self, name: &str) -> Result<MonitorSpec, MonitorError> {
        let text: Option<String> = self.store.with(|c| {
            c.query_row("SELECT spec FROM monitors WHERE name = ?1", [name], |r| {
                r.get(0)
            })
            .optional()
            .map_err(sql(self.store))
        })?;
        let text = text.ok_or_else(|| MonitorError::NotFound(name.to_string()))?;
        self.parse(name, &text)
    }

    fn parse(&self, name: &str, text: &str) -> Result<MonitorSpec, MonitorError> {
        serde_json::from_str(text).map_err(|e| MonitorError::Corrupt {
            name: name.to_string(),
            path: self.store.path().display().to_string(),
            reason: e.to_string(),
        })
    }

    pub fn list(&self) -> Result<Vec<MonitorSpec>, MonitorError> {
        let rows: Vec<(String, String)> = self.store.with(|c| {
            let mut st = c
                .prepare("SELECT name, spec FROM monitors ORDER BY name")
                .map_err(sql(self.store))?;
            st.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
                .and_then(|it| it.collect())
                .map_err(sql(self.store))
        })?;
        rows.iter().map(|(n, t)| self.parse(n, t)).collect()
    }

    /// Delete a monitor with its checkpoints and alert history.
    pub fn delete(&self, name: &str) -> Result<(), MonitorError> {
        let task = task_key(name);
        let n = self.store.tx(|tx| {
            let n = tx
                .execute("DELETE FROM monitors WHERE name = ?1", [name])
                .map_err(sql(self.store))?;
            tx.execute("DELETE FROM monitor_alerts WHERE monitor = ?1", [name])
                .map_err(sql(self.store))?;
            tx.execute("DELETE FROM checkpoints WHERE task = ?1", [&task])
                .map_err(sql(self.store))?;
            Ok(n)
        })?;
        if n == 0 {
            return Err(MonitorError::NotFound(name.to_string()));
        }
        Ok(())
    }

    /// Commit positions (unit → position) and new alerts together; returns the alerts with ids.
    pub fn commit(
        &self,
        monitor: &str,
        positions: &[(String, serde_json::Value)],
        alerts: Vec<AlertRow>,
    ) -> Result<Vec<AlertRow>, MonitorError> {
        let task = task_key(monitor);
        let out = self.store.tx(|tx| {
            let e = sql(self.store);
            for (unit, pos) in positions {
                checkpoints_save(tx, &task, unit, pos, &serde_json::Value::Null).map_err(&e)?;
            }
            let mut out = Vec::with_capacity(alerts.len());
            for mut a in alerts {
                tx.execute(
                    "INSERT INTO monitor_alerts(monitor, rule, severity, group_key, namespace, pod, container,
                        count, suppressed, first_ts, last_ts, samples, status, attempts, created_at)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, 0, ?14)",
                    params![
                        a.monitor, a.rule, a.severity, a.group_key, a.namespace, a.pod, a.container,
                        a.count, a.suppressed, a.first_ts, a.last_ts,
                        serde_json::to_string(&a.samples).unwrap_or_default(), a.status, a.created_at
                    ],
                )
                .map_err(&e)?;
                a.id = tx.last_insert_rowid();
                out.push(a);
            }
            Ok(out)
        })?;
        Ok(out)
    }

    /// Record a delivery attempt's outcome.
    pub fn alert_status(
        &self,
        id: i64,
        status: &str,
        attempts: i64,
        error: Option<&str>,
    ) -> Result<(), MonitorError> {
        let sent_at = (status == "sent").then(now_rfc3339);
        self.store.with(|c| {
            c.execute(
                "UPDATE monitor_alerts SET status = ?2, attempts = ?3, last_error = ?4,
                    sent_at = COALESCE(?5, sent_at) WHERE id = ?1",
                params![id, status, attempts, error, sent_at],
            )
            .map_err(sql(self.store))
        })?;
        Ok(())
    }

    /// Alerts of a monitor, newest first (`status` filters).
    pub fn alerts(
        &self,
        monitor: &str,
        status: Option<&str>,
        limit: i64,
    ) -> Result<Vec<AlertRow>, MonitorError> {
        self.query_alerts(monitor, status, 0, limit, "DESC")
    }

    /// Pending alerts of a monitor with ids above `after`, oldest first (the delivery queue).
    pub fn pending_alerts(
        &self,
        monitor: &str,
        after: i64,
        limit: i64,
    ) -> Result<Vec<AlertRow>, MonitorError> {
        self.query_alerts(monitor, Some("pending"), after, limit, "ASC")
    }

    fn query_alerts(
        &self,
        monitor: &str,
        status: Option<&str>,
        after: i64,
        limit: i64,
        order: &str,
    ) -> Result<Vec<AlertRow>, MonitorError> {
        Ok(self.store.with(|c| {
            let mut st = c
                .prepare(&format!(
                    "SELECT id, monitor, rule, severity, group_key, namespace, pod, container, count,
                        suppressed, first_ts, last_ts, samples, status, attempts, last_error, created_at, sent_at
                     FROM monitor_alerts WHERE monitor = ?1 AND (?2 IS NULL OR status = ?2) AND id > ?4
                     ORDER BY id {order} LIMIT ?3"
                ))
                .map_err(sql(self.store))?;
            st.query_map(params![monitor, status, limit, after], |r| {
                let samples: String = r.get(12)?;
                Ok(AlertRow {
                    id: r.get(0)?,
                    monitor: r.get(1)?,
                    rule: r.get(2)?,
                    severity: r.get(3)?,
                    group_key: r.get(4)?,
                    namespace: r.get(5)?,
                    pod: r.get(6)?,
                    container: r.get(7)?,
                    count: r.get(8)?,
                    suppressed: r.get(9)?,
                    first_ts: r.get(10)?,
                    last_ts: r.get(11)?,
                    samples: serde_json::from_str(&samples).unwrap_or_default(),
                    status: r.get(13)?,
                    attempts: r.get(14)?,
                    last_error: r.get(15)?,
                    created_at: r.get(16)?,
                    sent_at: r.get(17)?,
                })
            })
            .and_then(|it| it.collect())
            .map_err(sql(self.store))
        })?)
    }

    /// The saved positions of a monitor, by unit.
    pub fn positions(
        &self,
        monitor: &str,
    ) -> Result<Vec<(String, serde_json::Value)>, MonitorError> {
        Ok(self
            .store
            .checkpoints(&task_key(monitor))?
            .into_iter()
            .map(|c| (c.unit, c.position))
            .collect())
    }
}
