//! Errors of the state file, each with what went wrong and what to do about it.

use crate::exit::{Classify, ExitKind};
use std::path::PathBuf;

#[derive(Debug, thiserror::Error)]
pub enum StateError {
    #[error(
        "state file {path} is not an SQLite database; pass --state to use another file, or move it away to start fresh"
    )]
    NotSqlite { path: PathBuf },
    #[error(
        "state file {path} belongs to another application (application_id {application_id:#x}); pass --state with a shark state file"
    )]
    Foreign { path: PathBuf, application_id: i32 },
    #[error(
        "state file {path} has schema version {found}, newer than this shark supports ({supported}); upgrade shark"
    )]
    TooNew {
        path: PathBuf,
        found: i64,
        supported: i64,
    },
    #[error(
        "state file {path} has {component} tables at schema version {found}, newer than this shark supports ({supported}); upgrade shark"
    )]
    ComponentTooNew {
        path: PathBuf,
        component: &'static str,
        found: i64,
        supported: i64,
    },
    #[error(
        "state file {path}: migrating the {component} tables to version {version} failed; the file is unchanged (restore a backup if this repeats)"
    )]
    Migration {
        path: PathBuf,
        component: &'static str,
        version: i64,
        #[source]
        source: rusqlite::Error,
    },
    #[error(
        "state file {path} is damaged ({detail}); restore it from a backup or move it away to start fresh"
    )]
    Corrupt { path: PathBuf, detail: String },
    #[error("state file {path}: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("state file {path}: {source}")]
    Sql {
        path: PathBuf,
        #[source]
        source: rusqlite::Error,
    },
    #[error(
        "{task} is already running (pid {pid} on {host}, heartbeat {age}s ago); stop it with `shark {stop_hint}` or wait for it to finish"
    )]
    LeaseHeld {
        task: String,
        pid: i64,
        host: String,
        age: i64,
        stop_hint: String,
    },
    #[error("{task}: another process took over this task's lease; stopping")]
    LeaseLost { task: String },
    #[error("no {what} named '{name}'; {hint}")]
    NotFound {
        what: &'static str,
        name: String,
        hint: String,
    },
    #[error("{what} '{name}' already exists; {hint}")]
    Exists {
        what: &'static str,
        name: String,
        hint: String,
    },
}

impl StateError {
    /// Wrap an SQLite error, recognising a damaged file.
    pub fn sql(path: &std::path::Path, e: rusqlite::Error) -> StateError {
        use rusqlite::ErrorCode;
        if let rusqlite::Error::SqliteFailure(f, msg) = &e {
            match f.code {
                ErrorCode::DatabaseCorrupt | ErrorCode::NotADatabase => {
                    return StateError::Corrupt {
                        path: path.to_path_buf(),
                        detail: msg.clone().unwrap_or_else(|| f.to_string()),
                    };
                }
                _ => {}
            }
        }
        StateError::Sql {
            path: path.to_path_buf(),
            source: e,
        }
    }
}

impl Classify for StateError {
    fn exit_kind(&self) -> ExitKind {
        match self {
            StateError::NotSqlite { .. }
            | StateError::Foreign { .. }
            | StateError::TooNew { .. }
            | StateError::ComponentTooNew { .. }
            | StateError::NotFound { .. }
            | StateError::Exists { .. } => ExitKind::Usage,
            StateError::Corrupt { .. }
            | StateError::Io { .. }
            | StateError::Sql { .. }
            | StateError::Migration { .. }
            | StateError::LeaseHeld { .. }
            | StateError::LeaseLost { .. } => ExitKind::Runtime,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every variant with its documented exit code. The match has no wildcard: a new variant
    /// does not compile until its code is written here.
    fn documented(e: &StateError) -> u8 {
        match e {
            StateError::NotSqlite { .. } => 2,
            StateError::Foreign { .. } => 2,
            StateError::TooNew { .. } => 2,
            StateError::ComponentTooNew { .. } => 2,
            StateError::NotFound { .. } => 2,
            StateError::Exists { .. } => 2,
            StateError::Migration { .. } => 4,
            StateError::Corrupt { .. } => 4,
            StateError::Io { .. } => 4,
            StateError::Sql { .. } => 4,
            StateError::LeaseHeld { .. } => 4,
            StateError::LeaseLost { .. } => 4,
        }
    }

    #[test]
    fn every_variant_has_its_documented_exit_code() {
        let path = PathBuf::from("s.db");
        let sql = || rusqlite::Error::InvalidQuery;
        let all = [
            StateError::NotSqlite { path: path.clone() },
            StateError::Foreign {
                path: path.clone(),
                application_id: 1,
            },
            StateError::TooNew {
                path: path.clone(),
                found: 9,
                supported: 6,
            },
            StateError::ComponentTooNew {
                path: path.clone(),
                component: "sync",
                found: 9,
                supported: 1,
            },
            StateError::NotFound {
                what: "run",
                name: "1".into(),
                hint: String::new(),
            },
            StateError::Exists {
                what: "connection",
                name: "a".into(),
                hint: String::new(),
            },
            StateError::Migration {
                path: path.clone(),
                component: "sync",
                version: 1,
                source: sql(),
            },
            StateError::Corrupt {
                path: path.clone(),
                detail: String::new(),
            },
            StateError::Io {
                path: path.clone(),
                source: std::io::Error::other("x"),
            },
            StateError::Sql {
                path,
                source: sql(),
            },
            StateError::LeaseHeld {
                task: "t".into(),
                pid: 1,
                host: "h".into(),
                age: 0,
                stop_hint: String::new(),
            },
            StateError::LeaseLost { task: "t".into() },
        ];
        for e in &all {
            assert_eq!(e.exit_kind().code(), documented(e), "{e:?}");
        }
    }
}
