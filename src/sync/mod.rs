//! `shark sync`: MySQL/MariaDB → MongoDB pipelines. A task copies every selected table in full
//! (keyset pages, resumable mid-table), then follows the binlog (mirror or history mode), with
//! per-unit progress and the binlog checkpoint in the state file.
//!
//! The entry points below take plain values and return plain values; `cli/sync.rs` parses the
//! command line, calls one of them and renders what it returns.

pub mod book;
pub mod coord;
pub mod endpoints;
pub mod engine;
pub mod error;
pub mod es;
pub mod model;
pub mod sink;
pub mod source;
pub mod store;
pub mod task;
pub mod verify;

pub use engine::runner::{Hooks, Outcome, RunOptions};
pub use error::SyncError;
pub use store::{Phase, SyncStore, TaskPhase, TaskRow, UnitRow, task_key};
pub use task::{Mode, TaskSpec};

use crate::cancel::Cancel;
use crate::conn::Registry;
use crate::state::{Checkpoint, LeaseInfo, RunHandle, Store};
use crate::ui::{LogProgress, Progress, Ui, UiProgress};
use model::value::TimePrecision;
use source::binlog::Pos;
use std::collections::{BTreeMap, BTreeSet};
use std::time::Duration;

/// Create a task after checking its name, its options and that its connections exist and have
/// the right kinds. `time`: the DATETIME/TIMESTAMP precision asked for; None: exact where the
/// target can hold it ([`endpoints::exact_time`]). Returns the definition as stored.
pub async fn create(
    store: &Store,
    reg: &Registry<'_>,
    name: &str,
    spec: &TaskSpec,
    time: Option<TimePrecision>,
) -> Result<TaskSpec, SyncError> {
    if name.is_empty()
        || !name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))
    {
        return Err(SyncError::Usage(format!(
            "task name '{name}' may only contain letters, digits, '-', '_' and '.'"
        )));
    }
    if spec.soft_delete && spec.mode == Mode::History {
        return Err(SyncError::Usage(
            "--soft-delete is for mirror mode; history mode keeps tombstones".into(),
        ));
    }
    let (_, target) = endpoints::connections(reg, spec)?;
    let spec = TaskSpec {
        time_precision: time.unwrap_or(endpoints::exact_time(target.kind)),
        ..spec.clone()
    };
    let sync = SyncStore::new(store)?;
    if let Some(zk) = &spec.coordinator {
        if sync.task_names()?.iter().any(|n| n == name) {
            return Err(SyncError::Usage(format!(
                "sync task '{name}' exists on this host; pick another name or `shark sync rm` it first"
            )));
        }
        if let Some(ms) = spec.session_timeout_ms
            && !(coord::MIN_SESSION_TIMEOUT..=coord::MAX_SESSION_TIMEOUT)
                .contains(&Duration::from_millis(ms))
        {
            return Err(SyncError::Usage(format!(
                "--session-timeout {}s: between {} and {} seconds (the ensemble narrows it to 2..20 ticks)",
                ms / 1000,
                coord::MIN_SESSION_TIMEOUT.as_secs(),
                coord::MAX_SESSION_TIMEOUT.as_secs()
            )));
        }
        coord::publish(&coord::connection(reg, zk)?, name, &spec).await?;
    }
    sync.insert_task(name, &spec)?;
    Ok(spec)
}

/// A host joins a shared task: the definition the coordinator `zk` holds is stored in this
/// host's state file (with `zk`, this host's name for the coordinator), unless the task is
/// known here already. Returns the definition.
pub async fn join(
    store: &Store,
    reg: &Registry<'_>,
    name: &str,
    zk: &str,
) -> Result<TaskSpec, SyncError> {
    let sync = SyncStore::new(store)?;
    if sync.task_names()?.iter().any(|n| n == name) {
        return sync.task(name);
    }
    let conn = coord::connection(reg, zk)?;
    let spec = TaskSpec {
        coordinator: Some(zk.to_string()),
        ..coord::fetch(&conn, name).await?
    };
    endpoints::connections(reg, &spec)?;
    sync.insert_task(name, &spec)?;
    Ok(spec)
}

