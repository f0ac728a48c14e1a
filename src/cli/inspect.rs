//! `shark inspect run|reports|show|diff|export|config`.

use super::Ctx;
use crate::conn::Registry;
use crate::exit::{CliResult, Problems};
use crate::inspect::export::{self, Format};
use crate::inspect::store::ReportSummary;
use crate::inspect::{self, Overrides, Period, Settings, model::Report};
use crate::state::{LogLevel, RunHandle};
use crate::ui::{LogProgress, Progress, Table, UiProgress};
use clap::{Args, Subcommand, ValueEnum};
use std::path::PathBuf;

const RUN_HELP: &str = "Settings come from the [inspect] section of the config file (see examples/shark.toml); \
flags override them. Without settings shark uses the only prometheus and llm connections and \
health-checks every mysql, mongodb, redis, elasticsearch, zookeeper and s3 connection.

Schedule it with cron, e.g. a daily report at 08:00 that fails the job on critical findings:
  0 8 * * *  shark inspect run --period daily -q --fail-on critical || echo 'inspection: critical' | mail -s shark ops@example.com";

#[derive(Debug, Subcommand)]
pub enum InspectCmd {
    /// Collect metrics, health, vulnerabilities; assess; analyse; store a report
    #[command(after_long_help = RUN_HELP)]
    Run(RunArgs),
    /// List stored reports
    Reports {
        /// Only reports of this period
        #[arg(long, value_enum)]
        period: Option<PeriodArg>,
        /// Most recent reports to show
        #[arg(short = 'n', long, default_value_t = 20)]
        limit: i64,
    },
    /// Show one report
    Show {
        /// Report id (see `inspect reports`); default the latest
        id: Option<i64>,
    },
    /// What changed between two reports (default: the two latest)
    Diff {
        /// Older report id
        a: Option<i64>,
        /// Newer report id
        b: Option<i64>,
    },
    /// Export a report as Markdown, HTML (self-contained, with charts) or JSON
    Export {
        /// Report id; default the latest
        id: Option<i64>,
        /// Output format
        #[arg(short, long, value_parser = ["md", "html", "json"], default_value = "html")]
        format: String,
        /// Write to this file instead of stdout
        #[arg(long = "out", short = 'O', value_name = "PATH")]
        out: Option<PathBuf>,
    },
    /// Show the effective settings and the connections a run would use
    Config,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum PeriodArg {
    Daily,
    Weekly,
    Monthly,
}

impl From<PeriodArg> for Period {
    fn from(p: PeriodArg) -> Period {
        match p {
            PeriodArg::Daily => Period::Daily,
            PeriodArg::Weekly => Period::Weekly,
            PeriodArg::Monthly => Period::Monthly,
        }
    }
}

#[derive(Debug, Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum FailOn {
    Warning,
    Critical,
}

#[derive(Debug, Args)]
pub struct RunArgs {
    /// Report period: how far back trends look
    #[arg(long, value_enum, default_value = "daily")]
    pub period: PeriodArg,
    /// Exit 1 when the verdict is at least this bad (the report is saved either way)
    #[arg(long, value_enum)]
    pub fail_on: Option<FailOn>,
    /// Prometheus connection (overrides inspect.prometheus; "" to skip metrics)
    #[arg(long, value_name = "CONN")]
    pub prometheus: Option<String>,
    /// Connection to health-check (repeatable; overrides inspect.checks)
    #[arg(long = "check", value_name = "CONN")]
    pub checks: Vec<String>,
    /// Skip the dependency health checks
    #[arg(long, conflicts_with = "checks")]
    pub no_checks: bool,
    /// Trivy or Grype JSON report, or a directory of them (repeatable; adds to inspect.vulns)
    #[arg(long = "vulns", value_name = "PATH")]
    pub vulns: Vec<String>,
    /// LLM connection for the AI analysis (overrides inspect.llm)
    #[arg(long, value_name = "CONN")]
    pub llm: Option<String>,
    /// Rule-based narrative only, no AI analysis
    #[arg(long, conflicts_with = "llm")]
    pub no_llm: bool,
    /// Post the stored report's summary (verdict, score, top findings, failed checks) to this
    /// Slack connection (overrides inspect.notify); a failed delivery is recorded in the report
    /// and warned about, and does not change the exit code
    #[arg(long, value_name = "CONN")]
    pub notify: Option<String>,
    /// Do not post the summary even if inspect.notify is set
    #[arg(long, conflicts_with = "notify")]
    pub no_notify: bool,
}

