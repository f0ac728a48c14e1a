//! `shark sync create|list|show|run|status|stop|reset|rm|logs|verify`.

use super::Ctx;
use crate::conn::Registry;
use crate::exit::{Interrupted, Problems};
use crate::state::RunHandle;
use crate::sync::{self, Hooks, Mode, Outcome, RunOptions, TaskSpec};
use crate::ui::{LogProgress, Progress, Table, UiProgress};
use clap::{Args, Subcommand, ValueEnum};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

const SYNC_HELP: &str = "A task copies every selected MySQL/MariaDB table to MongoDB (keyset pages on the primary key, \
resumable mid-table), then follows the binlog. The binlog position is recorded before the copy starts and replayed with \
idempotent writes, so nothing changed during the copy is lost or applied twice. The source needs log_bin, \
binlog_format=ROW, binlog_row_image=FULL (binlog_row_metadata=FULL recommended) and a user with SELECT, \
REPLICATION SLAVE and REPLICATION CLIENT (MariaDB: BINLOG MONITOR): `shark conn test SOURCE` checks all of it.";

#[derive(Debug, Subcommand)]
pub enum SyncCmd {
    /// Define a task: source, target, tables, mode
    #[command(after_long_help = SYNC_HELP)]
    Create(CreateArgs),
    /// List tasks
    List,
    /// Show a task's definition
    Show {
        /// Task name
        name: String,
    },
    /// Full copy of what is not copied yet, then follow the binlog (Ctrl-C stops at a checkpoint, exit 130)
    #[command(after_long_help = SYNC_HELP)]
    Run(RunArgs),
    /// Phase, per-unit progress, binlog position, lag and last error (all tasks without NAME)
    Status {
        /// Task name
        name: Option<String>,
    },
    /// Stop a running task from another terminal, at its next checkpoint
    Stop {
        /// Task name
        name: String,
        /// Let it finish the current batch / transaction before it stops (exit 0 instead of 130)
        #[arg(long)]
        soft: bool,
    },
    /// Forget progress so the next run copies again (everything, or one unit)
    Reset {
        /// Task name
        name: String,
        /// Only this unit (db.table); the binlog checkpoint stays
        #[arg(long)]
        unit: Option<String>,
    },
    /// Delete a task and its state (target data stays)
    Rm {
        /// Task name
        name: String,
    },
    /// The log of the task's latest run
    Logs {
        /// Task name
        name: String,
        /// Keep printing new lines while the run goes on
        #[arg(short, long)]
        follow: bool,
    },
    /// Compare row counts and checksums of source tables and target collections; exit 1 on a mismatch
    Verify {
        /// Task name
        name: String,
    },
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum ModeArg {
    Mirror,
    History,
}

#[derive(Debug, Args)]
pub struct CreateArgs {
    /// Task name
    pub name: String,
    /// Source connection (mysql)
    #[arg(long)]
    pub source: String,
    /// Target connection (mongodb)
    #[arg(long)]
    pub target: String,
    /// Tables: db.table, db.* or /regex/ on db.table (repeatable)
    #[arg(long = "tables", required = true, value_name = "PATTERN")]
    pub tables: Vec<String>,
    /// mirror: _id = primary key, documents follow the rows; history: one version document per change
    #[arg(long, value_enum, default_value = "mirror")]
    pub mode: ModeArg,
    /// Mirror mode: mark deleted rows with _deleted / _deleted_at instead of deleting documents
    #[arg(long)]
    pub soft_delete: bool,
    /// Target database (default: the source database's name)
    #[arg(long)]
    pub target_db: Option<String>,
    /// Rows per batch (full copy and CDC writes)
    #[arg(long, default_value_t = 2000)]
    pub batch_rows: usize,
    /// Bytes per full-copy batch (approximate)
    #[arg(long, default_value_t = 8 << 20)]
    pub batch_bytes: usize,
    /// Tables copied at once
    #[arg(long, default_value_t = 2)]
    pub parallel: usize,
    /// Replica server id for reading the binlog (default: derived from the task name)
    #[arg(long)]
    pub server_id: Option<u32>,
}

#[derive(Debug, Args)]
pub struct RunArgs {
    /// Task name
    pub name: String,
    /// Catch up to the binlog position current at start, then exit 0 (cron, CI)
    #[arg(long, conflicts_with = "follow")]
    pub once: bool,
    /// Follow the binlog until Ctrl-C or `sync stop` (the default)
    #[arg(long)]
    pub follow: bool,
    /// Drop each target collection before its unit's full copy
    #[arg(long)]
    pub drop_target: bool,
    /// Tables copied at once (overrides the task's setting)
    #[arg(long)]
    pub parallel: Option<usize>,
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
            | SyncCmd::Rm { name } => Some(name.clone()),
            SyncCmd::Logs { name, .. } | SyncCmd::Verify { name } => Some(name.clone()),
            SyncCmd::Status { name } => name.clone(),
            SyncCmd::List => None,
        }
    }
}

