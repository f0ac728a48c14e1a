//! Errors of the sync engine, each saying what to do, with their exit codes: configuration
//! problems 2, cannot connect or authenticate 3, runtime failures (state saved) 4, a run halted
//! by Ctrl-C 130. Whether a driver error is worth a retry is decided here from its kind and
//! code (MySQL server error codes, io errors, MongoDB error kinds, codes and labels), never from
//! its message text.

use crate::conn::ConnError;
use crate::exit::{Classify, ExitKind};
use crate::state::StateError;

/// What a failed source or target operation calls for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fault {
    /// Network trouble, failover, a server going away: retry from the last checkpoint.
    Transient,
    /// The table changed under a full copy (unknown column, table gone): reload its schema and
    /// copy again.
    TableChanged,
    /// Anything else: stop with the error.
    Fatal,
}

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
    /// The server a task would resume on by GTID lacks transactions after its checkpoint.
    #[error(
        "{task}: cannot resume on {server} by GTID: {missing}; the target would lose those changes: run `shark sync reset {task}` to copy everything again"
    )]
    GtidGap {
        task: String,
        server: String,
        missing: String,
    },
    /// A source (MySQL) failure: connection name, what happened, and what it calls for.
    #[error("{0}: {1}")]
    Source(String, String, Fault),
    /// A target (MongoDB) failure: connection name, what happened, and what it calls for.
    #[error("{0}: {1}")]
    Target(String, String, Fault),
    /// The sink refused a row on its own merits and the task's `--on-error` is `stop`: the run
    /// stops before the batch is checkpointed.
    #[error(
        "{task}: {unit}: the target refused row {key}: {error}{}; the checkpoint is before it. Fix the row or the target mapping and run again, or recreate the task with `--on-error skip` to record such rows and go on",
        if *more > 0 { format!(" (and {more} more row(s) of the same batch)") } else { String::new() }
    )]
    Rejected {
        task: String,
        unit: String,
        key: String,
        error: String,
        more: usize,
    },
    /// Stored sync data this build cannot read; never replaced by defaults.
    #[error("{task}: unreadable {what} in the state file ({detail}); {hint}")]
    Unreadable {
        task: String,
        what: String,
        detail: String,
        hint: String,
    },
    /// The run was halted (Ctrl-C, SIGTERM or `sync stop`) while it waited; the runner turns
    /// this into its outcome at the last checkpoint.
    #[error("halted; progress up to the last checkpoint is saved")]
    Halted,
    /// A worker of a shared task may no longer write (its ZooKeeper session is unconfirmed or
    /// gone, or another worker leads now): it steps down and rejoins as a follower.
    #[error("this worker stopped writing: {0}")]
    Fenced(String),
    /// A ZooKeeper request of a shared task failed; `unreachable`: the ensemble could not be
    /// reached (exit 3).
    #[error(
        "coordinator: {detail}{}",
        if *unreachable { "; check that a quorum of the ZooKeeper ensemble is up and reachable" } else { "" }
    )]
    Coordinator { detail: String, unreachable: bool },
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
            SyncError::Halted => ExitKind::Interrupted,
            SyncError::Coordinator {
                unreachable: true, ..
            } => ExitKind::Connect,
            SyncError::Fenced(_) | SyncError::Coordinator { .. } => ExitKind::Runtime,
            SyncError::SourceConfig(_)
            | SyncError::BinlogPurged { .. }
            | SyncError::GtidGap { .. }
            | SyncError::Source(..)
            | SyncError::Target(..)
            | SyncError::Rejected { .. }
            | SyncError::Unreadable { .. } => ExitKind::Runtime,
        }
    }
}

impl SyncError {
    /// A fatal source failure described by shark itself.
    pub fn source(conn: &str, what: impl Into<String>) -> SyncError {
        SyncError::Source(conn.into(), what.into(), Fault::Fatal)
    }

    /// Worth a retry from the last checkpoint (network trouble, failover), as opposed to fatal.
    pub fn is_transient(&self) -> bool {
        matches!(
            self,
            SyncError::Conn(ConnError::Unreachable { .. })
                | SyncError::Source(_, _, Fault::Transient)
                | SyncError::Target(_, _, Fault::Transient)
        )
    }

