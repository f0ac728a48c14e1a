//! `shark deploy hosts add|list|rm|import`, `run`, `plans`, `show PLAN`, `execute PLAN`:
//! arguments to the deploy engine, and rendering of its live events (host-prefixed lines and a
//! bar of hosts done on a terminal, NDJSON with `-o json`).

use super::Ctx;
use crate::deploy::store::{OutputLine, ResultRow};
use crate::deploy::{
    self, ActionInput, Execution, Host, HostResult, HostStatus, MaxFail, Observer, Options, Plan,
    RunRequest, Stream,
};
use crate::exit::{CliResult, Interrupted, Problems};
use crate::state::RunHandle;
use crate::ui::{Progress, Table, Ui, UiProgress, sanitize};
use clap::{Args, Subcommand};
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

const RUN_HELP: &str =
    "Host selection (--hosts): a comma list of host names, groups, globs (web*) and `all`;
`GROUP:LABEL` keeps the hosts of GROUP that carry LABEL as a tag or group (db:primary); `!NAME`
removes hosts. Example: --hosts 'web,db:primary,!web3'.

Statuses: ok · failed (non-zero exit) · timeout (killed on the host at --timeout) · unreachable
(refused, no route, connect or handshake timeout) · auth (key refused) · hostkey (unknown or changed
host key) · error (copy or upload failed, checksum mismatch) · skipped (rollout stopped) ·
interrupted. Exit 1 when any host is not ok.

Authentication uses your OpenSSH setup (keys, agent, ~/.ssh/config, ProxyJump): ssh runs with
BatchMode, never prompting. Host keys are checked against known_hosts; unknown keys are refused
unless --accept-new-host-keys is given (changed keys are always refused).";

#[derive(Debug, Subcommand)]
pub enum DeployCmd {
    /// Manage the inventory of hosts (Ansible-style INI and YAML inventories)
    #[command(subcommand)]
    Hosts(HostsCmd),
    /// Make a plan for the selected hosts and run it now (stored first; --plan-only stores only)
    #[command(after_long_help = RUN_HELP)]
    Run(Box<RunArgs>),
    /// List stored plans, most recent first
    Plans {
        /// How many plans to list
        #[arg(long, default_value_t = 20)]
        limit: i64,
    },
    /// Show a plan and replay an execution: per-host results and output
    Show(ShowArgs),
    /// Run a stored plan again, with the hosts and options it was made with
    Execute {
        /// Plan id (see `shark deploy plans`)
        plan: i64,
    },
}

impl DeployCmd {
    /// Name in run history; read-only verbs are not recorded.
    pub fn run_name(&self) -> Option<String> {
        match self {
            DeployCmd::Hosts(HostsCmd::List { .. })
            | DeployCmd::Plans { .. }
            | DeployCmd::Show(_) => None,
            DeployCmd::Hosts(h) => Some(format!("deploy hosts {}", h.verb())),
            DeployCmd::Run(_) => Some("deploy run".into()),
            DeployCmd::Execute { .. } => Some("deploy execute".into()),
        }
    }

    pub fn target(&self) -> Option<String> {
        match self {
            DeployCmd::Run(a) => Some(a.hosts.clone()),
            DeployCmd::Execute { plan } => Some(format!("plan {plan}")),
            DeployCmd::Hosts(HostsCmd::Add(a)) => Some(a.name.clone()),
            DeployCmd::Hosts(HostsCmd::Rm { names }) => Some(names.join(",")),
            DeployCmd::Hosts(HostsCmd::Import { file, .. }) => Some(file.display().to_string()),
            _ => None,
        }
    }
}

#[derive(Debug, Subcommand)]
pub enum HostsCmd {
    /// Add one host
    Add(HostAddArgs),
    /// List hosts (all, or those --hosts selects)
    List {
        /// Selection, as for `deploy run --hosts`
        #[arg(long)]
        hosts: Option<String>,
    },
    /// Remove hosts by name
    Rm {
        #[arg(required = true)]
        names: Vec<String>,
    },
    /// Import an Ansible inventory (INI or YAML): adds new hosts, updates known ones
    Import {
        /// Inventory file (.ini / .yml / .yaml; detected from the content otherwise)
        file: PathBuf,
        /// Also remove stored hosts that are not in the file
        #[arg(long)]
        prune: bool,
    },
}

