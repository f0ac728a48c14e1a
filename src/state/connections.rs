//! Connection rows: name, kind, URL, user, kind-specific options and the encrypted secret.
//! Encryption and meaning belong to `crate::conn`; this module only stores bytes.

use super::{StateError, Store, now_rfc3339};
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

impl Store {
    /// Insert a new connection; fails if the name exists.
    pub fn conn_insert(&self, row: &ConnRow) -> Result<(), StateError> {
        self.tx(|tx| {
            let exists: bool = tx
                .query_row("SELECT 1 FROM connections WHERE name = ?1", [&row.name], |_| Ok(true))
                .optional()
                .map_err(|e| StateError::sql(self.path(), e))?
                .unwrap_or(false);
            if exists {
                return Err(StateError::Exists {
                    what: "connection",
                    name: row.name.clone(),
                    hint: "use `shark conn edit` to change it or `shark conn rm` first".into(),
                });
            }
            let now = now_rfc3339();
            tx.execute(
                "INSERT INTO connections(name, kind, url, user, options, secret, created_at, updated_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7)",
                params![
                    row.name,
                    row.kind,
                    row.url,
                    row.user,
                    serde_json::to_string(&row.options).unwrap_or_else(|_| "{}".into()),
                    row.secret,
                    now
                ],
            )
            .map_err(|e| StateError::sql(self.path(), e))?;
            Ok(())
        })
    }

    /// Replace an existing connection's fields (name and kind stay).
    pub fn conn_update(&self, row: &ConnRow) -> Result<(), StateError> {
        let n = self.with(|c| {
            c.execute(
                "UPDATE connections SET url = ?2, user = ?3, options = ?4, secret = ?5, updated_at = ?6 WHERE name = ?1",
                params![
                    row.name,
                    row.url,
                    row.user,
                    serde_json::to_string(&row.options).unwrap_or_else(|_| "{}".into()),
                    row.secret,
                    now_rfc3339()
                ],
            )
            .map_err(|e| StateError::sql(self.path(), e))
        })?;
        if n == 0 {
            return Err(not_found(&row.name));
        }
        Ok(())
    }

    pub fn conn_get(&self, name: &str) -> Result<Option<ConnRow>, StateError> {
        self.with(|c| {
            c.query_row(
                "SELECT name, kind, url, user, options, secret, created_at, updated_at FROM connections WHERE name = ?1",
                [name],
                row_to_conn,
            )
            .optional()
            .map_err(|e| StateError::sql(self.path(), e))
        })
    }

    pub fn conn_list(&self) -> Result<Vec<ConnRow>, StateError> {
        self.with(|c| {
            let mut st = c
                .prepare("SELECT name, kind, url, user, options, secret, created_at, updated_at FROM connections ORDER BY name")
                .map_err(|e| StateError::sql(self.path(), e))?;
            st.query_map([], row_to_conn)
                .and_then(|it| it.collect::<Result<Vec<_>, _>>())
                .map_err(|e| StateError::sql(self.path(), e))
        })
    }

    /// Delete a connection; fails if it does not exist.
    pub fn conn_delete(&self, name: &str) -> Result<(), StateError> {
        let n = self.with(|c| {
            c.execute("DELETE FROM connections WHERE name = ?1", [name])
                .map_err(|e| StateError::sql(self.path(), e))
        })?;
        if n == 0 {
            return Err(not_found(name));
        }
        Ok(())
    }
}

fn not_found(name: &str) -> StateError {
    StateError::NotFound {
        what: "connection",
        name: name.to_string(),
        hint: "`shark conn list` shows the known connections".into(),
    }
}

fn row_to_conn(r: &rusqlite::Row<'_>) -> rusqlite::Result<ConnRow> {
    let options: String = r.get(4)?;
    Ok(ConnRow {
        name: r.get(0)?,
        kind: r.get(1)?,
        url: r.get(2)?,
        user: r.get(3)?,
        options: serde_json::from_str(&options).unwrap_or_default(),
        secret: r.get(5)?,
        created_at: r.get(6)?,
        updated_at: r.get(7)?,
    })
}