pub async fn run(cmd: SyncCmd, ctx: &Ctx, run: Option<&RunHandle>) -> crate::exit::CliResult {
    let store = ctx.store()?;
    let reg = Registry::new(store, &ctx.config);
    let ui = &ctx.ui;
    match cmd {
        SyncCmd::Create(a) => {
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
            };
            if spec.soft_delete && spec.mode == Mode::History {
                return Err(sync::SyncError::Usage(
                    "--soft-delete is for mirror mode; history mode keeps tombstones".into(),
                )
                .into());
            }
            sync::create(store, &reg, &a.name, &spec)?;
            if ui.json() {
                ui.print_json(&serde_json::json!({"name": a.name, "spec": spec}));
            } else {
                ui.note(format!(
                    "created sync task '{}'; start it with `shark sync run {}`",
                    a.name, a.name
                ));
            }
        }
        SyncCmd::List => {
            let tasks = store.sync_tasks()?;
            if ui.json() {
                let v: Vec<serde_json::Value> = tasks
                    .iter()
                    .map(|(n, s, c)| serde_json::json!({"name": n, "spec": s, "created_at": c}))
                    .collect();
                ui.print_json(&v);
            } else if tasks.is_empty() {
                ui.note("no sync tasks; create one with `shark sync create NAME --source DB --target MONGO --tables 'db.*'`");
            } else {
                let mut t = Table::new([
                    "NAME", "SOURCE", "TARGET", "TABLES", "MODE", "STATE", "PHASE",
                ]);
                for (n, s, _) in tasks {
                    let st = sync::status(store, &n)?;
                    t.row([
                        n,
                        s["source"].as_str().unwrap_or("").to_string(),
                        s["target"].as_str().unwrap_or("").to_string(),
                        s["tables"]
                            .as_array()
                            .map(|a| {
                                a.iter()
                                    .filter_map(|x| x.as_str())
                                    .collect::<Vec<_>>()
                                    .join(" ")
                            })
                            .unwrap_or_default(),
                        s["mode"].as_str().unwrap_or("").to_string(),
                        st.state,
                        st.phase,
                    ]);
                }
                ui.print_table(&t);
            }
        }
        SyncCmd::Show { name } => {
            let spec = sync::load(store, &name)?;
            if ui.json() {
                ui.print_json(&serde_json::json!({"name": name, "spec": spec}));
            } else {
                let v = serde_json::to_value(&spec).unwrap_or_default();
                let mut t = Table::new(["FIELD", "VALUE"]);
                t.row(["name".to_string(), name]);
                for (k, val) in v.as_object().into_iter().flatten() {
                    let shown = match val {
                        serde_json::Value::String(s) => s.clone(),
                        serde_json::Value::Null => "-".into(),
                        other => other.to_string(),
                    };
                    t.row([k.clone(), shown]);
                }
                ui.print_table(&t);
            }
        }
        SyncCmd::Run(a) => {
            let spec = sync::load(store, &a.name)?;
            let interrupted = Arc::new(AtomicBool::new(false));
            {
                let flag = interrupted.clone();
                tokio::spawn(async move {
                    let mut term =
                        tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate())
                            .ok();
                    tokio::select! {
                        _ = tokio::signal::ctrl_c() => {}
                        _ = async { match term.as_mut() { Some(t) => { t.recv().await; } None => std::future::pending::<()>().await } } => {}
                    }
                    flag.store(true, Ordering::Relaxed);
                });
            }
            let progress: Box<dyn Progress> = if ui.quiet {
                Box::new(LogProgress)
            } else {
                Box::new(UiProgress::new(ui))
            };
            let opts = RunOptions {
                once: a.once,
                drop_target: a.drop_target,
                parallel: a.parallel,
            };
            let hooks = Hooks {
                progress: progress.as_ref(),
                run,
                interrupted,
            };
            let outcome = sync::runner::run(store, &reg, &a.name, spec, opts, hooks).await?;
            let st = sync::status(store, &a.name)?;
            if ui.json() {
                ui.event(&serde_json::json!({"event": "end", "outcome": format!("{outcome:?}").to_lowercase(), "status": st}));
            } else {
                print_status(ctx, &st);
            }
            match outcome {
                Outcome::CaughtUp => ui.note(format!("{}: caught up", a.name)),
                Outcome::Stopped => {
                    ui.note(format!("{}: stopped by request at a checkpoint", a.name))
                }
                Outcome::Interrupted => return Err(Interrupted.into()),
            }
        }
        SyncCmd::Status { name } => {
            let names: Vec<String> = match name {
                Some(n) => vec![n],
                None => store.sync_tasks()?.into_iter().map(|t| t.0).collect(),
            };
            let all: Vec<sync::Status> = names
                .iter()
                .map(|n| sync::status(store, n))
                .collect::<Result<_, _>>()?;
            if ui.json() {
                ui.print_json(&all);
            } else if all.is_empty() {
                ui.note("no sync tasks");
            } else {
                for st in &all {
                    print_status(ctx, st);
                }
            }
        }
        SyncCmd::Stop { name, soft } => {
            sync::load(store, &name)?;
            let key = sync::runner::task_key(&name);
            let Some(lease) = store.request_stop(&key)? else {
                ui.note(format!("{name} is not running"));
                return Ok(());
            };
            if !soft && lease.alive && lease.host == crate::state::Holder::current().host {
                // the holder's SIGTERM handler stops at the next event boundary
                let _ = std::process::Command::new("kill")
                    .arg("-TERM")
                    .arg(lease.pid.to_string())
                    .status();
            }
            for _ in 0..600 {
                match store.lease(&key)? {
                    Some(l) if l.alive => {
                        tokio::time::sleep(std::time::Duration::from_millis(100)).await
                    }
                    _ => {
                        ui.note(format!(
                            "{name} stopped at a checkpoint (pid {})",
                            lease.pid
                        ));
                        return Ok(());
                    }
                }
            }
            return Err(sync::SyncError::Usage(format!(
                "{name} (pid {}) did not stop within 60s; it stops at its next checkpoint",
                lease.pid
            ))
            .into());
        }
        SyncCmd::Reset { name, unit } => {
            sync::load(store, &name)?;
            sync::refuse_if_running(store, &name)?;
            let n = store.sync_reset(&name, unit.as_deref())?;
            ui.note(match unit {
                Some(u) => format!("{name}: unit {u} will be copied again on the next run ({n} reset)"),
                None => format!("{name}: progress and binlog checkpoint forgotten; the next run copies everything again"),
            });
        }
        SyncCmd::Rm { name } => {
            sync::refuse_if_running(store, &name)?;
            store.sync_task_delete(&name)?;
            ui.note(format!("removed sync task '{name}' (target data is kept)"));
        }
        SyncCmd::Logs { name, follow } => {
            sync::load(store, &name)?;
            let mut printed = 0usize;
            loop {
                // the latest run that did something (a refused second runner logs nothing)
                let runs: Vec<crate::state::RunRow> = store
                    .runs(Some("sync run"), 50)?
                    .into_iter()
                    .filter(|r| r.target.as_deref() == Some(name.as_str()))
                    .collect();
                let mut latest = None;
                for r in runs {
                    if r.status == "running" || !store.run_logs(r.id)?.is_empty() {
                        latest = Some(r);
                        break;
                    }
                }
                let Some(r) = latest else {
                    ui.note(format!("{name} has not run yet"));
                    return Ok(());
                };
                let lines = store.run_logs(r.id)?;
                for (ts, level, msg) in lines.iter().skip(printed) {
                    if ui.json() {
                        ui.event(&serde_json::json!({"run": r.id, "ts": ts, "level": level, "message": msg}));
                    } else {
                        println!("{ts} {level:>5} {msg}");
                    }
                }
                printed = lines.len();
                if !follow || r.status != "running" {
                    return Ok(());
                }
                tokio::time::sleep(std::time::Duration::from_secs(1)).await;
            }
        }
        SyncCmd::Verify { name } => {
            let spec = sync::load(store, &name)?;
            let (source, target) = sync::runner::connections(&reg, &spec)?;
            let sink =
                sync::sink::mongo::MongoSink::connect(&target, spec.mode, spec.soft_delete).await?;
            let checks = sync::verify::verify(&source, &sink, &spec).await?;
            if ui.json() {
                ui.print_json(&checks);
            } else {
                let mut t = Table::new([
                    "UNIT",
                    "SOURCE ROWS",
                    "TARGET DOCS",
                    "SOURCE CHECKSUM",
                    "TARGET CHECKSUM",
                    "RESULT",
                ]);
                for c in &checks {
                    t.row([
                        c.unit.clone(),
                        c.source_rows.to_string(),
                        c.target_docs.to_string(),
                        c.source_checksum[..16].to_string(),
                        c.target_checksum[..16].to_string(),
                        ui.status(if c.ok { "ok" } else { "FAIL" }),
                    ]);
                }
                ui.print_table(&t);
            }
            let bad: Vec<&str> = checks
                .iter()
                .filter(|c| !c.ok)
                .map(|c| c.unit.as_str())
                .collect();
            if !bad.is_empty() {
                return Err(Problems(format!("{name}: {} unit(s) differ: {}; `shark sync reset {name} --unit UNIT` copies one again", bad.len(), bad.join(", "))).into());
            }
        }
    }
    Ok(())
}

