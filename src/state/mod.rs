//! The state file: one SQLite database (WAL) holding run history, leases, checkpoints and the
//! rows of the layers above (connections, engines' tables). This module owns opening,
//! validating and migrating it; one sub-module per core record kind owns that kind's rows.
//! It imports nothing from `conn` or the engines.

mod checkpoints;
mod error;
mod leases;
mod migrations;
mod process;
mod runs;
mod schema;

pub use checkpoints::{Checkpoint, save as checkpoints_save};
pub use error::StateError;
pub use leases::{Holder, LEASE_STALE_AFTER, Lease, LeaseInfo};
pub use migrations::LATEST as SCHEMA_VERSION;
pub use runs::{LogLevel, LogLine, RunHandle, RunRow, RunStatus};
pub use schema::Schema;

use rusqlite::{Connection, OpenFlags, Transaction, TransactionBehavior};
use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard};
use std::time::Duration;

/// `PRAGMA application_id` of a shark state file ("SHRK").
pub const APPLICATION_ID: i32 = 0x5348_524B;

/// An open, migrated state file.
pub struct Store {
    path: PathBuf,
    conn: Mutex<Connection>,
    /// Components whose schema `ensure` has brought up to date in this process.
    ensured: Mutex<std::collections::HashSet<&'static str>>,
}

impl Store {
    /// Open (creating if needed) the state file at `path`, refusing files that are not SQLite,
    /// belong to another application, or were written by a newer shark.
    pub fn open(path: &Path) -> Result<Store, StateError> {
        let io = |source| StateError::Io {
            path: path.to_path_buf(),
            source,
        };
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            private::create_dirs(dir).map_err(io)?;
        }
        private::create_file(path).map_err(io)?;
        check_header(path)?;
        // Processes opening a new file at once can be told SQLITE_BUSY without the busy handler
        // (switching a fresh file to WAL): every step below is idempotent, so open again.
        let deadline = std::time::Instant::now() + Duration::from_secs(10);
        let conn = loop {
            match open_new_or_existing(path) {
                Err(StateError::Sql { source, .. })
                    if source.sqlite_error_code() == Some(rusqlite::ErrorCode::DatabaseBusy)
                        && std::time::Instant::now() < deadline =>
                {
                    std::thread::sleep(Duration::from_millis(20));
                }
                r => break r?,
            }
        };
        private::restrict_wal(path).map_err(io)?;
        Ok(Store {
            path: path.to_path_buf(),
            conn: Mutex::new(conn),
            ensured: Mutex::new(Default::default()),
        })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Run `f` with the connection (autocommit).
    pub fn with<R>(
        &self,
        f: impl FnOnce(&Connection) -> Result<R, StateError>,
    ) -> Result<R, StateError> {
        let conn = self.lock();
        f(&conn)
    }

    /// Every row of `sql` as a tuple of column values (or any `TryFrom<&Row>`), the one way
    /// the stores read lists: `let v: Vec<(i64, String)> = store.rows("SELECT ..", [x])?`.
    pub fn rows<T>(&self, sql: &str, params: impl rusqlite::Params) -> Result<Vec<T>, StateError>
    where
        T: for<'r> TryFrom<&'r rusqlite::Row<'r>, Error = rusqlite::Error>,
    {
        self.with(|c| {
            let mut st = c.prepare(sql).map_err(|e| StateError::sql(&self.path, e))?;
            st.query_map(params, |r| T::try_from(r))
                .and_then(|it| it.collect())
                .map_err(|e| StateError::sql(&self.path, e))
        })
    }

