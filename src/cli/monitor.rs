//! `shark monitor add|list|show|rm`: definitions of Kubernetes log monitors.

use super::Ctx;
use crate::conn::Registry;
use crate::exit::{CliResult, Interrupted, Usage};
use crate::monitor::Event;
use crate::monitor::{
    self, ArchiveLines, ArchiveSpec, Dur, GroupBy, MonitorSpec, RuleSpec, Severity,
};
use crate::state::RunHandle;
use crate::ui::Table;
use crate::ui::Ui;
use clap::builder::TypedValueParser;
use clap::{Args, Subcommand};

const MONITOR_HELP: &str = "A monitor follows every container of every pod matching its namespaces and \
label selector (new, restarted and deleted pods are picked up through a watch), resumes each container \
from its checkpoint with sinceTime and de-duplication, matches lines against its rules (keywords via \
Aho-Corasick, regexes; N matches in W open an alert, matches in the group window join it, then a silence), \
posts alerts to Slack and archives lines to S3 as gzip objects prefix/ns/pod/container/YYYY/MM/DD/HH-….

Monitors can also be declared in the config file as [monitors.NAME] tables with the same keys \
(rules as [[monitors.NAME.rules]] and/or rules_file; see examples/shark.toml): list, show and run \
see them, add and rm refuse them.";

#[derive(Debug, Subcommand)]
pub enum MonitorCmd {
    /// Define a monitor: what to follow, its rules, where alerts and archives go
    #[command(after_long_help = MONITOR_HELP)]
    Add(Box<AddArgs>),
    /// List monitors (stored with `add` and declared in the config file's [monitors.NAME])
    List,
    /// Show a monitor's definition, where it is defined, per-container checkpoints and recent alerts
    Show {
        /// Monitor name
        name: String,
        /// How many recent alerts to show
        #[arg(long, default_value_t = 20)]
        alerts: i64,
    },
    /// Delete a stored monitor with its checkpoints and alert history (archived objects stay;
    /// config-declared monitors are removed by editing the file)
    Rm {
        /// Monitor name
        name: String,
    },
    /// Follow, match, alert and archive in the foreground until Ctrl-C (exit 130) or `monitor stop`
    #[command(after_long_help = MONITOR_HELP)]
    Run {
        /// Monitor name
        name: String,
    },
    /// Archived objects: list them, or print one's lines
    #[command(subcommand)]
    Archive(ArchiveCmd),
    /// Stop a running monitor from another terminal (it flushes and checkpoints, then exits 0)
    Stop {
        /// Monitor name
        name: String,
    },
}

#[derive(Debug, Subcommand)]
pub enum ArchiveCmd {
    /// List a monitor's archive objects (key, size, time)
    Ls {
        /// Monitor name
        name: String,
        /// Only under NS, NS/POD or NS/POD/CONTAINER
        #[arg(long, value_name = "PATH")]
        under: Option<String>,
    },
    /// Print an archive object's lines (decompressed), or write them to a file
    Get {
        /// Monitor name
        name: String,
        /// Object key, as `archive ls` prints it
        key: String,
        /// Write to this file instead of stdout
        #[arg(short = 'O', long = "out", value_name = "FILE")]
        out: Option<std::path::PathBuf>,
    },
}