/// A task's definition.
pub fn load(store: &Store, name: &str) -> Result<TaskSpec, SyncError> {
    SyncStore::new(store)?.task(name)
}

/// Every task's definition.
pub fn tasks(store: &Store) -> Result<Vec<TaskRow>, SyncError> {
    SyncStore::new(store)?.tasks()
}

/// Everything `status` shows about a task.
#[derive(Debug, serde::Serialize)]
pub struct Status {
    pub name: String,
    pub mode: Mode,
    /// running | stopping | idle | dead (a lease left by a process that died)
    pub state: String,
    pub phase: TaskPhase,
    pub binlog: Option<Checkpoint>,
    /// The binlog position of the checkpoint, when there is one.
    #[serde(skip)]
    pub position: Option<Pos>,
    /// The GTID position of the checkpoint (MariaDB), when recorded.
    pub gtid: Option<String>,
    /// The source host the checkpoint was taken on (`HOST:PORT`): the one followed.
    pub host: Option<String>,
    pub lag_s: Option<i64>,
    pub units: Vec<UnitRow>,
    pub lease: Option<LeaseInfo>,
    pub last_error: Option<String>,
    /// A shared task: its coordinator's workers and leader.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub coordinator: Option<coord::View>,
}

/// The status of a task as this host's state file knows it (a shared task's progress and
/// workers are in its coordinator: [`statuses`] reads them).
pub fn status(store: &Store, name: &str) -> Result<Status, SyncError> {
    let sync = SyncStore::new(store)?;
    let key = task_key(name);
    let binlog = store.checkpoint(&key, engine::runner::BINLOG_UNIT)?;
    status_of(store, name, binlog, sync.units(name)?, None)
}

/// A task's status from its checkpoint and units (and the coordinator's view).
fn status_of(
    store: &Store,
    name: &str,
    binlog: Option<Checkpoint>,
    units: Vec<UnitRow>,
    view: Option<coord::View>,
) -> Result<Status, SyncError> {
    let sync = SyncStore::new(store)?;
    let spec = sync.task(name)?;
    let key = task_key(name);
    let lease = store.lease(&key)?;
    let state = match (&view, &lease) {
        (Some(v), _) if v.stopping => "stopping",
        (Some(v), _) if !v.workers.is_empty() => "running",
        (Some(_), _) => "idle",
        (None, Some(l)) if l.alive && l.stop_requested.is_some() => "stopping",
        (None, Some(l)) if l.alive => "running",
        (None, Some(_)) => "dead",
        (None, None) => "idle",
    };
    let (phase, lag_s, position) = match &binlog {
        None => (TaskPhase::New, None, None),
        Some(cp) => {
            let p = store::BinlogProgress::parse(name, &cp.progress)?;
            let pos: Pos =
                serde_json::from_value(cp.position.clone()).map_err(|e| SyncError::Unreadable {
                    task: name.into(),
                    what: format!(
                        "binlog checkpoint (checkpoints.position of {})",
                        engine::runner::BINLOG_UNIT
                    ),
                    detail: e.to_string(),
                    hint: format!("run `shark sync reset {name}` to copy everything again"),
                })?;
            // a source without a change stream records no position
            (p.phase, p.lag_s, (!pos.file.is_empty()).then_some(pos))
        }
    };
    // The newest failure of this task's runs, until a later run ends ok (an interrupted run
    // neither shows nor clears it).
    let last_error = store
        .runs(Some("sync run"), 20)?
        .into_iter()
        .filter(|r| r.target.as_deref() == Some(name))
        .find(|r| !matches!(r.status.as_str(), "running" | "interrupted"))
        .filter(|r| r.status.as_str() != "ok")
        .and_then(|r| {
            r.summary
                .and_then(|s| s["error"].as_str().map(str::to_string))
        });
    Ok(Status {
        name: name.into(),
        mode: spec.mode,
        state: state.into(),
        phase,
        gtid: position
            .as_ref()
            .and_then(|p: &Pos| p.gtid.as_ref().map(|g| g.to_string())),
        host: position.as_ref().and_then(|p: &Pos| p.host.clone()),
        binlog,
        position,
        lag_s,
        units,
        lease,
        last_error,
        coordinator: view,
    })
}