impl InspectCmd {
    pub fn verb(&self) -> Option<&'static str> {
        match self {
            InspectCmd::Run(_) => Some("run"),
            InspectCmd::Export { .. } => Some("export"),
            _ => None,
        }
    }
}

impl From<FailOn> for inspect::FailOn {
    fn from(f: FailOn) -> inspect::FailOn {
        match f {
            FailOn::Warning => inspect::FailOn::Warning,
            FailOn::Critical => inspect::FailOn::Critical,
        }
    }
}

impl RunArgs {
    fn overrides(&self) -> Overrides {
        Overrides {
            prometheus: self.prometheus.clone(),
            checks: self.checks.clone(),
            no_checks: self.no_checks,
            vulns: self.vulns.clone(),
            llm: self.llm.clone(),
            no_llm: self.no_llm,
            notify: self.notify.clone(),
            no_notify: self.no_notify,
        }
    }
}

fn settings(ctx: &Ctx, a: Option<&RunArgs>) -> CliResult<Settings> {
    let s: Settings = ctx.config.section("inspect")?;
    Ok(match a {
        Some(a) => s.apply(a.overrides()),
        None => s,
    })
}

pub async fn run(cmd: InspectCmd, ctx: &Ctx, run: Option<&RunHandle>) -> CliResult {
    let ui = &ctx.ui;
    let store = ctx.store()?;
    match cmd {
        InspectCmd::Run(a) => return run_report(ctx, &a, run).await,
        InspectCmd::Reports { period, limit } => {
            print_reports(ctx, &inspect::list(store, period.map(Into::into), limit)?)
        }
        InspectCmd::Show { id } => {
            let r = inspect::load_or_latest(store, id, 0)?;
            if ui.json() {
                ui.print_json(&r);
            } else {
                print_report(ctx, &r);
            }
        }
        InspectCmd::Diff { a, b } => {
            let d = inspect::diff_reports(store, a, b)?;
            if ui.json() {
                ui.print_json(&d);
            } else {
                print_diff(ctx, &d);
            }
        }
        InspectCmd::Export { id, format, out } => {
            let r = inspect::load_or_latest(store, id, 0)?;
            let f: Format = format.parse().map_err(inspect::InspectError::Usage)?;
            let text = export::render(&r, f);
            match out {
                Some(p) => {
                    std::fs::write(&p, text).map_err(|e| {
                        crate::exit::Runtime(format!("cannot write {}: {e}", p.display()))
                    })?;
                    ui.note(format!("report #{} written to {}", r.id, p.display()));
                }
                None => print!("{text}"),
            }
        }
        InspectCmd::Config => return config(ctx),
    }
    Ok(())
}

async fn run_report(ctx: &Ctx, a: &RunArgs, run: Option<&RunHandle>) -> CliResult {
    let ui = &ctx.ui;
    let s = settings(ctx, Some(a))?;
    let store = ctx.store()?;
    let reg = Registry::new(store, &ctx.config);
    // one JSON document with -o json: progress goes to the log instead
    let progress: Box<dyn Progress> = if ui.json() || ui.quiet {
        Box::new(LogProgress)
    } else {
        Box::new(UiProgress::new(ui))
    };
    let report = inspect::run(store, &reg, &s, a.period.into(), progress.as_ref()).await?;
    if let Some(n) = &report.notify {
        let (level, line) = match &n.error {
            None => (
                LogLevel::Info,
                format!(
                    "report #{} summary posted to {} ({} attempt(s))",
                    report.id, n.conn, n.attempts
                ),
            ),
            Some(e) => (
                LogLevel::Warn,
                format!(
                    "report #{} stored, but its summary could not be posted to {}: {e}",
                    report.id, n.conn
                ),
            ),
        };
        if let Some(r) = run
            && let Err(e) = store.run_log_at(r, level, &line)
        {
            tracing::warn!(error = %e, "could not write the run log");
        }
        // a success shows in the printed report
        if level == LogLevel::Warn {
            ui.warn(&line);
        }
    }
    if ui.json() {
        ui.print_json(&report);
    } else {
        print_report(ctx, &report);
        ui.line(format!(
            "\nreport #{} saved · `shark inspect export {} --format html -O report.html`",
            report.id, report.id
        ));
    }
    match a.fail_on.map(inspect::FailOn::from) {
        Some(f) if f.fails(&report) => Err(Problems(format!(
            "report #{}: verdict {} (--fail-on {})",
            report.id,
            report.verdict,
            f.as_str()
        ))
        .into()),
        _ => Ok(()),
    }
}

