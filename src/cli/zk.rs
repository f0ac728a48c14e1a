//! `shark zk status|ls|tree|get|set|create|rm|node|audit|files|workload`: clap definitions
//! and rendering; the work happens in `crate::zk`.

use super::Ctx;
use crate::conn::Registry;
use crate::exit::CliResult;
use crate::state::RunHandle;
use crate::ui::{NoProgress, Progress, Table, Ui, UiProgress};
use crate::zk::ensemble::{Snapshot, Verdict};
use crate::zk::files::load::NodeLoad;
use crate::zk::files::rebalance::{self, MoveStatus};
use crate::zk::files::verify::{self, CheckStatus};
use crate::zk::nodes::Action;
use crate::zk::store::AuditRow;
use crate::zk::target::Target;
use crate::zk::{Listing, RebalanceOptions, Watch, Zk, ZkError, workload, znode};
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
local paths (SSH/SFTP storage is not wired yet); node commands never inherit SHARK_MASTER_KEY or a \
variable a secret was read from.

ACLs: when the connection has a user and a secret (`--user NAME --secret-stdin`), shark authenticates \
with the digest scheme and every znode it creates (`zk create`, `zk files` metadata and its root, \
workload znodes) gets the creator-only ACL (CREATOR_ALL_ACL): sessions without the same credentials \
can neither read nor change it. Without credentials znodes are created open (OPEN_ACL_UNSAFE).

Interrupting: the first Ctrl-C (or SIGTERM) stops `status --watch`, `files rebalance`, `workload` and \
the wait of `node start|stop|restart` at a clean point (a file move completes first; a workload cleans \
up) and exits 130; a second one exits at once.";

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
    fn bytes(&self) -> CliResult<Vec<u8>> {
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

pub async fn run(args: ZkArgs, ctx: &Ctx, run: Option<&RunHandle>) -> CliResult {
    let ui = &ctx.ui;
    let store = ctx.store()?;
    let zk = Zk::new(store, ctx.config.section("zk")?, run.map(|r| r.id))?;
    // verbs that need no ensemble
    let cmd = match args.cmd {
        ZkCmd::Node(NodeCmd::List) => return node_list(ctx, &zk),
        ZkCmd::Audit { node, id, limit } => return audit(ui, &zk, node.as_deref(), id, limit),
        ZkCmd::Files(FilesCmd::History { name, limit }) => {
            return history(ui, &zk, name.as_deref(), limit);
        }
        cmd => cmd,
    };
    let t = zk.target(&Registry::new(store, &ctx.config), args.conn.as_deref())?;
    match cmd {
        ZkCmd::Status(a) => status(ctx, &zk, &t, &a).await,
        ZkCmd::Ls { path } => render_ls(ui, &path, &zk.ls(&t, &path).await?),
        ZkCmd::Tree { path, depth } => render_tree(ui, &zk.tree(&t, &path, depth).await?),
        ZkCmd::Get { path } => render_get(ui, &zk.get(&t, &path).await?),
        ZkCmd::Set(a) => {
            let stat = zk.set(&t, &a.path, &a.data.bytes()?, a.version).await?;
            if ui.json() {
                ui.print_json(&serde_json::json!({"path": a.path, "stat": stat}));
            } else {
                ui.line(format!("set {} (now version {})", a.path, stat.version));
            }
            Ok(())
        }
        ZkCmd::Create(a) => create(ui, &zk, &t, a).await,
        ZkCmd::Rm {
            path,
            version,
            recursive,
        } => {
            let deleted = zk.rm(&t, &path, version, recursive).await?;
            if ui.json() {
                ui.print_json(&serde_json::json!({"deleted": deleted}));
            } else {
                ui.line(format!("deleted {} znode(s) at {path}", deleted.len()));
            }
            Ok(())
        }
        ZkCmd::Node(cmd) => node(ctx, &zk, &t, cmd).await,
        ZkCmd::Files(cmd) => files(ctx, &zk, &t, cmd).await,
        ZkCmd::Workload(a) => workload(ctx, &zk, &t, a).await,
        ZkCmd::Audit { .. } => unreachable!("handled above"),
    }
}

/// A long verb's last NDJSON line: its report with `"event": "summary"`.
#[derive(serde::Serialize)]
struct Summary<'a, T: serde::Serialize> {
    event: &'static str,
    #[serde(flatten)]
    report: &'a T,
}

fn summary_event<T: serde::Serialize>(ui: &Ui, report: &T) {
    ui.event(&Summary {
        event: "summary",
        report,
    });
}

fn opt<T: ToString>(v: Option<T>) -> String {
    v.map(|v| v.to_string()).unwrap_or_else(|| "-".into())
}

