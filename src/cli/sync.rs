//! `shark sync create|list|show|run|status|stop|reset|rm|logs|verify`.

use super::Ctx;
use crate::conn::Registry;
use crate::exit::{CliResult, Interrupted, Problems, Runtime, Usage};
use crate::state::RunHandle;
use crate::sync::model::fields::{FieldMap, FieldOp};
use crate::sync::model::value::TimePrecision;
use crate::sync::task::OnError;
use crate::sync::{self, Mode, Outcome, Phase, RunOptions, TaskSpec};
use crate::ui::Table;
use clap::{Args, Subcommand, ValueEnum};

const SYNC_HELP: &str = "A task copies every selected unit — a MySQL/MariaDB table or an Elasticsearch/OpenSearch \
index — to a MongoDB, MySQL or Elasticsearch target (keyset pages on the primary key; for an index, PIT + \
search_after pages sorted on _shard_doc where the server has it — Elasticsearch 7.12+, OpenSearch 3.3+ — and on _id \
only as the fallback, which builds _id fielddata on the source cluster's heap; resumable mid-unit; a page with failed \
shards is read again, never taken for the end), then, for a MySQL source, follows the binlog. The binlog position is recorded \
before the copy starts and replayed with idempotent writes, so nothing changed during the copy is lost or applied \
twice; an Elasticsearch source is copied and the task is done. Targets are created when missing: an index mapping \
derived from the columns (--es-mapping overrides fields), or for an index source the source index's own mapping and \
analysis settings (its documents pass through as their _source is), a MySQL table with the source's exact column \
types (or types derived from an index mapping and a sample of its documents). A MySQL source needs log_bin, binlog_format=ROW, binlog_row_image=FULL \
(binlog_row_metadata=FULL recommended) and a user with SELECT, REPLICATION SLAVE and REPLICATION CLIENT (MariaDB: \
BINLOG MONITOR): `shark conn test SOURCE` checks all of it. Failover (MariaDB): checkpoints record the GTID position, \
server_id and host; a source connection listing several hosts (mysql://USER@H1:3306,H2:3306/) is read from the first \
writable primary, and on another server than the checkpoint's the task resumes by GTID once that server's binlog holds \
every transaction after it (log_slave_updates on, nothing purged or missing; else exit 4 naming what is missing and \
`shark sync reset`). `sync status` shows the GTID position and the host followed; `sync logs` each switch. Several hosts: \
`sync create --coordinator ZKCONN` keeps the progress and checkpoint in ZooKeeper; `sync run NAME --coordinator ZKCONN` \
on each host elects one leader that follows the binlog (the others copy units of the full copy under leases and take \
over from the last checkpoint when its session ends); a worker whose session is unconfirmed for half the session \
timeout stops writing.";

#[derive(Debug, Subcommand)]
pub enum SyncCmd {
    /// Define a task: source, target, tables, mode
    #[command(after_long_help = SYNC_HELP)]
    Create(Box<CreateArgs>),
    /// List tasks
    List,
    /// Show a task's definition
    Show {
        /// Task name
        name: String,
    },
    /// Full copy of what is not copied yet, then follow the binlog of a MySQL source (Ctrl-C/SIGTERM stop at a checkpoint, exit 130; a second Ctrl-C exits at once; `sync stop` ends it with exit 0)
    #[command(after_long_help = SYNC_HELP)]
    Run(RunArgs),
    /// Phase, per-unit progress, binlog position, lag and last error (all tasks without NAME)
    #[command(after_long_help = phases_help())]
    Status {
        /// Task name
        name: Option<String>,
        #[command(flatten)]
        coord: CoordArg,
    },
    /// Stop a running task from another terminal: it finishes the batch or transaction in flight, stops at that checkpoint and exits 0
    Stop {
        /// Task name
        name: String,
        /// Kept for scripts: every stop is soft (finishes what is in flight, exit 0)
        #[arg(long)]
        soft: bool,
        #[command(flatten)]
        coord: CoordArg,
    },
    /// Copy again on the next run (every unit, or one), into a shadow swapped in when complete
    ///
    /// Each unit is copied into a shadow (table, collection or index) that replaces its target
    /// when complete, so the target ends up exactly like the source: rows updated or deleted
    /// behind the task's back are fixed too (`--drop-target` is not needed). MongoDB history
    /// mode keeps its versions and writes snapshot versions into the collection itself.
    Reset {
        /// Task name
        name: String,
        /// Only this unit (db.table, or an index); the binlog checkpoint stays
        #[arg(long)]
        unit: Option<String>,
        #[command(flatten)]
        coord: CoordArg,
    },
    /// Delete a task and its state (target data stays; a shared task is removed from its coordinator too)
    Rm {
        /// Task name
        name: String,
        #[command(flatten)]
        coord: CoordArg,
    },
    /// The log of the task's latest run on this host (a shared task: and what each of its workers does now)
    Logs {
        /// Task name
        name: String,
        /// Keep printing new lines while the run goes on
        #[arg(short, long)]
        follow: bool,
        #[command(flatten)]
        coord: CoordArg,
    },
    /// Compare row counts and checksums of source units and their targets (rows recorded by --on-error skip counted apart); exit 1 on a mismatch
    Verify {
        /// Task name
        name: String,
        #[command(flatten)]
        coord: CoordArg,
    },
    /// Rows the target refused and `--on-error skip` recorded, with the error (newest first)
    Skipped {
        /// Task name
        name: String,
        /// Only this unit
        #[arg(long)]
        unit: Option<String>,
    },
}

