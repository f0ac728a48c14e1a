//! `shark es-shards status|rebalance|recovery|replication|recover|verify|drain|undrain|snapshot|ops`:
//! clap definitions and rendering; the work happens in `crate::es_shards`.

use super::Ctx;
use crate::conn::Registry;
use crate::conn::es::Client;
use crate::es_shards::cluster::Cluster;
use crate::es_shards::follow::Quiet;
use crate::es_shards::model::Recovery;
use crate::es_shards::rebalance::RebalanceOpts;
use crate::es_shards::replication::{self, IndexReplication, RULES, State};
use crate::es_shards::snapshot::{self, RestoreOpts};
use crate::es_shards::store::Ops;
use crate::es_shards::verify::{VerifyOpts, VerifyReport};
use crate::es_shards::{self as engine, EsShardsError, Follow, Observer, Wait};
use crate::exit::CliResult;
use crate::ui::{Progress, Table, Ui, UiProgress};
use clap::{Args, Subcommand, ValueEnum};
use serde_json::json;
use std::collections::HashMap;
use std::sync::Mutex;
use std::time::Duration;

const HELP: &str =
    "The cluster is an elasticsearch connection (`shark conn add es --kind elasticsearch --url \
http://HOST:9200 [--user U --secret-stdin] [-O auth=apikey|bearer]`): --conn NAME, else the only \
elasticsearch connection. Elasticsearch 7.x/8.x and OpenSearch 2.x are detected from `GET /`.

Every verb that changes the cluster (rebalance, recover, drain, undrain, snapshot) records the \
change with the values before and after in the state file: `shark es-shards ops` lists them and \
`rebalance --restore` puts the last rebalance's previous settings back.

