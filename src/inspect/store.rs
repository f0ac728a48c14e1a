//! Inspection reports: the inspect engine's tables (reports) in the shared state file.

use crate::state::Schema;

/// The inspect engine's tables. Append-only: a released migration is never edited.
pub static SCHEMA: Schema = Schema {
    component: "inspect",
    migrations: &[
        // v1 (created by the state file's own v2 in builds before per-engine schemas)
        r#"
    CREATE TABLE IF NOT EXISTS reports (
        id         INTEGER PRIMARY KEY,
        created_at TEXT NOT NULL,
        period     TEXT NOT NULL,
        verdict    TEXT NOT NULL,
        score      INTEGER NOT NULL,
        body       TEXT NOT NULL
    );
    "#,
    ],
};