/// `--coordinator` of the verbs that act on an existing task.
#[derive(Debug, Args, Default, Clone)]
pub struct CoordArg {
    /// A task shared through this zookeeper connection that this host does not know yet: its definition is read from there and kept here (default: `coordinator` in the [sync] config section)
    #[arg(long, value_name = "ZKCONN")]
    pub coordinator: Option<String>,
}

/// The `[sync]` section of the config file.
#[derive(Debug, Default, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SyncSettings {
    /// The zookeeper connection of `sync create` without `--coordinator`, and where the other
    /// verbs look for a task this host does not know.
    pub coordinator: Option<String>,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum ModeArg {
    Mirror,
    History,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum TimePrecisionArg {
    /// BSON Date, millisecond precision
    Ms,
    /// Int64 microseconds since the Unix epoch (UTC): DATETIME(6)/TIMESTAMP(6) exactly
    Us,
}

#[derive(Debug, Args)]
pub struct CreateArgs {
    /// Task name
    pub name: String,
    /// Source connection (mysql or elasticsearch)
    #[arg(long)]
    pub source: String,
    /// Target connection (mongodb, mysql or elasticsearch)
    #[arg(long)]
    pub target: String,
    /// Units: db.table, db.* or /regex/ on db.table for MySQL; an index name, a wildcard (logs-*) or /regex/ for Elasticsearch (repeatable)
    #[arg(long = "tables", required = true, value_name = "PATTERN")]
    pub tables: Vec<String>,
    /// mirror: _id = primary key, documents follow the rows; history (MongoDB targets): one version document per change
    #[arg(long, value_enum, default_value = "mirror")]
    pub mode: ModeArg,
    /// Mirror mode: mark deleted rows with _deleted / _deleted_at instead of deleting documents
    #[arg(long)]
    pub soft_delete: bool,
    /// Where units go, by target: the MongoDB database, the MySQL schema, or for Elasticsearch the prefix of index names (unit db.table → index PREFIX.table, lowercased); default: the source database's name (required for an Elasticsearch source, whose units have none: index NAME → PREFIX.NAME, or table NAME in schema PREFIX)
    #[arg(long)]
    pub target_db: Option<String>,
    /// Rows per batch (full copy and CDC writes)
    #[arg(long, default_value_t = 2000)]
    pub batch_rows: usize,
    /// Bytes per full-copy batch (approximate)
    #[arg(long, default_value_t = 8 << 20)]
    pub batch_bytes: usize,
    /// Units copied at once
    #[arg(long, default_value_t = 2)]
    pub parallel: usize,
    /// Replica server id for reading the binlog (default: derived from the task name)
    #[arg(long)]
    pub server_id: Option<u32>,
    /// DATETIME/TIMESTAMP values, for targets that cannot hold microseconds: ms = a millisecond date (BSON Date, Elasticsearch date; the fraction below 1 ms is cut), us = Int64 microseconds since the epoch. Default: exact where the target holds it (MySQL targets: the source's DATETIME(6)/TIMESTAMP(6)), else ms
    #[arg(long, value_enum)]
    pub time_precision: Option<TimePrecisionArg>,
    /// A row the target refuses for its content (a value it cannot hold, a mapping conflict): stop = the run stops with exit 4 before it; skip = record it (`sync skipped`; one log line per batch) and go on. A target that refuses writes as such (read-only index, missing index or table, no privilege) stops the run either way
    #[arg(long, value_enum, default_value = "stop")]
    pub on_error: OnErrorArg,
    /// Keep only these fields of a unit: UNIT:field[,field] (UNIT = db.table, an index, or *; repeatable)
    #[arg(long, value_name = "UNIT:FIELDS")]
    pub include: Vec<String>,
    /// Leave out these fields of a unit: UNIT:field[,field] (repeatable)
    #[arg(long, value_name = "UNIT:FIELDS")]
    pub exclude: Vec<String>,
    /// Rename fields of a unit: UNIT:old=new[,old=new] (repeatable)
    #[arg(long, value_name = "UNIT:OLD=NEW")]
    pub rename: Vec<String>,
    /// Elasticsearch sources: the column type of fields, over what the mapping and a sample of documents say: UNIT:field=TYPE[,field=TYPE], TYPE = json, text, int, bigint, double, decimal, bool, date, datetime or binary (e.g. logs-*:tags=json for a field that holds arrays in documents the sample missed; repeatable)
    #[arg(long, value_name = "UNIT:FIELD=TYPE")]
    pub column_type: Vec<String>,
    /// Field mapping as TOML: a table per unit (or "*") with include = [..], exclude = [..], a [UNIT.rename] table and a [UNIT.types] table (field = "json"); merged with --include/--exclude/--rename/--column-type
    #[arg(long, value_name = "FILE")]
    pub fields_file: Option<std::path::PathBuf>,
    /// Elasticsearch targets: a JSON object of field → mapping merged over the mapping derived from the source columns (or over an index source's own mapping)
    #[arg(long, value_name = "FILE")]
    pub es_mapping: Option<std::path::PathBuf>,
    /// Share the task through this zookeeper connection: its progress and checkpoint live there, and `sync run` on several hosts elects one leader, the others take over when its session ends (default: `coordinator` in the [sync] config section)
    #[arg(long, value_name = "ZKCONN")]
    pub coordinator: Option<String>,
    /// Shared tasks: ZooKeeper session timeout of the workers, in seconds; a dead leader is replaced about this long after it died, and a leader that cannot confirm its session for half of it stops writing
    #[arg(long, value_name = "SECS", requires = "coordinator")]
    pub session_timeout: Option<u64>,
}

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum OnErrorArg {
    Stop,
    Skip,
}

#[derive(Debug, Args)]
pub struct RunArgs {
    /// Task name
    pub name: String,
    /// Catch up to the binlog position current at start, then exit 0 (cron, CI); an Elasticsearch source is copied and the run ends either way
    #[arg(long, conflicts_with = "follow")]
    pub once: bool,
    /// Follow the binlog of a MySQL source until Ctrl-C or `sync stop` (the default)
    #[arg(long)]
    pub follow: bool,
    /// Drop each target (collection, table or index) before its unit's first full copy
    #[arg(long)]
    pub drop_target: bool,
    /// Units copied at once (overrides the task's setting)
    #[arg(long)]
    pub parallel: Option<usize>,
    #[command(flatten)]
    pub coord: CoordArg,
}

impl SyncCmd {
    pub fn verb(&self) -> Option<&'static str> {
        match self {
            SyncCmd::Create(_) => Some("create"),
            SyncCmd::Run(_) => Some("run"),
            SyncCmd::Stop { .. } => Some("stop"),
            SyncCmd::Reset { .. } => Some("reset"),
            SyncCmd::Rm { .. } => Some("rm"),
            SyncCmd::Verify { .. } => Some("verify"),
            _ => None,
        }
    }
    pub fn target(&self) -> Option<String> {
        match self {
            SyncCmd::Create(a) => Some(a.name.clone()),
            SyncCmd::Run(a) => Some(a.name.clone()),
            SyncCmd::Show { name }
            | SyncCmd::Stop { name, .. }
            | SyncCmd::Reset { name, .. }
            | SyncCmd::Rm { name, .. } => Some(name.clone()),
            SyncCmd::Logs { name, .. }
            | SyncCmd::Verify { name, .. }
            | SyncCmd::Skipped { name, .. } => Some(name.clone()),
            SyncCmd::Status { name, .. } => name.clone(),
            SyncCmd::List => None,
        }
    }
}

