//! Errors of connection management and `conn test`, each saying what to do.

use crate::exit::{Classify, ExitKind};

#[derive(Debug, thiserror::Error)]
pub enum ConnError {
    /// Bad connection definition (CLI or config): exit 2.
    #[error("{0}")]
    Invalid(String),
    /// Cannot reach the endpoint: exit 3.
    #[error(
        "{name}: cannot connect to {endpoint}: {reason}; check that the server is running and the address is right"
    )]
    Unreachable {
        name: String,
        endpoint: String,
        reason: String,
    },
    /// The endpoint refused our credentials: exit 3.
    #[error("{name}: authentication failed at {endpoint}: {reason}; {hint}")]
    Auth {
        name: String,
        endpoint: String,
        reason: String,
        hint: String,
    },
    /// The endpoint answered something we cannot use: exit 4.
    #[error("{name}: unexpected answer from {endpoint}: {reason}")]
    Protocol {
        name: String,
        endpoint: String,
        reason: String,
    },
    /// Secrets cannot be decrypted with the key at hand: exit 2.
    #[error("{0}")]
    Key(String),
    /// The connection is declared in the config file and cannot be changed from the CLI.
    #[error("connection '{name}' is declared in {path}; edit it there")]
    FromConfig { name: String, path: String },
    #[error(transparent)]
    State(#[from] crate::state::StateError),
}

impl Classify for ConnError {
    fn exit_kind(&self) -> ExitKind {
        match self {
            ConnError::Invalid(_) | ConnError::Key(_) | ConnError::FromConfig { .. } => {
                ExitKind::Usage
            }
            ConnError::Unreachable { .. } | ConnError::Auth { .. } => ExitKind::Connect,
            ConnError::Protocol { .. } => ExitKind::Runtime,
            ConnError::State(e) => e.exit_kind(),
        }
    }
}