    /// Run `f` inside one IMMEDIATE transaction: everything it writes commits together or not
    /// at all. A checkpoint and the progress it describes must be written through one call.
    pub fn tx<R>(
        &self,
        f: impl FnOnce(&Transaction<'_>) -> Result<R, StateError>,
    ) -> Result<R, StateError> {
        let mut conn = self.lock();
        let tx = conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(|e| StateError::sql(&self.path, e))?;
        let out = f(&tx)?;
        tx.commit().map_err(|e| StateError::sql(&self.path, e))?;
        Ok(out)
    }

    /// A second connection to the same file, for a background thread (lease heartbeat).
    pub(crate) fn reopen(&self) -> Result<Connection, StateError> {
        open_conn(&self.path)
    }

    fn lock(&self) -> MutexGuard<'_, Connection> {
        self.conn.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// Schema version and the row count of every table in the file (read from SQLite itself,
    /// so an engine's new table shows up without anyone listing it), for `shark state info`.
    pub fn info(&self) -> Result<Vec<(String, i64)>, StateError> {
        self.with(|c| {
            let sql = |e| StateError::sql(&self.path, e);
            let mut out = vec![(
                "schema_version".to_string(),
                c.query_row("PRAGMA user_version", [], |r| r.get::<_, i64>(0))
                    .map_err(sql)?,
            )];
            let tables: Vec<String> = c
                .prepare(
                    "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
                )
                .and_then(|mut st| st.query_map([], |r| r.get(0))?.collect())
                .map_err(sql)?;
            for table in tables {
                let quoted = format!("\"{}\"", table.replace('"', "\"\""));
                let n: i64 = c
                    .query_row(&format!("SELECT count(*) FROM {quoted}"), [], |r| r.get(0))
                    .map_err(sql)?;
                out.push((table, n));
            }
            Ok(out)
        })
    }

    /// Read a value from the `meta` table.
    pub fn meta_get(&self, key: &str) -> Result<Option<Vec<u8>>, StateError> {
        use rusqlite::OptionalExtension;
        self.with(|c| {
            c.query_row("SELECT value FROM meta WHERE key = ?1", [key], |r| r.get(0))
                .optional()
                .map_err(|e| StateError::sql(&self.path, e))
        })
    }

    /// Insert a value into `meta` unless the key exists; returns the value now stored.
    pub fn meta_get_or_insert(&self, key: &str, value: &[u8]) -> Result<Vec<u8>, StateError> {
        self.tx(|tx| {
            tx.execute(
                "INSERT OR IGNORE INTO meta(key, value) VALUES (?1, ?2)",
                rusqlite::params![key, value],
            )
            .map_err(|e| StateError::sql(&self.path, e))?;
            tx.query_row("SELECT value FROM meta WHERE key = ?1", [key], |r| r.get(0))
                .map_err(|e| StateError::sql(&self.path, e))
        })
    }
}

/// Modes of what shark creates for the state file, whatever the umask: secrets are encrypted,
/// but run logs, reports and connection endpoints are nobody else's business.
mod private {
    use std::os::unix::fs::{DirBuilderExt, OpenOptionsExt, PermissionsExt};
    use std::path::{Path, PathBuf};

    pub const DIR_MODE: u32 = 0o700;
    pub const FILE_MODE: u32 = 0o600;

    /// Create `dir` and its missing parents, each created one `0700` (existing ones are left
    /// as they are).
    pub fn create_dirs(dir: &Path) -> std::io::Result<()> {
        let missing: Vec<PathBuf> = dir
            .ancestors()
            .take_while(|d| !d.as_os_str().is_empty() && !d.exists())
            .map(Path::to_path_buf)
            .collect();
        if missing.is_empty() {
            return Ok(());
        }
        std::fs::DirBuilder::new()
            .recursive(true)
            .mode(DIR_MODE)
            .create(dir)?;
        for d in missing.iter().rev() {
            std::fs::set_permissions(d, std::fs::Permissions::from_mode(DIR_MODE))?;
        }
        Ok(())
    }

    /// Create the state file `0600` before SQLite opens it (SQLite would use 0644 & ~umask).
    /// An existing file is left as it is.
    pub fn create_file(path: &Path) -> std::io::Result<()> {
        match std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .mode(FILE_MODE)
            .open(path)
        {
            Ok(_) => std::fs::set_permissions(path, std::fs::Permissions::from_mode(FILE_MODE)),
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => Ok(()),
            Err(e) => Err(e),
        }
    }

