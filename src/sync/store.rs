//! Sync task definitions and per-unit progress: the sync engine's tables (sync_tasks, sync_units) in the shared state file.

use crate::state::Schema;

/// The sync engine's tables. Append-only: a released migration is never edited.
pub static SCHEMA: Schema = Schema {
    component: "sync",
    migrations: &[
        // v1 (created by the state file's own v3 in builds before per-engine schemas)
        r#"
    CREATE TABLE IF NOT EXISTS sync_tasks (
        name       TEXT PRIMARY KEY,
        spec       TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
    );
    CREATE TABLE IF NOT EXISTS sync_units (
        task       TEXT NOT NULL REFERENCES sync_tasks(name) ON DELETE CASCADE,
        unit       TEXT NOT NULL,
        phase      TEXT NOT NULL,
        last_key   TEXT,
        rows_done  INTEGER NOT NULL DEFAULT 0,
        rows_total INTEGER,
        note       TEXT,
        updated_at TEXT NOT NULL,
        PRIMARY KEY (task, unit)
    );
    "#,
    ],
};
