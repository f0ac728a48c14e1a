//! Versioned schema migrations, tracked with `PRAGMA user_version`. Append only: a released
//! migration is never edited, a change is a new entry.

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
    // v2: inspection reports (and sync tasks/units below)
    r#"
    CREATE TABLE reports (
        id         INTEGER PRIMARY KEY,
        created_at TEXT NOT NULL,
        period     TEXT NOT NULL,
        verdict    TEXT NOT NULL,
        score      INTEGER NOT NULL,
        body       TEXT NOT NULL
    );
    "#,
    // v3: sync tasks and their units
    r#"
    CREATE TABLE sync_tasks (
        name       TEXT PRIMARY KEY,
        spec       TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
    );
    CREATE TABLE sync_units (
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
    // v4: zk — node control audit (before/after ensemble snapshots) and file migrations
    r#"
    CREATE TABLE zk_audit (
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
    CREATE TABLE zk_migrations (
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
    CREATE INDEX zk_migrations_open ON zk_migrations(root, status);
    "#,
    // v5: deploy (hosts inventory, plans, executions, per-host results and output)
    r#"
    CREATE TABLE deploy_hosts (
        name       TEXT PRIMARY KEY,
        address    TEXT NOT NULL,
        port       INTEGER,
        user       TEXT,
        key_file   TEXT,
        groups     TEXT NOT NULL DEFAULT '[]',
        tags       TEXT NOT NULL DEFAULT '[]',
        vars       TEXT NOT NULL DEFAULT '{}',
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
    );
    CREATE TABLE deploy_plans (
        id         INTEGER PRIMARY KEY,
        created_at TEXT NOT NULL,
        selector   TEXT NOT NULL,
        spec       TEXT NOT NULL,
        hosts      TEXT NOT NULL
    );
    CREATE TABLE deploy_execs (
        id         INTEGER PRIMARY KEY,
        plan_id    INTEGER NOT NULL REFERENCES deploy_plans(id) ON DELETE CASCADE,
        run_id     INTEGER,
        started_at TEXT NOT NULL,
        ended_at   TEXT,
        status     TEXT NOT NULL,
        summary    TEXT
    );
    CREATE INDEX deploy_execs_by_plan ON deploy_execs(plan_id, id);
    CREATE TABLE deploy_results (
        exec_id     INTEGER NOT NULL REFERENCES deploy_execs(id) ON DELETE CASCADE,
        host        TEXT NOT NULL,
        batch       INTEGER NOT NULL,
        status      TEXT NOT NULL,
        reason      TEXT,
        exit_code   INTEGER,
        started_at  TEXT,
        duration_ms INTEGER NOT NULL DEFAULT 0,
        bytes       INTEGER NOT NULL DEFAULT 0,
        truncated   INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (exec_id, host)
    );
    CREATE TABLE deploy_output (
        exec_id INTEGER NOT NULL,
        host    TEXT NOT NULL,
        seq     INTEGER NOT NULL,
        stream  TEXT NOT NULL,
        line    TEXT NOT NULL,
        PRIMARY KEY (exec_id, host, seq),
        FOREIGN KEY (exec_id, host) REFERENCES deploy_results(exec_id, host) ON DELETE CASCADE
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