impl HostsCmd {
    fn verb(&self) -> &'static str {
        match self {
            HostsCmd::Add(_) => "add",
            HostsCmd::List { .. } => "list",
            HostsCmd::Rm { .. } => "rm",
            HostsCmd::Import { .. } => "import",
        }
    }
}

#[derive(Debug, Args)]
pub struct HostAddArgs {
    /// Host name (used in --hosts, output prefixes and results)
    pub name: String,
    /// Address or ssh_config alias (default: the name)
    #[arg(long)]
    pub address: Option<String>,
    /// SSH port (default: ssh's, usually 22)
    #[arg(long)]
    pub port: Option<u16>,
    /// Login user (default: ssh's)
    #[arg(long)]
    pub user: Option<String>,
    /// Private key file
    #[arg(long, value_name = "PATH")]
    pub key: Option<String>,
    /// Group (repeatable)
    #[arg(long = "group", value_name = "GROUP")]
    pub groups: Vec<String>,
    /// Tag (repeatable, or comma-separated)
    #[arg(long = "tag", value_name = "TAG", value_delimiter = ',')]
    pub tags: Vec<String>,
}

#[derive(Debug, Args)]
pub struct RunArgs {
    /// Hosts to run on: names, groups, globs, `all`, GROUP:TAG, !NAME (comma-separated)
    #[arg(long, value_name = "PATTERN")]
    pub hosts: String,
    /// Take hosts from this inventory file instead of the stored inventory
    #[arg(short = 'i', long, value_name = "FILE")]
    pub inventory: Option<PathBuf>,
    /// Script to upload to each host and execute (its #! line, else /bin/sh)
    #[arg(long, value_name = "FILE", conflicts_with = "command")]
    pub script: Option<PathBuf>,
    /// Command line to run on each host with /bin/sh -c
    #[arg(long, value_name = "CMD")]
    pub command: Option<String>,
    /// Copy a local file to each host by SFTP before running, verified by SHA-256 (repeatable);
    /// DEST ending in / keeps the file name
    #[arg(long = "copy", value_name = "SRC:DEST", value_parser = parse_copy)]
    pub copies: Vec<(PathBuf, String)>,
    /// Hosts worked on at once
    #[arg(long, default_value_t = 32, value_name = "N")]
    pub parallel: usize,
    /// Command timeout per host; the command is killed on the host when it expires (0 = none)
    #[arg(long, default_value = "10m", value_name = "DURATION", value_parser = parse_duration)]
    pub timeout: Duration,
    /// SSH connect timeout per host (TCP and handshake)
    #[arg(long, default_value = "10s", value_name = "DURATION", value_parser = parse_duration)]
    pub connect_timeout: Duration,
    /// Rolling update: hosts in batches of N, a batch starts when the previous one is done
    #[arg(long, value_name = "N")]
    pub serial: Option<usize>,
    /// Stop starting hosts once more than P hosts failed: a count (2) or a percentage (25%);
    /// default with --serial: 0 (stop after the first failure), else no limit
    #[arg(long, value_name = "P")]
    pub max_fail: Option<MaxFail>,
    /// Run the command or script (and install copies) as root with `sudo -n` (no password prompt)
    #[arg(long)]
    pub sudo: bool,
    /// Store the plan without running it (run it later with `shark deploy execute PLAN`)
    #[arg(long)]
    pub plan_only: bool,
    /// Trust and record host keys not yet in known_hosts (changed keys are still refused)
    #[arg(long)]
    pub accept_new_host_keys: bool,
    /// known_hosts file to check host keys against (default: ssh's, ~/.ssh/known_hosts)
    #[arg(long, value_name = "FILE")]
    pub known_hosts: Option<PathBuf>,
    /// ssh_config file for ssh (default: ~/.ssh/config)
    #[arg(long, value_name = "FILE")]
    pub ssh_config: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct ShowArgs {
    /// Plan id
    pub plan: i64,
    /// Which execution (default: the latest)
    #[arg(long, value_name = "ID")]
    pub exec: Option<i64>,
    /// Only this host's output
    #[arg(long)]
    pub host: Option<String>,
    /// Results only, no output replay
    #[arg(long)]
    pub no_output: bool,
}

fn parse_copy(s: &str) -> Result<(PathBuf, String), String> {
    let (src, dest) = s
        .split_once(':')
        .ok_or("expected SRC:DEST, e.g. ./app.tar.gz:/opt/app/")?;
    if src.is_empty() || dest.is_empty() {
        return Err("expected SRC:DEST, e.g. ./app.tar.gz:/opt/app/".into());
    }
    Ok((PathBuf::from(src), dest.to_string()))
}

fn parse_duration(s: &str) -> Result<Duration, String> {
    if s.trim() == "0" {
        return Ok(Duration::ZERO);
    }
    humantime::parse_duration(s).map_err(|e| format!("{e} (examples: 30s, 5m, 1h30m)"))
}

pub async fn run(cmd: DeployCmd, ctx: &Ctx, run: Option<&RunHandle>) -> CliResult {
    let store = ctx.store()?;
    match cmd {
        DeployCmd::Hosts(h) => hosts(h, ctx),
        DeployCmd::Run(a) => {
            let plan_only = a.plan_only;
            let plan = deploy::make_plan(store, run_request(*a))?;
            if plan_only {
                print_plan_created(&ctx.ui, &plan);
                return Ok(());
            }
            execute(ctx, &plan, run).await
        }
        DeployCmd::Execute { plan } => execute(ctx, &Plan::load(store, plan)?, run).await,
        DeployCmd::Plans { limit } => plans(ctx, limit),
        DeployCmd::Show(a) => show(ctx, a),
    }
}

/// The engine's request from the command line.
fn run_request(a: RunArgs) -> RunRequest {
    let action = match (a.script, a.command) {
        (Some(s), _) => ActionInput::Script(s),
        (None, Some(c)) => ActionInput::Command(c),
        (None, None) => ActionInput::None,
    };
    let options = Options {
        parallel: a.parallel,
        timeout_ms: (!a.timeout.is_zero()).then_some(a.timeout.as_millis() as u64),
        connect_timeout_ms: a.connect_timeout.as_millis().max(1000) as u64,
        serial: a.serial,
        max_fail: a.max_fail,
        sudo: a.sudo,
        accept_new_host_keys: a.accept_new_host_keys,
        known_hosts: a.known_hosts.as_deref().map(absolute),
        ssh_config: a.ssh_config.as_deref().map(absolute),
    };
    RunRequest {
        hosts: a.hosts,
        inventory: a.inventory,
        action,
        copies: a.copies,
        options,
    }
}

fn absolute(p: &std::path::Path) -> PathBuf {
    std::path::absolute(p).unwrap_or_else(|_| p.to_path_buf())
}

fn hosts(cmd: HostsCmd, ctx: &Ctx) -> CliResult {
    let store = ctx.store()?;
    let ui = &ctx.ui;
    match cmd {
        HostsCmd::Add(a) => {
            let host = deploy::add_host(
                store,
                Host {
                    address: a.address.clone().unwrap_or_else(|| a.name.clone()),
                    name: a.name,
                    port: a.port,
                    user: a.user,
                    key_file: a.key,
                    groups: a.groups,
                    tags: a.tags.into_iter().filter(|t| !t.is_empty()).collect(),
                    vars: Default::default(),
                },
            )?;
            if ui.json() {
                ui.print_json(&host);
            } else {
                ui.note(format!("added host '{}'", host.name));
            }
        }
        HostsCmd::List { hosts } => print_hosts(ui, &deploy::list_hosts(store, hosts.as_deref())?),
        HostsCmd::Rm { names } => {
            deploy::remove_hosts(store, &names)?;
            ui.note(format!("removed {}", names.join(", ")));
        }
        HostsCmd::Import { file, prune } => {
            let i = deploy::import_hosts(store, &file, prune)?;
            if ui.json() {
                ui.print_json(&i);
            } else {
                ui.note(format!(
                    "imported {} host(s) from {}: {} added, {} updated, {} removed",
                    i.hosts,
                    file.display(),
                    i.added,
                    i.updated,
                    i.removed
                ));
            }
        }
    }
    Ok(())
}

fn print_hosts(ui: &Ui, list: &[Host]) {
    if ui.json() {
        ui.print_json(&list);
        return;
    }
    if list.is_empty() {
        ui.note(
            "no hosts; add some with `shark deploy hosts add` or `shark deploy hosts import FILE`",
        );
        return;
    }
    let mut t = Table::new(["NAME", "ADDRESS", "PORT", "USER", "GROUPS", "TAGS", "KEY"]);
    for h in list {
        t.row([
            h.name.clone(),
            h.address.clone(),
            h.port.map(|p| p.to_string()).unwrap_or_default(),
            h.user.clone().unwrap_or_default(),
            h.groups.join(","),
            h.tags.join(","),
            h.key_file.clone().unwrap_or_default(),
        ]);
    }
    ui.print_table(&t);
}

fn print_plan_created(ui: &Ui, plan: &Plan) {
    if ui.json() {
        ui.print_json(&serde_json::json!({
            "plan": plan.id,
            "hosts": plan.hosts.iter().map(|h| &h.name).collect::<Vec<_>>(),
            "action": plan.describe(),
            "options": plan.spec.options,
        }));
    } else {
        ui.line(format!(
            "plan {}: {} host(s) ({}); {}",
            plan.id,
            plan.hosts.len(),
            plan.hosts
                .iter()
                .map(|h| h.name.as_str())
                .collect::<Vec<_>>()
                .join(", "),
            plan.describe()
        ));
        ui.note(format!("run it with `shark deploy execute {}`", plan.id));
    }
}

/// Run a plan with live rendering until done or cancelled (Ctrl-C/SIGTERM: running commands
/// are killed on their hosts; a second signal exits at once), print the summary, map the
/// outcome to the exit code.
async fn execute(ctx: &Ctx, plan: &Plan, run: Option<&RunHandle>) -> CliResult {
    let store = ctx.store()?;
    let ui = &ctx.ui;
    if !ui.json() {
        ui.note(format!(
            "plan {}: {} host(s); {}",
            plan.id,
            plan.hosts.len(),
            plan.describe()
        ));
    }
    let observer = Arc::new(CliObserver::new(ui, plan));
    let res = deploy::execute(store, plan, run, observer.clone(), ctx.cancel()).await;
    observer.done();
    let ex = res?;
    if ui.json() {
        ui.event(&serde_json::json!({
            "event": "summary",
            "plan": ex.plan_id,
            "exec": ex.exec_id,
            "status": ex.status(),
            "summary": ex.summary_line(),
            "stopped": ex.stopped,
            "results": ex.results,
        }));
    } else {
        print_results(ui, &ex.results);
        if let Some(s) = &ex.stopped {
            ui.note(format!("rollout stopped: {s}"));
        }
        ui.note(format!(
            "{} (plan {}, execution {}; replay with `shark deploy show {}`)",
            ex.summary_line(),
            ex.plan_id,
            ex.exec_id,
            ex.plan_id
        ));
    }
    outcome(&ex)
}

fn outcome(ex: &Execution) -> CliResult {
    if ex.interrupted {
        return Err(Interrupted.into());
    }
    if !ex.all_ok() {
        return Err(Problems(format!(
            "{}; see `shark deploy show {}`",
            ex.summary_line(),
            ex.plan_id
        ))
        .into());
    }
    Ok(())
}

fn fmt_ms(ms: u128) -> String {
    if ms < 10_000 {
        format!("{:.1}s", ms as f64 / 1000.0)
    } else {
        humantime::format_duration(Duration::from_secs((ms / 1000) as u64)).to_string()
    }
}

fn print_results(ui: &Ui, results: &[HostResult]) {
    let mut t = Table::new(["HOST", "STATUS", "EXIT", "DURATION", "BYTES", "DETAIL"]);
    let mut sorted: Vec<&HostResult> = results.iter().collect();
    sorted.sort_by_key(|r| deploy::natural_key(&r.host));
    for r in sorted {
        t.row([
            r.host.clone(),
            ui.status(r.status.as_str()),
            r.exit_code.map(|c| c.to_string()).unwrap_or_default(),
            if r.status == HostStatus::Skipped {
                String::new()
            } else {
                fmt_ms(r.duration.as_millis())
            },
            r.bytes.to_string(),
            sanitize(r.reason.as_deref().unwrap_or_default()).into_owned(),
        ]);
    }
    if !ui.quiet {
        ui.print_table(&t);
    }
}

/// Live rendering of an execution. Host output is sanitized before it reaches the terminal.
struct CliObserver {
    ui: Ui,
    progress: Option<UiProgress>,
    width: usize,
}

impl CliObserver {
    fn new(ui: &Ui, plan: &Plan) -> CliObserver {
        CliObserver {
            ui: ui.clone(),
            progress: (!ui.json()).then(|| UiProgress::new(ui)),
            width: plan.hosts.iter().map(|h| h.name.len()).max().unwrap_or(0),
        }
    }

