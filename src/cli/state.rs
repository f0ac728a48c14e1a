//! `shark state info|leases|stop`: what is in the state file, which tasks are running, and
//! asking a running task to stop from another terminal.

use super::Ctx;
use crate::ui::Table;
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

pub fn run(cmd: StateCmd, ctx: &Ctx) -> crate::exit::CliResult {
    let store = ctx.store()?;
    let ui = &ctx.ui;
    match cmd {
        StateCmd::Info => {
            let counts = store.info()?;
            let key_file = crate::conn::secret::key_file_path(store.path());
            let key = if std::env::var_os(crate::conn::secret::MASTER_KEY_ENV).is_some() {
                format!("${}", crate::conn::secret::MASTER_KEY_ENV)
            } else if key_file.exists() {
                key_file.display().to_string()
            } else {
                "(created on first secret)".to_string()
            };
            if ui.json() {
                let mut m = serde_json::Map::new();
                m.insert("path".into(), store.path().display().to_string().into());
                m.insert("key".into(), key.into());
                for (k, v) in counts {
                    m.insert(k, v.into());
                }
                ui.print_json(&m);
            } else {
                let mut t = Table::new(["FIELD", "VALUE"]);
                t.row(["path".to_string(), store.path().display().to_string()]);
                t.row(["secrets key".to_string(), key]);
                for (k, v) in counts {
                    t.row([k, v.to_string()]);
                }
                ui.print_table(&t);
            }
        }
        StateCmd::Leases => {
            let leases = store.leases()?;
            if ui.json() {
                ui.print_json(&leases);
            } else if leases.is_empty() {
                ui.note("no task is running");
            } else {
                let mut t = Table::new(["TASK", "PID", "HOST", "SINCE", "HEARTBEAT", "STATE"]);
                for l in leases {
                    let state = match (l.alive, &l.stop_requested) {
                        (true, Some(_)) => "stopping",
                        (true, None) => "running",
                        (false, _) => "dead (will be taken over)",
                    };
                    t.row([
                        l.task,
                        l.pid.to_string(),
                        l.host,
                        l.acquired_at,
                        format!("{}s ago", l.heartbeat_age_s),
                        state.to_string(),
                    ]);
                }
                ui.print_table(&t);
            }
        }
        StateCmd::Stop { task } => match store.request_stop(&task)? {
            Some(l) => ui.note(format!(
                "asked {task} (pid {} on {}) to stop at its next checkpoint",
                l.pid, l.host
            )),
            None => {
                return Err(crate::state::StateError::NotFound {
                    what: "running task",
                    name: task,
                    hint: "`shark state leases` lists the running tasks".into(),
                }
                .into());
            }
        },
    }
    Ok(())
}