/// The verb's task and `--coordinator` (or the config's), for a host joining a shared task.
fn joining(cmd: &SyncCmd) -> Option<(&str, &CoordArg)> {
    match cmd {
        SyncCmd::Run(a) => Some((&a.name, &a.coord)),
        SyncCmd::Status {
            name: Some(name),
            coord,
        } => Some((name, coord)),
        SyncCmd::Stop { name, coord, .. }
        | SyncCmd::Reset { name, coord, .. }
        | SyncCmd::Rm { name, coord }
        | SyncCmd::Logs { name, coord, .. }
        | SyncCmd::Verify { name, coord } => Some((name, coord)),
        _ => None,
    }
}

pub async fn run(cmd: SyncCmd, ctx: &Ctx, run: Option<&RunHandle>) -> CliResult {
    let store = ctx.store()?;
    let reg = Registry::new(store, &ctx.config);
    let ui = &ctx.ui;
    let settings: SyncSettings = ctx.config.section("sync")?;
    if let Some((name, c)) = joining(&cmd)
        && let Some(zk) = c.coordinator.as_ref().or(settings.coordinator.as_ref())
    {
        sync::join(store, &reg, name, zk).await?;
    }
    match cmd {
        SyncCmd::Create(a) => create(ctx, &reg, *a, settings.coordinator).await?,
        SyncCmd::List => list(ctx)?,
        SyncCmd::Show { name } => show(ctx, &name)?,
        SyncCmd::Run(a) => run_task(ctx, &reg, a, run).await?,
        SyncCmd::Status { name, .. } => {
            let all = sync::statuses(store, &reg, name.as_deref()).await?;
            if ui.json() {
                ui.print_json(&all);
            } else if all.is_empty() {
                ui.note("no sync tasks");
            }
            if !ui.json() {
                all.iter().for_each(|st| print_status(ctx, st));
            }
        }
        SyncCmd::Stop { name, soft, .. } => match sync::stop(store, &reg, &name, soft).await? {
            sync::Stopped::NotRunning => ui.note(format!("{name} is not running")),
            sync::Stopped::Stopped { pid } => {
                ui.note(format!("{name} stopped at a checkpoint (pid {pid})"))
            }
            sync::Stopped::Workers(w) => ui.note(format!(
                "{name} stopped at a checkpoint ({} worker(s): {})",
                w.len(),
                w.join(", ")
            )),
        },
        SyncCmd::Reset { name, unit, .. } => {
            let n = sync::reset(store, &reg, &name, unit.as_deref()).await?;
            ui.note(match unit {
                Some(u) => format!("{name}: unit {u} will be copied again on the next run ({n} reset)"),
                None => format!("{name}: progress and binlog checkpoint forgotten; the next run copies every unit again into a shadow that replaces its target"),
            });
        }
        SyncCmd::Rm { name, .. } => {
            sync::remove(store, &reg, &name).await?;
            ui.note(format!("removed sync task '{name}' (target data is kept)"));
        }
        SyncCmd::Logs { name, follow, .. } => logs(ctx, &reg, &name, follow).await?,
        SyncCmd::Verify { name, .. } => verify(ctx, &reg, &name).await?,
        SyncCmd::Skipped { name, unit } => {
            let rows = sync::skipped(store, &name, unit.as_deref())?;
            if ui.json() {
                ui.print_json(&rows);
            } else if rows.is_empty() {
                ui.note(format!("{name}: no refused rows recorded"));
            } else {
                let mut t = Table::new(["UNIT", "KEY", "PHASE", "AT", "ERROR"]);
                for r in &rows {
                    t.row([
                        r.unit.clone(),
                        r.key.clone(),
                        r.phase.clone(),
                        r.at.clone(),
                        r.error.clone(),
                    ]);
                }
                ui.print_table(&t);
            }
        }
    }
    Ok(())
}

