//! Errors of the deploy engine that stop a whole run (a host's own failure is a result, not an
//! error), each saying what to do.

use crate::exit::{Classify, ExitKind};
use std::path::PathBuf;

#[derive(Debug, thiserror::Error)]
pub enum DeployError {
    #[error("inventory {path}, line {line}: {msg}")]
    Inventory {
        path: PathBuf,
        line: usize,
        msg: String,
    },
    #[error("cannot read {path}: {source}")]
    Read {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("--hosts '{pattern}': {msg}; see `shark deploy hosts list`")]
    Select { pattern: String, msg: String },
    #[error("{0}")]
    Invalid(String),
    #[error(
        "{path} changed since plan {plan} was made (sha256 {then} -> {now}); make a new plan with `shark deploy run`"
    )]
    SourceChanged {
        plan: i64,
        path: PathBuf,
        then: String,
        now: String,
    },
    #[error("plan {0} is damaged in the state file ({1}); make a new plan with `shark deploy run`")]
    BadPlan(i64, String),
    #[error(
        "{what} is unreadable in the state file ({detail}); remove the damaged entry or restore the state file from a backup"
    )]
    Damaged { what: String, detail: String },
    #[error("cannot create the local ssh control directory {path}: {source}")]
    ControlDir {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error(transparent)]
    State(#[from] crate::state::StateError),
    #[error("could not store every host result: {0}")]
    ResultsNotSaved(#[source] Box<DeployError>),
}

impl Classify for DeployError {
    fn exit_kind(&self) -> ExitKind {
        match self {
            DeployError::Inventory { .. }
            | DeployError::Read { .. }
            | DeployError::Select { .. }
            | DeployError::Invalid(_)
            | DeployError::SourceChanged { .. } => ExitKind::Usage,
            DeployError::BadPlan(..)
            | DeployError::Damaged { .. }
            | DeployError::ControlDir { .. } => ExitKind::Runtime,
            DeployError::State(e) => e.exit_kind(),
            DeployError::ResultsNotSaved(_) => ExitKind::Runtime,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every variant with its documented exit code. The match has no wildcard: a new variant
    /// does not compile until it is listed here with its code.
    fn expected(e: &DeployError) -> u8 {
        match e {
            DeployError::Inventory { .. } => 2,
            DeployError::Read { .. } => 2,
            DeployError::Select { .. } => 2,
            DeployError::Invalid(_) => 2,
            DeployError::SourceChanged { .. } => 2,
            DeployError::BadPlan(..) => 4,
            DeployError::Damaged { .. } => 4,
            DeployError::ControlDir { .. } => 4,
            // a state error keeps the state layer's code (a missing plan is a usage error)
            DeployError::State(_) => 2,
            DeployError::ResultsNotSaved(_) => 4,
        }
    }

    #[test]
    fn every_variant_has_its_documented_exit_code() {
        let io = || std::io::Error::other("x");
        let all = vec![
            DeployError::Inventory {
                path: "i.ini".into(),
                line: 1,
                msg: "m".into(),
            },
            DeployError::Read {
                path: "f".into(),
                source: io(),
            },
            DeployError::Select {
                pattern: "p".into(),
                msg: "m".into(),
            },
            DeployError::Invalid("x".into()),
            DeployError::SourceChanged {
                plan: 1,
                path: "f".into(),
                then: "a".into(),
                now: "b".into(),
            },
            DeployError::BadPlan(1, "x".into()),
            DeployError::Damaged {
                what: "host 'a'".into(),
                detail: "x".into(),
            },
            DeployError::ControlDir {
                path: "/tmp/x".into(),
                source: io(),
            },
            DeployError::State(crate::state::StateError::NotFound {
                what: "deploy plan",
                name: "9".into(),
                hint: "h".into(),
            }),
            DeployError::ResultsNotSaved(Box::new(DeployError::Invalid("x".into()))),
        ];
        for e in &all {
            assert_eq!(e.exit_kind().code(), expected(e), "{e}");
        }
    }
}
