//! `shark zk status|ls|tree|get|set|create|rm|node|audit|files|workload`: clap definitions
//! and rendering; the work happens in `crate::zk`.

use super::Ctx;
use crate::conn::Registry;
use crate::exit::{Interrupted, Problems};
use crate::state::{Lease, RunHandle};
use crate::ui::{NoProgress, Progress, Table, UiProgress};
use crate::zk::ensemble::{self, Snapshot, Verdict};
use crate::zk::files::{Files, rebalance};
use crate::zk::nodes::{self, Action};
use crate::zk::settings::ZkConfig;
use crate::zk::target::{self, Target};
use crate::zk::{ZkError, workload, znode};
use clap::{Args, Subcommand, ValueEnum};
use std::path::PathBuf;
use std::time::Duration;

const ZK_HELP: &str = "The ensemble is a zookeeper connection (`shark conn add zk --kind zookeeper --url \
h1:2181,h2:2181,h3:2181 -O admin_ports=8080,8080,8080`): --conn NAME, else `conn` in the [zk] config \
section, else the only zookeeper connection.

Nodes (for `node` and `files`) are declared in the config file:
  [zk]
  files_root = \"/shark/files\"   # metadata znodes of `zk files`
  threshold = 5                  # rebalance when max - min load score exceeds this
  [zk.load]                      # load score = files*count + mib*MiB + connections*conns + latency_ms*avg ms
  files = 1.0
  mib = 1.0
  connections = 0.5
  latency_ms = 0.1
  [zk.nodes.zk1]
  member = \"10.0.0.1:2181\"       # this node's ZooKeeper member (status, load score)
  storage = \"/srv/shark/files\"   # local directory holding this node's files
  start = \"systemctl start zookeeper\"
  stop = \"systemctl stop zookeeper\"
  restart = \"systemctl restart zookeeper\"   # optional: default stop && start
Commands run in a local `sh -c` with SHARK_ZK_NODE, SHARK_ZK_MEMBER, SHARK_ZK_ACTION set (use \
`ssh HOST ...` inside them for remote nodes; built-in SSH is not wired yet). Storage directories are \
local paths (SSH/SFTP storage is not wired yet).";

/// `shark zk --help` epilogue: configuration, then the exit codes.
pub fn long_help() -> String {
    format!("{ZK_HELP}\n\n{}", crate::exit::EXIT_CODES_HELP)
}

#[derive(Debug, Args)]
pub struct ZkArgs {
    /// The zookeeper connection (default: [zk] conn, else the only zookeeper connection)
    #[arg(long, global = true, value_name = "NAME")]
    pub conn: Option<String>,
    #[command(subcommand)]
    pub cmd: ZkCmd,
}