/// The field mapping of `--fields-file` and the `--include/--exclude/--rename/--column-type`
/// flags.
fn field_map(a: &CreateArgs) -> Result<FieldMap, Usage> {
    let mut map = match &a.fields_file {
        None => FieldMap::default(),
        Some(path) => {
            let text = std::fs::read_to_string(path)
                .map_err(|e| Usage(format!("--fields-file {}: {e}", path.display())))?;
            let map: FieldMap = toml::from_str(&text)
                .map_err(|e| Usage(format!("--fields-file {}: {e}", path.display())))?;
            map.check()
                .map_err(|e| Usage(format!("--fields-file {}: {e}", path.display())))?;
            map
        }
    };
    for (op, values) in [
        (FieldOp::Include, &a.include),
        (FieldOp::Exclude, &a.exclude),
        (FieldOp::Rename, &a.rename),
        (FieldOp::Type, &a.column_type),
    ] {
        for v in values {
            map.add(op, v).map_err(Usage)?;
        }
    }
    Ok(map)
}

/// `--es-mapping FILE`: a JSON object of field → mapping.
fn read_es_mapping(path: &std::path::Path) -> Result<serde_json::Value, Usage> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| Usage(format!("--es-mapping {}: {e}", path.display())))?;
    let v: serde_json::Value = serde_json::from_str(&text)
        .map_err(|e| Usage(format!("--es-mapping {}: not JSON: {e}", path.display())))?;
    if !v.is_object() {
        return Err(Usage(format!(
            "--es-mapping {}: expected a JSON object of field → mapping",
            path.display()
        )));
    }
    Ok(v)
}