fn print_reports(ctx: &Ctx, rows: &[ReportSummary]) {
    let ui = &ctx.ui;
    if ui.json() {
        let v: Vec<serde_json::Value> = rows
            .iter()
            .map(|r| serde_json::json!({"id": r.id, "created_at": r.created_at, "period": r.period, "verdict": r.verdict, "score": r.score, "findings": r.findings}))
            .collect();
        ui.print_json(&v);
    } else if rows.is_empty() {
        ui.note("no reports yet; run `shark inspect run`");
    } else {
        let mut t = Table::new([
            "ID", "CREATED", "PERIOD", "VERDICT", "SCORE", "FINDINGS", "ANALYSIS",
        ]);
        for r in rows {
            t.row([
                r.id.to_string(),
                r.created_at.clone(),
                r.period.clone(),
                ui.status(&r.verdict),
                r.score.to_string(),
                r.findings.to_string(),
                r.analysis.clone(),
            ]);
        }
        ui.print_table(&t);
    }
}

fn config(ctx: &Ctx) -> CliResult {
    let ui = &ctx.ui;
    let s = settings(ctx, None)?;
    let known = Registry::new(ctx.store()?, &ctx.config).list()?;
    let plan = inspect::settings::plan(&s, &known);
    if ui.json() {
        ui.print_json(&serde_json::json!({
            "plan": plan.as_ref().ok(),
            "error": plan.as_ref().err(),
            "vulns": s.vulns,
            "query_timeout": humantime::format_duration(s.query_timeout).to_string(),
            "llm_timeout": humantime::format_duration(s.llm_timeout).to_string(),
            "llm_retries": s.llm_retries,
            "max_prompt_chars": s.max_prompt_chars,
            "thresholds": s.thresholds,
        }));
        return Ok(());
    }
    let mut t = Table::new(["SETTING", "VALUE"]);
    match &plan {
        Ok(p) => {
            let none = |v: Option<&String>, n: &str| v.cloned().unwrap_or_else(|| n.into());
            t.row(["prometheus".into(), none(p.prometheus.as_ref(), "(none)")]);
            t.row([
                "health checks".to_string(),
                if p.checks.is_empty() {
                    "(none)".into()
                } else {
                    p.checks.join(", ")
                },
            ]);
            t.row([
                "llm".into(),
                none(p.llm.as_ref(), "(none: rule-based narrative)"),
            ]);
            t.row([
                "notify".into(),
                none(p.notify.as_ref(), "(none: the summary is not posted)"),
            ]);
        }
        Err(e) => {
            t.row(["error".to_string(), e.clone()]);
        }
    }
    settings_rows(&mut t, &s);
    ui.print_table(&t);
    match plan {
        Err(e) => Err(inspect::InspectError::Usage(e).into()),
        Ok(_) => Ok(()),
    }
}

fn settings_rows(t: &mut Table, s: &Settings) {
    t.row([
        "vulnerability reports".to_string(),
        if s.vulns.is_empty() {
            "(none)".into()
        } else {
            s.vulns.join(", ")
        },
    ]);
    t.row([
        "query timeout".to_string(),
        humantime::format_duration(s.query_timeout).to_string(),
    ]);
    t.row([
        "llm timeout / retries".to_string(),
        format!(
            "{} / {}",
            humantime::format_duration(s.llm_timeout),
            s.llm_retries
        ),
    ]);
    t.row([
        "prompt budget".to_string(),
        format!(
            "{} chars, {} answer tokens",
            s.max_prompt_chars, s.max_tokens
        ),
    ]);
    if let Ok(serde_json::Value::Object(th)) = serde_json::to_value(&s.thresholds) {
        for (k, v) in th {
            t.row([format!("thresholds.{k}"), v.to_string()]);
        }
    }
}

fn print_report(ctx: &Ctx, r: &Report) {
    let ui = &ctx.ui;
    ui.line(format!(
        "report #{} · {} · {} · verdict {} · score {}/100{}",
        r.id,
        r.period,
        r.created_at,
        ui.status(if r.verdict == "critical" {
            "FAIL"
        } else if r.verdict == "warning" {
            "warn"
        } else {
            "ok"
        }),
        r.score,
        if r.partial { " · partial" } else { "" }
    ));
    print_metrics(ctx, r);
    print_health_and_findings(ctx, r);
    ui.line(format!(
        "\nanalysis ({}):\n{}",
        if r.analysis.source == "llm" {
            format!("AI, {}", r.analysis.model.as_deref().unwrap_or("?"))
        } else {
            "rule-based".into()
        },
        r.analysis.text
    ));
    if let Some(e) = &r.analysis.llm_error {
        ui.line(format!("(AI analysis unavailable: {e})"));
    }
    if let Some(n) = &r.notify {
        ui.line(match &n.error {
            None => format!("summary posted to {} at {}", n.conn, n.at),
            Some(e) => format!("summary NOT posted to {}: {e}", n.conn),
        });
    }
}

