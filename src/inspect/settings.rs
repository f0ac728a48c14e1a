//! Inspection settings: the `[inspect]` section of the config file with defaults, overridden
//! by `inspect run` flags. Which connections to use is resolved here too.

use crate::conn::{Connection, Kind};
use serde::Deserialize;
use std::time::Duration;

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Settings {
    /// Prometheus connection name (default: the only prometheus connection).
    pub prometheus: Option<String>,
    /// Connections to health-check (default: every mysql, mongodb, redis, elasticsearch,
    /// zookeeper and s3 connection).
    pub checks: Option<Vec<String>>,
    /// Trivy / Grype JSON reports: files or directories of *.json.
    pub vulns: Vec<String>,
    /// LLM connection name (default: the only llm connection); "" disables the AI analysis.
    pub llm: Option<String>,
    #[serde(with = "humantime_serde_opt")]
    pub query_timeout: Duration,
    #[serde(with = "humantime_serde_opt")]
    pub llm_timeout: Duration,
    pub llm_retries: u32,
    /// The prompt is cut to this many characters (a token budget for small models).
    pub max_prompt_chars: usize,
    pub max_tokens: u32,
    pub thresholds: Thresholds,
    /// Slack connection a stored report's summary is posted to (None or "": not posted).
    pub notify: Option<String>,
}

#[derive(Debug, Clone, Deserialize, serde::Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct Thresholds {
    pub cpu_warning: f64,
    pub cpu_critical: f64,
    pub memory_warning: f64,
    pub memory_critical: f64,
    pub disk_warning: f64,
    pub disk_critical: f64,
    pub load_per_core_warning: f64,
    pub load_per_core_critical: f64,
    pub latency_warning_ms: u64,
    /// Warn when a rising trend reaches 100 % within this many hours.
    pub exhaustion_warning_hours: f64,
}

impl Default for Thresholds {
    fn default() -> Self {
        Thresholds {
            cpu_warning: 80.0,
            cpu_critical: 95.0,
            memory_warning: 85.0,
            memory_critical: 95.0,
            disk_warning: 80.0,
            disk_critical: 90.0,
            load_per_core_warning: 1.5,
            load_per_core_critical: 3.0,
            latency_warning_ms: 500,
            exhaustion_warning_hours: 72.0,
        }
    }
}

/// What `inspect run` flags change in the configured settings.
#[derive(Debug, Clone, Default)]
pub struct Overrides {
    /// `--prometheus CONN` ("" skips metrics).
    pub prometheus: Option<String>,
    /// `--check CONN`... (replaces the configured list when not empty).
    pub checks: Vec<String>,
    /// `--no-checks`.
    pub no_checks: bool,
    /// `--vulns PATH`... (added to the configured ones).
    pub vulns: Vec<String>,
    /// `--llm CONN`.
    pub llm: Option<String>,
    /// `--no-llm`: rule-based narrative only.
    pub no_llm: bool,
    /// `--notify CONN`.
    pub notify: Option<String>,
    /// `--no-notify`: do not post the summary even if the config says so.
    pub no_notify: bool,
}

impl Settings {
    /// These settings with the command line's overrides applied.
    pub fn apply(mut self, o: Overrides) -> Settings {
        if o.prometheus.is_some() {
            self.prometheus = o.prometheus;
        }
        if !o.checks.is_empty() {
            self.checks = Some(o.checks);
        }
        if o.no_checks {
            self.checks = Some(vec![]);
        }
        self.vulns.extend(o.vulns);
        if o.llm.is_some() {
            self.llm = o.llm;
        }
        if o.no_llm {
            self.llm = Some(String::new());
        }
        if o.notify.is_some() {
            self.notify = o.notify;
        }
        if o.no_notify {
            self.notify = None;
        }
        self
    }
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            prometheus: None,
            checks: None,
            vulns: vec![],
            llm: None,
            query_timeout: Duration::from_secs(15),
            llm_timeout: Duration::from_secs(60),
            llm_retries: 3,
            max_prompt_chars: 12_000,
            max_tokens: 800,
            thresholds: Thresholds::default(),
            notify: None,
        }
    }
}

/// Kinds `inspect` can health-check.
pub const CHECKABLE: [Kind; 6] = [
    Kind::Mysql,
    Kind::Mongodb,
    Kind::Redis,
    Kind::Elasticsearch,
    Kind::Zookeeper,
    Kind::S3,
];

/// The connections a run uses, by name, decided from settings and the known connections.
#[derive(Debug, Clone, Default, serde::Serialize)]
pub struct Plan {
    pub prometheus: Option<String>,
    pub checks: Vec<String>,
    pub llm: Option<String>,
    /// slack connection the summary goes to
    pub notify: Option<String>,
}

/// Resolve which connections to use; an explicitly named connection must exist and have the
/// right kind.
pub fn plan(s: &Settings, known: &[Connection]) -> Result<Plan, String> {
    let by_kind = |k: Kind| {
        known
            .iter()
            .filter(move |c| c.kind == k)
            .map(|c| c.name.clone())
    };
    let check = |name: &str, kind: Kind, what: &str| -> Result<(), String> {
        match known.iter().find(|c| c.name == name) {
            None => Err(format!(
                "{what} connection '{name}' does not exist (`shark conn list`)"
            )),
            Some(c) if c.kind != kind => Err(format!(
                "{what} connection '{name}' is a {} connection, not {kind}",
                c.kind
            )),
            Some(_) => Ok(()),
        }
    };
    let single = |k: Kind| {
        let all: Vec<String> = by_kind(k).collect();
        (all.len() == 1).then(|| all[0].clone())
    };
    let prometheus = match &s.prometheus {
        Some(p) if p.is_empty() => None,
        Some(p) => {
            check(p, Kind::Prometheus, "prometheus")?;
            Some(p.clone())
        }
        None => single(Kind::Prometheus),
    };
    let llm = match &s.llm {
        Some(p) if p.is_empty() => None,
        Some(p) => {
            check(p, Kind::Llm, "llm")?;
            Some(p.clone())
        }
        None => single(Kind::Llm),
    };
    let notify = match &s.notify {
        Some(n) if n.is_empty() => None,
        Some(n) => {
            check(n, Kind::Slack, "notify")?;
            Some(n.clone())
        }
        None => None,
    };
    let checks = match &s.checks {
        Some(list) => {
            for n in list {
                let c = known.iter().find(|c| &c.name == n).ok_or_else(|| {
                    format!("health-check connection '{n}' does not exist (`shark conn list`)")
                })?;
                if !CHECKABLE.contains(&c.kind) {
                    return Err(format!(
                        "connection '{n}' is a {} connection; inspect checks mysql, mongodb, redis, elasticsearch, zookeeper and s3",
                        c.kind
                    ));
                }
            }
            list.clone()
        }
        None => known
            .iter()
            .filter(|c| CHECKABLE.contains(&c.kind))
            .map(|c| c.name.clone())
            .collect(),
    };
    Ok(Plan {
        prometheus,
        checks,
        llm,
        notify,
    })
}

/// `15s`, `2m` ... in the config file.
mod humantime_serde_opt {
    use serde::{Deserialize, Deserializer};
    use std::time::Duration;
    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Duration, D::Error> {
        let s = String::deserialize(d)?;
        humantime::parse_duration(&s).map_err(|e| {
            serde::de::Error::custom(format!("'{s}' is not a duration like 15s or 2m: {e}"))
        })
    }
}