    /// The table changed under a full copy.
    pub fn table_changed(&self) -> bool {
        matches!(self, SyncError::Source(_, _, Fault::TableChanged))
    }
}

/// MySQL/MariaDB server error codes after which the same request can succeed again.
const MYSQL_TRANSIENT_CODES: &[u16] = &[
    1040, // too many connections
    1053, // server shutdown in progress
    1152, // aborted connection
    1158, // got an error reading communication packets
    1159, // got timeout reading communication packets
    1160, // got an error writing communication packets
    1161, // got timeout writing communication packets
    1205, // lock wait timeout
    1213, // deadlock
    1927, // connection was killed
    2006, // server has gone away
    2013, // lost connection during query
    4031, // disconnected by the server because of inactivity
    4052, // our previous binlog dump thread with this server id has not gone away yet
];
/// Unknown column / table does not exist: the table was altered or dropped under a copy.
const MYSQL_TABLE_CHANGED_CODES: &[u16] = &[1054, 1146];

/// What a MySQL driver error calls for, from its kind and server error code.
pub fn mysql_fault(e: &mysql_async::Error) -> Fault {
    use mysql_async::{DriverError, Error};
    match e {
        Error::Server(s) if MYSQL_TABLE_CHANGED_CODES.contains(&s.code) => Fault::TableChanged,
        Error::Server(s) if MYSQL_TRANSIENT_CODES.contains(&s.code) => Fault::Transient,
        Error::Io(_) => Fault::Transient,
        Error::Driver(DriverError::ConnectionClosed | DriverError::PoolDisconnected) => {
            Fault::Transient
        }
        _ => Fault::Fatal,
    }
}

/// MongoDB server error codes after which the same request can succeed again (the driver's
/// retryable codes: not primary, shutting down, host unreachable, network timeout...).
const MONGO_TRANSIENT_CODES: &[i32] = &[
    6, 7, 89, 91, 134, 189, 262, 9001, 10107, 11600, 11602, 13435, 13436,
];

/// What a MongoDB server error code calls for.
pub fn mongo_code_fault(code: i32) -> Fault {
    if MONGO_TRANSIENT_CODES.contains(&code) {
        Fault::Transient
    } else {
        Fault::Fatal
    }
}

/// What a MongoDB driver error calls for, from its kind, code and labels.
pub fn mongo_fault(e: &mongodb::error::Error) -> Fault {
    use mongodb::error::{
        ErrorKind, RETRYABLE_ERROR, RETRYABLE_WRITE_ERROR, TRANSIENT_TRANSACTION_ERROR,
        WriteFailure,
    };
    if [
        RETRYABLE_WRITE_ERROR,
        TRANSIENT_TRANSACTION_ERROR,
        RETRYABLE_ERROR,
    ]
    .iter()
    .any(|l| e.contains_label(l))
    {
        return Fault::Transient;
    }
    match e.kind.as_ref() {
        ErrorKind::Io(_)
        | ErrorKind::ServerSelection { .. }
        | ErrorKind::ConnectionPoolCleared { .. } => Fault::Transient,
        ErrorKind::Command(c) => mongo_code_fault(c.code),
        ErrorKind::Write(WriteFailure::WriteConcernError(w)) => mongo_code_fault(w.code),
        ErrorKind::InsertMany(im) => im
            .write_concern_error
            .as_ref()
            .map_or(Fault::Fatal, |w| mongo_code_fault(w.code)),
        _ => Fault::Fatal,
    }
}

/// Wrap a source driver error: auth problems become exit 3, the rest keeps its text and what
/// its kind calls for.
pub fn source_err(conn: &crate::conn::Connection, e: mysql_async::Error) -> SyncError {
    let fault = mysql_fault(&e);
    match crate::conn::probe::mysql::classify(conn, e) {
        ConnError::Protocol { reason, .. } => SyncError::Source(conn.name.clone(), reason, fault),
        other => SyncError::Conn(other),
    }
}

