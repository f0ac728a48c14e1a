//! zk node-control audit and file migrations: the zk engine's tables (zk_audit, zk_migrations) in the shared state file.

use crate::state::Schema;

/// The zk engine's tables. Append-only: a released migration is never edited.
pub static SCHEMA: Schema = Schema {
    component: "zk",
    migrations: &[
        // v1 (created by the state file's own v4 in builds before per-engine schemas)
        r#"
    CREATE TABLE IF NOT EXISTS zk_audit (
        id          INTEGER PRIMARY KEY,
        conn        TEXT NOT NULL,
        node        TEXT NOT NULL,
        action      TEXT NOT NULL,
        command     TEXT NOT NULL,
        exit_code   INTEGER,
        outcome     TEXT NOT NULL,
        message     TEXT,
        before      TEXT NOT NULL,
        after       TEXT,
        started_at  TEXT NOT NULL,
        finished_at TEXT,
        run_id      INTEGER
    );
    CREATE TABLE IF NOT EXISTS zk_migrations (
        id          INTEGER PRIMARY KEY,
        root        TEXT NOT NULL,
        file        TEXT NOT NULL,
        from_node   TEXT NOT NULL,
        to_node     TEXT NOT NULL,
        size        INTEGER NOT NULL,
        sha256      TEXT NOT NULL,
        reason      TEXT NOT NULL,
        status      TEXT NOT NULL,
        error       TEXT,
        started_at  TEXT NOT NULL,
        finished_at TEXT,
        run_id      INTEGER
    );
    CREATE INDEX IF NOT EXISTS zk_migrations_open ON zk_migrations(root, status);
    "#,
    ],
};