fn render_ls(ui: &Ui, path: &str, entries: &[znode::Entry]) -> CliResult {
    if ui.json() {
        ui.print_json(entries);
        return Ok(());
    }
    let mut t = Table::new([
        "NAME",
        "VERSION",
        "BYTES",
        "CHILDREN",
        "EPHEMERAL",
        "MODIFIED",
    ]);
    for e in entries {
        match &e.stat {
            Some(s) => t.row([
                e.name.clone(),
                s.version.to_string(),
                s.data_length.to_string(),
                s.num_children.to_string(),
                if s.ephemeral { "yes" } else { "" }.to_string(),
                s.mtime.clone(),
            ]),
            // deleted between the listing and its stat
            None => t.row([
                e.name.clone(),
                "-".into(),
                "-".into(),
                "-".into(),
                "".into(),
                "-".into(),
            ]),
        };
    }
    if t.is_empty() {
        ui.note(format!("{path} has no children"));
    } else {
        ui.print_table(&t);
    }
    Ok(())
}

fn render_tree(ui: &Ui, entries: &[znode::Entry]) -> CliResult {
    if ui.json() {
        ui.print_json(entries);
        return Ok(());
    }
    for e in entries {
        let name = if e.depth == 0 { &e.path } else { &e.name };
        let stat = e.stat.as_ref().map(|s| {
            format!(
                "  (v{}, {} B{})",
                s.version,
                s.data_length,
                if s.ephemeral { ", ephemeral" } else { "" }
            )
        });
        ui.line(format!(
            "{}{name}{}",
            "  ".repeat(e.depth),
            stat.unwrap_or_default()
        ));
    }
    Ok(())
}

fn render_get(ui: &Ui, d: &znode::Data) -> CliResult {
    if ui.json() {
        ui.print_json(d);
        return Ok(());
    }
    match (&d.text, &d.hex) {
        (Some(t), _) => ui.line(t),
        (None, Some(h)) => ui.line(format!("(binary, hex) {h}")),
        _ => {}
    }
    let s = &d.stat;
    let owner = s
        .ephemeral_owner
        .as_ref()
        .map(|o| format!(" · ephemeral owner {o}"));
    ui.note(format!(
        "version {} · {} bytes · {} children · mzxid {} · modified {}{}",
        s.version,
        s.data_length,
        s.num_children,
        s.mzxid,
        s.mtime,
        owner.unwrap_or_default()
    ));
    Ok(())
}

