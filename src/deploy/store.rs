//! deploy inventory, plans, executions, per-host results and output: the deploy engine's tables (deploy_hosts, deploy_plans, deploy_execs, deploy_results, deploy_output) in the shared state file.

use crate::state::Schema;

/// The deploy engine's tables. Append-only: a released migration is never edited.
pub static SCHEMA: Schema = Schema {
    component: "deploy",
    migrations: &[
        // v1 (created by the state file's own v5 in builds before per-engine schemas)
        r#"
    CREATE TABLE IF NOT EXISTS deploy_hosts (
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
    CREATE TABLE IF NOT EXISTS deploy_plans (
        id         INTEGER PRIMARY KEY,
        created_at TEXT NOT NULL,
        selector   TEXT NOT NULL,
        spec       TEXT NOT NULL,
        hosts      TEXT NOT NULL
    );
    CREATE TABLE IF NOT EXISTS deploy_execs (
        id         INTEGER PRIMARY KEY,
        plan_id    INTEGER NOT NULL REFERENCES deploy_plans(id) ON DELETE CASCADE,
        run_id     INTEGER,
        started_at TEXT NOT NULL,
        ended_at   TEXT,
        status     TEXT NOT NULL,
        summary    TEXT
    );
    CREATE INDEX IF NOT EXISTS deploy_execs_by_plan ON deploy_execs(plan_id, id);
    CREATE TABLE IF NOT EXISTS deploy_results (
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
    CREATE TABLE IF NOT EXISTS deploy_output (
        exec_id INTEGER NOT NULL,
        host    TEXT NOT NULL,
        seq     INTEGER NOT NULL,
        stream  TEXT NOT NULL,
        line    TEXT NOT NULL,
        PRIMARY KEY (exec_id, host, seq),
        FOREIGN KEY (exec_id, host) REFERENCES deploy_results(exec_id, host) ON DELETE CASCADE
    );
    "#,
    ],
};