/// Wrap a target driver error.
pub fn target_err(conn: &crate::conn::Connection, e: mongodb::error::Error) -> SyncError {
    let fault = mongo_fault(&e);
    match crate::conn::probe::mongo::classify(conn, e) {
        ConnError::Protocol { reason, .. } => SyncError::Target(conn.name.clone(), reason, fault),
        other => SyncError::Conn(other),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// One value of every variant with its documented exit code. The match has no wildcard:
    /// a new variant does not compile until it is listed here with its code.
    #[test]
    fn every_variant_has_its_documented_exit_code() {
        let s = || String::from("x");
        let all = [
            SyncError::Usage(s()),
            SyncError::SourceConfig(s()),
            SyncError::BinlogPurged {
                task: s(),
                file: s(),
                oldest: s(),
            },
            SyncError::GtidGap {
                task: s(),
                server: s(),
                missing: s(),
            },
            SyncError::Source(s(), s(), Fault::Transient),
            SyncError::Target(s(), s(), Fault::Fatal),
            SyncError::Unreadable {
                task: s(),
                what: s(),
                detail: s(),
                hint: s(),
            },
            SyncError::Rejected {
                task: s(),
                unit: s(),
                key: s(),
                error: s(),
                more: 0,
            },
            SyncError::Halted,
            SyncError::Fenced(s()),
            SyncError::Coordinator {
                detail: s(),
                unreachable: true,
            },
            SyncError::Coordinator {
                detail: s(),
                unreachable: false,
            },
            SyncError::Conn(ConnError::Invalid(s())),
            SyncError::Conn(ConnError::Unreachable {
                name: s(),
                endpoint: s(),
                reason: s(),
            }),
            SyncError::State(StateError::LeaseLost { task: s() }),
        ];
        for e in all {
            let expected = match &e {
                SyncError::Usage(_) => 2,
                SyncError::SourceConfig(_) => 4,
                SyncError::BinlogPurged { .. } => 4,
                SyncError::GtidGap { .. } => 4,
                SyncError::Source(..) => 4,
                SyncError::Target(..) => 4,
                SyncError::Unreadable { .. } => 4,
                SyncError::Rejected { .. } => 4,
                SyncError::Halted => 130,
                SyncError::Fenced(_) => 4,
                SyncError::Coordinator {
                    unreachable: true, ..
                } => 3,
                SyncError::Coordinator { .. } => 4,
                SyncError::Conn(ConnError::Invalid(_)) => 2,
                SyncError::Conn(ConnError::Unreachable { .. }) => 3,
                SyncError::Conn(other) => other.exit_kind().code(),
                SyncError::State(StateError::LeaseLost { .. }) => 4,
                SyncError::State(other) => other.exit_kind().code(),
            };
            assert_eq!(e.exit_kind().code(), expected, "{e:?}");
        }
    }

    #[test]
    fn retries_are_decided_by_kind_and_code() {
        let server = |code: u16| {
            mysql_async::Error::Server(mysql_async::ServerError {
                code,
                message: "connection reset by peer (only the code counts)".into(),
                state: "HY000".into(),
            })
        };
        assert_eq!(mysql_fault(&server(4052)), Fault::Transient);
        assert_eq!(mysql_fault(&server(1054)), Fault::TableChanged);
        assert_eq!(mysql_fault(&server(1146)), Fault::TableChanged);
        assert_eq!(mysql_fault(&server(1064)), Fault::Fatal);
        let io = std::io::Error::new(std::io::ErrorKind::ConnectionReset, "x");
        assert_eq!(
            mysql_fault(&mysql_async::Error::Io(mysql_async::IoError::Io(io))),
            Fault::Transient
        );
        assert_eq!(
            mysql_fault(&mysql_async::Error::Driver(
                mysql_async::DriverError::ConnectionClosed
            )),
            Fault::Transient
        );
        assert_eq!(mongo_code_fault(10107), Fault::Transient);
        assert_eq!(mongo_code_fault(11000), Fault::Fatal);
        let e = SyncError::Source("s".into(), "timed out".into(), Fault::Fatal);
        assert!(!e.is_transient(), "message text decides nothing");
        assert!(SyncError::Target("t".into(), "x".into(), Fault::Transient).is_transient());
    }
}
