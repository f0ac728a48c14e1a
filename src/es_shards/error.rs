//! Errors of the es-shards engine, each naming the endpoint or setting involved and what to do.

use crate::conn::ConnError;
use crate::conn::es::EsError;
use crate::exit::{Classify, ExitKind};
use crate::state::StateError;

#[derive(Debug, thiserror::Error)]
pub enum EsShardsError {
    /// Bad arguments or configuration (no connection, wrong kind, nothing to restore): exit 2.
    #[error("{0}")]
    Usage(String),
    /// The server is not a flavour/version this engine speaks: exit 2.
    #[error(
        "{server} is not supported: es-shards speaks Elasticsearch 7.x/8.x and OpenSearch 2.x (found at {endpoint})"
    )]
    Unsupported { server: String, endpoint: String },
    /// Cannot connect, authenticate, or transport failure: the connection's own classification.
    #[error(transparent)]
    Conn(#[from] ConnError),
    /// The cluster answered an HTTP error: exit 4.
    #[error("{endpoint} answered HTTP {status}: {reason}")]
    Http {
        endpoint: String,
        status: u16,
        reason: String,
    },
    /// The cluster answered 2xx with a body we cannot use: exit 4.
    #[error("{endpoint}: unexpected response: {reason}")]
    Malformed { endpoint: String, reason: String },
    /// A wait (recovery, drain, snapshot) did not finish within --timeout: exit 4; the settings
    /// applied so far stay and are recorded.
    #[error("{what} not finished after {secs}s (--timeout); {hint}")]
    Timeout {
        what: String,
        secs: u64,
        hint: String,
    },
    /// The cluster refused or failed an operation (snapshot FAILED, reroute not acknowledged): exit 4.
    #[error("{0}")]
    Failed(String),
    /// The command ran and found problems (mismatching copies, shards still unassigned, an
    /// index in the state given to --fail-on): exit 1. The report was printed already.
    #[error("{0}")]
    Problems(String),
    /// Ctrl-C / SIGTERM: exit 130; what was applied is recorded.
    #[error("interrupted; cluster changes made so far are recorded (see `shark es-shards ops`)")]
    Interrupted,
    #[error(transparent)]
    State(#[from] StateError),
}

/// The shared client's errors as es-shards': no answer is a connection error (exit 3; a change
/// sent without an answer is recorded as `unknown`), an HTTP error or an unusable answer exit 4.
impl From<EsError> for EsShardsError {
    fn from(e: EsError) -> EsShardsError {
        match e.into_unreachable() {
            Ok(c) => EsShardsError::Conn(c),
            Err(EsError::Status {
                endpoint,
                status,
                reason,
                attempts,
            }) => EsShardsError::Http {
                endpoint,
                status,
                reason: if attempts > 1 {
                    format!("{reason} (gave up after {attempts} attempts)")
                } else {
                    reason
                },
            },
            Err(EsError::Malformed { endpoint, reason }) => {
                EsShardsError::Malformed { endpoint, reason }
            }
            Err(other) => EsShardsError::Failed(other.to_string()),
        }
    }
}

impl Classify for EsShardsError {
    fn exit_kind(&self) -> ExitKind {
        match self {
            EsShardsError::Usage(_) | EsShardsError::Unsupported { .. } => ExitKind::Usage,
            EsShardsError::Conn(e) => e.exit_kind(),
            EsShardsError::Http { .. }
            | EsShardsError::Malformed { .. }
            | EsShardsError::Timeout { .. }
            | EsShardsError::Failed(_) => ExitKind::Runtime,
            EsShardsError::Problems(_) => ExitKind::Problems,
            EsShardsError::Interrupted => ExitKind::Interrupted,
            EsShardsError::State(e) => e.exit_kind(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every variant with its documented exit code; the match is exhaustive so a new variant
    /// does not compile until it is listed here.
    #[test]
    fn every_variant_has_its_exit_code() {
        let cases = vec![
            EsShardsError::Usage("x".into()),
            EsShardsError::Unsupported {
                server: "Elasticsearch 6.8.0".into(),
                endpoint: "http://h:9200".into(),
            },
            EsShardsError::Conn(ConnError::Unreachable {
                name: "es".into(),
                endpoint: "http://h:9200".into(),
                reason: "refused".into(),
            }),
            EsShardsError::Http {
                endpoint: "GET /_recovery".into(),
                status: 500,
                reason: "boom".into(),
            },
            EsShardsError::Malformed {
                endpoint: "GET /_cat/shards".into(),
                reason: "x".into(),
            },
            EsShardsError::Timeout {
                what: "drain".into(),
                secs: 1,
                hint: "h".into(),
            },
            EsShardsError::Failed("x".into()),
            EsShardsError::Problems("x".into()),
            EsShardsError::Interrupted,
            EsShardsError::State(StateError::Corrupt {
                path: "/x".into(),
                detail: "y".into(),
            }),
        ];
        for e in cases {
            let want = match &e {
                EsShardsError::Usage(_) | EsShardsError::Unsupported { .. } => 2,
                EsShardsError::Conn(_) => 3,
                EsShardsError::Http { .. }
                | EsShardsError::Malformed { .. }
                | EsShardsError::Timeout { .. }
                | EsShardsError::Failed(_) => 4,
                EsShardsError::Problems(_) => 1,
                EsShardsError::Interrupted => 130,
                EsShardsError::State(s) => s.exit_kind().code(),
            };
            assert_eq!(e.exit_kind().code(), want, "{e}");
            assert!(!e.to_string().is_empty());
        }
    }
}
