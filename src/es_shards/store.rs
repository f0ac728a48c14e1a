//! The es-shards engine's table: every operation that changed a cluster (settings, reroute,
//! drain, snapshot), with the values before and after, so `rebalance --restore` and `undrain`
//! know what to put back and operators can see who changed what.

use crate::state::{Schema, StateError, Store, now_rfc3339};
use rusqlite::params;
use serde_json::Value;

/// Append-only: a released migration is never edited.
pub static SCHEMA: Schema = Schema {
    component: "es_shards",
    migrations: &[r#"
    CREATE TABLE IF NOT EXISTS es_shards_ops (
        id          INTEGER PRIMARY KEY,
        conn        TEXT NOT NULL,
        cluster     TEXT NOT NULL,
        op          TEXT NOT NULL,
        target      TEXT,
        before      TEXT NOT NULL,
        after       TEXT,
        outcome     TEXT NOT NULL,
        message     TEXT,
        restored_by INTEGER,
        started_at  TEXT NOT NULL,
        finished_at TEXT
    );
    CREATE INDEX IF NOT EXISTS es_shards_ops_conn ON es_shards_ops(conn, op, id);
    "#],
};

/// One recorded operation.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Op {
    pub id: i64,
    pub conn: String,
    pub cluster: String,
    pub op: String,
    pub target: Option<String>,
    pub before: Value,
    pub after: Option<Value>,
    pub outcome: String,
    pub message: Option<String>,
    pub restored_by: Option<i64>,
    pub started_at: String,
    pub finished_at: Option<String>,
}

/// Typed access to `es_shards_ops`.
pub struct Ops<'a> {
    store: &'a Store,
}

fn corrupt(store: &Store, what: &str) -> StateError {
    StateError::Corrupt {
        path: store.path().to_path_buf(),
        detail: format!("es_shards_ops: {what}"),
    }
}

