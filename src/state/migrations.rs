//! Versioned migrations of the core tables (meta, connections, runs, leases, checkpoints),
//! tracked with `PRAGMA user_version`. Append only: a released migration is never edited, a
//! change is a new entry. Engines' tables are migrated by `schema.rs`.

use super::StateError;
use rusqlite::Connection;
use std::path::Path;

const MIGRATIONS: &[&str] = &[
    // v1: foundation
    r#"
    CREATE TABLE meta (
        key   TEXT PRIMARY KEY,
        value BLOB NOT NULL
    );
    CREATE TABLE connections (
        name       TEXT PRIMARY KEY,
        kind       TEXT NOT NULL,
        url        TEXT NOT NULL,
        user       TEXT,
        options    TEXT NOT NULL DEFAULT '{}',
        secret     BLOB,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
    );
    CREATE TABLE runs (
        id         INTEGER PRIMARY KEY,
        command    TEXT NOT NULL,
        target     TEXT,
        started_at TEXT NOT NULL,
        ended_at   TEXT,
        status     TEXT NOT NULL,
        exit_code  INTEGER,
        summary    TEXT,
        pid        INTEGER NOT NULL,
        host       TEXT NOT NULL
    );
    CREATE INDEX runs_by_command ON runs(command, id);
    CREATE TABLE run_logs (
        run_id  INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
        seq     INTEGER NOT NULL,
        ts      TEXT NOT NULL,
        level   TEXT NOT NULL,
        message TEXT NOT NULL,
        PRIMARY KEY (run_id, seq)
    );
    CREATE TABLE leases (
        task           TEXT PRIMARY KEY,
        pid            INTEGER NOT NULL,
        pid_start      INTEGER,
        host           TEXT NOT NULL,
        run_id         INTEGER,
        acquired_at    TEXT NOT NULL,
        heartbeat_ms   INTEGER NOT NULL,
        stop_requested TEXT
    );
    CREATE TABLE checkpoints (
        task       TEXT NOT NULL,
        unit       TEXT NOT NULL,
        position   TEXT NOT NULL,
        progress   TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        PRIMARY KEY (task, unit)
    );
    "#,
    // v2–v5 created the inspect, sync, zk and deploy tables. Those tables now belong to their
    // engines (`Schema` in each engine's `store.rs`, created with IF NOT EXISTS so files written
    // by earlier builds keep theirs); the numbers stay so those files keep a valid version.
    "",
    "",
    "",
    "",
    // v6: per-component schema versions of the engines' own tables (see `schema.rs`)
    r#"
    CREATE TABLE schema_components (
        component  TEXT PRIMARY KEY,
        version    INTEGER NOT NULL,
        updated_at TEXT NOT NULL
    );
    "#,
];

/// The schema version this build writes.
pub const LATEST: i64 = MIGRATIONS.len() as i64;

pub fn migrate(conn: &Connection, path: &Path) -> Result<(), StateError> {
    let current: i64 = conn
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .map_err(|e| StateError::sql(path, e))?;
    if current > LATEST {
        return Err(StateError::TooNew {
            path: path.to_path_buf(),
            found: current,
            supported: LATEST,
        });
    }
    for (i, sql) in MIGRATIONS.iter().enumerate().skip(current as usize) {
        let version = i as i64 + 1;
        // BEGIN IMMEDIATE so two processes opening a fresh file do not both migrate.
        conn.execute_batch("BEGIN IMMEDIATE")
            .map_err(|e| StateError::sql(path, e))?;
        let now: i64 = conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .map_err(|e| StateError::sql(path, e))?;
        if now >= version {
            conn.execute_batch("COMMIT")
                .map_err(|e| StateError::sql(path, e))?;
            continue;
        }
        let res = conn
            .execute_batch(sql)
            .and_then(|_| conn.pragma_update(None, "user_version", version))
            .and_then(|_| conn.execute_batch("COMMIT"));
        if let Err(e) = res {
            let _ = conn.execute_batch("ROLLBACK");
            return Err(StateError::sql(path, e));
        }
        tracing::debug!(version, "state file migrated");
    }
    Ok(())
}