/// The status of a task, from its coordinator when it is shared.
pub async fn status_shared(
    store: &Store,
    reg: &Registry<'_>,
    name: &str,
) -> Result<Status, SyncError> {
    let spec = load(store, name)?;
    let Some(zk) = &spec.coordinator else {
        return status(store, name);
    };
    let view = coord::view(&coord::connection(reg, zk)?, name).await?;
    let (binlog, units) = (view.checkpoint.clone(), view.units.clone());
    status_of(store, name, binlog, units, Some(view))
}

/// The status of one task, or of every task.
pub async fn statuses(
    store: &Store,
    reg: &Registry<'_>,
    name: Option<&str>,
) -> Result<Vec<Status>, SyncError> {
    let names = match name {
        Some(n) => vec![n.to_string()],
        None => SyncStore::new(store)?.task_names()?,
    };
    let mut out = vec![];
    for n in names {
        out.push(status_shared(store, reg, &n).await?);
    }
    Ok(out)
}

/// Changing a task's state under a running process would corrupt its progress.
pub fn refuse_if_running(store: &Store, name: &str) -> Result<(), SyncError> {
    match store.lease(&task_key(name))? {
        Some(l) if l.alive => Err(SyncError::Usage(format!(
            "{name} is running (pid {}); `shark sync stop {name}` first",
            l.pid
        ))),
        _ => Ok(()),
    }
}

/// Forget progress so the next run copies again (every unit and the binlog checkpoint, or one
/// unit); returns how many units were reset.
pub async fn reset(
    store: &Store,
    reg: &Registry<'_>,
    name: &str,
    unit: Option<&str>,
) -> Result<usize, SyncError> {
    let sync = SyncStore::new(store)?;
    let spec = sync.task(name)?;
    refuse_if_running(store, name)?;
    let n = match &spec.coordinator {
        Some(zk) => {
            let n = coord::reset(&coord::connection(reg, zk)?, name, unit).await?;
            // this host's records of refused rows go with it
            sync.reset(name, unit)?;
            n
        }
        None => sync.reset(name, unit)?,
    };
    // every unit is copied again: with today's Elasticsearch `_id`s
    if unit.is_none() && spec.id_format != task::ID_FORMAT {
        let spec = TaskSpec {
            id_format: task::ID_FORMAT,
            ..spec
        };
        sync.update_task(name, &spec)?;
    }
    Ok(n)
}

/// Delete a task and its state (target data stays).
/// A shared task is removed from its coordinator too (every host's workers then refuse to
/// run it).
pub async fn remove(store: &Store, reg: &Registry<'_>, name: &str) -> Result<(), SyncError> {
    refuse_if_running(store, name)?;
    let spec = load(store, name)?;
    if let Some(zk) = &spec.coordinator {
        coord::remove(&coord::connection(reg, zk)?, name).await?;
    }
    SyncStore::new(store)?.delete_task(name)
}

/// What `run` ended with: how, and the task's status afterwards.
pub struct RunReport {
    pub outcome: Outcome,
    pub status: Status,
}

/// `sync run`: load the task, pick the progress display, run it until caught up (`--once`),
/// stopped (`sync stop`) or cancelled (`cancel`: Ctrl-C / SIGTERM).
pub async fn run(
    store: &Store,
    reg: &Registry<'_>,
    ui: &Ui,
    name: &str,
    opts: RunOptions,
    run: Option<&RunHandle>,
    cancel: Cancel,
) -> Result<RunReport, SyncError> {
    let spec = load(store, name)?;
    let progress: Box<dyn Progress> = if ui.quiet {
        Box::new(LogProgress)
    } else {
        Box::new(UiProgress::new(ui))
    };
    let hooks = Hooks {
        progress: progress.as_ref(),
        run,
        cancel,
    };
    let outcome = engine::runner::run(store, reg, name, spec, opts, hooks).await?;
    Ok(RunReport {
        outcome,
        status: status_shared(store, reg, name).await?,
    })
}

