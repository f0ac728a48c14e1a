//! `shark inspect run|reports|show|diff|export|config`.

use super::Ctx;
use crate::conn::Registry;
use crate::exit::Problems;
use crate::inspect::export::{self, Format};
use crate::inspect::{self, Period, Settings, model::Report};
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

fn settings(ctx: &Ctx, a: Option<&RunArgs>) -> crate::exit::CliResult<Settings> {
    let mut s: Settings = ctx.config.section("inspect")?;
    if let Some(a) = a {
        if a.prometheus.is_some() {
            s.prometheus = a.prometheus.clone();
        }
        if !a.checks.is_empty() {
            s.checks = Some(a.checks.clone());
        }
        if a.no_checks {
            s.checks = Some(vec![]);
        }
        s.vulns.extend(a.vulns.iter().cloned());
        if a.llm.is_some() {
            s.llm = a.llm.clone();
        }
        if a.no_llm {
            s.llm = Some(String::new());
        }
    }
    Ok(s)
}

fn latest(ctx: &Ctx, id: Option<i64>, nth: usize) -> crate::exit::CliResult<Report> {
    let store = ctx.store()?;
    let id = match id {
        Some(i) => i,
        None => store
            .reports(None, nth as i64 + 1)?
            .get(nth)
            .map(|r| r.id)
            .ok_or_else(|| {
                inspect::InspectError::Usage(
                    "not enough stored reports; run `shark inspect run` first".into(),
                )
            })?,
    };
    Ok(inspect::load(store, id)?)
}

pub async fn run(cmd: InspectCmd, ctx: &Ctx) -> crate::exit::CliResult {
    let ui = &ctx.ui;
    match cmd {
        InspectCmd::Run(a) => {
            let s = settings(ctx, Some(&a))?;
            let store = ctx.store()?;
            let reg = Registry::new(store, &ctx.config);
            // one JSON document with -o json: progress goes to the log instead
            let progress: Box<dyn Progress> = if ui.json() || ui.quiet {
                Box::new(LogProgress)
            } else {
                Box::new(UiProgress::new(ui))
            };
            let report = inspect::run(store, &reg, &s, a.period.into(), progress.as_ref()).await?;
            if ui.json() {
                ui.print_json(&report);
            } else {
                print_report(ctx, &report);
                ui.line(format!(
                    "\nreport #{} saved · `shark inspect export {} --format html -O report.html`",
                    report.id, report.id
                ));
            }
            let fail = match a.fail_on {
                Some(FailOn::Critical) => report.verdict == "critical",
                Some(FailOn::Warning) => report.verdict != "ok",
                None => false,
            };
            if fail {
                return Err(Problems(format!(
                    "report #{}: verdict {} (--fail-on {})",
                    report.id,
                    report.verdict,
                    if a.fail_on == Some(FailOn::Critical) {
                        "critical"
                    } else {
                        "warning"
                    }
                ))
                .into());
            }
        }
        InspectCmd::Reports { period, limit } => {
            let period: Option<Period> = period.map(Into::into);
            let rows = ctx.store()?.reports(period.map(|p| p.as_str()), limit)?;
            if ui.json() {
                let v: Vec<serde_json::Value> = rows
                    .iter()
                    .map(|r| serde_json::json!({"id": r.id, "created_at": r.created_at, "period": r.period, "verdict": r.verdict, "score": r.score, "findings": r.body["findings"].as_array().map(|a| a.len()).unwrap_or(0)}))
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
                        r.body["findings"]
                            .as_array()
                            .map(|a| a.len())
                            .unwrap_or(0)
                            .to_string(),
                        r.body["analysis"]["source"]
                            .as_str()
                            .unwrap_or("")
                            .to_string(),
                    ]);
                }
                ui.print_table(&t);
            }
        }
        InspectCmd::Show { id } => {
            let r = latest(ctx, id, 0)?;
            if ui.json() {
                ui.print_json(&r);
            } else {
                print_report(ctx, &r);
            }
        }
        InspectCmd::Diff { a, b } => {
            let (ra, rb) = match (a, b) {
                (Some(a), Some(b)) => (latest(ctx, Some(a), 0)?, latest(ctx, Some(b), 0)?),
                (Some(a), None) => (latest(ctx, Some(a), 0)?, latest(ctx, None, 0)?),
                _ => (latest(ctx, None, 1)?, latest(ctx, None, 0)?),
            };
            let d = inspect::diff::diff(&ra, &rb);
            if ui.json() {
                ui.print_json(&d);
            } else {
                print_diff(ctx, &d);
            }
        }
        InspectCmd::Export { id, format, out } => {
            let r = latest(ctx, id, 0)?;
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
        InspectCmd::Config => {
            let s = settings(ctx, None)?;
            let store = ctx.store()?;
            let known = Registry::new(store, &ctx.config).list()?;
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
                    t.row([
                        "prometheus".to_string(),
                        p.prometheus.clone().unwrap_or_else(|| "(none)".into()),
                    ]);
                    t.row([
                        "health checks".to_string(),
                        if p.checks.is_empty() {
                            "(none)".into()
                        } else {
                            p.checks.join(", ")
                        },
                    ]);
                    t.row([
                        "llm".to_string(),
                        p.llm
                            .clone()
                            .unwrap_or_else(|| "(none: rule-based narrative)".into()),
                    ]);
                }
                Err(e) => {
                    t.row(["error".to_string(), e.clone()]);
                }
            }
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
            let th = serde_json::to_value(&s.thresholds).unwrap_or_default();
            for (k, v) in th.as_object().into_iter().flatten() {
                t.row([format!("thresholds.{k}"), v.to_string()]);
            }
            ui.print_table(&t);
            if let Err(e) = plan {
                return Err(inspect::InspectError::Usage(e).into());
            }
        }
    }
    Ok(())
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