#[derive(Debug, Args)]
pub struct AddArgs {
    /// Monitor name
    pub name: String,
    /// Kubernetes connection (kubeconfig + context)
    #[arg(long, value_name = "CONN")]
    pub kube: String,
    /// kubeconfig context (default: the connection's)
    #[arg(long)]
    pub context: Option<String>,
    /// Namespace to follow (repeatable; default: all namespaces)
    #[arg(short = 'n', long = "namespace", value_name = "NS")]
    pub namespaces: Vec<String>,
    /// Label selector, e.g. app=web,tier!=cache
    #[arg(short = 'l', long)]
    pub selector: Option<String>,
    /// Regex on container names (default: every container)
    #[arg(long, value_name = "REGEX")]
    pub containers: Option<String>,
    /// First run only: also read lines written this long before the start (default: none)
    #[arg(long, value_name = "DURATION")]
    pub since: Option<Dur>,
    /// Rules from a TOML file of [[rule]] tables (keys as the flags below)
    #[arg(long, value_name = "FILE")]
    pub rules: Option<String>,
    /// Name of the rule given by flags
    #[arg(long, default_value = "default")]
    pub rule_name: String,
    /// A line matches if it contains one of these keywords (repeatable)
    #[arg(long, value_name = "KEYWORD")]
    pub include: Vec<String>,
    /// ... and none of these (repeatable)
    #[arg(long, value_name = "KEYWORD")]
    pub exclude: Vec<String>,
    /// A line matches if it matches one of these regexes (repeatable; matched per line, so ^ and
    /// $ anchor at the line's start and end)
    #[arg(long, value_name = "REGEX")]
    pub regex: Vec<String>,
    /// ... and none of these regexes (repeatable)
    #[arg(long, value_name = "REGEX")]
    pub exclude_regex: Vec<String>,
    /// Keywords and regexes ignore case
    #[arg(long)]
    pub ignore_case: bool,
    /// Severity of the rule's alerts
    #[arg(long, value_parser = words::<Severity>(Severity::WORDS), default_value = "warning")]
    pub severity: Severity,
    /// Matches needed within --window to alert
    #[arg(long, default_value_t = 1)]
    pub threshold: u32,
    /// The time span --threshold matches must fall in (by line timestamp)
    #[arg(long, default_value = "5m", value_name = "DURATION")]
    pub window: Dur,
    /// What matches are grouped by into one alert (rule: one group per rule across everything
    /// followed)
    #[arg(long, value_parser = words::<GroupBy>(GroupBy::WORDS), default_value = "container")]
    pub group_by: GroupBy,
    /// Matches this long after the first join its alert (one Slack message with a count)
    #[arg(long, default_value = "1m", value_name = "DURATION")]
    pub group_window: Dur,
    /// After an alert the group stays quiet this long (matches are counted for the next one)
    #[arg(long, value_name = "DURATION")]
    pub silence: Option<Dur>,
    /// Slack connection alerts are posted to (its channel option is honoured)
    #[arg(long, value_name = "CONN")]
    pub slack: Option<String>,
    /// S3 connection lines are archived to
    #[arg(long, value_name = "CONN")]
    pub archive: Option<String>,
    /// Key prefix inside the bucket (after the connection's prefix option)
    #[arg(long, default_value = "", value_name = "PREFIX", requires = "archive")]
    pub archive_prefix: String,
    /// Archive every line or only matched ones
    #[arg(
        long,
        value_parser = words::<ArchiveLines>(ArchiveLines::WORDS),
        default_value = "all",
        requires = "archive"
    )]
    pub archive_lines: ArchiveLines,
    /// Each archive object covers at most this long and is written when it ends
    #[arg(
        long,
        default_value = "1h",
        value_name = "DURATION",
        requires = "archive"
    )]
    pub archive_window: Dur,
    /// Delete this monitor's archive objects older than this (default: keep; needs
    /// --archive-prefix: only objects of this monitor's layout under it are deleted)
    #[arg(long, value_name = "DURATION", requires = "archive")]
    pub archive_retention: Option<Dur>,
    /// Reopen a container's log stream (from its position) when it delivers nothing this long,
    /// so a half-open connection cannot silently stop monitoring [default: 2m]
    #[arg(long, value_name = "DURATION")]
    pub stream_idle: Option<Dur>,
}

impl MonitorCmd {
    pub fn verb(&self) -> Option<&'static str> {
        match self {
            MonitorCmd::Add(_) => Some("add"),
            MonitorCmd::Rm { .. } => Some("rm"),
            MonitorCmd::Run { .. } => Some("run"),
            MonitorCmd::Stop { .. } => Some("stop"),
            MonitorCmd::List | MonitorCmd::Show { .. } | MonitorCmd::Archive(_) => None,
        }
    }

    pub fn target(&self) -> Option<String> {
        match self {
            MonitorCmd::Add(a) => Some(a.name.clone()),
            MonitorCmd::Rm { name }
            | MonitorCmd::Show { name, .. }
            | MonitorCmd::Run { name }
            | MonitorCmd::Stop { name } => Some(name.clone()),
            MonitorCmd::Archive(ArchiveCmd::Ls { name, .. } | ArchiveCmd::Get { name, .. }) => {
                Some(name.clone())
            }
            MonitorCmd::List => None,
        }
    }
}

