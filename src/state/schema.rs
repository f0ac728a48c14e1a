//! Engines' own tables: each engine declares a `Schema` (its name and an append-only list of
//! migrations) beside its store, and `Store::ensure` applies what the file lacks. Versions are
//! kept per component in `schema_components`, so engines migrate independently and this module
//! knows none of them. A file whose component version is newer than this build's is refused.

use super::{StateError, Store, now_rfc3339};
use rusqlite::{Connection, OptionalExtension, params};
use std::path::Path;

/// One component's tables. Migrations are append-only SQL batches; version N is `migrations[N-1]`.
/// The first migration of an engine whose tables predate per-component versions uses
/// `CREATE TABLE IF NOT EXISTS`, so files written by earlier builds keep their rows.
#[derive(Debug)]
pub struct Schema {
    pub component: &'static str,
    pub migrations: &'static [&'static str],
}

impl Schema {
    /// The version this build writes.
    pub fn latest(&self) -> i64 {
        self.migrations.len() as i64
    }
}

impl Store {
    /// Bring `schema`'s tables up to date (once per open store; cheap afterwards).
    pub fn ensure(&self, schema: &'static Schema) -> Result<(), StateError> {
        {
            let done = self.ensured.lock().unwrap_or_else(|p| p.into_inner());
            if done.contains(schema.component) {
                return Ok(());
            }
        }
        self.with(|c| migrate(c, self.path(), schema))?;
        self.ensured
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .insert(schema.component);
        Ok(())
    }

    /// Component versions recorded in the file, for `shark state info`.
    pub fn component_versions(&self) -> Result<Vec<(String, i64)>, StateError> {
        self.with(|c| {
            let mut st = c
                .prepare("SELECT component, version FROM schema_components ORDER BY component")
                .map_err(|e| StateError::sql(self.path(), e))?;
            st.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
                .and_then(|rows| rows.collect())
                .map_err(|e| StateError::sql(self.path(), e))
        })
    }
}

fn migrate(conn: &Connection, path: &Path, schema: &Schema) -> Result<(), StateError> {
    let sql = |e| StateError::sql(path, e);
    let current = version(conn, schema.component).map_err(sql)?;
    if current > schema.latest() {
        return Err(StateError::ComponentTooNew {
            path: path.to_path_buf(),
            component: schema.component,
            found: current,
            supported: schema.latest(),
        });
    }
    for (i, batch) in schema.migrations.iter().enumerate().skip(current as usize) {
        let v = i as i64 + 1;
        // BEGIN IMMEDIATE so two processes opening the same file do not both migrate.
        conn.execute_batch("BEGIN IMMEDIATE").map_err(sql)?;
        let res = (|| {
            if version(conn, schema.component)? >= v {
                return Ok(());
            }
            conn.execute_batch(batch)?;
            conn.execute(
                "INSERT INTO schema_components(component, version, updated_at) VALUES (?1, ?2, ?3)
                 ON CONFLICT(component) DO UPDATE SET version = excluded.version, updated_at = excluded.updated_at",
                params![schema.component, v, now_rfc3339()],
            )?;
            Ok(())
        })();
        match res {
            Ok(()) => conn.execute_batch("COMMIT").map_err(sql)?,
            Err(e) => {
                let _ = conn.execute_batch("ROLLBACK");
                return Err(StateError::Migration {
                    path: path.to_path_buf(),
                    component: schema.component,
                    version: v,
                    source: e,
                });
            }
        }
        tracing::debug!(
            component = schema.component,
            version = v,
            "state file migrated"
        );
    }
    Ok(())
}

fn version(conn: &Connection, component: &str) -> Result<i64, rusqlite::Error> {
    Ok(conn
        .query_row(
            "SELECT version FROM schema_components WHERE component = ?1",
            [component],
            |r| r.get(0),
        )
        .optional()?
        .unwrap_or(0))
}

#[cfg(test)]
mod tests {
    use super::*;

    static V1: Schema = Schema {
        component: "demo",
        migrations: &["CREATE TABLE IF NOT EXISTS demo_items (id INTEGER PRIMARY KEY)"],
    };
    static V2: Schema = Schema {
        component: "demo",
        migrations: &[
            "CREATE TABLE IF NOT EXISTS demo_items (id INTEGER PRIMARY KEY)",
            "ALTER TABLE demo_items ADD COLUMN name TEXT",
        ],
    };

    #[test]
    fn components_migrate_independently_and_newer_files_are_refused() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s.db");
        let store = Store::open(&path).unwrap();
        store.ensure(&V2).unwrap();
        store.ensure(&V2).unwrap();
        assert_eq!(
            store.component_versions().unwrap(),
            vec![("demo".to_string(), 2)]
        );
        drop(store);
        let store = Store::open(&path).unwrap();
        let err = store.ensure(&V1).unwrap_err();
        assert!(err.to_string().contains("upgrade shark"), "{err}");
        assert!(err.to_string().contains("demo"), "{err}");
    }
}