impl<'a> Ops<'a> {
    pub fn new(store: &'a Store) -> Ops<'a> {
        Ops { store }
    }

    /// Record an operation about to be sent, with the cluster's values before it.
    pub fn start(
        &self,
        conn: &str,
        cluster: &str,
        op: &str,
        target: Option<&str>,
        before: &Value,
    ) -> Result<i64, StateError> {
        let path = self.store.path();
        self.store.with(|c| {
            c.execute(
                "INSERT INTO es_shards_ops(conn, cluster, op, target, before, outcome, started_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, 'started', ?6)",
                params![conn, cluster, op, target, before.to_string(), now_rfc3339()],
            )
            .map_err(|e| StateError::sql(path, e))?;
            Ok(c.last_insert_rowid())
        })
    }

    /// Record how it ended: outcome "applied", "failed", "dry-run"...
    pub fn finish(
        &self,
        id: i64,
        after: Option<&Value>,
        outcome: &str,
        message: Option<&str>,
    ) -> Result<(), StateError> {
        let path = self.store.path();
        self.store.with(|c| {
            c.execute(
                "UPDATE es_shards_ops SET after = ?2, outcome = ?3, message = ?4, finished_at = ?5 WHERE id = ?1",
                params![id, after.map(|a| a.to_string()), outcome, message, now_rfc3339()],
            )
            .map_err(|e| StateError::sql(path, e))?;
            Ok(())
        })
    }

    /// Mark `id` as put back by operation `by`.
    pub fn mark_restored(&self, id: i64, by: i64) -> Result<(), StateError> {
        let path = self.store.path();
        self.store.with(|c| {
            c.execute(
                "UPDATE es_shards_ops SET restored_by = ?2 WHERE id = ?1",
                params![id, by],
            )
            .map_err(|e| StateError::sql(path, e))?;
            Ok(())
        })
    }

    /// The latest not yet restored operation `op` on connection `conn` that may have changed the
    /// cluster: applied, unacknowledged (committed), unknown (no answer) or still `started` (the
    /// process died while it was in flight). `failed` ones (the cluster answered an error) did not.
    pub fn last_unrestored(&self, conn: &str, op: &str) -> Result<Option<Op>, StateError> {
        let rows = self.query(
            "WHERE conn = ?1 AND op = ?2 AND outcome IN ('applied', 'unacknowledged', 'unknown', 'started') AND restored_by IS NULL ORDER BY id DESC LIMIT 1",
            params![conn, op],
        )?;
        Ok(rows.into_iter().next())
    }

    /// The latest operations (newest first), optionally of one connection.
    pub fn list(&self, conn: Option<&str>, limit: i64) -> Result<Vec<Op>, StateError> {
        match conn {
            Some(c) => self.query(
                "WHERE conn = ?1 ORDER BY id DESC LIMIT ?2",
                params![c, limit],
            ),
            None => self.query("ORDER BY id DESC LIMIT ?1", params![limit]),
        }
    }

    fn query(&self, tail: &str, p: impl rusqlite::Params) -> Result<Vec<Op>, StateError> {
        let path = self.store.path();
        let raw = self.store.with(|c| {
            let sql = format!(
                "SELECT id, conn, cluster, op, target, before, after, outcome, message, restored_by, started_at, finished_at FROM es_shards_ops {tail}"
            );
            let mut st = c.prepare(&sql).map_err(|e| StateError::sql(path, e))?;
            let rows = st
                .query_map(p, |r| {
                    Ok((
                        r.get::<_, i64>(0)?,
                        r.get::<_, String>(1)?,
                        r.get::<_, String>(2)?,
                        r.get::<_, String>(3)?,
                        r.get::<_, Option<String>>(4)?,
                        r.get::<_, String>(5)?,
                        r.get::<_, Option<String>>(6)?,
                        r.get::<_, String>(7)?,
                        r.get::<_, Option<String>>(8)?,
                        r.get::<_, Option<i64>>(9)?,
                        r.get::<_, String>(10)?,
                        r.get::<_, Option<String>>(11)?,
                    ))
                })
                .and_then(|rows| rows.collect::<Result<Vec<_>, _>>())
                .map_err(|e| StateError::sql(path, e))?;
            Ok(rows)
        })?;
        raw.into_iter()
            .map(|r| {
                let before = serde_json::from_str(&r.5)
                    .map_err(|e| corrupt(self.store, &format!("op {}: before: {e}", r.0)))?;
                let after = match &r.6 {
                    Some(a) => Some(
                        serde_json::from_str(a)
                            .map_err(|e| corrupt(self.store, &format!("op {}: after: {e}", r.0)))?,
                    ),
                    None => None,
                };
                Ok(Op {
                    id: r.0,
                    conn: r.1,
                    cluster: r.2,
                    op: r.3,
                    target: r.4,
                    before,
                    after,
                    outcome: r.7,
                    message: r.8,
                    restored_by: r.9,
                    started_at: r.10,
                    finished_at: r.11,
                })
            })
            .collect()
    }
}

#[allow(dead_code)]
#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn ops_round_trip_and_restore_marks() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(&dir.path().join("s.db")).unwrap();
        store.ensure(&SCHEMA).unwrap();
        let ops = Ops::new(&store);
        let id = ops
            .start("es", "c", "rebalance", None, &json!({"a": null}))
            .unwrap();
        // in flight (or its process died): it may have changed the cluster
        assert_eq!(
            ops.last_unrestored("es", "rebalance").unwrap().unwrap().id,
            id
        );
        ops.finish(id, Some(&json!({"a": "all"})), "applied", None)
            .unwrap();
        let last = ops.last_unrestored("es", "rebalance").unwrap().unwrap();
        assert_eq!(last.before, json!({"a": null}));
        // a failed one never changed anything; one left `started` by a crash may have
        let failed = ops.start("es", "c", "rebalance", None, &json!({})).unwrap();
        ops.finish(failed, None, "failed", Some("HTTP 400"))
            .unwrap();
        assert_eq!(
            ops.last_unrestored("es", "rebalance").unwrap().unwrap().id,
            id
        );
        let crashed = ops.start("es", "c", "rebalance", None, &json!({})).unwrap();
        assert_eq!(
            ops.last_unrestored("es", "rebalance").unwrap().unwrap().id,
            crashed
        );
        ops.mark_restored(crashed, 0).unwrap();
        ops.mark_restored(id, 99).unwrap();
        assert!(ops.last_unrestored("es", "rebalance").unwrap().is_none());
        assert_eq!(ops.list(Some("es"), 10).unwrap().len(), 3);
    }
}