fn spec_from(a: AddArgs) -> CliResult<MonitorSpec> {
    let mut rules = Vec::new();
    if let Some(path) = &a.rules {
        let text = std::fs::read_to_string(path)
            .map_err(|e| Usage(format!("cannot read rules file {path}: {e}")))?;
        rules = monitor::spec::parse_rules_file(path, &text)?;
    }
    if !a.include.is_empty() || !a.regex.is_empty() {
        rules.push(RuleSpec {
            name: a.rule_name,
            include: a.include,
            exclude: a.exclude,
            regex: a.regex,
            exclude_regex: a.exclude_regex,
            ignore_case: a.ignore_case,
            severity: a.severity,
            threshold: a.threshold,
            window: a.window,
            group_by: a.group_by,
            group_window: a.group_window,
            silence: a.silence,
        });
    } else if !a.exclude.is_empty() || !a.exclude_regex.is_empty() {
        return Err(Usage("--exclude and --exclude-regex need --include or --regex".into()).into());
    }
    Ok(MonitorSpec {
        name: a.name,
        kube: a.kube,
        context: a.context,
        namespaces: a.namespaces,
        selector: a.selector,
        containers: a.containers,
        since: a.since,
        rules,
        slack: a.slack,
        archive: a.archive.map(|conn| ArchiveSpec {
            conn,
            prefix: a.archive_prefix.trim_matches('/').to_string(),
            lines: a.archive_lines,
            window: a.archive_window,
            retention: a.archive_retention,
        }),
        stream_idle: a.stream_idle,
    })
}

pub async fn run(cmd: MonitorCmd, ctx: &Ctx, run: Option<&RunHandle>) -> CliResult {
    let ui = &ctx.ui;
    let declared = &monitor::declared::from_config(&ctx.config)?;
    match cmd {
        MonitorCmd::Run { name } => {
            let store = ctx.store()?;
            let reg = Registry::new(store, &ctx.config);
            let obs = Printer { ui: ui.clone() };
            let summary = monitor::run(
                store,
                &reg,
                declared,
                &name,
                run.map(|r| r.id),
                ctx.cancel(),
                &obs,
            )
            .await?;
            if summary.interrupted {
                return Err(Interrupted.into());
            }
        }
        MonitorCmd::Archive(ArchiveCmd::Ls { name, under }) => {
            let store = ctx.store()?;
            let reg = Registry::new(store, &ctx.config);
            let objects =
                monitor::archive_ls(store, &reg, declared, &name, under.as_deref()).await?;
            if ui.json() {
                ui.print_json(&objects);
            } else {
                let mut t = Table::new(["KEY", "BYTES", "WRITTEN"]);
                for o in &objects {
                    t.row([o.key.clone(), o.size.to_string(), o.last_modified.clone()]);
                }
                ui.print_table(&t);
            }
        }
        MonitorCmd::Archive(ArchiveCmd::Get { name, key, out }) => {
            let store = ctx.store()?;
            let reg = Registry::new(store, &ctx.config);
            let data = monitor::archive_get(store, &reg, declared, &name, &key).await?;
            let res = match &out {
                Some(p) => std::fs::write(p, &data),
                None => std::io::Write::write_all(&mut std::io::stdout().lock(), &data),
            };
            res.map_err(|e| {
                crate::exit::Runtime(format!(
                    "cannot write {}: {e}",
                    out.as_ref()
                        .map(|p| p.display().to_string())
                        .unwrap_or_else(|| "stdout".into())
                ))
            })?;
        }
        MonitorCmd::Stop { name } => {
            let store = ctx.store()?;
            match store.request_stop(&monitor::store::task_key(&name))? {
                Some(l) if l.alive => ui.line(format!(
                    "asked monitor '{name}' (pid {} on {}) to stop; it flushes its archive and checkpoints first",
                    l.pid, l.host
                )),
                _ => return Err(Usage(format!("monitor '{name}' is not running")).into()),
            }
        }
        MonitorCmd::Add(a) => {
            let store = ctx.store()?;
            let reg = Registry::new(store, &ctx.config);
            let spec = monitor::add(store, &reg, declared, spec_from(*a)?)?;
            if ui.json() {
                ui.print_json(&spec);
            } else {
                ui.line(format!(
                    "monitor '{}' added · start it with `shark monitor run {}`",
                    spec.name, spec.name
                ));
            }
        }
        MonitorCmd::List => {
            let all = monitor::list(ctx.store()?, declared)?;
            if ui.json() {
                ui.print_json(&all);
            } else {
                let mut t = Table::new([
                    "NAME",
                    "KUBE",
                    "NAMESPACES",
                    "SELECTOR",
                    "RULES",
                    "SLACK",
                    "ARCHIVE",
                    "FROM",
                ]);
                for d in &all {
                    let m = &d.spec;
                    t.row([
                        m.name.clone(),
                        m.kube.clone(),
                        if m.namespaces.is_empty() {
                            "(all)".into()
                        } else {
                            m.namespaces.join(",")
                        },
                        m.selector.clone().unwrap_or_default(),
                        m.rules
                            .iter()
                            .map(|r| r.name.as_str())
                            .collect::<Vec<_>>()
                            .join(","),
                        m.slack.clone().unwrap_or_default(),
                        m.archive
                            .as_ref()
                            .map(|a| a.conn.clone())
                            .unwrap_or_default(),
                        d.origin.clone(),
                    ]);
                }
                ui.print_table(&t);
            }
        }
        MonitorCmd::Show { name, alerts } => {
            let shown = monitor::show(ctx.store()?, declared, &name, alerts)?;
            if ui.json() {
                ui.print_json(&shown);
            } else {
                print_shown(ctx, &shown);
            }
        }
        MonitorCmd::Rm { name } => {
            monitor::remove(ctx.store()?, declared, &name)?;
            ui.line(format!("monitor '{name}' removed"));
        }
    }
    Ok(())
}

