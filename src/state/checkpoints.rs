//! Checkpoints: per (task, unit) the position to resume from and the progress it describes,
//! written in the same transaction as whatever else the engine commits with them.

use super::{StateError, Store, now_rfc3339};
use rusqlite::{OptionalExtension, Transaction, params};
use std::path::Path;

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
        let raw = self.with(|c| {
            c.query_row(
                "SELECT task, unit, position, progress, updated_at FROM checkpoints WHERE task = ?1 AND unit = ?2",
                params![task, unit],
                RawCheckpoint::read,
            )
            .optional()
            .map_err(|e| StateError::sql(self.path(), e))
        })?;
        raw.map(|r| r.parse(self.path())).transpose()
    }

    /// All checkpoints of a task, by unit.
    pub fn checkpoints(&self, task: &str) -> Result<Vec<Checkpoint>, StateError> {
        let raw = self.with(|c| {
            let mut st = c
                .prepare("SELECT task, unit, position, progress, updated_at FROM checkpoints WHERE task = ?1 ORDER BY unit")
                .map_err(|e| StateError::sql(self.path(), e))?;
            st.query_map([task], RawCheckpoint::read)
                .and_then(|it| it.collect::<Result<Vec<_>, _>>())
                .map_err(|e| StateError::sql(self.path(), e))
        })?;
        raw.into_iter().map(|r| r.parse(self.path())).collect()
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

/// A checkpoint as SQLite returned it, before its JSON is parsed.
struct RawCheckpoint {
    task: String,
    unit: String,
    position: String,
    progress: String,
    updated_at: String,
}

impl RawCheckpoint {
    fn read(r: &rusqlite::Row<'_>) -> rusqlite::Result<RawCheckpoint> {
        Ok(RawCheckpoint {
            task: r.get(0)?,
            unit: r.get(1)?,
            position: r.get(2)?,
            progress: r.get(3)?,
            updated_at: r.get(4)?,
        })
    }

    /// Unreadable JSON is an error naming the task and unit: resuming from `null` would
    /// start the unit over (or skip it) silently.
    fn parse(self, path: &Path) -> Result<Checkpoint, StateError> {
        let json = |what: &str, text: &str| {
            serde_json::from_str(text).map_err(|e| StateError::Corrupt {
                path: path.to_path_buf(),
                detail: format!(
                    "the {what} of checkpoint {}/{} is not JSON ({e}); restore a backup, or reset the task so the unit starts over",
                    self.task, self.unit
                ),
            })
        };
        Ok(Checkpoint {
            position: json("position", &self.position)?,
            progress: json("progress", &self.progress)?,
            task: self.task,
            unit: self.unit,
            updated_at: self.updated_at,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unreadable_checkpoint_json_is_an_error_naming_it() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(&dir.path().join("s.db")).unwrap();
        let pos = serde_json::json!({"file": "b.1", "pos": 4});
        store
            .checkpoint_save("t", "db.x", &pos, &serde_json::json!({}))
            .unwrap();
        assert_eq!(
            store.checkpoint("t", "db.x").unwrap().unwrap().position,
            pos
        );
        store
            .with(|c| {
                c.execute("UPDATE checkpoints SET position = '{'", [])
                    .map_err(|e| StateError::sql(store.path(), e))
            })
            .unwrap();
        let err = store.checkpoint("t", "db.x").unwrap_err().to_string();
        assert!(
            err.contains("checkpoint t/db.x") && err.contains("position"),
            "{err}"
        );
        assert!(store.checkpoints("t").is_err());
    }
}