async fn create(ui: &Ui, zk: &Zk<'_>, t: &Target, a: CreateArgs) -> CliResult {
    let flags = znode::CreateFlags {
        ephemeral: a.ephemeral,
        sequential: a.sequential,
        container: a.container,
        parents: a.parents,
    };
    let (created, stat) = zk.create(t, &a.path, &a.data.bytes()?, flags).await?;
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

fn render_status(ui: &Ui, conn: &str, s: &Snapshot) {
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
    for m in &s.members {
        t.row([
            m.addr.clone(),
            m.mode.clone(),
            opt(m.zxid.as_ref()),
            opt(m.connections),
            m.latency(),
            opt(m.outstanding),
            opt(m.znodes),
            opt(m.watches),
            match (m.followers_synced, m.learners) {
                (Some(s), Some(l)) => format!("{s}/{l}"),
                (s, _) => opt(s),
            },
            m.source.clone(),
        ]);
    }
    ui.print_table(&t);
    let leader = s.leader.as_ref().map(|l| format!(" ({l})"));
    ui.line(format!(
        "{} {}: {} leader(s){}, {}/{} serving, quorum {}",
        conn,
        ui.status(s.verdict.as_str()),
        s.leaders,
        leader.unwrap_or_default(),
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

/// A snapshot as one JSON document, with the connection's name.
#[derive(serde::Serialize)]
struct StatusDoc<'a> {
    conn: &'a str,
    #[serde(flatten)]
    snapshot: &'a Snapshot,
}

async fn status(ctx: &Ctx, zk: &Zk<'_>, t: &Target, a: &StatusArgs) -> CliResult {
    let ui = &ctx.ui;
    let doc = |snapshot| StatusDoc {
        conn: &t.conn,
        snapshot,
    };
    let last = if a.watch {
        let w = Watch {
            interval: a.interval,
            count: a.count,
        };
        let mut each = |s: &Snapshot, n: u64| {
            if ui.json() {
                return ui.event(&StatusDoc {
                    conn: &t.conn,
                    snapshot: s,
                });
            }
            if ui.tty {
                print!("\x1b[H\x1b[2J");
            } else if n > 0 {
                ui.line("");
            }
            let every = a.interval.as_secs_f64();
            ui.line(format!("{}  (every {every}s, Ctrl-C to stop)", s.at));
            render_status(ui, &t.conn, s);
        };
        zk.watch(t, w, &ctx.cancel(), &mut each).await?
    } else {
        let s = zk.status(t).await;
        if ui.json() {
            ui.print_json(&doc(&s));
        } else {
            render_status(ui, &t.conn, &s);
        }
        s
    };
    let fail_on = a.fail_on.map(|f| match f {
        FailOn::Degraded => Verdict::Degraded,
        FailOn::Lost => Verdict::Lost,
    });
    Ok(zk.judge(t, &last, fail_on)?)
}

fn node_list(ctx: &Ctx, zk: &Zk<'_>) -> CliResult {
    let ui = &ctx.ui;
    let nodes = zk.nodes();
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

async fn node(ctx: &Ctx, zk: &Zk<'_>, t: &Target, cmd: NodeCmd) -> CliResult {
    let ui = &ctx.ui;
    let (a, action) = match cmd {
        NodeCmd::Start(a) => (a, Action::Start),
        NodeCmd::Stop(a) => (a, Action::Stop),
        NodeCmd::Restart(a) => (a, Action::Restart),
        NodeCmd::List => unreachable!("handled in run"),
    };
    // -o json: one document at the end, no progress events
    let progress: Box<dyn Progress> = if ui.json() {
        Box::new(NoProgress)
    } else {
        Box::new(UiProgress::new(ui))
    };
    let out = zk
        .node(
            t,
            &a.node,
            action,
            a.timeout,
            &ctx.cancel(),
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
    Ok(out.check()?)
}

fn audit(ui: &Ui, zk: &Zk<'_>, node: Option<&str>, id: Option<i64>, limit: i64) -> CliResult {
    if let Some(id) = id {
        return audit_entry(ui, &zk.audit_get(id)?);
    }
    let rows = zk.audit_list(node, limit)?;
    if ui.json() {
        ui.print_json(&rows);
        return Ok(());
    }
    if rows.is_empty() {
        ui.note("no audit entries yet: `shark zk node start|stop|restart NODE` records them");
        return Ok(());
    }
    let mut t = Table::new([
        "ID", "STARTED", "NODE", "ACTION", "OUTCOME", "EXIT", "BEFORE", "AFTER",
    ]);
    for r in &rows {
        t.row([
            r.id.to_string(),
            r.started_at.clone(),
            r.node.clone(),
            r.action.to_string(),
            r.outcome.to_string(),
            opt(r.exit_code),
            r.before.summary(),
            opt(r.after.as_ref().map(Snapshot::summary)),
        ]);
    }
    ui.print_table(&t);
    Ok(())
}

fn audit_entry(ui: &Ui, row: &AuditRow) -> CliResult {
    if ui.json() {
        ui.print_json(row);
        return Ok(());
    }
    ui.line(format!(
        "audit #{}: {} {} on {} — {}, exit {}, {} → {}",
        row.id,
        row.action,
        row.node,
        row.conn,
        row.outcome,
        opt(row.exit_code),
        row.started_at,
        row.finished_at.as_deref().unwrap_or("-")
    ));
    ui.line(format!("command: {}", row.command));
    if let Some(m) = &row.message {
        ui.line(format!("message: {m}"));
    }
    for (label, snap) in [("before", Some(&row.before)), ("after", row.after.as_ref())] {
        ui.line(format!("\n{label}:"));
        match snap {
            Some(s) => render_status(ui, &row.conn, s),
            None => ui.line("  (none yet)"),
        }
    }
    Ok(())
}

fn history(ui: &Ui, zk: &Zk<'_>, name: Option<&str>, limit: i64) -> CliResult {
    let rows = zk.files_history(name, limit)?;
    if ui.json() {
        ui.print_json(&rows);
        return Ok(());
    }
    if rows.is_empty() {
        ui.note("no migrations yet: `shark zk files rebalance` records them");
        return Ok(());
    }
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
            r.reason.to_string(),
            r.status.to_string(),
        ]);
    }
    ui.print_table(&t);
    Ok(())
}

fn loads_table(loads: &[NodeLoad]) -> Table {
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
            opt(l.connections),
            opt(l.latency_avg.map(|c| format!("{c:.1}"))),
            if l.drained { "yes" } else { "" }.into(),
            format!("{:.2}", l.score),
        ]);
    }
    t
}