fn print_shown(ctx: &Ctx, s: &monitor::Shown) {
    let ui = &ctx.ui;
    let m = &s.spec;
    ui.line(format!("monitor {}", m.name));
    ui.line(format!("  from        {}", s.origin));
    ui.line(format!(
        "  kube        {}{}",
        m.kube,
        m.context
            .as_ref()
            .map(|c| format!(" (context {c})"))
            .unwrap_or_default()
    ));
    ui.line(format!(
        "  namespaces  {}",
        if m.namespaces.is_empty() {
            "(all)".into()
        } else {
            m.namespaces.join(", ")
        }
    ));
    ui.line(format!(
        "  selector    {}",
        m.selector.as_deref().unwrap_or("(none)")
    ));
    ui.line(format!(
        "  containers  {}",
        m.containers.as_deref().unwrap_or("(all)")
    ));
    ui.line(format!(
        "  slack       {}",
        m.slack.as_deref().unwrap_or("(none)")
    ));
    if let Some(a) = &m.archive {
        ui.line(format!(
            "  archive     {} prefix '{}' lines {} window {} retention {}",
            a.conn,
            a.prefix,
            a.lines.as_str(),
            a.window,
            a.retention
                .map(|r| r.to_string())
                .unwrap_or_else(|| "keep".into())
        ));
    }
    ui.line(format!(
        "  streams     reopened after {} without data",
        Dur(m.stream_idle())
    ));
    let mut t = Table::new([
        "RULE",
        "SEVERITY",
        "INCLUDE",
        "EXCLUDE",
        "REGEX",
        "THRESHOLD",
        "GROUP",
        "SILENCE",
    ]);
    for r in &m.rules {
        t.row([
            r.name.clone(),
            r.severity.as_str().to_string(),
            r.include.join(" | "),
            r.exclude
                .iter()
                .cloned()
                .chain(r.exclude_regex.iter().map(|x| format!("/{x}/")))
                .collect::<Vec<_>>()
                .join(" | "),
            r.regex.join(" | "),
            format!("{} in {}", r.threshold, r.window),
            format!("{} / {}", r.group_by.as_str(), r.group_window),
            r.silence.map(|s| s.to_string()).unwrap_or_default(),
        ]);
    }
    ui.print_table(&t);
    if !s.containers.is_empty() {
        let mut t = Table::new(["CONTAINER", "MATCHED UNTIL", "ARCHIVED UNTIL"]);
        for c in &s.containers {
            t.row([
                c.container.clone(),
                c.matched_until.clone().unwrap_or_default(),
                c.archived_until.clone().unwrap_or_default(),
            ]);
        }
        ui.print_table(&t);
    }
    if !s.alerts.is_empty() {
        let mut t = Table::new([
            "ID", "CREATED", "RULE", "GROUP", "COUNT", "STATUS", "ATTEMPTS",
        ]);
        for a in &s.alerts {
            t.row([
                a.id.to_string(),
                a.created_at.clone(),
                a.rule.clone(),
                a.group_key.clone(),
                a.count.to_string(),
                a.status.clone(),
                a.attempts.to_string(),
            ]);
        }
        ui.print_table(&t);
    }
}

