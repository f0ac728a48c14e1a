//! The exit-code contract shared by every subcommand (SPEC §1) and the classification of an
//! error chain into one of those codes.

use std::fmt;

/// Stable process exit codes, documented in `--help` and the man page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExitKind {
    /// 0: everything went fine.
    Ok,
    /// 1: the command ran and found problems the user asked to fail on.
    Problems,
    /// 2: usage or configuration error.
    Usage,
    /// 3: cannot connect or authenticate.
    Connect,
    /// 4: runtime failure; state was saved.
    Runtime,
    /// 130: interrupted by Ctrl-C after a clean checkpoint.
    Interrupted,
}

impl ExitKind {
    pub fn code(self) -> u8 {
        match self {
            ExitKind::Ok => 0,
            ExitKind::Problems => 1,
            ExitKind::Usage => 2,
            ExitKind::Connect => 3,
            ExitKind::Runtime => 4,
            ExitKind::Interrupted => 130,
        }
    }
}

/// Text for `--help` and the man page.
pub const EXIT_CODES_HELP: &str = "Exit codes: 0 ok · 1 ran and found problems you asked to fail on \
(failed checks, --fail-on, failed hosts) · 2 usage or configuration error · 3 cannot connect or \
authenticate · 4 runtime failure (state saved) · 130 interrupted by Ctrl-C after a clean checkpoint";

/// Implemented by every engine error so the edge can pick the exit code.
pub trait Classify {
    fn exit_kind(&self) -> ExitKind;
}

/// The command ran to completion and found problems (failed checks, unhealthy cluster).
/// The report has already been printed; this only carries the summary line and exit code 1.
#[derive(Debug)]
pub struct Problems(pub String);

impl fmt::Display for Problems {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}
impl std::error::Error for Problems {}
impl Classify for Problems {
    fn exit_kind(&self) -> ExitKind {
        ExitKind::Problems
    }
}

/// The user pressed Ctrl-C and the command stopped at a clean checkpoint.
#[derive(Debug)]
pub struct Interrupted;

impl fmt::Display for Interrupted {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("interrupted; progress up to the last checkpoint is saved")
    }
}
impl std::error::Error for Interrupted {}
impl Classify for Interrupted {
    fn exit_kind(&self) -> ExitKind {
        ExitKind::Interrupted
    }
}

/// Walk an error chain and return the exit kind of the first error that knows its own.
/// Errors nobody classified are runtime failures.
pub fn classify(err: &anyhow::Error) -> ExitKind {
    for cause in err.chain() {
        if let Some(kind) = classify_one(cause) {
            return kind;
        }
    }
    ExitKind::Runtime
}

fn classify_one(e: &(dyn std::error::Error + 'static)) -> Option<ExitKind> {
    macro_rules! try_types {
        ($($t:ty),* $(,)?) => {
            $(if let Some(x) = e.downcast_ref::<$t>() { return Some(x.exit_kind()); })*
        };
    }
    try_types!(
        Problems,
        Interrupted,
        crate::state::StateError,
        crate::config::ConfigError,
        crate::conn::ConnError,
        crate::deploy::DeployError,
        crate::zk::ZkError,
        crate::inspect::InspectError,
        crate::sync::SyncError,
    );
    if e.downcast_ref::<clap::Error>().is_some() {
        return Some(ExitKind::Usage);
    }
    None
}
