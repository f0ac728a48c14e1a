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
            DeployError::BadPlan(..) | DeployError::ControlDir { .. } => ExitKind::Runtime,
            DeployError::State(e) => e.exit_kind(),
            DeployError::ResultsNotSaved(_) => ExitKind::Runtime,
        }
    }
}