/// Run events: NDJSON with `-o json`, one human line each otherwise.
struct Printer {
    ui: Ui,
}

impl monitor::Observer for Printer {
    fn event(&self, e: &Event) {
        if self.ui.json() {
            return self.ui.event(e);
        }
        let line = match e {
            Event::Started {
                monitor,
                resumed_containers,
                ..
            } => {
                format!(
                    "monitor {monitor} running ({resumed_containers} container(s) resume from checkpoints); Ctrl-C stops it"
                )
            }
            Event::PodAdded {
                namespace,
                pod,
                containers,
            } => {
                format!("+ pod {namespace}/{pod} ({})", containers.join(", "))
            }
            Event::PodGone { namespace, pod } => format!("- pod {namespace}/{pod}"),
            Event::CannotFollow {
                namespace,
                pod,
                container,
                reason,
            } => format!("! cannot follow {namespace}/{pod}/{container}: {reason}; retrying"),
            Event::FollowResumed {
                namespace,
                pod,
                container,
            } => format!("+ following {namespace}/{pod}/{container} again"),
            Event::Reconnect {
                namespace,
                pod,
                container,
                reason,
            } => {
                tracing::info!("{namespace}/{pod}/{container}: {reason}; reconnecting");
                return;
            }
            Event::Match {
                namespace,
                pod,
                container,
                rule,
                severity,
                ts,
                line,
            } => {
                format!("{ts} {namespace}/{pod}/{container} [{severity} {rule}] {line}")
            }
            Event::Alert {
                id,
                rule,
                severity,
                group,
                count,
                suppressed,
                ..
            } => format!(
                "ALERT #{id} {severity} {rule} {group}: {count} match(es){}",
                if *suppressed > 0 {
                    format!(" (+{suppressed} while silenced)")
                } else {
                    String::new()
                }
            ),
            Event::AlertRetry { id, wait_s, reason } => {
                format!("alert #{id}: {reason}; retrying in {wait_s:.1}s")
            }
            Event::AlertDelivery {
                id,
                status,
                attempts,
                error,
            } => format!(
                "alert #{id}: {status} after {attempts} attempt(s){}",
                error.as_ref().map(|e| format!(": {e}")).unwrap_or_default()
            ),
            Event::ArchiveFlush {
                key,
                lines,
                gzip_bytes,
                multipart,
                ..
            } => format!(
                "archived {lines} line(s) to {key} ({gzip_bytes} bytes gzip{})",
                if *multipart { ", multipart" } else { "" }
            ),
            Event::ArchiveError { reason } => format!("archive: {reason}"),
            Event::ArchiveDropped {
                namespace,
                pod,
                container,
                lines,
                first_ts,
                last_ts,
            } => format!(
                "archive: {lines} line(s) of {namespace}/{pod}/{container} from {first_ts} to {last_ts} NOT archived (S3 behind, memory cap reached)"
            ),
            Event::ArchiveExpired { deleted } => {
                format!("archive: {deleted} object(s) past retention deleted")
            }
            Event::Stopped {
                lines,
                matches,
                alerts,
                objects,
                not_archived,
                reason,
            } => format!(
                "{reason}: {lines} line(s), {matches} match(es), {alerts} alert(s), {objects} archive object(s){}; checkpoint saved",
                if *not_archived > 0 {
                    format!(", {not_archived} line(s) not archived")
                } else {
                    String::new()
                }
            ),
        };
        self.ui.line(line);
    }
}

/// A clap parser for an engine enum spelled as its serde words (engines know no clap).
fn words<T>(words: &'static [&'static str]) -> impl TypedValueParser<Value = T>
where
    T: serde::de::DeserializeOwned + Clone + Send + Sync + 'static,
{
    clap::builder::PossibleValuesParser::new(words).map(|w| {
        serde_json::from_value(serde_json::Value::String(w))
            .expect("every listed word is a value of the enum (tested in monitor::spec)")
    })
}