/// Per-instance usage, targets and alerts of a report.
fn print_metrics(ctx: &Ctx, r: &Report) {
    let ui = &ctx.ui;
    if let Some(m) = &r.metrics {
        let mut t = Table::new(["INSTANCE", "CPU", "MEMORY", "LOAD5", "DISKS"]);
        for i in &m.instances {
            t.row([
                i.instance.clone(),
                i.cpu_pct.map(|v| format!("{v:.1}%")).unwrap_or_default(),
                i.mem_pct.map(|v| format!("{v:.1}%")).unwrap_or_default(),
                i.load5.map(|v| format!("{v:.2}")).unwrap_or_default(),
                i.disks
                    .iter()
                    .map(|d| format!("{} {:.0}%", d.mountpoint, d.used_pct))
                    .collect::<Vec<_>>()
                    .join(" "),
            ]);
        }
        if !t.is_empty() {
            ui.print_table(&t);
        }
        let down = m.targets.iter().filter(|t| t.health != "up").count();
        ui.line(format!(
            "targets {}/{} up · {} alert(s) firing",
            m.targets.len() - down,
            m.targets.len(),
            m.alerts.len()
        ));
    }
}

/// Dependency checks, vulnerability counts and rule findings of a report.
fn print_health_and_findings(ctx: &Ctx, r: &Report) {
    let ui = &ctx.ui;
    if !r.health.is_empty() {
        let mut t = Table::new(["DEPENDENCY", "KIND", "STATUS", "LATENCY", "MESSAGE"]);
        for h in &r.health {
            t.row([
                h.name.clone(),
                h.kind.clone(),
                ui.status(&h.status),
                h.latency_ms.map(|l| format!("{l} ms")).unwrap_or_default(),
                h.message.clone(),
            ]);
        }
        ui.print_table(&t);
    }
    if let Some(v) = &r.vulns {
        ui.line(format!(
            "vulnerabilities: critical {} · high {} · medium {} · low {} · unknown {}",
            v.critical, v.high, v.medium, v.low, v.unknown
        ));
    }
    if !r.findings.is_empty() {
        let mut t = Table::new(["SEVERITY", "CATEGORY", "SUBJECT", "FINDING"]);
        for f in &r.findings {
            t.row([
                ui.status(match f.severity.as_str() {
                    "critical" => "FAIL",
                    "warning" => "warn",
                    o => o,
                }),
                f.category.clone(),
                f.subject.clone(),
                f.message.clone(),
            ]);
        }
        ui.print_table(&t);
    }
}

fn print_diff(ctx: &Ctx, d: &inspect::diff::Diff) {
    let ui = &ctx.ui;
    ui.line(format!(
        "report #{} → #{}: score {} → {}, verdict {} → {}",
        d.from, d.to, d.score.0, d.score.1, d.verdict.0, d.verdict.1
    ));
    for f in &d.new_findings {
        ui.line(format!(
            "+ [{}] {} {}: {}",
            f.severity.as_str(),
            f.category,
            f.subject,
            f.message
        ));
    }
    for f in &d.resolved_findings {
        ui.line(format!(
            "- [{}] {} {}: {}",
            f.severity.as_str(),
            f.category,
            f.subject,
            f.message
        ));
    }
    for (name, a, b) in &d.health {
        ui.line(format!("~ dependency {name}: {a} → {b}"));
    }
    for (sev, a, b) in &d.vulns {
        ui.line(format!("~ {sev} vulnerabilities: {a} → {b}"));
    }
    if !d.metrics.is_empty() {
        let mut t = Table::new(["INSTANCE", "METRIC", "BEFORE", "AFTER", "CHANGE"]);
        let f = |v: Option<f64>| v.map(|x| format!("{x:.1}")).unwrap_or_else(|| "–".into());
        for (i, m, a, b) in &d.metrics {
            let ch = match (a, b) {
                (Some(a), Some(b)) => format!("{:+.1}", b - a),
                _ => String::new(),
            };
            t.row([i.clone(), m.clone(), f(*a), f(*b), ch]);
        }
        ui.print_table(&t);
    }
    if d.new_findings.is_empty()
        && d.resolved_findings.is_empty()
        && d.health.is_empty()
        && d.vulns.is_empty()
    {
        ui.line("no findings, dependency or vulnerability changes");
    }
}
