//! Errors of the inspect engine. A section that cannot be collected (Prometheus down, a scanner
//! file unreadable, the model failing) is part of the report, not an error.

use crate::conn::ConnError;
use crate::exit::{Classify, ExitKind};

#[derive(Debug, thiserror::Error)]
pub enum InspectError {
    #[error("{0}")]
    Usage(String),
    #[error(
        "report {id} is unreadable in the state file ({detail}); it was written by another shark version or damaged"
    )]
    Damaged { id: i64, detail: String },
    #[error(transparent)]
    Conn(#[from] ConnError),
    #[error(transparent)]
    State(#[from] crate::state::StateError),
}

impl Classify for InspectError {
    fn exit_kind(&self) -> ExitKind {
        match self {
            InspectError::Usage(_) => ExitKind::Usage,
            InspectError::Damaged { .. } => ExitKind::Runtime,
            InspectError::Conn(e) => e.exit_kind(),
            InspectError::State(e) => e.exit_kind(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every variant with its documented exit code. The match has no wildcard: a new variant
    /// does not compile until it is listed here with its code.
    fn expected(e: &InspectError) -> u8 {
        match e {
            InspectError::Usage(_) => 2,
            InspectError::Damaged { .. } => 4,
            // connection and state errors keep their own layer's code
            InspectError::Conn(ConnError::Unreachable { .. }) => 3,
            InspectError::Conn(_) => 2,
            InspectError::State(_) => 2,
        }
    }

    #[test]
    fn every_variant_has_its_documented_exit_code() {
        let all = [
            InspectError::Usage("x".into()),
            InspectError::Damaged {
                id: 3,
                detail: "x".into(),
            },
            InspectError::Conn(ConnError::Unreachable {
                name: "prom".into(),
                endpoint: "http://x".into(),
                reason: "refused".into(),
            }),
            InspectError::Conn(ConnError::Invalid("x".into())),
            InspectError::State(crate::state::StateError::NotFound {
                what: "report",
                name: "9".into(),
                hint: "h".into(),
            }),
        ];
        for e in &all {
            assert_eq!(e.exit_kind().code(), expected(e), "{e}");
        }
    }
}