    fn done(&self) {
        if let Some(p) = &self.progress {
            p.finish("hosts", "done");
        }
    }
}

impl Observer for CliObserver {
    fn started(&self, plan_id: i64, exec_id: i64, hosts: &[String]) {
        if self.ui.json() {
            self.ui.event(&serde_json::json!({"event": "start", "plan": plan_id, "exec": exec_id, "hosts": hosts}));
        } else if let Some(p) = &self.progress {
            p.start("hosts", Some(hosts.len() as u64));
        }
    }

    fn batch(&self, number: usize, hosts: &[String]) {
        if self.ui.json() {
            self.ui
                .event(&serde_json::json!({"event": "batch", "batch": number, "hosts": hosts}));
        } else if let Some(p) = &self.progress {
            p.message(&format!("batch {number}"), &hosts.join(", "));
        }
    }

    fn line(&self, host: &str, stream: Stream, text: &str) {
        if self.ui.json() {
            self.ui.event(
                &serde_json::json!({"event": "line", "host": host, "stream": stream, "text": text}),
            );
        } else if let Some(p) = &self.progress {
            let unit = format!("{host:w$}", w = self.width);
            let text = sanitize(text);
            match stream {
                Stream::Stdout => p.message(&unit, &text),
                Stream::Stderr => p.message(&unit, &format!("[stderr] {text}")),
            }
        }
    }

