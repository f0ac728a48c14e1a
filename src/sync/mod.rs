//! `shark sync`: MySQL/MariaDB → MongoDB pipelines. A task copies every selected table in full
//! (keyset pages, resumable mid-table), then follows the binlog (mirror or history mode), with
//! per-unit progress and the binlog checkpoint in the state file.

pub mod change;
pub mod doc;
pub mod error;
pub mod runner;
pub mod schema;
pub mod sink;
pub mod source;
pub mod store;
pub mod task;
pub mod value;
pub mod verify;

pub use error::SyncError;
pub use runner::{Hooks, Outcome, RunOptions};
pub use task::{Mode, TaskSpec};

use crate::conn::Registry;
use crate::state::{Checkpoint, LeaseInfo, Store, UnitRow};

/// Create a task after checking its connections exist and have the right kinds.
pub fn create(
    store: &Store,
    reg: &Registry<'_>,
    name: &str,
    spec: &TaskSpec,
) -> Result<(), SyncError> {
    if name.is_empty()
        || !name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))
    {
        return Err(SyncError::Usage(format!(
            "task name '{name}' may only contain letters, digits, '-', '_' and '.'"
        )));
    }
    spec.validate().map_err(SyncError::Usage)?;
    runner::connections(reg, spec)?;
    store.sync_task_insert(name, &serde_json::to_value(spec).unwrap_or_default())?;
    Ok(())
}

pub fn load(store: &Store, name: &str) -> Result<TaskSpec, SyncError> {
    let v = store.sync_task(name)?;
    serde_json::from_value(v)
        .map_err(|e| SyncError::Usage(format!("task {name} cannot be read by this shark: {e}")))
}

/// Everything `status` shows about a task.
#[derive(Debug, serde::Serialize)]
pub struct Status {
    pub name: String,
    pub mode: Mode,
    /// running | stopping | idle | dead (a lease left by a process that died)
    pub state: String,
    /// copy | cdc | new
    pub phase: String,
    pub binlog: Option<Checkpoint>,
    pub lag_s: Option<i64>,
    pub units: Vec<UnitRow>,
    pub lease: Option<LeaseInfo>,
    pub last_error: Option<String>,
}

pub fn status(store: &Store, name: &str) -> Result<Status, SyncError> {
    let spec = load(store, name)?;
    let key = runner::task_key(name);
    let binlog = store.checkpoint(&key, runner::BINLOG_UNIT)?;
    let units = store.sync_units(name)?;
    let lease = store.lease(&key)?;
    let state = match &lease {
        Some(l) if l.alive && l.stop_requested.is_some() => "stopping",
        Some(l) if l.alive => "running",
        Some(_) => "dead",
        None => "idle",
    };
    let phase = match &binlog {
        None => "new".to_string(),
        Some(cp) => cp.progress["phase"].as_str().unwrap_or("copy").to_string(),
    };
    let lag_s = binlog.as_ref().and_then(|cp| cp.progress["lag_s"].as_i64());
    let last_error = store
        .runs(Some("sync run"), 20)?
        .into_iter()
        .find(|r| r.target.as_deref() == Some(name) && r.status != "ok" && r.status != "running")
        .and_then(|r| {
            r.summary
                .and_then(|s| s["error"].as_str().map(str::to_string))
        });
    Ok(Status {
        name: name.into(),
        mode: spec.mode,
        state: state.into(),
        phase,
        binlog,
        lag_s,
        units,
        lease,
        last_error,
    })
}

/// Changing a task's state under a running process would corrupt its progress.
pub fn refuse_if_running(store: &Store, name: &str) -> Result<(), SyncError> {
    match store.lease(&runner::task_key(name))? {
        Some(l) if l.alive => Err(SyncError::Usage(format!(
            "{name} is running (pid {}); `shark sync stop {name}` first",
            l.pid
        ))),
        _ => Ok(()),
    }
}
