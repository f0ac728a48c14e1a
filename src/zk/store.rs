//! The zk engine's tables in the shared state file: the node-control audit (`zk_audit`) and the
//! file migrations of rebalance/drain (`zk_migrations`). [`ZkStore`] is the typed view over
//! [`Store`] the engine reads and writes them through; statuses are enums, snapshots are typed,
//! and a row that cannot be read back is an error naming the table and the row id — never a
//! default.

use super::ensemble::Snapshot;
use super::error::{Result, ZkError};
use super::nodes::Action;
use crate::state::{Holder, Schema, StateError, Store, now_rfc3339};
use rusqlite::{OptionalExtension, params};
use serde::Serialize;

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

/// A status stored as text: `as_str` is what is written (and shown in JSON), `parse` reads it
/// back and refuses anything else.
macro_rules! stored_enum {
    ($(#[$m:meta])* $name:ident { $($(#[$vm:meta])* $v:ident = $s:literal),+ $(,)? }) => {
        $(#[$m])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, serde::Deserialize)]
        #[serde(rename_all = "lowercase")]
        pub enum $name { $($(#[$vm])* $v),+ }

        impl $name {
            /// Every value, in declaration order.
            pub const ALL: &'static [$name] = &[$($name::$v),+];

            pub fn as_str(self) -> &'static str {
                match self { $($name::$v => $s),+ }
            }

            /// The value stored as `s`, or None for text this build does not know.
            pub fn parse(s: &str) -> Option<$name> {
                match s { $($s => Some($name::$v),)+ _ => None }
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl rusqlite::ToSql for $name {
            fn to_sql(&self) -> rusqlite::Result<rusqlite::types::ToSqlOutput<'_>> {
                Ok(self.as_str().into())
            }
        }
    };
}

stored_enum! {
    /// Where a node action ended.
    AuditOutcome {
        /// Written before the command runs.
        Running = "running",
        /// The command succeeded and the ensemble settled.
        Settled = "settled",
        /// The command succeeded but the ensemble did not settle in time.
        Unsettled = "unsettled",
        /// The command failed (non-zero exit, could not run, timed out).
        Failed = "failed",
        /// Stopped by Ctrl-C/SIGTERM, or (shown on read) its shark process died meanwhile.
        Interrupted = "interrupted",
    }
}

stored_enum! {
    /// Where a file migration is: `copying` → `switched` → `done`, or `abandoned`/`failed`.
    MigrationStatus {
        /// Intent recorded; the copy may be under way.
        Copying = "copying",
        /// The metadata points at the new node; the old copy may still exist.
        Switched = "switched",
        Done = "done",
        /// The file was removed or changed by someone else meanwhile.
        Abandoned = "abandoned",
        Failed = "failed",
    }
}

stored_enum! {
    /// Why a file was moved.
    MigrationReason {
        Rebalance = "rebalance",
        Drain = "drain",
    }
}

impl MigrationStatus {
    /// Terminal statuses get `finished_at`.
    pub fn is_terminal(self) -> bool {
        matches!(
            self,
            MigrationStatus::Done | MigrationStatus::Abandoned | MigrationStatus::Failed
        )
    }
}

/// One audit entry.
#[derive(Debug, Clone, Serialize)]
pub struct AuditRow {
    pub id: i64,
    pub conn: String,
    pub node: String,
    pub action: Action,
    pub command: String,
    pub exit_code: Option<i64>,
    pub outcome: AuditOutcome,
    pub message: Option<String>,
    pub before: Snapshot,
    pub after: Option<Snapshot>,
    pub started_at: String,
    pub finished_at: Option<String>,
    pub run_id: Option<i64>,
}

/// One migration of one file.
#[derive(Debug, Clone, Serialize)]
pub struct MigrationRow {
    pub id: i64,
    pub root: String,
    pub file: String,
    pub from_node: String,
    pub to_node: String,
    pub size: i64,
    pub sha256: String,
    pub reason: MigrationReason,
    pub status: MigrationStatus,
    pub error: Option<String>,
    pub started_at: String,
    pub finished_at: Option<String>,
    pub run_id: Option<i64>,
}

/// What a new intent record holds.
pub struct NewMigration<'a> {
    pub root: &'a str,
    pub file: &'a str,
    pub from_node: &'a str,
    pub to_node: &'a str,
    pub size: i64,
    pub sha256: &'a str,
    pub reason: MigrationReason,
    pub run_id: Option<i64>,
}

/// The zk engine's view of the state file.
#[derive(Clone, Copy)]
pub struct ZkStore<'a> {
    store: &'a Store,
}

/// Audit columns as stored, before they are checked.
struct RawAudit {
    id: i64,
    conn: String,
    node: String,
    action: String,
    command: String,
    exit_code: Option<i64>,
    outcome: String,
    message: Option<String>,
    before: String,
    after: Option<String>,
    started_at: String,
    finished_at: Option<String>,
    run_id: Option<i64>,
    /// pid and host of the run that wrote the entry
    holder: Option<(i64, String)>,
}

const AUDIT_COLS: &str = "a.id, a.conn, a.node, a.action, a.command, a.exit_code, a.outcome, a.message, a.before, a.after, a.started_at, a.finished_at, a.run_id, r.pid, r.host";
const AUDIT_FROM: &str = "zk_audit a LEFT JOIN runs r ON r.id = a.run_id";
const MIGRATION_COLS: &str = "id, root, file, from_node, to_node, size, sha256, reason, status, error, started_at, finished_at, run_id";

fn raw_audit(r: &rusqlite::Row<'_>) -> rusqlite::Result<RawAudit> {
    let (pid, host): (Option<i64>, Option<String>) = (r.get(13)?, r.get(14)?);
    Ok(RawAudit {
        id: r.get(0)?,
        conn: r.get(1)?,
        node: r.get(2)?,
        action: r.get(3)?,
        command: r.get(4)?,
        exit_code: r.get(5)?,
        outcome: r.get(6)?,
        message: r.get(7)?,
        before: r.get(8)?,
        after: r.get(9)?,
        started_at: r.get(10)?,
        finished_at: r.get(11)?,
        run_id: r.get(12)?,
        holder: pid.zip(host),
    })
}

type RawMigration = (
    (i64, String, String, String, String, i64, String),
    (String, String, Option<String>, String, Option<String>),
    Option<i64>,
);

fn raw_migration(r: &rusqlite::Row<'_>) -> rusqlite::Result<RawMigration> {
    Ok((
        (
            r.get(0)?,
            r.get(1)?,
            r.get(2)?,
            r.get(3)?,
            r.get(4)?,
            r.get(5)?,
            r.get(6)?,
        ),
        (r.get(7)?, r.get(8)?, r.get(9)?, r.get(10)?, r.get(11)?),
        r.get(12)?,
    ))
}

impl<'a> ZkStore<'a> {
    /// The zk tables of `store`, brought up to date.
    pub fn new(store: &'a Store) -> Result<ZkStore<'a>> {
        store.ensure(&SCHEMA)?;
        Ok(ZkStore { store })
    }

    /// The shared store (leases, run history).
    pub fn store(&self) -> &'a Store {
        self.store
    }

    fn sql(&self, e: rusqlite::Error) -> StateError {
        StateError::sql(self.store.path(), e)
    }

    /// An error for a stored row that cannot be read back.
    fn unreadable(
        &self,
        table: &str,
        id: i64,
        what: &str,
        detail: impl std::fmt::Display,
    ) -> ZkError {
        ZkError::Stored {
            what: format!("{table} row #{id} in {}", self.store.path().display()),
            reason: format!("{what}: {detail}"),
        }
    }

    /// Record the start of a node action with the snapshot taken before it.
    pub fn audit_start(
        &self,
        conn: &str,
        node: &str,
        action: Action,
        command: &str,
        before: &Snapshot,
        run_id: Option<i64>,
    ) -> Result<i64> {
        let before = to_json(before)?;
        Ok(self.store.tx(|tx| {
            tx.execute(
                "INSERT INTO zk_audit(conn, node, action, command, outcome, before, started_at, run_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                params![conn, node, action, command, AuditOutcome::Running, before, now_rfc3339(), run_id],
            )
            .map_err(|e| self.sql(e))?;
            Ok(tx.last_insert_rowid())
        })?)
    }

    /// Complete an audit entry with the command's outcome and the snapshot after it.
    pub fn audit_finish(
        &self,
        id: i64,
        exit_code: Option<i32>,
        outcome: AuditOutcome,
        message: Option<&str>,
        after: &Snapshot,
    ) -> Result<()> {
        let after = to_json(after)?;
        Ok(self.store.tx(|tx| {
            tx.execute(
                "UPDATE zk_audit SET exit_code = ?2, outcome = ?3, message = ?4, after = ?5, finished_at = ?6 WHERE id = ?1",
                params![id, exit_code, outcome, message, after, now_rfc3339()],
            )
            .map_err(|e| self.sql(e))?;
            Ok(())
        })?)
    }

    /// The newest `limit` entries, newest first, optionally for one node.
    pub fn audit_list(&self, node: Option<&str>, limit: i64) -> Result<Vec<AuditRow>> {
        let raw = self.store.with(|c| {
            let mut st = c
                .prepare(&format!(
                    "SELECT {AUDIT_COLS} FROM {AUDIT_FROM} WHERE (?1 IS NULL OR a.node = ?1) ORDER BY a.id DESC LIMIT ?2"
                ))
                .map_err(|e| self.sql(e))?;
            st.query_map(params![node, limit], raw_audit)
                .and_then(|r| r.collect::<rusqlite::Result<Vec<_>>>())
                .map_err(|e| self.sql(e))
        })?;
        raw.into_iter().map(|r| self.audit_row(r)).collect()
    }

    /// One entry.
    pub fn audit_get(&self, id: i64) -> Result<Option<AuditRow>> {
        let raw = self.store.with(|c| {
            c.query_row(
                &format!("SELECT {AUDIT_COLS} FROM {AUDIT_FROM} WHERE a.id = ?1"),
                [id],
                raw_audit,
            )
            .optional()
            .map_err(|e| self.sql(e))
        })?;
        raw.map(|r| self.audit_row(r)).transpose()
    }

    fn audit_row(&self, r: RawAudit) -> Result<AuditRow> {
        let bad = |what: &str, detail: &dyn std::fmt::Display| {
            self.unreadable("zk_audit", r.id, what, detail)
        };
        let action = Action::parse(&r.action)
            .ok_or_else(|| bad("unknown action", &format!("'{}'", r.action)))?;
        let mut outcome = AuditOutcome::parse(&r.outcome)
            .ok_or_else(|| bad("unknown outcome", &format!("'{}'", r.outcome)))?;
        // a `running` entry whose shark process is gone from this host never finished
        if outcome == AuditOutcome::Running
            && let Some((pid, host)) = &r.holder
            && *host == Holder::current().host
            && Holder::local_pid(*pid).pid_start.is_none()
        {
            outcome = AuditOutcome::Interrupted;
        }
        let snap = |col: &str, text: &str| -> Result<Snapshot> {
            serde_json::from_str(text)
                .map_err(|e| bad(&format!("column {col} is not an ensemble snapshot"), &e))
        };
        let before = snap("before", &r.before)?;
        let after = r.after.as_deref().map(|t| snap("after", t)).transpose()?;
        Ok(AuditRow {
            id: r.id,
            conn: r.conn,
            node: r.node,
            action,
            command: r.command,
            exit_code: r.exit_code,
            outcome,
            message: r.message,
            before,
            after,
            started_at: r.started_at,
            finished_at: r.finished_at,
            run_id: r.run_id,
        })
    }

    /// Record the intent to move a file (status `copying`), committed before any byte moves.
    pub fn migration_start(&self, m: &NewMigration<'_>) -> Result<i64> {
        Ok(self.store.tx(|tx| {
            tx.execute(
                "INSERT INTO zk_migrations(root, file, from_node, to_node, size, sha256, reason, status, started_at, run_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
                params![m.root, m.file, m.from_node, m.to_node, m.size, m.sha256, m.reason, MigrationStatus::Copying, now_rfc3339(), m.run_id],
            )
            .map_err(|e| self.sql(e))?;
            Ok(tx.last_insert_rowid())
        })?)
    }

    /// Advance a migration; terminal statuses also get `finished_at`.
    pub fn migration_set(
        &self,
        id: i64,
        status: MigrationStatus,
        error: Option<&str>,
    ) -> Result<()> {
        Ok(self.store.tx(|tx| {
            tx.execute(
                "UPDATE zk_migrations SET status = ?2, error = ?3, finished_at = CASE WHEN ?4 THEN ?5 ELSE finished_at END WHERE id = ?1",
                params![id, status, error, status.is_terminal(), now_rfc3339()],
            )
            .map_err(|e| self.sql(e))?;
            Ok(())
        })?)
    }

    /// Migrations under `root` that a crash left unfinished (`copying` or `switched`), oldest first.
    pub fn migrations_open(&self, root: &str) -> Result<Vec<MigrationRow>> {
        self.migrations_query(
            &format!("SELECT {MIGRATION_COLS} FROM zk_migrations WHERE root = ?1 AND status IN (?2, ?3) ORDER BY id"),
            params![root, MigrationStatus::Copying, MigrationStatus::Switched],
        )
    }

    /// History under `root`, newest first, optionally for one file.
    pub fn migrations_history(
        &self,
        root: &str,
        file: Option<&str>,
        limit: i64,
    ) -> Result<Vec<MigrationRow>> {
        self.migrations_query(
            &format!("SELECT {MIGRATION_COLS} FROM zk_migrations WHERE root = ?1 AND (?2 IS NULL OR file = ?2) ORDER BY id DESC LIMIT ?3"),
            params![root, file, limit],
        )
    }

    fn migrations_query(&self, sql: &str, p: impl rusqlite::Params) -> Result<Vec<MigrationRow>> {
        let raw = self.store.with(|c| {
            let mut st = c.prepare(sql).map_err(|e| self.sql(e))?;
            st.query_map(p, raw_migration)
                .and_then(|r| r.collect::<rusqlite::Result<Vec<_>>>())
                .map_err(|e| self.sql(e))
        })?;
        raw.into_iter().map(|r| self.migration_row(r)).collect()
    }

    fn migration_row(&self, r: RawMigration) -> Result<MigrationRow> {
        let (
            (id, root, file, from_node, to_node, size, sha256),
            (reason, status, error, started_at, finished_at),
            run_id,
        ) = r;
        let reason = MigrationReason::parse(&reason).ok_or_else(|| {
            self.unreadable("zk_migrations", id, "unknown reason", format!("'{reason}'"))
        })?;
        let status = MigrationStatus::parse(&status).ok_or_else(|| {
            self.unreadable("zk_migrations", id, "unknown status", format!("'{status}'"))
        })?;
        Ok(MigrationRow {
            id,
            root,
            file,
            from_node,
            to_node,
            size,
            sha256,
            reason,
            status,
            error,
            started_at,
            finished_at,
            run_id,
        })
    }
}

fn to_json(s: &Snapshot) -> Result<String> {
    serde_json::to_string(s)
        .map_err(|e| ZkError::Runtime(format!("cannot encode an ensemble snapshot: {e}")))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::zk::ensemble::judge;

    fn open() -> (tempfile::TempDir, Store) {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(&dir.path().join("s.db")).unwrap();
        (dir, store)
    }

    #[test]
    fn statuses_round_trip_through_sql_and_json() {
        for o in AuditOutcome::ALL {
            assert_eq!(AuditOutcome::parse(o.as_str()), Some(*o));
            assert_eq!(serde_json::to_value(o).unwrap(), o.as_str());
        }
        for s in MigrationStatus::ALL {
            assert_eq!(MigrationStatus::parse(s.as_str()), Some(*s));
            assert_eq!(serde_json::to_value(s).unwrap(), s.as_str());
        }
        for r in MigrationReason::ALL {
            assert_eq!(MigrationReason::parse(r.as_str()), Some(*r));
        }
        assert_eq!(MigrationStatus::parse("copied"), None);

        let (_d, store) = open();
        let zs = ZkStore::new(&store).unwrap();
        let id = zs
            .migration_start(&NewMigration {
                root: "/r",
                file: "f",
                from_node: "a",
                to_node: "b",
                size: 3,
                sha256: "00",
                reason: MigrationReason::Drain,
                run_id: None,
            })
            .unwrap();
        assert_eq!(
            zs.migrations_open("/r").unwrap()[0].status,
            MigrationStatus::Copying
        );
        zs.migration_set(id, MigrationStatus::Done, None).unwrap();
        let h = zs.migrations_history("/r", None, 10).unwrap();
        assert_eq!(
            (h[0].status, h[0].reason),
            (MigrationStatus::Done, MigrationReason::Drain)
        );
        assert!(h[0].finished_at.is_some());
        assert!(zs.migrations_open("/r").unwrap().is_empty());

        let snap = judge(vec![], vec![]);
        let id = zs
            .audit_start("zk", "n1", Action::Restart, "true", &snap, None)
            .unwrap();
        zs.audit_finish(id, Some(0), AuditOutcome::Settled, None, &snap)
            .unwrap();
        let row = zs.audit_get(id).unwrap().unwrap();
        assert_eq!(
            (row.action, row.outcome),
            (Action::Restart, AuditOutcome::Settled)
        );
        assert_eq!(row.after.as_ref(), Some(&snap));
    }

    #[test]
    fn unreadable_rows_are_errors_naming_the_row() {
        let (_d, store) = open();
        let zs = ZkStore::new(&store).unwrap();
        let snap = judge(vec![], vec![]);
        let id = zs
            .audit_start("zk", "n1", Action::Stop, "true", &snap, None)
            .unwrap();
        store
            .with(|c| {
                c.execute(
                    "UPDATE zk_audit SET before = '{not json' WHERE id = ?1",
                    [id],
                )
                .map_err(|e| StateError::sql(store.path(), e))
            })
            .unwrap();
        let err = zs.audit_get(id).unwrap_err().to_string();
        assert!(
            err.contains(&format!("zk_audit row #{id}")) && err.contains("before"),
            "{err}"
        );
        assert!(zs.audit_list(None, 10).is_err());

        let mid = zs
            .migration_start(&NewMigration {
                root: "/r",
                file: "f",
                from_node: "a",
                to_node: "b",
                size: 3,
                sha256: "00",
                reason: MigrationReason::Rebalance,
                run_id: None,
            })
            .unwrap();
        store
            .with(|c| {
                c.execute(
                    "UPDATE zk_migrations SET status = 'halfway' WHERE id = ?1",
                    [mid],
                )
                .map_err(|e| StateError::sql(store.path(), e))
            })
            .unwrap();
        let err = zs
            .migrations_history("/r", None, 10)
            .unwrap_err()
            .to_string();
        assert!(
            err.contains(&format!("zk_migrations row #{mid}")) && err.contains("halfway"),
            "{err}"
        );
    }
}