async fn create(
    ctx: &Ctx,
    reg: &Registry<'_>,
    a: CreateArgs,
    coordinator: Option<String>,
) -> CliResult {
    let fields = field_map(&a)?;
    let es_mapping = match &a.es_mapping {
        None => None,
        Some(path) => Some(read_es_mapping(path)?),
    };
    let spec = TaskSpec {
        source: a.source,
        target: a.target,
        tables: a.tables,
        mode: match a.mode {
            ModeArg::Mirror => Mode::Mirror,
            ModeArg::History => Mode::History,
        },
        soft_delete: a.soft_delete,
        target_db: a.target_db,
        batch_rows: a.batch_rows,
        batch_bytes: a.batch_bytes,
        parallel: a.parallel,
        server_id: a.server_id,
        time_precision: TimePrecision::default(),
        fields,
        on_error: match a.on_error {
            OnErrorArg::Stop => OnError::Stop,
            OnErrorArg::Skip => OnError::Skip,
        },
        es_mapping,
        id_format: sync::task::ID_FORMAT,
        coordinator: a.coordinator.or(coordinator),
        session_timeout_ms: a.session_timeout.map(|s| s.saturating_mul(1000)),
    };
    let time = a.time_precision.map(|t| match t {
        TimePrecisionArg::Ms => TimePrecision::Ms,
        TimePrecisionArg::Us => TimePrecision::Us,
    });
    // what was stored (the time precision is decided from the target's kind)
    let spec = sync::create(ctx.store()?, reg, &a.name, &spec, time).await?;
    if ctx.ui.json() {
        ctx.ui
            .print_json(&serde_json::json!({"name": a.name, "spec": spec}));
    } else {
        ctx.ui.note(match &spec.coordinator {
            Some(zk) => format!(
                "created sync task '{}' shared through {zk}; start it on each host with `shark sync run {} --coordinator {zk}`",
                a.name, a.name
            ),
            None => format!(
                "created sync task '{}'; start it with `shark sync run {}`",
                a.name, a.name
            ),
        });
    }
    Ok(())
}

fn list(ctx: &Ctx) -> CliResult {
    let (ui, store) = (&ctx.ui, ctx.store()?);
    let tasks = sync::tasks(store)?;
    if ui.json() {
        let v: Vec<serde_json::Value> = tasks
            .iter()
            .map(
                |t| serde_json::json!({"name": t.name, "spec": t.spec, "created_at": t.created_at}),
            )
            .collect();
        ui.print_json(&v);
        return Ok(());
    }
    if tasks.is_empty() {
        ui.note("no sync tasks; create one with `shark sync create NAME --source DB --target MONGO --tables 'db.*'`");
        return Ok(());
    }
    let mut t = Table::new([
        "NAME", "SOURCE", "TARGET", "TABLES", "MODE", "STATE", "PHASE",
    ]);
    for task in tasks {
        let st = sync::status(store, &task.name)?;
        t.row([
            task.name,
            task.spec.source,
            task.spec.target,
            task.spec.tables.join(" "),
            task.spec.mode.as_str().to_string(),
            st.state,
            st.phase.as_str().to_string(),
        ]);
    }
    ui.print_table(&t);
    Ok(())
}