fn print_status(ctx: &Ctx, st: &sync::Status) {
    let ui = &ctx.ui;
    let pos = st
        .binlog
        .as_ref()
        .map(|b| {
            format!(
                "{}:{}",
                b.position["file"].as_str().unwrap_or("?"),
                b.position["pos"]
            )
        })
        .unwrap_or_else(|| "-".into());
    ui.line(format!(
        "{} · {} · {} · phase {} · binlog {} · lag {}{}",
        st.name,
        st.mode.as_str(),
        ui.status(&st.state),
        st.phase,
        pos,
        st.lag_s
            .map(|l| format!("{l}s"))
            .unwrap_or_else(|| "-".into()),
        st.lease
            .as_ref()
            .filter(|l| l.alive)
            .map(|l| format!(" · pid {} on {}", l.pid, l.host))
            .unwrap_or_default()
    ));
    if !st.units.is_empty() {
        let mut t = Table::new(["UNIT", "PHASE", "ROWS", "OF ~", "UPDATED"]);
        for u in &st.units {
            t.row([
                u.unit.clone(),
                u.phase.clone(),
                u.rows_done.to_string(),
                u.rows_total.map(|x| x.to_string()).unwrap_or_default(),
                u.updated_at.clone(),
            ]);
        }
        ui.print_table(&t);
    }
    if let Some(e) = &st.last_error {
        ui.line(format!("last error: {e}"));
    }
}
