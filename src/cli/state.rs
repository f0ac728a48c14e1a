//! `shark state info|leases|stop`: what is in the state file, which tasks are running, and
//! asking a running task to stop from another terminal.

use super::Ctx;
use crate::exit::CliResult;
use crate::state::{LeaseInfo, Store};
use crate::ui::{Table, Ui};
use clap::Subcommand;

#[derive(Debug, Subcommand)]
pub enum StateCmd {
    /// Path, schema version, key file and row counts
    Info,
    /// Tasks holding a lease (running, or left by a process that died)
    Leases,
    /// Ask the process running TASK to stop at its next checkpoint
    Stop {
        /// Task name as shown by `shark state leases`
        task: String,
    },
}

pub fn run(cmd: StateCmd, ctx: &Ctx) -> CliResult {
    let store = ctx.store()?;
    let ui = &ctx.ui;
    match cmd {
        StateCmd::Info => print_info(ui, store)?,
        StateCmd::Leases => print_leases(ui, store.leases()?),
        StateCmd::Stop { task } => {
            let l = store.request_stop_running(&task)?;
            ui.note(format!(
                "asked {task} (pid {} on {}) to stop at its next checkpoint",
                l.pid, l.host
            ));
        }
    }
    Ok(())
}

fn print_info(ui: &Ui, store: &Store) -> CliResult {
    let counts = store.info()?;
    let path = store.path().display().to_string();
    let key = crate::conn::secret::key_source(store.path());
    if ui.json() {
        let mut m = serde_json::Map::new();
        m.insert("path".into(), path.into());
        m.insert("key".into(), key.into());
        for (k, v) in counts {
            m.insert(k, v.into());
        }
        ui.print_json(&m);
        return Ok(());
    }
    let mut t = Table::new(["FIELD", "VALUE"]);
    t.row(["path".to_string(), path]);
    t.row(["secrets key".to_string(), key]);
    for (k, v) in counts {
        t.row([k, v.to_string()]);
    }
    ui.print_table(&t);
    Ok(())
}

fn print_leases(ui: &Ui, leases: Vec<LeaseInfo>) {
    if ui.json() {
        ui.print_json(&leases);
        return;
    }
    if leases.is_empty() {
        ui.note("no task is running");
        return;
    }
    let mut t = Table::new(["TASK", "PID", "HOST", "SINCE", "HEARTBEAT", "STATE"]);
    for l in leases {
        let state = l.state().to_string();
        t.row([
            l.task,
            l.pid.to_string(),
            l.host,
            l.acquired_at,
            format!("{}s ago", l.heartbeat_age_s),
            state,
        ]);
    }
    ui.print_table(&t);
}