#[derive(Debug, Subcommand)]
pub enum ZkCmd {
    /// Every member's mode, zxid, connections, latency, znodes, watches, synced followers, and the verdict; exit 1 with --fail-on
    Status(StatusArgs),
    /// List a znode's children with versions and sizes
    Ls {
        /// Znode path
        #[arg(default_value = "/")]
        path: String,
    },
    /// Show a znode and its descendants
    Tree {
        /// Znode path
        #[arg(default_value = "/")]
        path: String,
        /// Levels below PATH to show
        #[arg(long)]
        depth: Option<usize>,
    },
    /// Print a znode's data and stat
    Get {
        /// Znode path
        path: String,
    },
    /// Set a znode's data; with --version only if it still has that version
    #[command(disable_version_flag = true)]
    Set(SetArgs),
    /// Create a znode (persistent unless --ephemeral/--sequential/--container)
    Create(CreateArgs),
    /// Delete a znode; --recursive also deletes its descendants; --version makes it conditional
    #[command(disable_version_flag = true)]
    Rm {
        /// Znode path
        path: String,
        /// Delete only if the znode has this version
        #[arg(long)]
        version: Option<i32>,
        /// Delete the descendants too
        #[arg(long)]
        recursive: bool,
    },
    /// Start, stop or restart a node with its configured command; audited with before/after snapshots
    #[command(subcommand)]
    Node(NodeCmd),
    /// List node-control audit entries (with --id: one entry with both ensemble snapshots)
    Audit {
        /// Only this node
        #[arg(long)]
        node: Option<String>,
        /// Show one entry in full
        #[arg(long)]
        id: Option<i64>,
        /// Entries to list
        #[arg(long, default_value_t = 20)]
        limit: i64,
    },
    /// Files on the nodes' storage, placed and rebalanced by load
    #[command(subcommand)]
    Files(FilesCmd),
    /// Bounded demo traffic: znodes, extra sessions, demo files (-o json: NDJSON, last line a summary)
    Workload(WorkloadArgs),
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum FailOn {
    /// Exit 1 when the verdict is degraded or lost
    Degraded,
    /// Exit 1 only when the quorum is lost
    Lost,
}

#[derive(Debug, Args)]
pub struct StatusArgs {
    /// Refresh until Ctrl-C (NDJSON, one snapshot per line, with -o json)
    #[arg(long)]
    pub watch: bool,
    /// Refresh interval with --watch
    #[arg(long, default_value = "2s", value_parser = humantime::parse_duration)]
    pub interval: Duration,
    /// Stop --watch after this many snapshots
    #[arg(long)]
    pub count: Option<u64>,
    /// Exit 1 when the (last) verdict is at least this bad
    #[arg(long, value_enum)]
    pub fail_on: Option<FailOn>,
}

#[derive(Debug, Args)]
pub struct DataArgs {
    /// Data (UTF-8 text)
    pub data: Option<String>,
    /// Read the data from this file instead
    #[arg(long, conflicts_with = "data", value_name = "PATH")]
    pub from_file: Option<PathBuf>,
}

impl DataArgs {
    fn bytes(&self) -> crate::exit::CliResult<Vec<u8>> {
        if let Some(p) = &self.from_file {
            return std::fs::read(p)
                .map_err(|e| ZkError::Usage(format!("cannot read {}: {e}", p.display())).into());
        }
        Ok(self.data.clone().unwrap_or_default().into_bytes())
    }
}

#[derive(Debug, Args)]
pub struct SetArgs {
    /// Znode path
    pub path: String,
    #[command(flatten)]
    pub data: DataArgs,
    /// Set only if the znode has this version (from `zk get`)
    #[arg(long)]
    pub version: Option<i32>,
}

#[derive(Debug, Args)]
pub struct CreateArgs {
    /// Znode path (with --sequential, the prefix of the created name)
    pub path: String,
    #[command(flatten)]
    pub data: DataArgs,
    /// Ephemeral: deleted when this command's session ends, i.e. right after it exits
    #[arg(long)]
    pub ephemeral: bool,
    /// Append a 10-digit sequence number to the name
    #[arg(long)]
    pub sequential: bool,
    /// Container: the server deletes it once its last child is gone
    #[arg(long)]
    pub container: bool,
    /// Create missing parents (persistent)
    #[arg(short, long)]
    pub parents: bool,
}

#[derive(Debug, Subcommand)]
pub enum NodeCmd {
    /// Run the node's start command and wait until it serves
    Start(NodeArgs),
    /// Run the node's stop command and wait until the ensemble settles without it
    Stop(NodeArgs),
    /// Run the node's restart command (default: stop && start) and wait until it serves
    Restart(NodeArgs),
    /// List the nodes declared under [zk.nodes.NAME]
    List,
}

#[derive(Debug, Args)]
pub struct NodeArgs {
    /// Node name ([zk.nodes.NAME])
    pub node: String,
    /// How long to wait for the ensemble to settle (default [zk] settle_timeout, 60s)
    #[arg(long, value_parser = humantime::parse_duration)]
    pub timeout: Option<Duration>,
}

#[derive(Debug, Subcommand)]
pub enum FilesCmd {
    /// Store a file on the least-loaded node (or --node), with its checksum
    Put {
        /// Local file
        src: PathBuf,
        /// Name to store it under (default: the file name)
        #[arg(long)]
        name: Option<String>,
        /// Put it on this node instead of the least-loaded one
        #[arg(long)]
        node: Option<String>,
    },
    /// List stored files and every node's load
    Ls,
    /// Write a stored file to --out (or stdout), verifying its checksum
    Get {
        /// Stored name
        name: String,
        /// Destination file (default: stdout)
        #[arg(short = 'O', long, value_name = "PATH")]
        out: Option<PathBuf>,
    },
    /// Remove a stored file (metadata, then data)
    Rm {
        /// Stored name
        name: String,
    },
    /// Migrations done by rebalance/drain, newest first
    History {
        /// Only this file
        name: Option<String>,
        #[arg(long, default_value_t = 100)]
        limit: i64,
    },
    /// Move files until max - min load score <= threshold; --drain NODE empties a node. Resumes interrupted moves first.
    /// With -o json: NDJSON progress events, the last line a summary
    Rebalance {
        /// Allowed spread of load scores (default [zk] threshold, 5)
        #[arg(long)]
        threshold: Option<f64>,
        /// Move every file off this node and stop placing files on it
        #[arg(long, value_name = "NODE")]
        drain: Option<String>,
        /// Show the moves without doing them
        #[arg(long)]
        dry_run: bool,
    },
    /// Check every stored file's checksum on its node and list orphaned data; exit 1 on a missing or damaged file
    Verify,
    /// Let a drained node take files again
    Undrain {
        /// Node name
        node: String,
    },
}

#[derive(Debug, Args)]
pub struct WorkloadArgs {
    /// How long to run (at most 1h)
    #[arg(long, default_value = "30s", value_parser = humantime::parse_duration)]
    pub duration: Duration,
    /// Znode operations per second
    #[arg(long, default_value_t = 5)]
    pub rate: u32,
    /// Extra client sessions held open, each with an ephemeral znode
    #[arg(long, default_value_t = 2)]
    pub sessions: u32,
    /// Demo files kept at most (0: none; needs storage nodes)
    #[arg(long, default_value_t = 6)]
    pub max_files: u32,
    /// Keep the znodes and files created instead of cleaning up
    #[arg(long)]
    pub keep: bool,
}

impl ZkArgs {
    pub fn verb(&self) -> String {
        match &self.cmd {
            ZkCmd::Status(_) => "status".into(),
            ZkCmd::Ls { .. } => "ls".into(),
            ZkCmd::Tree { .. } => "tree".into(),
            ZkCmd::Get { .. } => "get".into(),
            ZkCmd::Set(_) => "set".into(),
            ZkCmd::Create(_) => "create".into(),
            ZkCmd::Rm { .. } => "rm".into(),
            ZkCmd::Node(n) => format!(
                "node {}",
                match n {
                    NodeCmd::Start(_) => "start",
                    NodeCmd::Stop(_) => "stop",
                    NodeCmd::Restart(_) => "restart",
                    NodeCmd::List => "list",
                }
            ),
            ZkCmd::Audit { .. } => "audit".into(),
            ZkCmd::Files(f) => format!(
                "files {}",
                match f {
                    FilesCmd::Put { .. } => "put",
                    FilesCmd::Ls => "ls",
                    FilesCmd::Get { .. } => "get",
                    FilesCmd::Rm { .. } => "rm",
                    FilesCmd::History { .. } => "history",
                    FilesCmd::Rebalance { .. } => "rebalance",
                    FilesCmd::Undrain { .. } => "undrain",
                    FilesCmd::Verify => "verify",
                }
            ),
            ZkCmd::Workload(_) => "workload".into(),
        }
    }

