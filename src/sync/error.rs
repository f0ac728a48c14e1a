//! Errors of the sync engine, each saying what to do, with their exit codes: configuration
//! problems 2, cannot connect or authenticate 3, runtime failures (state saved) 4.

use crate::conn::ConnError;
use crate::exit::{Classify, ExitKind};
use crate::state::StateError;

#[derive(Debug, thiserror::Error)]
pub enum SyncError {
    #[error("{0}")]
    Usage(String),
    /// The source server is not set up for CDC (binlog off, not ROW, ...).
    #[error("{0}")]
    SourceConfig(String),
    #[error(
        "{task}: binlog {file} needed to resume was purged from the source (oldest kept: {oldest}); \
         run `shark sync reset {task}` to copy everything again, and keep binlogs longer (binlog_expire_logs_seconds / expire_logs_days)"
    )]
    BinlogPurged {
        task: String,
        file: String,
        oldest: String,
    },
    #[error("{0}: {1}")]
    Source(String, String),
    #[error("{0}: {1}")]
    Target(String, String),
    #[error(transparent)]
    Conn(#[from] ConnError),
    #[error(transparent)]
    State(#[from] StateError),
}

impl Classify for SyncError {
    fn exit_kind(&self) -> ExitKind {
        match self {
            SyncError::Usage(_) => ExitKind::Usage,
            SyncError::Conn(e) => e.exit_kind(),
            SyncError::State(e) => e.exit_kind(),
            SyncError::SourceConfig(_)
            | SyncError::BinlogPurged { .. }
            | SyncError::Source(..)
            | SyncError::Target(..) => ExitKind::Runtime,
        }
    }
}

impl SyncError {
    /// Worth a retry from the last checkpoint (network trouble, failover), as opposed to fatal.
    pub fn is_transient(&self) -> bool {
        match self {
            SyncError::Conn(ConnError::Unreachable { .. }) => true,
            SyncError::Source(_, m) | SyncError::Target(_, m) => {
                let m = m.to_ascii_lowercase();
                // 4052: our previous dump thread with this server id has not gone away yet
                [
                    "connection",
                    "broken pipe",
                    "timed out",
                    "reset by peer",
                    "eof",
                    "i/o",
                    "io error",
                    "server selection",
                    "error 4052",
                ]
                .iter()
                .any(|w| m.contains(w))
            }
            _ => false,
        }
    }
}

/// Wrap a source driver error: auth problems become exit 3, the rest keeps its text.
pub fn source_err(conn: &crate::conn::Connection, e: mysql_async::Error) -> SyncError {
    match crate::conn::probe::mysql::classify(conn, e) {
        ConnError::Protocol { reason, .. } => SyncError::Source(conn.name.clone(), reason),
        other => SyncError::Conn(other),
    }
}

/// Wrap a target driver error.
pub fn target_err(conn: &crate::conn::Connection, e: mongodb::error::Error) -> SyncError {
    match crate::conn::probe::mongo::classify(conn, e) {
        ConnError::Protocol { reason, .. } => SyncError::Target(conn.name.clone(), reason),
        other => SyncError::Conn(other),
    }
}
