//! `shark inspect`: one report that folds Prometheus metrics, dependency health checks,
//! scanner vulnerability findings and an AI (or rule-based) analysis together, stored with
//! history in the state file, compared with `diff` and exported as Markdown, JSON or HTML.

pub mod diff;
mod error;
pub mod export;
mod health;
mod llm;
pub mod model;
pub mod notify;
pub(crate) mod prometheus;
mod rules;
pub mod settings;
pub mod store;
pub mod vulns;

use crate::conn::Registry;
use crate::state::Store;
use crate::ui::Progress;
pub use error::InspectError;
use model::{Analysis, Report};
pub use settings::{Overrides, Settings};
use std::time::Duration;
use store::{ReportSummary, Reports};

/// Report period: how far back trends look.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Period {
    Daily,
    Weekly,
    Monthly,
}

/// How bad a verdict fails `inspect run --fail-on`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FailOn {
    Warning,
    Critical,
}

impl FailOn {
    pub fn as_str(self) -> &'static str {
        match self {
            FailOn::Warning => "warning",
            FailOn::Critical => "critical",
        }
    }

    /// Whether `report` is at least this bad.
    pub fn fails(self, report: &Report) -> bool {
        match self {
            FailOn::Critical => report.verdict == "critical",
            FailOn::Warning => report.verdict != "ok",
        }
    }
}

impl Period {
    pub fn as_str(self) -> &'static str {
        match self {
            Period::Daily => "daily",
            Period::Weekly => "weekly",
            Period::Monthly => "monthly",
        }
    }
    pub fn duration(self) -> Duration {
        Duration::from_secs(match self {
            Period::Daily => 86_400,
            Period::Weekly => 7 * 86_400,
            Period::Monthly => 30 * 86_400,
        })
    }
}

/// Collect, assess, analyse and store one report.
pub async fn run(
    store: &Store,
    reg: &Registry<'_>,
    s: &Settings,
    period: Period,
    progress: &dyn Progress,
) -> Result<Report, InspectError> {
    let known = reg.list()?;
    let plan = settings::plan(s, &known).map_err(InspectError::Usage)?;
    if plan.prometheus.is_none() && plan.checks.is_empty() && s.vulns.is_empty() {
        return Err(InspectError::Usage(
            "nothing to inspect: add a prometheus connection, connections to health-check, or scanner reports with --vulns (see `shark inspect config`)".into(),
        ));
    }
    let prom = match &plan.prometheus {
        Some(n) => Some(reg.get(n)?),
        None => None,
    };
    // resolved (secret decrypted) before collecting: once the report is stored, nothing about
    // its notification may fail the command
    let notify_conn = match &plan.notify {
        Some(n) => Some(reg.get(n)?),
        None => None,
    };
    let mut checks = vec![];
    for n in &plan.checks {
        checks.push(reg.get(n)?);
    }
    progress.message(
        "inspect",
        &format!(
            "collecting: prometheus {}, {} health check(s), {} scanner path(s)",
            plan.prometheus.as_deref().unwrap_or("-"),
            checks.len(),
            s.vulns.len()
        ),
    );
    let metrics_fut = async {
        match &prom {
            Some(c) => Some(prometheus::collect(c, period.duration(), s.query_timeout).await),
            None => None,
        }
    };
    let (metrics, health) = tokio::join!(
        metrics_fut,
        health::check_all(checks, s.thresholds.latency_warning_ms)
    );
    let vulns = (!s.vulns.is_empty()).then(|| vulns::import(&s.vulns));
    let findings = rules::evaluate(metrics.as_ref(), &health, vulns.as_ref(), &s.thresholds);
    let score = rules::score(&findings);
    let verdict = rules::verdict(&findings);
    let narrative = rules::narrative(
        &findings,
        score,
        verdict,
        metrics.as_ref(),
        &health,
        vulns.as_ref(),
    );
    let partial = metrics.as_ref().is_some_and(|m| !m.errors.is_empty())
        || vulns.as_ref().is_some_and(|v| !v.errors.is_empty());
    let mut report = Report {
        id: 0,
        created_at: String::new(),
        period: period.as_str().into(),
        score,
        verdict: verdict.into(),
        partial,
        metrics,
        health,
        vulns,
        findings,
        analysis: Analysis {
            source: "rules".into(),
            model: None,
            text: narrative,
            llm_error: None,
        },
        thresholds: s.thresholds.clone(),
        notify: None,
    };
    match &plan.llm {
        Some(name) => {
            let c = reg.get(name)?;
            progress.message(
                "inspect",
                &format!(
                    "asking {name} ({}) for an analysis",
                    c.option("model").unwrap_or("?")
                ),
            );
            let params = llm::LlmParams {
                timeout: s.llm_timeout,
                retries: s.llm_retries,
                max_prompt_chars: s.max_prompt_chars,
                max_tokens: s.max_tokens,
            };
            let prompt = llm::prompt(&report, params.max_prompt_chars);
            report.analysis.model = c.option("model").map(str::to_string);
            match llm::analyse(&c, &prompt, &params).await {
                Ok(text) => {
                    report.analysis.source = "llm".into();
                    report.analysis.text = text;
                }
                Err(e) => {
                    progress.message("inspect", &format!("AI analysis unavailable ({e}); the report carries the rule-based narrative"));
                    report.analysis.llm_error = Some(e);
                }
            }
        }
        None => report.analysis.llm_error = Some("no llm connection configured".into()),
    }
    let reports = Reports::new(store)?;
    reports.insert(&mut report)?;
    if let Some(conn) = &notify_conn {
        let name = &conn.name;
        progress.message("inspect", &format!("posting the summary to {name}"));
        let n = notify::send(conn, &report, |d, why| {
            progress.message(
                "inspect",
                &format!("{name}: {why}; retrying in {:.1}s", d.as_secs_f64()),
            )
        })
        .await;
        report.notify = Some(n);
        reports.update(&report)?;
    }
    Ok(report)
}

/// Load a stored report.
pub fn load(store: &Store, id: i64) -> Result<Report, InspectError> {
    Reports::new(store)?.get(id)
}

/// Report `id`, or without an id the `nth` most recent one (0 = the latest).
pub fn load_or_latest(store: &Store, id: Option<i64>, nth: usize) -> Result<Report, InspectError> {
    let reports = Reports::new(store)?;
    let id = match id {
        Some(i) => i,
        None => reports.nth_latest(nth)?.ok_or_else(|| {
            InspectError::Usage("not enough stored reports; run `shark inspect run` first".into())
        })?,
    };
    reports.get(id)
}

/// `inspect diff [A [B]]`: two given reports, one given and the latest, or the two latest.
pub fn diff_reports(
    store: &Store,
    a: Option<i64>,
    b: Option<i64>,
) -> Result<diff::Diff, InspectError> {
    let (ra, rb) = match (a, b) {
        (Some(a), Some(b)) => (load(store, a)?, load(store, b)?),
        (Some(a), None) => (load(store, a)?, load_or_latest(store, None, 0)?),
        _ => (
            load_or_latest(store, None, 1)?,
            load_or_latest(store, None, 0)?,
        ),
    };
    Ok(diff::diff(&ra, &rb))
}

/// `inspect reports`: most recent first, optionally of one period.
pub fn list(
    store: &Store,
    period: Option<Period>,
    limit: i64,
) -> Result<Vec<ReportSummary>, InspectError> {
    Reports::new(store)?.list(period.map(|p| p.as_str()), limit)
}
