//! Sync tasks (their definition as JSON, owned by the sync engine) and per-unit progress:
//! phase, the last copied key and row counts. A unit's progress is written in the same
//! transaction as the checkpoint it belongs with.

use super::{StateError, Store, now_rfc3339};
use rusqlite::{OptionalExtension, Transaction, params};

/// A unit (table) of a sync task.
#[derive(Debug, Clone, serde::Serialize)]
pub struct UnitRow {
    pub unit: String,
    /// pending | copying | copied
    pub phase: String,
    /// Resume key of the full copy (JSON), when copying.
    pub last_key: Option<serde_json::Value>,
    pub rows_done: i64,
    pub rows_total: Option<i64>,
    pub note: Option<String>,
    pub updated_at: String,
}

/// Write a unit's progress inside an open transaction.
pub fn save_unit(tx: &Transaction<'_>, task: &str, u: &UnitRow) -> rusqlite::Result<()> {
    tx.execute(
        "INSERT INTO sync_units(task, unit, phase, last_key, rows_done, rows_total, note, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
         ON CONFLICT(task, unit) DO UPDATE SET phase = excluded.phase, last_key = excluded.last_key,
           rows_done = excluded.rows_done, rows_total = excluded.rows_total, note = excluded.note,
           updated_at = excluded.updated_at",
        params![
            task,
            u.unit,
            u.phase,
            u.last_key.as_ref().map(|k| k.to_string()),
            u.rows_done,
            u.rows_total,
            u.note,
            now_rfc3339()
        ],
    )?;
    Ok(())
}

impl Store {
    pub fn sync_task_insert(&self, name: &str, spec: &serde_json::Value) -> Result<(), StateError> {
        self.tx(|tx| {
            let exists = tx
                .query_row("SELECT 1 FROM sync_tasks WHERE name = ?1", [name], |_| Ok(()))
                .optional()
                .map_err(|e| StateError::sql(self.path(), e))?
                .is_some();
            if exists {
                return Err(StateError::Exists {
                    what: "sync task",
                    name: name.into(),
                    hint: "pick another name or `shark sync rm` it first".into(),
                });
            }
            let now = now_rfc3339();
            tx.execute(
                "INSERT INTO sync_tasks(name, spec, created_at, updated_at) VALUES (?1, ?2, ?3, ?3)",
                params![name, spec.to_string(), now],
            )
            .map_err(|e| StateError::sql(self.path(), e))?;
            Ok(())
        })
    }

    /// (name, spec, created_at) of every task.
    pub fn sync_tasks(&self) -> Result<Vec<(String, serde_json::Value, String)>, StateError> {
        self.with(|c| {
            let mut st = c
                .prepare("SELECT name, spec, created_at FROM sync_tasks ORDER BY name")
                .map_err(|e| StateError::sql(self.path(), e))?;
            st.query_map([], |r| {
                let spec: String = r.get(1)?;
                Ok((
                    r.get(0)?,
                    serde_json::from_str(&spec).unwrap_or_default(),
                    r.get(2)?,
                ))
            })
            .and_then(|it| it.collect::<Result<Vec<_>, _>>())
            .map_err(|e| StateError::sql(self.path(), e))
        })
    }

    pub fn sync_task(&self, name: &str) -> Result<serde_json::Value, StateError> {
        self.with(|c| {
            c.query_row("SELECT spec FROM sync_tasks WHERE name = ?1", [name], |r| {
                r.get::<_, String>(0)
            })
            .optional()
            .map_err(|e| StateError::sql(self.path(), e))
        })?
        .map(|s| serde_json::from_str(&s).unwrap_or_default())
        .ok_or_else(|| StateError::NotFound {
            what: "sync task",
            name: name.into(),
            hint: "`shark sync list` shows the tasks".into(),
        })
    }

    /// Delete a task with its units and checkpoints.
    pub fn sync_task_delete(&self, name: &str) -> Result<(), StateError> {
        self.tx(|tx| {
            let n = tx
                .execute("DELETE FROM sync_tasks WHERE name = ?1", [name])
                .map_err(|e| StateError::sql(self.path(), e))?;
            if n == 0 {
                return Err(StateError::NotFound {
                    what: "sync task",
                    name: name.into(),
                    hint: "`shark sync list` shows the tasks".into(),
                });
            }
            tx.execute(
                "DELETE FROM checkpoints WHERE task = ?1",
                [format!("sync:{name}")],
            )
            .map_err(|e| StateError::sql(self.path(), e))?;
            Ok(())
        })
    }

    pub fn sync_units(&self, task: &str) -> Result<Vec<UnitRow>, StateError> {
        self.with(|c| {
            let mut st = c
                .prepare("SELECT unit, phase, last_key, rows_done, rows_total, note, updated_at FROM sync_units WHERE task = ?1 ORDER BY unit")
                .map_err(|e| StateError::sql(self.path(), e))?;
            st.query_map([task], |r| {
                let key: Option<String> = r.get(2)?;
                Ok(UnitRow {
                    unit: r.get(0)?,
                    phase: r.get(1)?,
                    last_key: key.and_then(|k| serde_json::from_str(&k).ok()),
                    rows_done: r.get(3)?,
                    rows_total: r.get(4)?,
                    note: r.get(5)?,
                    updated_at: r.get(6)?,
                })
            })
            .and_then(|it| it.collect::<Result<Vec<_>, _>>())
            .map_err(|e| StateError::sql(self.path(), e))
        })
    }

    /// Forget units (all, or one) so they are copied again; the binlog checkpoint goes too when
    /// all units are reset.
    pub fn sync_reset(&self, task: &str, unit: Option<&str>) -> Result<usize, StateError> {
        self.tx(|tx| {
            let n = tx
                .execute(
                    "DELETE FROM sync_units WHERE task = ?1 AND (?2 IS NULL OR unit = ?2)",
                    params![task, unit],
                )
                .map_err(|e| StateError::sql(self.path(), e))?;
            if unit.is_none() {
                tx.execute(
                    "DELETE FROM checkpoints WHERE task = ?1",
                    [format!("sync:{task}")],
                )
                .map_err(|e| StateError::sql(self.path(), e))?;
            }
            Ok(n)
        })
    }
}
