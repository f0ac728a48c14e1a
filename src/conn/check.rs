//! The result of `conn test`: what was reached, how fast, and one line per setting checked,
//! with the fix when a setting is wrong.

use super::Kind;

#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    Ok,
    Warn,
    Fail,
}

impl Status {
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Ok => "ok",
            Status::Warn => "warn",
            Status::Fail => "FAIL",
        }
    }
}

#[derive(Debug, Clone, serde::Serialize)]
pub struct Check {
    pub name: String,
    pub status: Status,
    pub detail: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fix: Option<String>,
}

impl Check {
    pub fn ok(name: impl Into<String>, detail: impl Into<String>) -> Check {
        Check {
            name: name.into(),
            status: Status::Ok,
            detail: detail.into(),
            fix: None,
        }
    }
    pub fn warn(
        name: impl Into<String>,
        detail: impl Into<String>,
        fix: impl Into<String>,
    ) -> Check {
        Check {
            name: name.into(),
            status: Status::Warn,
            detail: detail.into(),
            fix: Some(fix.into()),
        }
    }
    pub fn fail(
        name: impl Into<String>,
        detail: impl Into<String>,
        fix: impl Into<String>,
    ) -> Check {
        Check {
            name: name.into(),
            status: Status::Fail,
            detail: detail.into(),
            fix: Some(fix.into()),
        }
    }
    /// `ok` when `good`, otherwise `fail` with the fix.
    pub fn expect(
        name: impl Into<String>,
        good: bool,
        detail: impl Into<String>,
        fix: impl Into<String>,
    ) -> Check {
        if good {
            Check::ok(name, detail)
        } else {
            Check::fail(name, detail, fix)
        }
    }
}

#[derive(Debug, Clone, serde::Serialize)]
pub struct TestReport {
    pub connection: String,
    pub kind: Kind,
    pub endpoint: String,
    /// Server product and version as reported by the server.
    pub server: Option<String>,
    pub latency_ms: u64,
    pub checks: Vec<Check>,
}

impl TestReport {
    pub fn failed(&self) -> usize {
        self.checks
            .iter()
            .filter(|c| c.status == Status::Fail)
            .count()
    }
    pub fn warned(&self) -> usize {
        self.checks
            .iter()
            .filter(|c| c.status == Status::Warn)
            .count()
    }
}