/// How `sync stop` ended.
pub enum Stopped {
    /// Nothing was running.
    NotRunning,
    /// The run stopped at a checkpoint.
    Stopped { pid: i64 },
    /// The workers of a shared task (`host:pid:token`) stopped at a checkpoint.
    Workers(Vec<String>),
}

/// How long `sync stop` waits for the run to reach its checkpoint.
const STOP_WAIT: Duration = Duration::from_secs(60);

/// `sync stop`: flag the task's lease so its run stops at its next checkpoint (it exits 0),
/// and wait until it has. `soft` only changes the wording: either way the batch or transaction
/// in flight is finished first.
pub async fn stop(
    store: &Store,
    reg: &Registry<'_>,
    name: &str,
    soft: bool,
) -> Result<Stopped, SyncError> {
    let spec = load(store, name)?;
    if let Some(zk) = &spec.coordinator {
        let workers = coord::stop(&coord::connection(reg, zk)?, name).await?;
        return Ok(if workers.is_empty() {
            Stopped::NotRunning
        } else {
            Stopped::Workers(workers)
        });
    }
    let key = task_key(name);
    let Some(lease) = store.request_stop(&key)? else {
        return Ok(Stopped::NotRunning);
    };
    tracing::debug!(soft, pid = lease.pid, "stop requested");
    let deadline = tokio::time::Instant::now() + STOP_WAIT;
    while tokio::time::Instant::now() < deadline {
        match store.lease(&key)? {
            Some(l) if l.alive => tokio::time::sleep(Duration::from_millis(100)).await,
            _ => return Ok(Stopped::Stopped { pid: lease.pid }),
        }
    }
    Err(SyncError::Usage(format!(
        "{name} (pid {}) did not stop within {}s; it stops at its next checkpoint",
        lease.pid,
        STOP_WAIT.as_secs()
    )))
}

/// The log of a task's latest run that logged something.
pub struct RunLog {
    pub run_id: i64,
    pub running: bool,
    /// (timestamp, level, message)
    pub lines: Vec<(String, String, String)>,
}

/// The latest `sync run` of `name` that did something (a refused second runner logs nothing).
pub fn latest_log(store: &Store, name: &str) -> Result<Option<RunLog>, SyncError> {
    load(store, name)?;
    for r in store.runs(Some("sync run"), 50)? {
        if r.target.as_deref() != Some(name) {
            continue;
        }
        let running = r.status == crate::state::RunStatus::Running;
        let lines = store.run_logs(r.id)?;
        if running || !lines.is_empty() {
            return Ok(Some(RunLog {
                run_id: r.id,
                running,
                lines,
            }));
        }
    }
    Ok(None)
}

/// `sync verify`: per unit, row count and an order-independent checksum of the source table
/// against the target collection.
pub async fn verify_task(
    store: &Store,
    reg: &Registry<'_>,
    name: &str,
) -> Result<Vec<verify::UnitCheck>, SyncError> {
    let spec = load(store, name)?;
    let (source, target) = endpoints::connections(reg, &spec)?;
    let source = endpoints::source(&source, target.kind).await?;
    let sink = endpoints::sink(&target, &spec).await?;
    let mut skipped: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for r in SyncStore::new(store)?.skipped(name, None)? {
        skipped.entry(r.unit).or_default().insert(r.key);
    }
    verify::verify(source.as_ref(), sink.as_ref(), &spec, &skipped).await
}

/// The rows a sink refused and `--on-error skip` recorded, of every unit or of one.
pub fn skipped(
    store: &Store,
    name: &str,
    unit: Option<&str>,
) -> Result<Vec<store::SkippedRow>, SyncError> {
    let sync = SyncStore::new(store)?;
    sync.task(name)?;
    sync.skipped(name, unit)
}
