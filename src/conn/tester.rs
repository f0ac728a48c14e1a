//! `conn test` over several connections: probe them one after another, record every check (and
//! every error) in the run's log, and sum up. The caller renders each report as it arrives.

use super::{ConnError, Registry, Status, TestReport, probe};
use crate::state::{LogLevel, RunHandle};

/// What testing a list of connections found.
#[derive(Debug, Default)]
pub struct Tested {
    pub reports: Vec<TestReport>,
    /// Connections that could not be reached or authenticated, in the order tested.
    pub errors: Vec<(String, ConnError)>,
}

impl Tested {
    /// `{"reports": [...], "errors": [{"connection", "error"}]}` for `-o json`.
    pub fn to_json(&self) -> serde_json::Value {
        let errs: Vec<serde_json::Value> = self
            .errors
            .iter()
            .map(|(n, e)| serde_json::json!({"connection": n, "error": e.to_string()}))
            .collect();
        serde_json::json!({"reports": self.reports, "errors": errs})
    }

    /// Failed checks as one line (`N check(s) failed: conn (check, ...); ...`), if any.
    pub fn failed_checks(&self) -> Option<String> {
        let failed: usize = self.reports.iter().map(TestReport::failed).sum();
        if failed == 0 {
            return None;
        }
        let which: Vec<String> = self
            .reports
            .iter()
            .filter(|r| r.failed() > 0)
            .map(|r| {
                let names: Vec<&str> = r
                    .checks
                    .iter()
                    .filter(|c| c.status == Status::Fail)
                    .map(|c| c.name.as_str())
                    .collect();
                format!("{} ({})", r.connection, names.join(", "))
            })
            .collect();
        Some(format!(
            "{failed} check(s) failed: {}; the fix is printed with each check",
            which.join("; ")
        ))
    }
}

/// The level a check's line gets in the run log.
fn level(s: Status) -> LogLevel {
    match s {
        Status::Ok => LogLevel::Info,
        Status::Warn => LogLevel::Warn,
        Status::Fail => LogLevel::Error,
    }
}

/// Test `names` (all known connections when empty). `each` sees every outcome as it arrives,
/// with the number of connections being tested.
/// A name that is not a connection (or whose secret cannot be opened) stops at once.
pub async fn test_all(
    reg: &Registry<'_>,
    names: Vec<String>,
    run: Option<&RunHandle>,
    mut each: impl FnMut(&str, usize, &Result<TestReport, ConnError>),
) -> Result<Tested, ConnError> {
    let names = if names.is_empty() {
        let all: Vec<String> = reg.list()?.into_iter().map(|c| c.name).collect();
        if all.is_empty() {
            return Err(ConnError::Invalid(
                "no connections to test; add one with `shark conn add`".into(),
            ));
        }
        all
    } else {
        names
    };
    let log = |level: LogLevel, msg: &str| {
        if let Some(r) = run {
            let _ = reg.store().run_log_at(r, level, msg);
        }
    };
    let mut out = Tested::default();
    for name in &names {
        let c = reg.get(name)?;
        let res = probe::test(&c).await;
        each(name, names.len(), &res);
        match res {
            Ok(r) => {
                for ch in &r.checks {
                    log(
                        level(ch.status),
                        &format!("{name}: {} {}: {}", ch.name, ch.status.as_str(), ch.detail),
                    );
                }
                out.reports.push(r);
            }
            Err(e) => {
                log(LogLevel::Error, &e.to_string());
                out.errors.push((name.clone(), e));
            }
        }
    }
    Ok(out)
}