fn show(ctx: &Ctx, name: &str) -> CliResult {
    let spec = sync::load(ctx.store()?, name)?;
    let ui = &ctx.ui;
    if ui.json() {
        ui.print_json(&serde_json::json!({"name": name, "spec": spec}));
        return Ok(());
    }
    let v = serde_json::to_value(&spec)
        .map_err(|e| Runtime(format!("cannot show task {name}: {e}")))?;
    let mut t = Table::new(["FIELD", "VALUE"]);
    t.row(["name".to_string(), name.to_string()]);
    for (k, val) in v.as_object().into_iter().flatten() {
        let shown = match val {
            serde_json::Value::String(s) => s.clone(),
            serde_json::Value::Null => "-".into(),
            other => other.to_string(),
        };
        t.row([k.clone(), shown]);
    }
    ui.print_table(&t);
    Ok(())
}

async fn run_task(ctx: &Ctx, reg: &Registry<'_>, a: RunArgs, run: Option<&RunHandle>) -> CliResult {
    let ui = &ctx.ui;
    let opts = RunOptions {
        once: a.once,
        drop_target: a.drop_target,
        parallel: a.parallel,
    };
    let report = sync::run(ctx.store()?, reg, ui, &a.name, opts, run, ctx.cancel()).await?;
    if ui.json() {
        ui.event(&serde_json::json!({"event": "end", "outcome": report.outcome, "status": report.status}));
    } else {
        print_status(ctx, &report.status);
    }
    match report.outcome {
        Outcome::CaughtUp => ui.note(format!("{}: caught up", a.name)),
        Outcome::Stopped => ui.note(format!(
            "{}: stopped by request (`shark sync stop`) at a checkpoint",
            a.name
        )),
        Outcome::Interrupted => return Err(Interrupted.into()),
    }
    Ok(())
}

async fn logs(ctx: &Ctx, reg: &Registry<'_>, name: &str, follow: bool) -> CliResult {
    let ui = &ctx.ui;
    // a shared task: what each worker does now (their logs are in their own state files)
    if sync::load(ctx.store()?, name)?.coordinator.is_some() {
        match sync::status_shared(ctx.store()?, reg, name).await {
            Ok(st) => {
                for w in st.coordinator.iter().flat_map(|v| &v.workers) {
                    ui.note(format!("worker {}: {}", w.id, describe_worker(w)));
                }
            }
            // this host's log is worth showing all the same
            Err(e) => ui.note(format!("workers unknown: {e}")),
        }
    }
    let mut printed = 0usize;
    loop {
        let Some(log) = sync::latest_log(ctx.store()?, name)? else {
            ui.note(format!("{name} has not run yet"));
            return Ok(());
        };
        for (ts, level, msg) in log.lines.iter().skip(printed) {
            if ui.json() {
                ui.event(&serde_json::json!({"run": log.run_id, "ts": ts, "level": level, "message": msg}));
            } else {
                println!("{ts} {level:>5} {msg}");
            }
        }
        printed = log.lines.len();
        if !follow || !log.running {
            return Ok(());
        }
        tokio::time::sleep(std::time::Duration::from_secs(1)).await;
    }
}

