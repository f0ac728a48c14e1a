//! Checkpoints: per (task, unit) the position to resume from and the progress it describes,
//! written in the same transaction as whatever else the engine commits with them.

use super::{StateError, Store, now_rfc3339};
use rusqlite::{OptionalExtension, Transaction, params};

/// A saved checkpoint.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Checkpoint {
    pub task: String,
    pub unit: String,
    /// Engine-defined resume position (binlog coordinates, last key, search_after values...).
    pub position: serde_json::Value,
    /// Engine-defined progress counters (rows copied, phase...).
    pub progress: serde_json::Value,
    pub updated_at: String,
}

/// Write a checkpoint inside an open transaction, so it commits with the engine's other writes.
pub fn save(
    tx: &Transaction<'_>,
    task: &str,
    unit: &str,
    position: &serde_json::Value,
    progress: &serde_json::Value,
) -> rusqlite::Result<()> {
    tx.execute(
        "INSERT INTO checkpoints(task, unit, position, progress, updated_at) VALUES (?1, ?2, ?3, ?4, ?5)
         ON CONFLICT(task, unit) DO UPDATE SET position = excluded.position, progress = excluded.progress, updated_at = excluded.updated_at",
        params![task, unit, position.to_string(), progress.to_string(), now_rfc3339()],
    )?;
    Ok(())
}

impl Store {
    /// Save one checkpoint in its own transaction.
    pub fn checkpoint_save(
        &self,
        task: &str,
        unit: &str,
        position: &serde_json::Value,
        progress: &serde_json::Value,
    ) -> Result<(), StateError> {
        self.tx(|tx| {
            save(tx, task, unit, position, progress).map_err(|e| StateError::sql(self.path(), e))
        })
    }

    /// The checkpoint of one unit.
    pub fn checkpoint(&self, task: &str, unit: &str) -> Result<Option<Checkpoint>, StateError> {
        self.with(|c| {
            c.query_row(
                "SELECT task, unit, position, progress, updated_at FROM checkpoints WHERE task = ?1 AND unit = ?2",
                params![task, unit],
                row_to_checkpoint,
            )
            .optional()
            .map_err(|e| StateError::sql(self.path(), e))
        })
    }

    /// All checkpoints of a task, by unit.
    pub fn checkpoints(&self, task: &str) -> Result<Vec<Checkpoint>, StateError> {
        self.with(|c| {
            let mut st = c
                .prepare("SELECT task, unit, position, progress, updated_at FROM checkpoints WHERE task = ?1 ORDER BY unit")
                .map_err(|e| StateError::sql(self.path(), e))?;
            st.query_map([task], row_to_checkpoint)
                .and_then(|it| it.collect::<Result<Vec<_>, _>>())
                .map_err(|e| StateError::sql(self.path(), e))
        })
    }

    /// Forget the checkpoints of a task (all units, or one).
    pub fn checkpoint_clear(&self, task: &str, unit: Option<&str>) -> Result<usize, StateError> {
        self.with(|c| {
            c.execute(
                "DELETE FROM checkpoints WHERE task = ?1 AND (?2 IS NULL OR unit = ?2)",
                params![task, unit],
            )
            .map_err(|e| StateError::sql(self.path(), e))
        })
    }
}

fn row_to_checkpoint(r: &rusqlite::Row<'_>) -> rusqlite::Result<Checkpoint> {
    let position: String = r.get(2)?;
    let progress: String = r.get(3)?;
    Ok(Checkpoint {
        task: r.get(0)?,
        unit: r.get(1)?,
        position: serde_json::from_str(&position).unwrap_or(serde_json::Value::Null),
        progress: serde_json::from_str(&progress).unwrap_or(serde_json::Value::Null),
        updated_at: r.get(4)?,
    })
}
