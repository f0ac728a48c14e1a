//! zk file migrations: the intent record written before a file is copied to another node,
//! advanced through `copying` → `switched` → `done` (or `abandoned`), so a rerun after a crash
//! knows exactly what to finish. Also the history `shark zk files history` shows.

use super::{StateError, Store, now_rfc3339};
use rusqlite::params;

/// One migration of one file.
#[derive(Debug, Clone, serde::Serialize)]
pub struct ZkMigrationRow {
    pub id: i64,
    pub root: String,
    pub file: String,
    pub from_node: String,
    pub to_node: String,
    pub size: i64,
    pub sha256: String,
    /// `rebalance` or `drain`
    pub reason: String,
    /// `copying` (intent recorded), `switched` (metadata points at the new node), `done`,
    /// `abandoned` (the file vanished meanwhile), `failed`
    pub status: String,
    pub error: Option<String>,
    pub started_at: String,
    pub finished_at: Option<String>,
    pub run_id: Option<i64>,
}

const COLS: &str = "id, root, file, from_node, to_node, size, sha256, reason, status, error, started_at, finished_at, run_id";

fn row(r: &rusqlite::Row<'_>) -> rusqlite::Result<ZkMigrationRow> {
    Ok(ZkMigrationRow {
        id: r.get(0)?,
        root: r.get(1)?,
        file: r.get(2)?,
        from_node: r.get(3)?,
        to_node: r.get(4)?,
        size: r.get(5)?,
        sha256: r.get(6)?,
        reason: r.get(7)?,
        status: r.get(8)?,
        error: r.get(9)?,
        started_at: r.get(10)?,
        finished_at: r.get(11)?,
        run_id: r.get(12)?,
    })
}

/// What a new intent record holds.
pub struct NewMigration<'a> {
    pub root: &'a str,
    pub file: &'a str,
    pub from_node: &'a str,
    pub to_node: &'a str,
    pub size: i64,
    pub sha256: &'a str,
    pub reason: &'a str,
    pub run_id: Option<i64>,
}

impl Store {
    /// Record the intent to move a file (status `copying`), committed before any byte moves.
    pub fn zk_migration_start(&self, m: &NewMigration<'_>) -> Result<i64, StateError> {
        self.tx(|tx| {
            tx.execute(
                "INSERT INTO zk_migrations(root, file, from_node, to_node, size, sha256, reason, status, started_at, run_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, 'copying', ?8, ?9)",
                params![m.root, m.file, m.from_node, m.to_node, m.size, m.sha256, m.reason, now_rfc3339(), m.run_id],
            )
            .map_err(|e| StateError::sql(self.path(), e))?;
            Ok(tx.last_insert_rowid())
        })
    }

    /// Advance a migration; terminal statuses also get `finished_at`.
    pub fn zk_migration_set(
        &self,
        id: i64,
        status: &str,
        error: Option<&str>,
    ) -> Result<(), StateError> {
        let terminal = matches!(status, "done" | "abandoned" | "failed");
        self.tx(|tx| {
            tx.execute(
                "UPDATE zk_migrations SET status = ?2, error = ?3, finished_at = CASE WHEN ?4 THEN ?5 ELSE finished_at END WHERE id = ?1",
                params![id, status, error, terminal, now_rfc3339()],
            )
            .map_err(|e| StateError::sql(self.path(), e))?;
            Ok(())
        })
    }

    /// Migrations under `root` that a crash left unfinished (`copying` or `switched`), oldest first.
    pub fn zk_migrations_open(&self, root: &str) -> Result<Vec<ZkMigrationRow>, StateError> {
        self.zk_migrations_query(
            &format!("SELECT {COLS} FROM zk_migrations WHERE root = ?1 AND status IN ('copying', 'switched') ORDER BY id"),
            params![root],
        )
    }

    /// History under `root`, newest first, optionally for one file.
    pub fn zk_migrations_history(
        &self,
        root: &str,
        file: Option<&str>,
        limit: i64,
    ) -> Result<Vec<ZkMigrationRow>, StateError> {
        self.zk_migrations_query(
            &format!("SELECT {COLS} FROM zk_migrations WHERE root = ?1 AND (?2 IS NULL OR file = ?2) ORDER BY id DESC LIMIT ?3"),
            params![root, file, limit],
        )
    }

    fn zk_migrations_query(
        &self,
        sql: &str,
        p: impl rusqlite::Params,
    ) -> Result<Vec<ZkMigrationRow>, StateError> {
        self.with(|c| {
            let mut st = c
                .prepare(sql)
                .map_err(|e| StateError::sql(self.path(), e))?;
            let rows = st
                .query_map(p, row)
                .and_then(|r| r.collect::<rusqlite::Result<Vec<_>>>())
                .map_err(|e| StateError::sql(self.path(), e))?;
            Ok(rows)
        })
    }
}