    fn host_finished(&self, r: &HostResult) {
        if self.ui.json() {
            let mut v = serde_json::to_value(r).unwrap_or_default();
            v["event"] = "host".into();
            self.ui.event(&v);
        } else if let Some(p) = &self.progress {
            p.advance("hosts", 1);
            if r.status != HostStatus::Ok {
                let reason = r.reason.as_deref().map(|x| format!(" ({})", sanitize(x)));
                p.message(
                    &format!("{:w$}", r.host, w = self.width),
                    &format!("=> {}{}", r.status.as_str(), reason.unwrap_or_default()),
                );
            }
        }
    }

    fn stopping(&self, reason: &str) {
        if self.ui.json() {
            self.ui
                .event(&serde_json::json!({"event": "stopping", "reason": reason}));
        } else {
            self.ui.note(format!("stopping: {reason}"));
        }
    }
}

fn plans(ctx: &Ctx, limit: i64) -> CliResult {
    let ui = &ctx.ui;
    let out = deploy::plans(ctx.store()?, limit)?;
    if ui.json() {
        let v: Vec<_> = out
            .iter()
            .map(|(p, e)| {
                serde_json::json!({
                    "plan": p.id, "created_at": p.created_at, "selector": p.selector,
                    "hosts": p.hosts.len(), "action": p.describe(), "last_exec": e,
                })
            })
            .collect();
        ui.print_json(&v);
        return Ok(());
    }
    if out.is_empty() {
        ui.note("no plans yet; make one with `shark deploy run`");
        return Ok(());
    }
    let mut t = Table::new(["PLAN", "CREATED", "HOSTS", "SELECTOR", "ACTION", "LAST RUN"]);
    for (p, e) in &out {
        let last = match e {
            Some(e) => format!(
                "{} ({})",
                ui.status(e.status.as_str()),
                e.summary.as_ref().map(|s| s.summary.as_str()).unwrap_or("")
            ),
            None => "never".into(),
        };
        t.row([
            p.id.to_string(),
            p.created_at.clone(),
            p.hosts.len().to_string(),
            p.selector.clone(),
            p.describe(),
            last,
        ]);
    }
    ui.print_table(&t);
    Ok(())
}

fn show(ctx: &Ctx, a: ShowArgs) -> CliResult {
    let ui = &ctx.ui;
    let r = deploy::replay(
        ctx.store()?,
        a.plan,
        a.exec,
        a.host.as_deref(),
        !a.no_output,
    )?;
    if ui.json() {
        let plan = &r.plan;
        ui.print_json(&serde_json::json!({
            "plan": plan.id, "created_at": plan.created_at, "selector": plan.selector,
            "action": plan.describe(), "spec": plan.spec, "hosts": plan.hosts,
            "executions": r.executions, "exec": r.exec, "results": r.results, "output": r.output,
        }));
        return Ok(());
    }
    print_plan(ui, &r.plan);
    let Some(e) = &r.exec else {
        ui.line("  never executed; run it with `shark deploy execute PLAN`");
        return Ok(());
    };
    ui.line(format!(
        "execution {} of {}: {} (started {}{})",
        e.id,
        r.executions.len(),
        ui.status(e.status.as_str()),
        e.started_at,
        e.ended_at
            .as_ref()
            .map(|t| format!(", ended {t}"))
            .unwrap_or_default()
    ));
    print_output(ui, &r.output);
    print_stored_results(ui, &r.results);
    Ok(())
}

fn print_plan(ui: &Ui, plan: &Plan) {
    let o = &plan.spec.options;
    ui.line(format!("plan {} (created {})", plan.id, plan.created_at));
    ui.line(format!(
        "  hosts:    {} ({} host(s))",
        plan.selector,
        plan.hosts.len()
    ));
    ui.line(format!("  action:   {}", plan.describe()));
    ui.line(format!(
        "  options:  parallel {}, timeout {}, connect timeout {}s{}{}",
        o.parallel,
        o.timeout_ms
            .map(|t| humantime::format_duration(Duration::from_millis(t)).to_string())
            .unwrap_or_else(|| "none".into()),
        o.connect_timeout_ms / 1000,
        o.serial
            .map(|s| format!(", serial {s}"))
            .unwrap_or_default(),
        o.effective_max_fail()
            .map(|m| format!(", max-fail {m}"))
            .unwrap_or_default(),
    ));
}

/// Stored output lines, host-prefixed and sanitized for the terminal.
fn print_output(ui: &Ui, output: &[OutputLine]) {
    if output.is_empty() {
        return;
    }
    let w = output.iter().map(|l| l.host.len()).max().unwrap_or(0);
    ui.line("");
    for l in output {
        let mark = match l.stream {
            Stream::Stderr => "[stderr] ",
            Stream::Stdout => "",
        };
        ui.line(format!("{:w$}: {mark}{}", l.host, sanitize(&l.line)));
    }
    ui.line("");
}

fn print_stored_results(ui: &Ui, results: &[ResultRow]) {
    let mut t = Table::new([
        "HOST", "BATCH", "STATUS", "EXIT", "DURATION", "BYTES", "DETAIL",
    ]);
    let mut sorted: Vec<&ResultRow> = results.iter().collect();
    sorted.sort_by_key(|r| deploy::natural_key(&r.host));
    for r in sorted {
        t.row([
            r.host.clone(),
            r.batch.to_string(),
            ui.status(r.status.as_str()),
            r.exit_code.map(|c| c.to_string()).unwrap_or_default(),
            fmt_ms(r.duration_ms as u128),
            r.bytes.to_string(),
            format!(
                "{}{}",
                sanitize(r.reason.as_deref().unwrap_or_default()),
                if r.truncated {
                    " (output truncated)"
                } else {
                    ""
                }
            ),
        ]);
    }
    ui.print_table(&t);
}
