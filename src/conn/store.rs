//! Connection rows: name, kind, URL, user, kind-specific options and the encrypted secret — a
//! typed view over the shared [`Store`]. The `connections` table itself is created by the core
//! v1 migration of `state` (it predates per-engine schemas); its rows belong here. Encryption
//! and meaning belong to the rest of `crate::conn`; this module only stores bytes.

use crate::state::{StateError, Store, now_rfc3339};
use rusqlite::{OptionalExtension, params};
use std::collections::BTreeMap;

/// A stored connection. `secret` is ciphertext (see `conn::secret`), never plaintext.
#[derive(Debug, Clone)]
pub struct ConnRow {
    pub name: String,
    pub kind: String,
    pub url: String,
    pub user: Option<String>,
    pub options: BTreeMap<String, String>,
    pub secret: Option<Vec<u8>>,
    pub created_at: String,
    pub updated_at: String,
}

/// The connection rows of one state file.
#[derive(Clone, Copy)]
pub struct ConnStore<'a> {
    store: &'a Store,
}

const COLUMNS: &str = "name, kind, url, user, options, secret, created_at, updated_at";

impl<'a> ConnStore<'a> {
    pub fn new(store: &'a Store) -> ConnStore<'a> {
        ConnStore { store }
    }

    fn sql(&self, e: rusqlite::Error) -> StateError {
        StateError::sql(self.store.path(), e)
    }

    /// Insert a new connection; fails if the name exists.
    pub fn insert(&self, row: &ConnRow) -> Result<(), StateError> {
        let options = self.options_json(row)?;
        self.store.tx(|tx| {
            let exists = tx
                .query_row("SELECT 1 FROM connections WHERE name = ?1", [&row.name], |_| Ok(()))
                .optional()
                .map_err(|e| self.sql(e))?
                .is_some();
            if exists {
                return Err(StateError::Exists {
                    what: "connection",
                    name: row.name.clone(),
                    hint: "use `shark conn edit` to change it or `shark conn rm` first".into(),
                });
            }
            tx.execute(
                "INSERT INTO connections(name, kind, url, user, options, secret, created_at, updated_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7)",
                params![row.name, row.kind, row.url, row.user, options, row.secret, now_rfc3339()],
            )
            .map_err(|e| self.sql(e))?;
            Ok(())
        })
    }

    /// Replace an existing connection's fields (name and kind stay).
    pub fn update(&self, row: &ConnRow) -> Result<(), StateError> {
        let options = self.options_json(row)?;
        let n = self.store.with(|c| {
            c.execute(
                "UPDATE connections SET url = ?2, user = ?3, options = ?4, secret = ?5, updated_at = ?6 WHERE name = ?1",
                params![row.name, row.url, row.user, options, row.secret, now_rfc3339()],
            )
            .map_err(|e| self.sql(e))
        })?;
        if n == 0 {
            return Err(not_found(&row.name));
        }
        Ok(())
    }

    pub fn get(&self, name: &str) -> Result<Option<ConnRow>, StateError> {
        let raw = self.store.with(|c| {
            c.query_row(
                &format!("SELECT {COLUMNS} FROM connections WHERE name = ?1"),
                [name],
                RawRow::read,
            )
            .optional()
            .map_err(|e| self.sql(e))
        })?;
        raw.map(|r| r.parse(self.store)).transpose()
    }

    pub fn list(&self) -> Result<Vec<ConnRow>, StateError> {
        let raw = self.store.with(|c| {
            let mut st = c
                .prepare(&format!("SELECT {COLUMNS} FROM connections ORDER BY name"))
                .map_err(|e| self.sql(e))?;
            st.query_map([], RawRow::read)
                .and_then(|it| it.collect::<Result<Vec<_>, _>>())
                .map_err(|e| self.sql(e))
        })?;
        raw.into_iter().map(|r| r.parse(self.store)).collect()
    }

    /// Delete a connection; fails if it does not exist.
    pub fn delete(&self, name: &str) -> Result<(), StateError> {
        let n = self.store.with(|c| {
            c.execute("DELETE FROM connections WHERE name = ?1", [name])
                .map_err(|e| self.sql(e))
        })?;
        if n == 0 {
            return Err(not_found(name));
        }
        Ok(())
    }

    fn options_json(&self, row: &ConnRow) -> Result<String, StateError> {
        // a map of strings always serializes; an error here is a bug worth reporting, not "{}"
        serde_json::to_string(&row.options).map_err(|e| StateError::Corrupt {
            path: self.store.path().to_path_buf(),
            detail: format!(
                "options of connection '{}' cannot be written: {e}",
                row.name
            ),
        })
    }
}

/// The error for a connection name that is not in the state file.
pub fn not_found(name: &str) -> StateError {
    StateError::NotFound {
        what: "connection",
        name: name.to_string(),
        hint: "`shark conn list` shows the known connections".into(),
    }
}

/// A row as SQLite returned it, before its options JSON is parsed.
struct RawRow {
    row: ConnRow,
    options: String,
}

impl RawRow {
    fn read(r: &rusqlite::Row<'_>) -> rusqlite::Result<RawRow> {
        Ok(RawRow {
            row: ConnRow {
                name: r.get(0)?,
                kind: r.get(1)?,
                url: r.get(2)?,
                user: r.get(3)?,
                options: BTreeMap::new(),
                secret: r.get(5)?,
                created_at: r.get(6)?,
                updated_at: r.get(7)?,
            },
            options: r.get(4)?,
        })
    }

    /// Unreadable options are an error naming the connection, never an empty map (which the
    /// next `conn edit` would write back, erasing them).
    fn parse(self, store: &Store) -> Result<ConnRow, StateError> {
        let RawRow { mut row, options } = self;
        row.options = serde_json::from_str(&options).map_err(|e| StateError::Corrupt {
            path: store.path().to_path_buf(),
            detail: format!(
                "the options of connection '{}' are not a JSON object of strings ({e}); `shark conn rm {}` and add it again",
                row.name, row.name
            ),
        })?;
        Ok(row)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unreadable_options_are_an_error_naming_the_connection() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(&dir.path().join("s.db")).unwrap();
        let conns = ConnStore::new(&store);
        let mut row = ConnRow {
            name: "db".into(),
            kind: "mysql".into(),
            url: "mysql://a@h:3306/".into(),
            user: None,
            options: BTreeMap::from([("tls".to_string(), "true".to_string())]),
            secret: None,
            created_at: String::new(),
            updated_at: String::new(),
        };
        conns.insert(&row).unwrap();
        assert_eq!(conns.get("db").unwrap().unwrap().options, row.options);
        row.name = "db2".into();
        conns.insert(&row).unwrap();
        store
            .with(|c| {
                c.execute(
                    "UPDATE connections SET options = 'not json' WHERE name = 'db'",
                    [],
                )
                .map_err(|e| StateError::sql(store.path(), e))
            })
            .unwrap();
        let err = conns.get("db").unwrap_err().to_string();
        assert!(
            err.contains("connection 'db'") && err.contains("s.db"),
            "{err}"
        );
        assert!(conns.list().is_err());
        assert!(conns.get("db2").unwrap().is_some());
    }
}