    /// The `-wal` and `-shm` files hold the same data as the file: `0600`.
    pub fn restrict_wal(path: &Path) -> std::io::Result<()> {
        for suffix in ["-wal", "-shm"] {
            let mut p = path.as_os_str().to_owned();
            p.push(suffix);
            let p = PathBuf::from(p);
            match std::fs::set_permissions(&p, std::fs::Permissions::from_mode(FILE_MODE)) {
                Err(e) if e.kind() != std::io::ErrorKind::NotFound => return Err(e),
                _ => {}
            }
        }
        Ok(())
    }
}

/// Open and configure a connection to an already validated state file.
/// Open, check the owner, configure and migrate: what [`Store::open`] does once.
fn open_new_or_existing(path: &Path) -> Result<Connection, StateError> {
    let conn = raw_open(path)?;
    // ownership first: a foreign file must not even be switched to WAL
    check_owner(&conn, path)?;
    configure(&conn, path)?;
    migrations::migrate(&conn, path)?;
    Ok(conn)
}

fn open_conn(path: &Path) -> Result<Connection, StateError> {
    let conn = raw_open(path)?;
    configure(&conn, path)?;
    Ok(conn)
}

fn raw_open(path: &Path) -> Result<Connection, StateError> {
    let flags = OpenFlags::SQLITE_OPEN_READ_WRITE
        | OpenFlags::SQLITE_OPEN_CREATE
        | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let conn = Connection::open_with_flags(path, flags).map_err(|e| StateError::sql(path, e))?;
    conn.busy_timeout(Duration::from_secs(10))
        .map_err(|e| StateError::sql(path, e))?;
    Ok(conn)
}

fn configure(conn: &Connection, path: &Path) -> Result<(), StateError> {
    // WAL + NORMAL: readers never block the writer and a crash leaves the file consistent.
    let mode: String = conn
        .query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0))
        .map_err(|e| StateError::sql(path, e))?;
    if !mode.eq_ignore_ascii_case("wal") {
        tracing::warn!(path = %path.display(), mode, "state file is not in WAL mode");
    }
    conn.execute_batch("PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON;")
        .map_err(|e| StateError::sql(path, e))
}

/// A non-empty file must start with the SQLite magic; otherwise it is not ours to touch.
fn check_header(path: &Path) -> Result<(), StateError> {
    use std::io::Read;
    let mut f = match std::fs::File::open(path) {
        Ok(f) => f,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(()),
        Err(e) => {
            return Err(StateError::Io {
                path: path.to_path_buf(),
                source: e,
            });
        }
    };
    let mut head = [0u8; 16];
    let n = f.read(&mut head).map_err(|e| StateError::Io {
        path: path.to_path_buf(),
        source: e,
    })?;
    if n == 0 {
        return Ok(());
    }
    if n < 16 || &head != b"SQLite format 3\0" {
        return Err(StateError::NotSqlite {
            path: path.to_path_buf(),
        });
    }
    Ok(())
}

/// A fresh database gets our application id; a database with another id, or with tables but
/// no id, belongs to someone else.
fn check_owner(conn: &Connection, path: &Path) -> Result<(), StateError> {
    let sql = |e| StateError::sql(path, e);
    // one write transaction, so two processes creating the same new file agree on its owner
    conn.execute_batch("BEGIN IMMEDIATE").map_err(sql)?;
    let res = (|| {
        let app_id: i32 = conn
            .query_row("PRAGMA application_id", [], |r| r.get(0))
            .map_err(sql)?;
        if app_id == APPLICATION_ID {
            return Ok(());
        }
        let tables: i64 = conn
            .query_row("SELECT count(*) FROM sqlite_master", [], |r| r.get(0))
            .map_err(sql)?;
        if app_id != 0 || tables > 0 {
            return Err(StateError::Foreign {
                path: path.to_path_buf(),
                application_id: app_id,
            });
        }
        conn.pragma_update(None, "application_id", APPLICATION_ID)
            .map_err(sql)
    })();
    let end = if res.is_ok() { "COMMIT" } else { "ROLLBACK" };
    conn.execute_batch(end).map_err(sql)?;
    res
}

/// Current time as an RFC 3339 string (UTC, milliseconds), the format of every timestamp column.
pub fn now_rfc3339() -> String {
    chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Millis, true)
}

/// Current time in Unix milliseconds.
pub fn now_ms() -> i64 {
    chrono::Utc::now().timestamp_millis()
}

/// Default state path: `$XDG_DATA_HOME/shark/shark.db` (or `~/.local/share/shark/shark.db`).
pub fn default_path() -> PathBuf {
    let base = std::env::var_os("XDG_DATA_HOME")
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".local/share")))
        .unwrap_or_else(|| PathBuf::from("."));
    base.join("shark").join("shark.db")
}