Long verbs (rebalance, recover, drain, recovery/replication --watch, snapshot create/restore) show \
per-shard progress bars on a terminal, print NDJSON events with -o json (the last line is \
{\"event\":\"done\",...}), stop at --timeout (exit 4, changes stay) or at Ctrl-C (exit 130).";

/// `shark es-shards --help` epilogue: usage notes, the replication rules, the exit codes.
pub fn long_help() -> String {
    format!(
        "{HELP}\n\nreplication states:\n{RULES}\n\n{}",
        crate::exit::EXIT_CODES_HELP
    )
}

#[derive(Debug, Args)]
pub struct EsShardsArgs {
    /// The elasticsearch connection (default: the only one)
    #[arg(long, global = true, value_name = "NAME")]
    pub conn: Option<String>,
    #[command(subcommand)]
    pub cmd: EsCmd,
}

#[derive(Debug, Clone, Args)]
pub struct WaitArgs {
    /// Give up waiting after this long (exit 4; what was applied stays)
    #[arg(long, default_value = "30m", value_parser = humantime::parse_duration)]
    pub timeout: Duration,
    /// Poll interval
    #[arg(long, default_value = "2s", value_parser = humantime::parse_duration)]
    pub interval: Duration,
}

impl WaitArgs {
    fn wait(&self) -> Wait {
        Wait {
            timeout: self.timeout,
            interval: self.interval,
        }
    }
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum Health {
    Yellow,
    Red,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum ReplFailOn {
    /// Exit 1 when an index is degraded or failed
    Degraded,
    /// Exit 1 only when an index is failed
    Failed,
}

#[derive(Debug, Subcommand)]
pub enum EsCmd {
    /// Cluster health, nodes with shard counts, unassigned shards with the allocation-explain reason
    Status {
        /// Exit 1 when the cluster is at least this bad
        #[arg(long, value_enum)]
        fail_on: Option<Health>,
    },
    /// Apply allocation/rebalance settings (previous values recorded), optionally submit balancing moves, follow recoveries
    Rebalance(RebalanceArgs),
    /// Shard recoveries in flight (type, stage, source → target, bytes and files %)
    Recovery {
        /// Follow until no recovery is active
        #[arg(long)]
        watch: bool,
        /// Include finished recoveries
        #[arg(long)]
        all: bool,
        #[command(flatten)]
        wait: WaitArgs,
    },
    /// Per index healthy / syncing / degraded / failed with progress % (rules in --help)
    #[command(after_long_help = RULES)]
    Replication {
        /// Index name or pattern (default: all)
        index: Option<String>,
        /// Follow until every index is healthy
        #[arg(long)]
        watch: bool,
        /// Exit 1 when an index is in this state or worse
        #[arg(long, value_enum)]
        fail_on: Option<ReplFailOn>,
        #[command(flatten)]
        wait: WaitArgs,
    },
    /// Enable allocation, retry failed allocations (retry_failed), follow, explain what is still unassigned (exit 1 if any)
    Recover {
        #[command(flatten)]
        wait: WaitArgs,
    },
    /// Compare each replica's doc count and size with its primary's, per shard; exit 1 on a count mismatch
    #[command(after_long_help = VERIFY_HELP)]
    Verify(VerifyArgs),
    /// Exclude a node from allocation and wait until it holds no shard
    Drain {
        /// Node name
        node: String,
        /// Apply the exclusion and return without waiting
        #[arg(long)]
        no_wait: bool,
        #[command(flatten)]
        wait: WaitArgs,
    },
    /// Remove a node from the allocation exclusion list
    Undrain {
        /// Node name
        node: String,
    },
    /// Snapshots in a shared-filesystem (fs) repository
    #[command(subcommand)]
    Snapshot(SnapshotCmd),
    /// Cluster changes recorded by es-shards, newest first, with the values before and after
    Ops {
        /// Entries to list
        #[arg(short = 'n', long, default_value_t = 20)]
        limit: i64,
    },
}

const VERIFY_HELP: &str = "Counts: `_cat/shards` docs, and a `_count` pinned to each copy with \
preference=_shards:N|_only_nodes:NODE. A replica whose count differs from its primary's is \
re-read --rounds times, --pause apart; only a difference that persists is a mismatch, since writes \
in flight make copies differ for a moment (for a definitive answer, block writes first: \
index.blocks.write=true). Store sizes differ legitimately (merges, deleted docs): a gap over \
--size-tolerance % is a warning, not a mismatch. Unassigned or initializing replicas are listed \
as not compared (see `replication`).";

#[derive(Debug, Args)]
pub struct VerifyArgs {
    /// Index name
    pub index: String,
    /// Reads of a differing copy before it counts as a mismatch
    #[arg(long, default_value_t = 3)]
    pub rounds: u32,
    /// Pause between reads
    #[arg(long, default_value = "1s", value_parser = humantime::parse_duration)]
    pub pause: Duration,
    /// Store size gap (%) reported as a warning
    #[arg(long, default_value_t = 20.0)]
    pub size_tolerance: f64,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum Allocation {
    All,
    Primaries,
    NewPrimaries,
    None,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum Rebalance {
    All,
    Primaries,
    Replicas,
    None,
}

#[derive(Debug, Args)]
pub struct RebalanceArgs {
    /// cluster.routing.allocation.enable
    #[arg(long, value_enum, default_value = "all")]
    pub allocation: Allocation,
    /// cluster.routing.rebalance.enable
    #[arg(long, value_enum, default_value = "all")]
    pub rebalance: Rebalance,
    /// cluster.routing.allocation.cluster_concurrent_rebalance
    #[arg(long, value_name = "N")]
    pub concurrent: Option<u32>,
    /// cluster.routing.allocation.node_concurrent_recoveries
    #[arg(long, value_name = "N")]
    pub node_recoveries: Option<u32>,
    /// indices.recovery.max_bytes_per_sec, e.g. 100mb
    #[arg(long, value_name = "RATE")]
    pub max_bytes_per_sec: Option<String>,
    /// Also compute balancing moves (fullest → emptiest node) and submit them as a reroute
    #[arg(long)]
    pub plan: bool,
    /// At most this many planned moves
    #[arg(long, default_value_t = 10)]
    pub max_moves: usize,
    /// Print the settings and the plan with the cluster's decisions (reroute dry_run); change nothing
    #[arg(long)]
    pub dry_run: bool,
    /// Apply and return without following recoveries
    #[arg(long)]
    pub no_wait: bool,
    /// Put back the settings the last rebalance replaced, and stop
    #[arg(long, conflicts_with_all = ["plan", "dry_run", "concurrent", "node_recoveries", "max_bytes_per_sec"])]
    pub restore: bool,
    #[command(flatten)]
    pub wait: WaitArgs,
}

#[derive(Debug, Subcommand)]
pub enum SnapshotCmd {
    /// Take a snapshot and follow it to the end (registers an fs repository with --location)
    Create {
        /// Snapshot name
        name: String,
        /// Repository name
        #[arg(long)]
        repo: String,
        /// Register the repository as type fs at this path (must be in path.repo on every node)
        #[arg(long, value_name = "PATH")]
        location: Option<String>,
        /// Indices (comma-separated; default all, with the cluster state)
        #[arg(long)]
        indices: Option<String>,
        #[command(flatten)]
        wait: WaitArgs,
    },
    /// Snapshots in a repository
    List {
        /// Repository name
        #[arg(long)]
        repo: String,
    },
    /// Restore a snapshot and follow the recoveries
    Restore {
        /// Snapshot name
        name: String,
        /// Repository name
        #[arg(long)]
        repo: String,
        /// Indices to restore (comma-separated; default all in the snapshot)
        #[arg(long)]
        indices: Option<String>,
        /// Regex on index names, e.g. "(.+)"
        #[arg(long, requires = "rename_replacement")]
        rename_pattern: Option<String>,
        /// Replacement, e.g. "restored-$1"
        #[arg(long, requires = "rename_pattern")]
        rename_replacement: Option<String>,
        #[command(flatten)]
        wait: WaitArgs,
    },
}

impl EsShardsArgs {
    pub fn verb(&self) -> &'static str {
        match &self.cmd {
            EsCmd::Status { .. } => "status",
            EsCmd::Rebalance(_) => "rebalance",
            EsCmd::Recovery { .. } => "recovery",
            EsCmd::Replication { .. } => "replication",
            EsCmd::Recover { .. } => "recover",
            EsCmd::Verify(_) => "verify",
            EsCmd::Drain { .. } => "drain",
            EsCmd::Undrain { .. } => "undrain",
            EsCmd::Snapshot(SnapshotCmd::Create { .. }) => "snapshot create",
            EsCmd::Snapshot(SnapshotCmd::List { .. }) => "snapshot list",
            EsCmd::Snapshot(SnapshotCmd::Restore { .. }) => "snapshot restore",
            EsCmd::Ops { .. } => "ops",
        }
    }

    /// What the run is about, for the history: the node, index or snapshot; else the connection.
    pub fn target(&self) -> Option<String> {
        match &self.cmd {
            EsCmd::Drain { node, .. } | EsCmd::Undrain { node } => Some(node.clone()),
            EsCmd::Verify(a) => Some(a.index.clone()),
            EsCmd::Replication { index: Some(i), .. } => Some(i.clone()),
            EsCmd::Snapshot(SnapshotCmd::Create { name, repo, .. })
            | EsCmd::Snapshot(SnapshotCmd::Restore { name, repo, .. }) => {
                Some(format!("{repo}/{name}"))
            }
            _ => self.conn.clone(),
        }
    }
}

pub async fn run(args: EsShardsArgs, ctx: &Ctx) -> CliResult {
    let store = ctx.store()?;
    let ops = Ops::new(store);
    if let EsCmd::Ops { limit } = &args.cmd {
        return list_ops(ctx, &ops, args.conn.as_deref(), *limit);
    }
    let reg = Registry::new(store, &ctx.config);
    let client = engine::connect(&reg, args.conn.as_deref()).await?;
    tracing::info!(server = %client.server.label(), "connected");
    match args.cmd {
        EsCmd::Status { fail_on } => status(ctx, &client, fail_on).await,
        EsCmd::Rebalance(a) => rebalance(ctx, &client, &ops, a).await,
        EsCmd::Recovery { watch, all, wait } => recovery(ctx, &client, watch, all, &wait).await,
        EsCmd::Replication {
            index,
            watch,
            fail_on,
            wait,
        } => replication_cmd(ctx, &client, index.as_deref(), watch, fail_on, &wait).await,
        EsCmd::Recover { wait } => recover(ctx, &client, &ops, &wait).await,
        EsCmd::Verify(a) => verify(ctx, &client, a).await,
        EsCmd::Drain {
            node,
            no_wait,
            wait,
        } => drain(ctx, &client, &ops, &node, no_wait, &wait).await,
        EsCmd::Undrain { node } => {
            let r = engine::drain::undrain(&client, &ops, &node).await?;
            if ctx.ui.json() {
                ctx.ui.print_json(&r);
            } else {
                ctx.ui.line(format!(
                    "{node} undrained; excluded nodes now: [{}]",
                    r.excluded.join(",")
                ));
            }
            Ok(())
        }
        EsCmd::Snapshot(s) => snapshot_cmd(ctx, &client, &ops, s).await,
        EsCmd::Ops { .. } => Ok(()),
    }
}

/// Per-shard bars on a terminal, NDJSON events with -o json, lines otherwise.
struct CliObserver {
    ui: Ui,
    progress: UiProgress,
    shown: Mutex<HashMap<String, (String, u64)>>,
    /// Other units (snapshots): done so far.
    units: Mutex<HashMap<String, u64>>,
}

impl CliObserver {
    fn new(ui: &Ui) -> CliObserver {
        CliObserver {
            ui: ui.clone(),
            progress: UiProgress::new(ui),
            shown: Mutex::new(HashMap::new()),
            units: Mutex::new(HashMap::new()),
        }
    }
}

fn unit(r: &Recovery) -> String {
    format!("{} {}→{}", r.key(), r.source, r.target)
}

impl Observer for CliObserver {
    fn recoveries(&self, active: &[Recovery]) {
        let mut shown = self.shown.lock().unwrap_or_else(|p| p.into_inner());
        let json = self.ui.json();
        for r in active {
            let u = unit(r);
            let pct = r.bytes_percent.round() as u64;
            let line = format!(
                "{} {} {:.1}% bytes, {}/{} files",
                r.kind, r.stage, r.bytes_percent, r.files_recovered, r.files_total
            );
            // on a terminal the bar shows bytes %; a line above the bars marks each new stage
            let new_stage = shown
                .get(&u)
                .is_none_or(|(l, _)| !l.starts_with(&format!("{} {} ", r.kind, r.stage)));
            match shown.get(&u) {
                Some((l, _)) if *l == line => continue,
                Some((_, old)) if !json => {
                    self.progress.advance(&u, pct.saturating_sub(*old));
                }
                Some(_) => {}
                None if !json => {
                    self.progress.start(&u, Some(100));
                    self.progress.advance(&u, pct);
                }
                None => {}
            }
            if json {
                self.ui.event(&json!({"event": "recovery", "recovery": r}));
            } else if !self.ui.bars() || new_stage {
                self.progress.message(&u, &line);
            }
            shown.insert(u, (line, pct));
        }
        let gone: Vec<String> = shown
            .keys()
            .filter(|k| !active.iter().any(|r| unit(r) == **k))
            .cloned()
            .collect();
        for u in gone {
            shown.remove(&u);
            if json {
                self.ui.event(&json!({"event": "recovery_done", "unit": u}));
            } else {
                self.progress.finish(&u, "done");
                if !self.ui.bars() {
                    self.progress.message(&u, "done");
                }
            }
        }
    }

    fn progress(&self, unit: &str, done: u64, total: u64, line: &str) {
        if self.ui.json() {
            self.ui.event(&json!({"event": "progress", "unit": unit, "done": done, "total": total, "text": line}));
            return;
        }
        let mut units = self.units.lock().unwrap_or_else(|p| p.into_inner());
        match units.get(unit) {
            Some(old) => self.progress.advance(unit, done.saturating_sub(*old)),
            None => {
                self.progress.start(unit, Some(total));
                self.progress.advance(unit, done);
            }
        }
        units.insert(unit.to_string(), done);
        if !self.ui.bars() {
            self.progress.message(unit, line);
        }
        if done >= total {
            units.remove(unit);
            self.progress.finish(unit, "done");
        }
    }

    fn note(&self, text: &str) {
        if self.ui.json() {
            self.ui.event(&json!({"event": "note", "text": text}));
        } else {
            self.ui.note(text);
        }
    }
}

fn done_event<T: serde::Serialize>(ui: &Ui, report: &T) {
    ui.event(&json!({"event": "done", "report": report}));
}

async fn status(ctx: &Ctx, client: &Client, fail_on: Option<Health>) -> CliResult {
    let s = engine::status::status(client).await?;
    let ui = &ctx.ui;
    if ui.json() {
        ui.print_json(&s);
    } else {
        let h = &s.health;
        ui.line(format!(
            "{} ({}): {} — {} node(s), {} active / {} relocating / {} initializing / {} unassigned shard(s)",
            h.cluster_name,
            s.server.label(),
            ui.status(&h.status),
            h.number_of_nodes,
            h.active_shards,
            h.relocating_shards,
            h.initializing_shards,
            h.unassigned_shards
        ));
        let mut t = Table::new([
            "NODE",
            "ROLES",
            "MASTER",
            "SHARDS",
            "PRIMARIES",
            "MOVING",
            "EXCLUDED",
        ]);
        for n in &s.nodes {
            t.row([
                n.name.clone(),
                n.roles.clone(),
                if n.master { "*" } else { "" }.into(),
                n.shards.to_string(),
                n.primaries.to_string(),
                format!("{} out, {} in", n.relocating_away, n.initializing),
                if n.excluded { "yes" } else { "" }.into(),
            ]);
        }
        ui.print_table(&t);
        print_unassigned(ui, &s.unassigned);
        if let Some(n) = &s.note {
            ui.note(n);
        }
    }
    let bad = matches!(
        (fail_on, s.health.status.as_str()),
        (Some(Health::Yellow), "yellow" | "red") | (Some(Health::Red), "red")
    );
    if bad {
        return Err(EsShardsError::Problems(format!("cluster is {}", s.health.status)).into());
    }
    Ok(())
}

async fn rebalance(ctx: &Ctx, client: &Client, ops: &Ops<'_>, a: RebalanceArgs) -> CliResult {
    let ui = &ctx.ui;
    if a.restore {
        let r = engine::rebalance::restore(client, ops).await?;
        if ui.json() {
            ui.print_json(&r);
        } else if let Some(id) = r.op_id {
            ui.line(format!(
                "restored the settings of before op {} ({}) (op {id}): {}",
                r.restored_op, r.restored_outcome, r.after
            ));
        } else {
            ui.line(format!(
                "op {} ({}): nothing to put back, the cluster has the settings of before it",
                r.restored_op, r.restored_outcome
            ));
        }
        return Ok(());
    }
    let o = RebalanceOpts {
        allocation: value_name(a.allocation),
        rebalance: value_name(a.rebalance),
        concurrent: a.concurrent,
        node_recoveries: a.node_recoveries,
        max_bytes_per_sec: a.max_bytes_per_sec,
        plan_moves: a.plan.then_some(a.max_moves),
        dry_run: a.dry_run,
        wait: (!a.no_wait).then(|| a.wait.wait()),
    };
    let obs = CliObserver::new(ui);
    let cancel = if a.dry_run || a.no_wait {
        crate::cancel::Cancel::new()
    } else {
        ctx.cancel()
    };
    let r = engine::rebalance::rebalance(client, ops, &o, &cancel, &obs).await?;
    if ui.json() {
        done_event(ui, &r);
        return Ok(());
    }
    let verb = if r.dry_run { "would set" } else { "set" };
    ui.line(format!(
        "{verb}: {}  (was: {})",
        r.settings_after, r.settings_before
    ));
    if !r.plan.is_empty() {
        let mut t = Table::new(["MOVE", "FROM", "TO", "DECISION"]);
        for (i, m) in r.plan.iter().enumerate() {
            let d = r
                .decisions
                .get(i)
                .and_then(|e| e.decisions.first())
                .map(|d| format!("{} {}: {}", d.decider, d.decision, d.explanation))
                .unwrap_or_default();
            t.row([
                format!(
                    "{}[{}]{}",
                    m.index,
                    m.shard,
                    if m.primary { "p" } else { "r" }
                ),
                m.from_node.clone(),
                m.to_node.clone(),
                d,
            ]);
        }
        ui.print_table(&t);
    }
    if let Some(h) = &r.health {
        ui.line(format!(
            "settled: {} shard recover(ies) followed; cluster {}",
            r.recoveries_seen,
            ui.status(&h.status)
        ));
    }
    Ok(())
}

fn value_name<T: ValueEnum>(v: T) -> String {
    v.to_possible_value()
        .map(|p| p.get_name().replace('-', "_"))
        .unwrap_or_default()
}

fn recovery_table(ui: &Ui, rows: &[Recovery]) {
    let mut t = Table::new([
        "SHARD",
        "TYPE",
        "STAGE",
        "SOURCE → TARGET",
        "BYTES",
        "FILES",
        "TRANSLOG",
    ]);
    for r in rows {
        t.row([
            r.key(),
            r.kind.clone(),
            r.stage.clone(),
            format!("{} → {}", r.source, r.target),
            format!("{:.1}% of {}", r.bytes_percent, r.bytes_total),
            format!("{}/{}", r.files_recovered, r.files_total),
            r.translog_percent
                .map(|p| format!("{p:.1}%"))
                .unwrap_or_default(),
        ]);
    }
    ui.print_table(&t);
}

async fn recovery(ctx: &Ctx, client: &Client, watch: bool, all: bool, w: &WaitArgs) -> CliResult {
    let ui = &ctx.ui;
    if !watch {
        let rows = client.recoveries(!all).await?;
        if ui.json() {
            ui.print_json(&rows);
        } else if rows.is_empty() {
            ui.line("no shard recovery in flight");
        } else {
            recovery_table(ui, &rows);
        }
        return Ok(());
    }
    let obs = CliObserver::new(ui);
    let cancel = ctx.cancel();
    let f = Follow {
        wait: w.wait(),
        cancel: &cancel,
        obs: &obs,
    };
    let last = engine::follow::until(
        client,
        &f,
        false,
        "recovery watch",
        "recoveries are still running",
        |p| p.settled(),
    )
    .await?;
    if ui.json() {
        done_event(ui, &json!({"health": last.health}));
    } else {
        ui.line(format!(
            "no recovery in flight; cluster {}",
            ui.status(&last.health.status)
        ));
    }
    Ok(())
}

fn replication_table(ui: &Ui, rows: &[IndexReplication]) {
    let mut t = Table::new([
        "INDEX",
        "STATUS",
        "PROGRESS",
        "COPIES",
        "INIT",
        "RELOC",
        "UNASSIGNED",
        "WHY",
    ]);
    for r in rows {
        t.row([
            r.index.clone(),
            ui.status(r.status.as_str()),
            format!("{:.1}%", r.progress),
            format!("{}/{}", r.active, r.copies),
            r.initializing.to_string(),
            r.relocating.to_string(),
            r.unassigned.to_string(),
            r.detail.join(", "),
        ]);
    }
    ui.print_table(&t);
}

async fn replication_cmd(
    ctx: &Ctx,
    client: &Client,
    index: Option<&str>,
    watch: bool,
    fail_on: Option<ReplFailOn>,
    w: &WaitArgs,
) -> CliResult {
    let ui = &ctx.ui;
    let rows = if watch {
        let cancel = ctx.cancel();
        let f = Follow {
            wait: w.wait(),
            cancel: &cancel,
            obs: &Quiet,
        };
        let mut show = |rows: &[IndexReplication]| {
            if ui.json() {
                ui.event(&json!({"event": "replication", "indices": rows}));
            } else {
                replication_table(ui, rows);
                ui.line("");
            }
        };
        let rows = replication::watch(client, index, &f, &mut show).await?;
        if ui.json() {
            done_event(ui, &rows);
        }
        rows
    } else {
        let rows = replication::replication(client, index).await?;
        if ui.json() {
            ui.print_json(&rows);
        } else {
            replication_table(ui, &rows);
        }
        rows
    };
    let worst = rows
        .iter()
        .map(|r| r.status)
        .max()
        .unwrap_or(State::Healthy);
    let bad = match fail_on {
        Some(ReplFailOn::Degraded) => worst >= State::Degraded,
        Some(ReplFailOn::Failed) => worst >= State::Failed,
        None => false,
    };
    if bad {
        return Err(EsShardsError::Problems(format!("an index is {}", worst.as_str())).into());
    }
    Ok(())
}

async fn recover(ctx: &Ctx, client: &Client, ops: &Ops<'_>, w: &WaitArgs) -> CliResult {
    let ui = &ctx.ui;
    let obs = CliObserver::new(ui);
    let cancel = ctx.cancel();
    let f = Follow {
        wait: w.wait(),
        cancel: &cancel,
        obs: &obs,
    };
    let r = engine::recover::recover(client, ops, &f).await?;
    if ui.json() {
        done_event(ui, &r);
    } else {
        ui.line(format!(
            "retried {} failed allocation(s); {} recover(ies) followed; cluster {} with {} unassigned cop(ies)",
            r.failed_before,
            r.recoveries_seen,
            ui.status(&r.health.status),
            r.health.unassigned_shards
        ));
        print_unassigned(ui, &r.still_unassigned);
    }
    match r.problems() {
        Some(p) => Err(EsShardsError::Problems(p).into()),
        None => Ok(()),
    }
}

async fn verify(ctx: &Ctx, client: &Client, a: VerifyArgs) -> CliResult {
    let ui = &ctx.ui;
    let o = VerifyOpts {
        rounds: a.rounds.max(1),
        pause: a.pause,
        size_tolerance: a.size_tolerance,
    };
    let r = engine::verify::verify(client, &a.index, &o, &ctx.cancel()).await?;
    if ui.json() {
        ui.print_json(&r);
    } else {
        verify_table(ui, &r);
    }
    match r.problems() {
        Some(p) => Err(EsShardsError::Problems(p).into()),
        None => Ok(()),
    }
}

fn verify_table(ui: &Ui, r: &VerifyReport) {
    let n = |v: Option<u64>| v.map(|x| x.to_string()).unwrap_or_else(|| "-".into());
    let mut t = Table::new([
        "SHARD",
        "PRIMARY",
        "P DOCS/COUNT",
        "P SIZE",
        "REPLICA",
        "R DOCS/COUNT",
        "R SIZE",
        "VERDICT",
    ]);
    for s in &r.shards {
        for c in &s.replicas {
            t.row([
                format!("{}[{}]", s.index, s.shard),
                s.primary_node.clone().unwrap_or_else(|| "-".into()),
                format!("{}/{}", n(s.primary_docs), n(s.primary_count)),
                n(s.primary_store),
                c.node.clone().unwrap_or_else(|| "-".into()),
                format!("{}/{}", n(c.docs), n(c.count)),
                n(c.store),
                ui.status(if c.verdict == "mismatch" {
                    "FAIL"
                } else {
                    &c.verdict
                }),
            ]);
        }
    }
    ui.print_table(&t);
    ui.line(format!(
        "{}: {} mismatch(es), {} size warning(s), {} cop(ies) not compared{}",
        r.index,
        r.mismatches,
        r.size_warnings,
        r.not_compared,
        match r.write_blocked {
            Some(true) => "; writes are blocked, counts are stable",
            Some(false) => "; the index accepts writes: differences were re-read before counting",
            None => "",
        }
    ));
}

async fn drain(
    ctx: &Ctx,
    client: &Client,
    ops: &Ops<'_>,
    node: &str,
    no_wait: bool,
    w: &WaitArgs,
) -> CliResult {
    let ui = &ctx.ui;
    let obs = CliObserver::new(ui);
    let cancel = if no_wait {
        crate::cancel::Cancel::new()
    } else {
        ctx.cancel()
    };
    let wait = (!no_wait).then(|| w.wait());
    let r = engine::drain::drain(client, ops, node, wait, &cancel, &obs).await?;
    if ui.json() {
        done_event(ui, &r);
    } else if r.shards_left == Some(0) {
        ui.line(format!(
            "{node} drained: {} shard cop(ies) moved away; it stays excluded until `shark es-shards undrain {node}`",
            r.shards_before
        ));
    } else {
        ui.line(format!(
            "{node} excluded; {} shard cop(ies) to move (not waiting)",
            r.shards_before
        ));
    }
    Ok(())
}

async fn snapshot_cmd(ctx: &Ctx, client: &Client, ops: &Ops<'_>, s: SnapshotCmd) -> CliResult {
    let ui = &ctx.ui;
    let obs = CliObserver::new(ui);
    match s {
        SnapshotCmd::List { repo } => snapshot_list(ui, client, &repo).await?,
        SnapshotCmd::Create {
            name,
            repo,
            location,
            indices,
            wait,
        } => {
            snapshot::ensure_repo(client, ops, &repo, location.as_deref(), &obs).await?;
            let cancel = ctx.cancel();
            let f = Follow {
                wait: wait.wait(),
                cancel: &cancel,
                obs: &obs,
            };
            let r = snapshot::create(client, ops, &repo, &name, indices.as_deref(), &f).await?;
            if ui.json() {
                done_event(ui, &r);
            } else {
                ui.line(format!(
                    "snapshot {repo}/{name}: {} ({} indices, {} shards)",
                    r.snapshot.state,
                    r.snapshot.indices.len(),
                    r.snapshot.shards.as_ref().map(|s| s.total).unwrap_or(0)
                ));
            }
        }
        SnapshotCmd::Restore {
            name,
            repo,
            indices,
            rename_pattern,
            rename_replacement,
            wait,
        } => {
            let o = RestoreOpts {
                indices,
                rename_pattern,
                rename_replacement,
            };
            let cancel = ctx.cancel();
            let f = Follow {
                wait: wait.wait(),
                cancel: &cancel,
                obs: &obs,
            };
            let r = snapshot::restore(client, ops, &repo, &name, &o, &f).await?;
            if ui.json() {
                done_event(ui, &r);
            } else {
                ui.line(format!(
                    "restored {repo}/{name}: {} shard recover(ies) followed; cluster {}",
                    r.recoveries_seen,
                    ui.status(&r.health.status)
                ));
            }
        }
    }
    Ok(())
}

async fn snapshot_list(ui: &Ui, client: &Client, repo: &str) -> CliResult {
    let list = snapshot::list(client, repo).await?;
    if ui.json() {
        ui.print_json(&list);
        return Ok(());
    }
    let mut t = Table::new([
        "SNAPSHOT", "STATE", "INDICES", "SHARDS", "START", "DURATION",
    ]);
    for s in &list {
        t.row([
            s.snapshot.clone(),
            s.state.clone(),
            s.indices.join(","),
            s.shards
                .as_ref()
                .map(|x| format!("{}/{} ok", x.successful, x.total))
                .unwrap_or_default(),
            s.start_time.clone().unwrap_or_default(),
            s.duration_in_millis
                .map(|d| format!("{:.1}s", d as f64 / 1000.0))
                .unwrap_or_default(),
        ]);
    }
    ui.print_table(&t);

    Ok(())
}

fn list_ops(ctx: &Ctx, ops: &Ops<'_>, conn: Option<&str>, limit: i64) -> CliResult {
    let rows = ops.list(conn, limit)?;
    if ctx.ui.json() {
        ctx.ui.print_json(&rows);
        return Ok(());
    }
    let mut t = Table::new([
        "ID", "STARTED", "CONN", "OP", "TARGET", "OUTCOME", "BEFORE", "AFTER",
    ]);
    for o in &rows {
        t.row([
            o.id.to_string(),
            o.started_at.clone(),
            o.conn.clone(),
            o.op.clone(),
            o.target.clone().unwrap_or_default(),
            match o.restored_by {
                Some(0) => format!("{} (restored: nothing to put back)", o.outcome),
                Some(by) => format!("{} (restored by {by})", o.outcome),
                None => o.outcome.clone(),
            },
            o.before.to_string(),
            o.after.as_ref().map(|a| a.to_string()).unwrap_or_default(),
        ]);
    }
    ctx.ui.print_table(&t);
    Ok(())
}

/// Unassigned shard copies with the reason the cluster gives (nothing when there are none).
fn print_unassigned(ui: &Ui, rows: &[crate::es_shards::status::UnassignedRow]) {
    if rows.is_empty() {
        return;
    }
    let mut t = Table::new(["UNASSIGNED", "COPY", "WHY"]);
    for u in rows {
        t.row([
            format!("{}[{}]", u.index, u.shard),
            if u.primary { "primary" } else { "replica" }.into(),
            u.reason.clone(),
        ]);
    }
    ui.print_table(&t);
}
