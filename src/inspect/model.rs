//! The shape of an inspection report, as stored (JSON in the state file) and exported.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Warning,
    Critical,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Critical => "critical",
        }
    }
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Report {
    pub id: i64,
    pub created_at: String,
    pub period: String,
    /// 0–100, 100 = nothing found.
    pub score: i64,
    /// ok | warning | critical: the worst finding.
    pub verdict: String,
    /// Some section could not be collected completely (see `errors` of each section).
    pub partial: bool,
    pub metrics: Option<Metrics>,
    pub health: Vec<HealthCheck>,
    pub vulns: Option<Vulns>,
    pub findings: Vec<Finding>,
    pub analysis: Analysis,
    /// The thresholds the findings were judged by.
    #[serde(default)]
    pub thresholds: super::settings::Thresholds,
    /// The summary posted to Slack after the report was stored (`--notify`), and how it went.
    #[serde(default)]
    pub notify: Option<Notification>,
}

/// The delivery of a report's summary to a Slack connection.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Notification {
    /// slack connection
    pub conn: String,
    /// sent | failed
    pub status: String,
    pub attempts: i64,
    /// why it failed (scrubbed: never the webhook URL)
    pub error: Option<String>,
    pub at: String,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Metrics {
    pub source: String,
    pub instances: Vec<Instance>,
    pub targets: Vec<Target>,
    pub alerts: Vec<Alert>,
    /// Queries that failed or timed out: their data is missing from this report.
    pub errors: Vec<String>,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Instance {
    pub instance: String,
    pub cpu_pct: Option<f64>,
    pub mem_pct: Option<f64>,
    pub load1: Option<f64>,
    pub load5: Option<f64>,
    pub load15: Option<f64>,
    pub cores: Option<f64>,
    pub disks: Vec<Disk>,
    pub cpu_trend: Option<Trend>,
    pub mem_trend: Option<Trend>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Disk {
    pub mountpoint: String,
    pub used_pct: f64,
    pub avail_bytes: Option<f64>,
}

/// A metric over the report's period (query_range).
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Trend {
    pub min: f64,
    pub avg: f64,
    pub max: f64,
    /// Change per hour from a least-squares fit.
    pub slope_per_hour: f64,
    /// (unix seconds, value) samples for charts.
    pub points: Vec<(f64, f64)>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Target {
    pub job: String,
    pub instance: String,
    pub health: String,
    pub last_error: String,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Alert {
    pub name: String,
    pub severity: String,
    pub state: String,
    pub instance: String,
    pub summary: String,
    pub active_at: String,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct HealthCheck {
    pub name: String,
    pub kind: String,
    /// ok | warn | down
    pub status: String,
    pub latency_ms: Option<u64>,
    pub message: String,
    pub suggestion: Option<String>,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Vulns {
    pub sources: Vec<String>,
    pub critical: u64,
    pub high: u64,
    pub medium: u64,
    pub low: u64,
    pub unknown: u64,
    /// Most severe findings first (those with a fix before those without).
    pub top: Vec<VulnFinding>,
    pub errors: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct VulnFinding {
    pub id: String,
    pub severity: String,
    pub package: String,
    pub installed: String,
    pub fixed: Option<String>,
    pub target: String,
    pub title: String,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Finding {
    pub severity: Severity,
    /// metrics | targets | alerts | health | vulns | collection
    pub category: String,
    pub subject: String,
    pub message: String,
    pub suggestion: String,
}

impl Finding {
    /// Identity across reports, for `diff`.
    pub fn key(&self) -> String {
        format!(
            "{}|{}|{}",
            self.category,
            self.subject,
            self.message.split(':').next().unwrap_or("")
        )
    }
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Analysis {
    /// llm | rules
    pub source: String,
    pub model: Option<String>,
    pub text: String,
    /// Why the model's analysis is missing, when it is.
    pub llm_error: Option<String>,
}
