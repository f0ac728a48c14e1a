//! `MonitorError`: every way a monitor verb fails, one line each (what, why, what to do), with
//! the exit code it maps to. Secrets never appear: Slack errors never carry the webhook URL and
//! S3/Kubernetes errors are scrubbed of the connection's secret before they get here.

use crate::conn::ConnError;
use crate::exit::{Classify, ExitKind};
use crate::state::StateError;

#[derive(Debug, thiserror::Error)]
pub enum MonitorError {
    /// A bad definition or argument (rule, duration, regex, connection kind): exit 2.
    #[error("{0}")]
    Invalid(String),
    /// `monitor add` of a name that exists: exit 2.
    #[error(
        "monitor '{0}' already exists; remove it first with `shark monitor rm {0}` or pick another name"
    )]
    Exists(String),
    /// No monitor by that name: exit 2.
    #[error("no monitor named '{0}'; `shark monitor list` shows the defined monitors")]
    NotFound(String),
    /// A stored definition that no longer parses: exit 4 (never replaced by defaults).
    #[error(
        "monitor '{name}': stored definition in {path} is unreadable ({reason}); remove it with `shark monitor rm {name}` and add it again"
    )]
    Corrupt {
        name: String,
        path: String,
        reason: String,
    },
    /// The Kubernetes API cannot be reached or refused us: exit 3.
    #[error(
        "{conn}: Kubernetes API {what}: {reason}; check the kubeconfig context and that the API server is reachable"
    )]
    KubeConnect {
        conn: String,
        what: String,
        reason: String,
    },
    /// The kubeconfig user lacks an RBAC permission a monitor needs: exit 3.
    #[error(
        "{conn}: not allowed to {verb} {what} {place} ({reason}); a monitor needs list and watch on pods and get on pods/log: grant them with a Role (or ClusterRole) bound to this user"
    )]
    Forbidden {
        conn: String,
        verb: String,
        what: String,
        place: String,
        reason: String,
    },
    /// The Kubernetes API answered with an error while running: exit 4.
    #[error("{conn}: Kubernetes API {what}: {reason}")]
    Kube {
        conn: String,
        what: String,
        reason: String,
    },
    /// The S3 archive failed: exit 4 (lines not archived stay unacknowledged and are read again).
    #[error(
        "{conn}: S3 archive {what}: {reason}; check the bucket and credentials with `shark conn test {conn}`"
    )]
    Archive {
        conn: String,
        what: String,
        reason: String,
    },
    /// Slack delivery failed for good: exit 4 (the alert stays recorded as failed).
    #[error(
        "{conn}: Slack delivery failed: {reason}; check the webhook with `shark conn test {conn}`"
    )]
    Slack { conn: String, reason: String },
    /// `archive get` of a key that is not there: exit 2.
    #[error("no archive object '{0}'; `shark monitor archive ls NAME` lists them")]
    NoObject(String),
    /// Writing output (archive get to a file or stdout) failed: exit 4.
    #[error("cannot write {what}: {reason}")]
    Io { what: String, reason: String },
    #[error(transparent)]
    Conn(#[from] ConnError),
    #[error(transparent)]
    State(#[from] StateError),
}

impl Classify for MonitorError {
    fn exit_kind(&self) -> ExitKind {
        match self {
            MonitorError::Invalid(_)
            | MonitorError::Exists(_)
            | MonitorError::NotFound(_)
            | MonitorError::NoObject(_) => ExitKind::Usage,
            MonitorError::KubeConnect { .. } | MonitorError::Forbidden { .. } => ExitKind::Connect,
            MonitorError::Corrupt { .. }
            | MonitorError::Kube { .. }
            | MonitorError::Archive { .. }
            | MonitorError::Slack { .. }
            | MonitorError::Io { .. } => ExitKind::Runtime,
            MonitorError::Conn(e) => e.exit_kind(),
            MonitorError::State(e) => e.exit_kind(),
        }
    }
}

impl MonitorError {
    pub(crate) fn invalid(s: impl Into<String>) -> MonitorError {
        MonitorError::Invalid(s.into())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_variant_has_its_exit_code() {
        let s = || "x".to_string();
        let cases: Vec<(MonitorError, u8)> = vec![
            (MonitorError::Invalid(s()), 2),
            (MonitorError::Exists(s()), 2),
            (MonitorError::NotFound(s()), 2),
            (MonitorError::NoObject(s()), 2),
            (
                MonitorError::Corrupt {
                    name: s(),
                    path: s(),
                    reason: s(),
                },
                4,
            ),
            (
                MonitorError::KubeConnect {
                    conn: s(),
                    what: s(),
                    reason: s(),
                },
                3,
            ),
            (
                MonitorError::Forbidden {
                    conn: s(),
                    verb: s(),
                    what: s(),
                    place: s(),
                    reason: s(),
                },
                3,
            ),
            (
                MonitorError::Kube {
                    conn: s(),
                    what: s(),
                    reason: s(),
                },
                4,
            ),
            (
                MonitorError::Archive {
                    conn: s(),
                    what: s(),
                    reason: s(),
                },
                4,
            ),
            (
                MonitorError::Slack {
                    conn: s(),
                    reason: s(),
                },
                4,
            ),
            (
                MonitorError::Io {
                    what: s(),
                    reason: s(),
                },
                4,
            ),
            (MonitorError::Conn(ConnError::Invalid(s())), 2),
            (
                MonitorError::Conn(ConnError::Unreachable {
                    name: s(),
                    endpoint: s(),
                    reason: s(),
                }),
                3,
            ),
            (
                MonitorError::State(StateError::NotFound {
                    what: "monitor",
                    name: s(),
                    hint: s(),
                }),
                2,
            ),
        ];
        for (e, code) in cases {
            assert_eq!(e.exit_kind().code(), code, "{e}");
            assert!(!e.to_string().contains('\n'), "one line: {e}");
        }
    }
}
