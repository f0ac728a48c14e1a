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

#[cfg(test)]
mod tests {
    use super::*;

    /// Every variant with its documented exit code. The match has no wildcard: a new variant
    /// does not compile until its code is written here.
    fn documented(e: &ConnError) -> u8 {
        match e {
            ConnError::Invalid(_) => 2,
            ConnError::Key(_) => 2,
            ConnError::FromConfig { .. } => 2,
            ConnError::Unreachable { .. } => 3,
            ConnError::Auth { .. } => 3,
            ConnError::Protocol { .. } => 4,
            // a state error keeps the state error's code (checked in state::error)
            ConnError::State(s) => s.exit_kind().code(),
        }
    }

    #[test]
    fn every_variant_has_its_documented_exit_code() {
        let s = String::new;
        let all = [
            ConnError::Invalid(s()),
            ConnError::Key(s()),
            ConnError::FromConfig {
                name: s(),
                path: s(),
            },
            ConnError::Unreachable {
                name: s(),
                endpoint: s(),
                reason: s(),
            },
            ConnError::Auth {
                name: s(),
                endpoint: s(),
                reason: s(),
                hint: s(),
            },
            ConnError::Protocol {
                name: s(),
                endpoint: s(),
                reason: s(),
            },
            ConnError::State(crate::state::StateError::LeaseLost { task: s() }),
            ConnError::State(crate::state::StateError::NotFound {
                what: "connection",
                name: s(),
                hint: s(),
            }),
        ];
        for e in &all {
            assert_eq!(e.exit_kind().code(), documented(e), "{e:?}");
        }
        assert_eq!(all[6].exit_kind().code(), 4);
        assert_eq!(all[7].exit_kind().code(), 2);
    }
}