    pub fn target(&self) -> Option<String> {
        match &self.cmd {
            ZkCmd::Ls { path }
            | ZkCmd::Tree { path, .. }
            | ZkCmd::Get { path }
            | ZkCmd::Rm { path, .. } => Some(path.clone()),
            ZkCmd::Set(a) => Some(a.path.clone()),
            ZkCmd::Create(a) => Some(a.path.clone()),
            ZkCmd::Node(NodeCmd::Start(a) | NodeCmd::Stop(a) | NodeCmd::Restart(a)) => {
                Some(a.node.clone())
            }
            ZkCmd::Files(FilesCmd::Put { src, name, .. }) => {
                Some(name.clone().unwrap_or_else(|| src.display().to_string()))
            }
            ZkCmd::Files(FilesCmd::Get { name, .. } | FilesCmd::Rm { name }) => Some(name.clone()),
            ZkCmd::Files(FilesCmd::Rebalance { drain, .. }) => drain.clone(),
            _ => self.conn.clone(),
        }
    }
}

/// Resolve the ensemble to talk to.
fn resolve(ctx: &Ctx, cfg: &ZkConfig, explicit: Option<&str>) -> crate::exit::CliResult<Target> {
    let store = ctx.store()?;
    let reg = Registry::new(store, &ctx.config);
    let name = target::pick_connection(&reg.list()?, explicit, cfg.conn.as_deref())?;
    let conn = reg.get(&name)?;
    Ok(Target::from_connection(&conn)?)
}

pub async fn run(args: ZkArgs, ctx: &Ctx, run: Option<&RunHandle>) -> crate::exit::CliResult {
    let ui = &ctx.ui;
    let run_id = run.map(|r| r.id);
    let cfg: ZkConfig = ctx.config.section("zk")?;
    cfg.validate()?;
    let cfg = &cfg;
    if let ZkCmd::Node(NodeCmd::List) = &args.cmd {
        return node_list(ctx, cfg);
    }
    if let ZkCmd::Audit { node, id, limit } = &args.cmd {
        return audit(ctx, node.as_deref(), *id, *limit);
    }
    let target = resolve(ctx, cfg, args.conn.as_deref())?;
    match args.cmd {
        ZkCmd::Status(a) => status(ctx, &target, &a).await,
        ZkCmd::Ls { path } => {
            let c = target.client().await?;
            let entries = znode::ls(&c, &path).await?;
            if ui.json() {
                ui.print_json(&entries);
            } else {
                let mut t = Table::new([
                    "NAME",
                    "VERSION",
                    "BYTES",
                    "CHILDREN",
                    "EPHEMERAL",
                    "MODIFIED",
                ]);
                for e in &entries {
                    let s = e.stat.as_ref();
                    t.row([
                        e.name.clone(),
                        s.map(|s| s.version.to_string()).unwrap_or_default(),
                        s.map(|s| s.data_length.to_string()).unwrap_or_default(),
                        s.map(|s| s.num_children.to_string()).unwrap_or_default(),
                        s.map(|s| if s.ephemeral { "yes" } else { "" }.to_string())
                            .unwrap_or_default(),
                        s.map(|s| s.mtime.clone()).unwrap_or_default(),
                    ]);
                }
                if t.is_empty() {
                    ui.note(format!("{path} has no children"));
                } else {
                    ui.print_table(&t);
                }
            }
            Ok(())
        }
        ZkCmd::Tree { path, depth } => {
            let c = target.client().await?;
            let entries = znode::tree(&c, &path, depth).await?;
            if ui.json() {
                ui.print_json(&entries);
            } else {
                for e in &entries {
                    let s = e.stat.as_ref();
                    println!(
                        "{}{}{}",
                        "  ".repeat(e.depth),
                        if e.depth == 0 {
                            e.path.clone()
                        } else {
                            e.name.clone()
                        },
                        s.map(|s| format!(
                            "  (v{}, {} B{})",
                            s.version,
                            s.data_length,
                            if s.ephemeral { ", ephemeral" } else { "" }
                        ))
                        .unwrap_or_default()
                    );
                }
            }
            Ok(())
        }
        ZkCmd::Get { path } => {
            let c = target.client().await?;
            let d = znode::get(&c, &path).await?;
            if ui.json() {
                ui.print_json(&d);
            } else {
                match (&d.text, &d.hex) {
                    (Some(t), _) => println!("{t}"),
                    (None, Some(h)) => println!("(binary, hex) {h}"),
                    _ => {}
                }
                ui.note(format!(
                    "version {} · {} bytes · {} children · mzxid {} · modified {}{}",
                    d.stat.version,
                    d.stat.data_length,
                    d.stat.num_children,
                    d.stat.mzxid,
                    d.stat.mtime,
                    d.stat
                        .ephemeral_owner
                        .as_ref()
                        .map(|o| format!(" · ephemeral owner {o}"))
                        .unwrap_or_default()
                ));
            }
            Ok(())
        }
        ZkCmd::Set(a) => {
            let c = target.client().await?;
            let data = a.data.bytes()?;
            let stat = znode::set(&c, &a.path, &data, a.version).await?;
            if ui.json() {
                ui.print_json(&serde_json::json!({"path": a.path, "stat": stat}));
            } else {
                ui.line(format!("set {} (now version {})", a.path, stat.version));
            }
            Ok(())
        }
        ZkCmd::Create(a) => {
            let c = target.client().await?;
            let data = a.data.bytes()?;
            let flags = znode::CreateFlags {
                ephemeral: a.ephemeral,
                sequential: a.sequential,
                container: a.container,
                parents: a.parents,
            };
            let (created, stat) = znode::create(&c, &a.path, &data, flags).await?;
            if ui.json() {
                ui.print_json(&serde_json::json!({"path": created, "stat": stat}));
            } else {
                ui.line(format!("created {created}"));
                if a.ephemeral {
                    ui.note("note: an ephemeral znode lives as long as the session that created it, i.e. it is gone now that this command exits");
                }
            }
            Ok(())
        }
        ZkCmd::Rm {
            path,
            version,
            recursive,
        } => {
            let c = target.client().await?;
            let deleted = znode::rm(&c, &path, version, recursive).await?;
            if ui.json() {
                ui.print_json(&serde_json::json!({"deleted": deleted}));
            } else {
                ui.line(format!("deleted {} znode(s) at {path}", deleted.len()));
            }
            Ok(())
        }
        ZkCmd::Node(cmd) => {
            let (a, action) = match cmd {
                NodeCmd::Start(a) => (a, Action::Start),
                NodeCmd::Stop(a) => (a, Action::Stop),
                NodeCmd::Restart(a) => (a, Action::Restart),
                NodeCmd::List => unreachable!("handled above"),
            };
            let decl = cfg.nodes.get(&a.node).ok_or_else(|| {
                ZkError::Usage(format!(
                    "no node '{}' in {}: declare it under [zk.nodes.{}] (see `shark zk --help`)",
                    a.node,
                    ctx.config.path_display(),
                    a.node
                ))
            })?;
            let store = ctx.store()?;
            // -o json: one document at the end, no progress events
            let progress: Box<dyn Progress> = if ui.json() {
                Box::new(NoProgress)
            } else {
                Box::new(UiProgress::new(ui))
            };
            let settle = a.timeout.unwrap_or(cfg.settle_timeout);
            let out = nodes::control(
                store,
                &target,
                &a.node,
                decl,
                action,
                settle,
                run_id,
                progress.as_ref(),
            )
            .await?;
            if ui.json() {
                ui.print_json(&out);
            } else {
                ui.line(format!(
                    "{} {}: {} in {:.1}s (audit #{})\n  before: {}\n  after:  {}",
                    out.action,
                    out.node,
                    out.outcome,
                    out.seconds,
                    out.audit_id,
                    out.before.summary(),
                    out.after.summary()
                ));
            }
            match out.outcome.as_str() {
                "settled" => Ok(()),
                _ => Err(ZkError::Runtime(format!(
                    "{} {}: {}; see `shark zk audit --id {}`",
                    out.action,
                    out.node,
                    out.message.unwrap_or_else(|| out.outcome.clone()),
                    out.audit_id
                ))
                .into()),
            }
        }
        ZkCmd::Files(cmd) => files(ctx, cfg, &target, cmd, run_id).await,
        ZkCmd::Workload(a) => {
            if a.duration > Duration::from_secs(3600) {
                return Err(ZkError::Usage(
                    "--duration is at most 1h: the workload is bounded demo traffic".into(),
                )
                .into());
            }
            let c = target.client().await?;
            let f = if a.max_files > 0 && cfg.nodes.values().any(|n| n.storage.is_some()) {
                Some(Files::open(target.client().await?, cfg).await?)
            } else {
                None
            };
            let progress = UiProgress::new(ui);
            let opts = workload::Options {
                duration: a.duration,
                rate: a.rate,
                sessions: a.sessions,
                max_files: a.max_files,
                keep: a.keep,
                stop: Default::default(),
            };
            // Ctrl-C ends the traffic early; the cleanup still runs
            let stop = opts.stop.clone();
            tokio::spawn(async move {
                if tokio::signal::ctrl_c().await.is_ok() {
                    stop.store(true, std::sync::atomic::Ordering::Relaxed);
                }
            });
            let r = workload::run(&target, &c, f.as_ref(), &opts, &progress).await?;
            if ui.json() {
                let mut v = serde_json::to_value(&r).unwrap_or_default();
                v["event"] = serde_json::json!("summary");
                ui.event(&v);
            } else {
                ui.line(format!(
                    "workload ran {:.1}s: {} creates, {} reads, {} updates, {} deletes, {} extra sessions, {} files put, {} removed, {} errors{}",
                    r.seconds, r.creates, r.reads, r.updates, r.deletes, r.sessions, r.files_put, r.files_removed, r.errors,
                    if r.kept { " (kept)" } else { "" }
                ));
            }
            Ok(())
        }
        ZkCmd::Audit { .. } => unreachable!("handled above"),
    }
}

fn render_status(ui: &crate::ui::Ui, conn: &str, s: &Snapshot) {
    let mut t = Table::new([
        "MEMBER",
        "MODE",
        "ZXID",
        "CONNS",
        "LATENCY min/avg/max",
        "OUTSTANDING",
        "ZNODES",
        "WATCHES",
        "SYNCED",
        "SOURCE",
    ]);
    let o = |v: Option<u64>| v.map(|v| v.to_string()).unwrap_or_else(|| "-".into());
    for m in &s.members {
        t.row([
            m.addr.clone(),
            m.mode.clone(),
            m.zxid.clone().unwrap_or_else(|| "-".into()),
            o(m.connections),
            m.latency(),
            o(m.outstanding),
            o(m.znodes),
            o(m.watches),
            match (m.followers_synced, m.learners) {
                (Some(s), Some(l)) => format!("{s}/{l}"),
                (Some(s), None) => s.to_string(),
                _ => "-".into(),
            },
            m.source.clone(),
        ]);
    }
    ui.print_table(&t);
    ui.line(format!(
        "{} {}: {} leader(s){}, {}/{} serving, quorum {}",
        conn,
        ui.status(s.verdict.as_str()),
        s.leaders,
        s.leader
            .as_ref()
            .map(|l| format!(" ({l})"))
            .unwrap_or_default(),
        s.serving,
        s.members.len(),
        s.quorum
    ));
    for p in &s.problems {
        ui.line(format!("  problem: {p}"));
    }
    for n in &s.notes {
        ui.line(format!("  note: {n}"));
    }
}

async fn status(ctx: &Ctx, target: &Target, a: &StatusArgs) -> crate::exit::CliResult {
    let ui = &ctx.ui;
    let doc = |s: &Snapshot| {
        let mut v = serde_json::to_value(s).unwrap_or_default();
        v["conn"] = serde_json::json!(target.conn);
        v
    };
    let last = if a.watch {
        let mut last: Snapshot;
        let mut n = 0u64;
        loop {
            let s = ensemble::snapshot(target).await;
            if ui.json() {
                ui.event(&doc(&s));
            } else {
                if ui.tty {
                    print!("\x1b[H\x1b[2J");
                } else if n > 0 {
                    println!();
                }
                ui.line(format!(
                    "{}  (every {}s, Ctrl-C to stop)",
                    s.at,
                    a.interval.as_secs_f64()
                ));
                render_status(ui, &target.conn, &s);
            }
            last = s;
            n += 1;
            if a.count.is_some_and(|c| n >= c) {
                break;
            }
            tokio::select! {
                _ = tokio::time::sleep(a.interval) => {}
                _ = tokio::signal::ctrl_c() => break,
            }
        }
        Some(last)
    } else {
        let s = ensemble::snapshot(target).await;
        if ui.json() {
            ui.print_json(&doc(&s));
        } else {
            render_status(ui, &target.conn, &s);
        }
        Some(s)
    };
    let Some(s) = last else { return Ok(()) };
    if s.members.iter().all(|m| m.mode == "down") {
        return Err(ZkError::Connect {
            endpoint: target.connect_string(),
            reason: "no member answered".into(),
        }
        .into());
    }
    let limit = match a.fail_on {
        Some(FailOn::Degraded) => Verdict::Degraded,
        Some(FailOn::Lost) => Verdict::Lost,
        None => return Ok(()),
    };
    if s.verdict >= limit {
        return Err(Problems(format!(
            "ensemble {} is {}: {}",
            target.conn,
            s.verdict.as_str(),
            s.problems.join("; ")
        ))
        .into());
    }
    Ok(())
}

fn node_list(ctx: &Ctx, cfg: &ZkConfig) -> crate::exit::CliResult {
    let ui = &ctx.ui;
    let nodes = &cfg.nodes;
    if ui.json() {
        let v: Vec<_> = nodes
            .iter()
            .map(|(n, d)| serde_json::json!({"node": n, "member": d.member, "storage": d.storage, "start": d.start, "stop": d.stop, "restart": d.restart}))
            .collect();
        ui.print_json(&v);
        return Ok(());
    }
    if nodes.is_empty() {
        ui.note(format!(
            "no nodes in {}: declare them under [zk.nodes.NAME] (see `shark zk --help`)",
            ctx.config.path_display()
        ));
        return Ok(());
    }
    let mut t = Table::new(["NODE", "MEMBER", "STORAGE", "START", "STOP"]);
    for (n, d) in nodes {
        t.row([
            n.clone(),
            d.member.clone().unwrap_or_default(),
            d.storage
                .as_ref()
                .map(|p| p.display().to_string())
                .unwrap_or_default(),
            d.start.clone().unwrap_or_default(),
            d.stop.clone().unwrap_or_default(),
        ]);
    }
    ui.print_table(&t);
    Ok(())
}

fn audit(ctx: &Ctx, node: Option<&str>, id: Option<i64>, limit: i64) -> crate::exit::CliResult {
    let ui = &ctx.ui;
    let store = ctx.store()?;
    if let Some(id) = id {
        let row = store.zk_audit_get(id)?.ok_or_else(|| {
            ZkError::Usage(format!("no audit entry #{id}; `shark zk audit` lists them"))
        })?;
        if ui.json() {
            ui.print_json(&row);
            return Ok(());
        }
        ui.line(format!(
            "audit #{}: {} {} on {} — {}, exit {}, {} → {}",
            row.id,
            row.action,
            row.node,
            row.conn,
            row.outcome,
            row.exit_code
                .map(|c| c.to_string())
                .unwrap_or_else(|| "-".into()),
            row.started_at,
            row.finished_at.as_deref().unwrap_or("-")
        ));
        ui.line(format!("command: {}", row.command));
        if let Some(m) = &row.message {
            ui.line(format!("message: {m}"));
        }
        for (label, snap) in [("before", Some(&row.before)), ("after", row.after.as_ref())] {
            ui.line(format!("\n{label}:"));
            match snap.and_then(|v| serde_json::from_value::<Snapshot>(v.clone()).ok()) {
                Some(s) => render_status(ui, &row.conn, &s),
                None => ui.line("  (none)"),
            }
        }
        return Ok(());
    }
    let rows = store.zk_audit_list(node, limit)?;
    if ui.json() {
        ui.print_json(&rows);
        return Ok(());
    }
    if rows.is_empty() {
        ui.note("no audit entries yet: `shark zk node start|stop|restart NODE` records them");
        return Ok(());
    }
    let snap = |v: &serde_json::Value| -> String {
        serde_json::from_value::<Snapshot>(v.clone())
            .map(|s| s.summary())
            .unwrap_or_else(|_| "-".into())
    };
    let mut t = Table::new([
        "ID", "STARTED", "NODE", "ACTION", "OUTCOME", "EXIT", "BEFORE", "AFTER",
    ]);
    for r in &rows {
        t.row([
            r.id.to_string(),
            r.started_at.clone(),
            r.node.clone(),
            r.action.clone(),
            r.outcome.clone(),
            r.exit_code
                .map(|c| c.to_string())
                .unwrap_or_else(|| "-".into()),
            snap(&r.before),
            r.after.as_ref().map(snap).unwrap_or_else(|| "-".into()),
        ]);
    }
    ui.print_table(&t);
    Ok(())
}

fn loads_table(loads: &[crate::zk::files::load::NodeLoad]) -> Table {
    let mut t = Table::new([
        "NODE",
        "FILES",
        "BYTES",
        "CONNS",
        "LATENCY avg",
        "DRAINED",
        "SCORE",
    ]);
    for l in loads {
        t.row([
            l.node.clone(),
            l.files.to_string(),
            l.bytes.to_string(),
            l.connections
                .map(|c| c.to_string())
                .unwrap_or_else(|| "-".into()),
            l.latency_avg
                .map(|c| format!("{c:.1}"))
                .unwrap_or_else(|| "-".into()),
            if l.drained { "yes" } else { "" }.into(),
            format!("{:.2}", l.score),
        ]);
    }
    t
}

async fn files(
    ctx: &Ctx,
    cfg: &ZkConfig,
    target: &Target,
    cmd: FilesCmd,
    run_id: Option<i64>,
) -> crate::exit::CliResult {
    let ui = &ctx.ui;
    let store = ctx.store()?;
    if let FilesCmd::History { name, limit } = &cmd {
        let rows = store.zk_migrations_history(&cfg.files_root, name.as_deref(), *limit)?;
        if ui.json() {
            ui.print_json(&rows);
        } else if rows.is_empty() {
            ui.note("no migrations yet: `shark zk files rebalance` records them");
        } else {
            let mut t = Table::new([
                "ID", "STARTED", "FILE", "FROM", "TO", "BYTES", "SHA256", "REASON", "STATUS",
            ]);
            for r in &rows {
                t.row([
                    r.id.to_string(),
                    r.started_at.clone(),
                    r.file.clone(),
                    r.from_node.clone(),
                    r.to_node.clone(),
                    r.size.to_string(),
                    r.sha256.chars().take(12).collect(),
                    r.reason.clone(),
                    r.status.clone(),
                ]);
            }
            ui.print_table(&t);
        }
        return Ok(());
    }
    // metrics for the load score, taken before our own session adds a connection to a member
    let needs_metrics = cfg.load.connections > 0.0 || cfg.load.latency_ms > 0.0;
    let snap = if needs_metrics
        && matches!(
            cmd,
            FilesCmd::Put { node: None, .. } | FilesCmd::Ls | FilesCmd::Rebalance { .. }
        ) {
        Some(ensemble::snapshot(target).await)
    } else {
        None
    };
    let files = Files::open(target.client().await?, cfg).await?;
    match cmd {
        FilesCmd::Put { src, name, node } => {
            let name = match name {
                Some(n) => n,
                None => src
                    .file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .ok_or_else(|| {
                        ZkError::Usage(format!("{} has no file name: pass --name", src.display()))
                    })?,
            };
            let meta = files
                .put(&src, &name, node.as_deref(), snap.as_ref())
                .await?;
            if ui.json() {
                ui.print_json(&meta);
            } else {
                ui.line(format!(
                    "stored {} on {} ({} bytes, sha256 {})",
                    meta.name, meta.node, meta.size, meta.sha256
                ));
            }
        }
        FilesCmd::Ls => {
            let list = files.list().await?;
            let drained = files.drained().await?;
            let loads = files.loads(&list, snap.as_ref(), &drained);
            if ui.json() {
                ui.print_json(&serde_json::json!({"files": list, "nodes": loads, "spread": crate::zk::files::load::spread(&loads)}));
            } else {
                if list.is_empty() {
                    ui.note("no files stored yet: `shark zk files put FILE`");
                } else {
                    let mut t = Table::new(["NAME", "NODE", "BYTES", "SHA256", "UPDATED"]);
                    for f in &list {
                        t.row([
                            f.name.clone(),
                            f.node.clone(),
                            f.size.to_string(),
                            f.sha256.chars().take(12).collect(),
                            f.updated_at.clone(),
                        ]);
                    }
                    ui.print_table(&t);
                    ui.line("");
                }
                ui.print_table(&loads_table(&loads));
            }
        }
        FilesCmd::Get { name, out } => {
            let meta = match &out {
                Some(p) => {
                    let mut buf = vec![];
                    let meta = files.get(&name, &mut buf).await?;
                    std::fs::write(p, &buf)
                        .map_err(|e| ZkError::io(format!("writing {}", p.display()), e))?;
                    meta
                }
                None => {
                    let mut stdout = std::io::stdout().lock();
                    files.get(&name, &mut stdout).await?
                }
            };
            if out.is_some() {
                ui.note(format!(
                    "{} from {} ({} bytes, checksum verified)",
                    meta.name, meta.node, meta.size
                ));
            }
        }
        FilesCmd::Rm { name } => {
            let meta = files.rm(&name).await?;
            if ui.json() {
                ui.print_json(&meta);
            } else {
                ui.line(format!("removed {} from {}", meta.name, meta.node));
            }
        }
        FilesCmd::Verify => {
            let r = crate::zk::files::verify::run(&files).await?;
            if ui.json() {
                ui.print_json(&r);
            } else {
                let mut t = Table::new(["NAME", "NODE", "STATUS", "DETAIL"]);
                for c in r.files.iter().filter(|c| c.status != "ok") {
                    t.row([
                        c.name.clone(),
                        c.node.clone(),
                        c.status.clone(),
                        c.detail.clone().unwrap_or_default(),
                    ]);
                }
                if !t.is_empty() {
                    ui.print_table(&t);
                }
                ui.line(format!(
                    "{} files checked: {} ok, {} missing or damaged",
                    r.files.len(),
                    r.files.len() - r.problems,
                    r.problems
                ));
                for o in &r.orphans {
                    ui.line(format!("  orphan on {}: {} ({} bytes; no metadata points at it: remove it if no put or rebalance is running)", o.node, o.path, o.bytes));
                }
            }
            if r.problems > 0 {
                return Err(
                    Problems(format!("{} stored file(s) missing or damaged", r.problems)).into(),
                );
            }
        }
        FilesCmd::Undrain { node } => {
            files.node(&node)?;
            files.set_drained(&node, false).await?;
            ui.line(format!("{node} takes files again"));
        }
        FilesCmd::Rebalance {
            threshold,
            drain,
            dry_run,
        } => {
            let task = format!("zk-files:{}:{}", target.conn, cfg.files_root);
            let lease = if dry_run {
                None
            } else {
                Some(Lease::acquire(
                    store,
                    &task,
                    run_id,
                    "zk files rebalance (wait for it, or stop it with Ctrl-C)",
                )?)
            };
            let pause = std::env::var("SHARK_ZK_TEST_PAUSE_AFTER_COPY_MS")
                .ok()
                .and_then(|v| v.parse().ok())
                .map(Duration::from_millis);
            // Ctrl-C or `shark state stop TASK`: finish the current move, then stop
            let interrupted = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
            {
                let flag = interrupted.clone();
                tokio::spawn(async move {
                    if tokio::signal::ctrl_c().await.is_ok() {
                        flag.store(true, std::sync::atomic::Ordering::Relaxed);
                    }
                });
            }
            let should_stop = || {
                interrupted.load(std::sync::atomic::Ordering::Relaxed)
                    || lease.as_ref().is_some_and(|l| l.stop_requested())
            };
            let opts = rebalance::Options {
                threshold: threshold.unwrap_or(cfg.threshold),
                drain: drain.as_deref(),
                dry_run,
                run_id,
                pause_after_copy: pause,
                should_stop: &should_stop,
            };
            let progress = UiProgress::new(ui);
            let report = rebalance::run(&files, store, snap.as_ref(), &opts, &progress).await?;
            if ui.json() {
                let mut v = serde_json::to_value(&report).unwrap_or_default();
                v["event"] = serde_json::json!("summary");
                ui.event(&v);
            } else {
                if !report.moves.is_empty() {
                    let mut t = Table::new(["FILE", "FROM", "TO", "BYTES", "STATUS"]);
                    for m in &report.moves {
                        t.row([
                            m.file.clone(),
                            m.from.clone(),
                            m.to.clone(),
                            m.size.to_string(),
                            m.status.clone(),
                        ]);
                    }
                    ui.print_table(&t);
                }
                ui.print_table(&loads_table(&report.after));
                ui.line(format!(
                    "{}{} moves in {:.1}s; spread {:.2} → {:.2} (threshold {}){}",
                    if report.resumed > 0 {
                        format!("resumed {} interrupted migration(s); ", report.resumed)
                    } else {
                        String::new()
                    },
                    report.moves.len(),
                    report.seconds,
                    report.spread_before,
                    report.spread_after,
                    report.threshold,
                    if dry_run {
                        " — dry run, nothing moved"
                    } else {
                        ""
                    }
                ));
            }
            if report.stopped {
                return Err(Interrupted.into());
            }
            if !report.within_threshold && !dry_run {
                ui.note("the spread is still above the threshold: no single file move narrows it further (big files, or ZooKeeper metrics dominate the score)");
            }
        }
        FilesCmd::History { .. } => unreachable!("handled above"),
    }
    Ok(())
}