async fn verify(ctx: &Ctx, reg: &Registry<'_>, name: &str) -> CliResult {
    let ui = &ctx.ui;
    let checks = sync::verify_task(ctx.store()?, reg, name).await?;
    if ui.json() {
        ui.print_json(&checks);
    } else {
        let mut t = Table::new([
            "UNIT",
            "SOURCE ROWS",
            "SKIPPED",
            "TARGET DOCS",
            "SOURCE CHECKSUM",
            "TARGET CHECKSUM",
            "RESULT",
        ]);
        for c in &checks {
            t.row([
                c.unit.clone(),
                c.source_rows.to_string(),
                c.skipped.to_string(),
                c.target_docs.to_string(),
                c.source_checksum[..16].to_string(),
                c.target_checksum[..16].to_string(),
                ui.status(if c.ok { "ok" } else { "FAIL" }),
            ]);
        }
        ui.print_table(&t);
    }
    let bad: Vec<String> = checks
        .iter()
        .filter(|c| !c.ok)
        .map(|c| {
            // tables without a key: which rows have a different number of copies
            let rows: Vec<String> = c
                .differences
                .iter()
                .map(|d| {
                    format!(
                        "row {}: {} in the source, {} in the target",
                        d.row, d.source, d.target
                    )
                })
                .collect();
            if rows.is_empty() {
                c.unit.clone()
            } else {
                format!("{} ({})", c.unit, rows.join("; "))
            }
        })
        .collect();
    if !bad.is_empty() {
        return Err(Problems(format!(
            "{name}: {} unit(s) differ: {}; `shark sync reset {name} --unit UNIT` copies one again",
            bad.len(),
            bad.join(", ")
        ))
        .into());
    }
    Ok(())
}

fn print_status(ctx: &Ctx, st: &sync::Status) {
    let ui = &ctx.ui;
    let pos = st
        .position
        .as_ref()
        .map_or_else(|| "-".to_string(), |p| p.to_string());
    let lag = st
        .lag_s
        .map_or_else(|| "-".to_string(), |l| format!("{l}s"));
    let gtid = st
        .gtid
        .as_ref()
        .map_or_else(String::new, |g| format!(" · gtid {g}"));
    let host = st
        .host
        .as_ref()
        .map_or_else(String::new, |h| format!(" · from {h}"));
    let holder = match st.lease.as_ref().filter(|l| l.alive) {
        Some(l) => format!(" · pid {} on {}", l.pid, l.host),
        None => String::new(),
    };
    ui.line(format!(
        "{} · {} · {} · phase {} · binlog {pos}{gtid}{host} · lag {lag}{holder}",
        st.name,
        st.mode.as_str(),
        ui.status(&st.state),
        st.phase.as_str(),
    ));
    if !st.units.is_empty() {
        let mut t = Table::new(["UNIT", "PHASE", "ROWS", "OF ~", "UPDATED"]);
        for u in &st.units {
            t.row([
                u.unit.clone(),
                u.phase.to_string(),
                u.rows_done.to_string(),
                u.rows_total.map_or_else(String::new, |x| x.to_string()),
                u.updated_at.clone(),
            ]);
        }
        ui.print_table(&t);
    }
    if let Some(v) = &st.coordinator {
        ui.line(format!(
            "coordinator {} · leader {} · {} worker(s)",
            v.coordinator,
            v.leader.as_deref().unwrap_or("-"),
            v.workers.len()
        ));
        if !v.workers.is_empty() {
            let mut t = Table::new(["WORKER", "ROLE", "LAG", "UNITS", "SINCE", "STATE FILE"]);
            for w in &v.workers {
                t.row([
                    w.id.clone(),
                    w.role.clone(),
                    w.lag_s.map_or_else(|| "-".to_string(), |l| format!("{l}s")),
                    w.units.join(" "),
                    w.since.clone(),
                    w.state.clone(),
                ]);
            }
            ui.print_table(&t);
        }
    }
    if let Some(e) = &st.last_error {
        ui.line(format!("last error: {e}"));
    }
}

/// One worker of a shared task, in a line.
fn describe_worker(w: &sync::coord::session::WorkerInfo) -> String {
    let mut s = w.role.clone();
    if let Some(l) = w.lag_s {
        s.push_str(&format!(", lag {l}s"));
    }
    if !w.units.is_empty() {
        s.push_str(&format!(", copying {}", w.units.join(" ")));
    }
    format!("{s}, since {} (state file {})", w.since, w.state)
}

/// Every unit phase with what it means, for `sync status --help`.
pub fn phases_help() -> String {
    let mut s = String::from(
        "Task phases: new (never run), copy (full copy), cdc (following the binlog), copied (an Elasticsearch source: copied, nothing to follow). Unit phases:",
    );
    for p in Phase::ALL {
        s.push_str(&format!(" {} ({});", p.as_str(), p.describe()));
    }
    s.pop();
    s
}
