//! The exit-code contract shared by every subcommand (SPEC §1), and `CliError`, the one error
//! type the command layer returns. Every engine error reaches the edge through
//! `From<E: Classify>`, so an engine error type without an exit code does not compile at the
//! `?` that would pass it on. This module imports no engine.

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

/// The user pressed Ctrl-C (or sent SIGTERM) and the command stopped at a clean checkpoint.
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

/// A usage error found by the command layer itself (conflicting flags, unreadable input file).
#[derive(Debug)]
pub struct Usage(pub String);

impl fmt::Display for Usage {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}
impl std::error::Error for Usage {}
impl Classify for Usage {
    fn exit_kind(&self) -> ExitKind {
        ExitKind::Usage
    }
}

/// A failure of the command layer itself that is none of the above (writing to stdout,
/// writing an export file): exit 4.
#[derive(Debug)]
pub struct Runtime(pub String);

impl fmt::Display for Runtime {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}
impl std::error::Error for Runtime {}
impl Classify for Runtime {
    fn exit_kind(&self) -> ExitKind {
        ExitKind::Runtime
    }
}

impl Classify for clap::Error {
    fn exit_kind(&self) -> ExitKind {
        ExitKind::Usage
    }
}

/// What a command returns when it fails: the error chain and the exit code it was classified
/// with where it entered the command layer. Deliberately not `std::error::Error` (like
/// `anyhow::Error`), so the blanket `From` below stays coherent; there is no `From<anyhow::Error>`,
/// so nothing reaches the edge unclassified.
pub struct CliError {
    pub kind: ExitKind,
    pub error: anyhow::Error,
}

/// The result type of every command in `cli`.
pub type CliResult<T = ()> = Result<T, CliError>;

impl<E> From<E> for CliError
where
    E: Classify + std::error::Error + Send + Sync + 'static,
{
    fn from(e: E) -> CliError {
        CliError {
            kind: e.exit_kind(),
            error: anyhow::Error::new(e),
        }
    }
}

impl CliError {
    pub fn new(kind: ExitKind, error: anyhow::Error) -> CliError {
        CliError { kind, error }
    }

    /// Add a line of context on top of the chain, keeping the exit code.
    pub fn context(self, what: impl fmt::Display + Send + Sync + 'static) -> CliError {
        CliError {
            kind: self.kind,
            error: self.error.context(what),
        }
    }
}

impl fmt::Debug for CliError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:?} (exit {})", self.error, self.kind.code())
    }
}

impl fmt::Display for CliError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.error, f)
    }
}

/// `.context(..)` for results whose error is classified, keeping its exit code.
pub trait ResultExt<T> {
    fn context<C: fmt::Display + Send + Sync + 'static>(self, what: C) -> CliResult<T>;
    fn with_context<C: fmt::Display + Send + Sync + 'static>(
        self,
        what: impl FnOnce() -> C,
    ) -> CliResult<T>;
}

impl<T, E: Into<CliError>> ResultExt<T> for Result<T, E> {
    fn context<C: fmt::Display + Send + Sync + 'static>(self, what: C) -> CliResult<T> {
        self.map_err(|e| e.into().context(what))
    }
    fn with_context<C: fmt::Display + Send + Sync + 'static>(
        self,
        what: impl FnOnce() -> C,
    ) -> CliResult<T> {
        self.map_err(|e| e.into().context(what()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classified_errors_keep_their_code_through_context() {
        let r: Result<(), Usage> = Err(Usage("bad flag".into()));
        let e = r.context("parsing the command line").unwrap_err();
        assert_eq!(e.kind, ExitKind::Usage);
        assert_eq!(format!("{}", e.error.root_cause()), "bad flag");
        let e: CliError = Interrupted.into();
        assert_eq!(e.kind.code(), 130);
    }

    #[test]
    fn every_edge_error_has_its_documented_code() {
        let cases: [(CliError, u8); 4] = [
            (Problems("2 checks failed".into()).into(), 1),
            (Usage("bad".into()).into(), 2),
            (Runtime("disk full".into()).into(), 4),
            (Interrupted.into(), 130),
        ];
        for (e, code) in cases {
            assert_eq!(e.kind.code(), code, "{e}");
            assert!(
                EXIT_CODES_HELP.contains(&format!("{code} ")),
                "{code} undocumented"
            );
        }
    }
}