async fn files(ctx: &Ctx, zk: &Zk<'_>, t: &Target, cmd: FilesCmd) -> CliResult {
    let ui = &ctx.ui;
    match cmd {
        FilesCmd::Put { src, name, node } => {
            let meta = zk
                .files_put(t, &src, name.as_deref(), node.as_deref())
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
        FilesCmd::Ls => render_files_ls(ui, &zk.files_ls(t).await?),
        FilesCmd::Get { name, out: Some(p) } => {
            let meta = zk.files_get_to(t, &name, &p).await?;
            ui.note(format!(
                "{} from {} ({} bytes, checksum verified)",
                meta.name, meta.node, meta.size
            ));
        }
        FilesCmd::Get { name, out: None } => {
            zk.files_get(t, &name, &mut std::io::stdout().lock())
                .await?;
        }
        FilesCmd::Rm { name } => {
            let meta = zk.files_rm(t, &name).await?;
            if ui.json() {
                ui.print_json(&meta);
            } else {
                ui.line(format!("removed {} from {}", meta.name, meta.node));
            }
        }
        FilesCmd::Verify => {
            let r = zk.files_verify(t).await?;
            render_verify(ui, &r);
            r.check()?;
        }
        FilesCmd::Undrain { node } => {
            zk.files_undrain(t, &node).await?;
            ui.line(format!("{node} takes files again"));
        }
        FilesCmd::Rebalance {
            threshold,
            drain,
            dry_run,
        } => {
            let opts = RebalanceOptions {
                threshold,
                drain,
                dry_run,
            };
            let progress = UiProgress::new(ui);
            let r = zk
                .files_rebalance(t, &opts, &ctx.cancel(), &progress)
                .await?;
            render_rebalance(ui, &r);
            r.check()?;
        }
        FilesCmd::History { .. } => unreachable!("handled in run"),
    }
    Ok(())
}

fn render_files_ls(ui: &Ui, l: &Listing) {
    if ui.json() {
        return ui.print_json(l);
    }
    if l.files.is_empty() {
        ui.note("no files stored yet: `shark zk files put FILE`");
    } else {
        let mut t = Table::new(["NAME", "NODE", "BYTES", "SHA256", "UPDATED"]);
        for f in &l.files {
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
    ui.print_table(&loads_table(&l.nodes));
}

fn render_verify(ui: &Ui, r: &verify::Report) {
    if ui.json() {
        return ui.print_json(r);
    }
    let mut t = Table::new(["NAME", "NODE", "STATUS", "DETAIL"]);
    for c in r.files.iter().filter(|c| c.status != CheckStatus::Ok) {
        t.row([
            c.name.clone(),
            c.node.clone(),
            c.status.as_str().to_string(),
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

fn render_rebalance(ui: &Ui, r: &rebalance::Report) {
    if ui.json() {
        return summary_event(ui, r);
    }
    if !r.moves.is_empty() {
        let mut t = Table::new(["FILE", "FROM", "TO", "BYTES", "STATUS"]);
        for m in &r.moves {
            t.row([
                m.file.clone(),
                m.from.clone(),
                m.to.clone(),
                m.size.to_string(),
                m.status.as_str().to_string(),
            ]);
        }
        ui.print_table(&t);
    }
    ui.print_table(&loads_table(&r.after));
    let dry_run = r.moves.iter().any(|m| m.status == MoveStatus::Planned);
    ui.line(format!(
        "{}{} moves in {:.1}s; spread {:.2} → {:.2} (threshold {}){}",
        if r.resumed > 0 {
            format!("resumed {} interrupted migration(s); ", r.resumed)
        } else {
            String::new()
        },
        r.moves.len(),
        r.seconds,
        r.spread_before,
        r.spread_after,
        r.threshold,
        if dry_run {
            " — dry run, nothing moved"
        } else {
            ""
        }
    ));
    if !r.within_threshold && !dry_run && !r.stopped {
        ui.note("the spread is still above the threshold: no single file move narrows it further (big files, or ZooKeeper metrics dominate the score)");
    }
}

async fn workload(ctx: &Ctx, zk: &Zk<'_>, t: &Target, a: WorkloadArgs) -> CliResult {
    let ui = &ctx.ui;
    let opts = workload::Options {
        duration: a.duration,
        rate: a.rate,
        sessions: a.sessions,
        max_files: a.max_files,
        keep: a.keep,
    };
    let progress = UiProgress::new(ui);
    let r = zk.workload(t, &opts, &ctx.cancel(), &progress).await?;
    if ui.json() {
        summary_event(ui, &r);
    } else {
        ui.line(format!(
            "workload ran {:.1}s: {} creates, {} reads, {} updates, {} deletes, {} extra sessions, {} files put, {} removed, {} errors{}",
            r.seconds, r.creates, r.reads, r.updates, r.deletes, r.sessions, r.files_put, r.files_removed, r.errors,
            if r.kept { " (kept)" } else { "" }
        ));
    }
    Ok(r.check()?)
}
