//! Executing a plan: hosts in order, at most `parallel` at once, in rolling batches with
//! `--serial`, stopping new hosts once `--max-fail` is exceeded or on Ctrl-C; each host's result
//! and output is written to the state file as soon as it finishes.

use super::events::Observer;
use super::host::{self, Job};
use super::ssh::ConnectOptions;
use super::store::{DeployStore, ExecSummary, ResultRow};
use super::{DeployError, ExecStatus, HostResult, HostStatus, Plan};
use crate::cancel::Cancel;
use crate::state::{LogLevel, RunHandle, Store};
use std::collections::{HashMap, VecDeque};
use std::sync::Arc;
use tokio::task::JoinSet;

/// The outcome of one execution.
#[derive(Debug, serde::Serialize)]
pub struct Execution {
    pub plan_id: i64,
    pub exec_id: i64,
    /// In the order hosts finished (skipped hosts last).
    pub results: Vec<HostResult>,
    /// Why the rollout stopped early, if it did.
    pub stopped: Option<String>,
    pub interrupted: bool,
}

impl Execution {
    pub fn count(&self, s: HostStatus) -> usize {
        self.results.iter().filter(|r| r.status == s).count()
    }
    pub fn all_ok(&self) -> bool {
        self.results.iter().all(|r| r.status == HostStatus::Ok)
    }
    /// "12 hosts: 9 ok, 1 failed, 2 unreachable"
    pub fn summary_line(&self) -> String {
        let mut parts = vec![];
        for s in HostStatus::ALL {
            let n = self.count(s);
            if n > 0 {
                parts.push(format!("{n} {}", s.as_str()));
            }
        }
        let n = self.results.len();
        format!(
            "{n} host{}: {}",
            if n == 1 { "" } else { "s" },
            parts.join(", ")
        )
    }
    /// How the execution ended, as stored.
    pub fn status(&self) -> ExecStatus {
        if self.interrupted {
            ExecStatus::Interrupted
        } else if self.stopped.is_some() {
            ExecStatus::Stopped
        } else if self.all_ok() {
            ExecStatus::Ok
        } else {
            ExecStatus::Problems
        }
    }

    fn stored_summary(&self) -> ExecSummary {
        ExecSummary {
            summary: self.summary_line(),
            ok: self.count(HostStatus::Ok),
            hosts: self.results.len(),
            stopped: self.stopped.clone(),
        }
    }
}

/// Run `plan` now. Host failures are results; errors are for what stops the whole run.
/// `cancel` (Ctrl-C/SIGTERM) kills the running commands on their hosts and starts no new host;
/// the execution then reports `interrupted`. With `run`, every host's result and the summary
/// go to that run's log.
pub async fn execute(
    store: &Store,
    plan: &Plan,
    run: Option<&RunHandle>,
    observer: Arc<dyn Observer>,
    cancel: Cancel,
) -> Result<Execution, DeployError> {
    plan.check_hosts()?;
    plan.check_sources()?;
    let ds = DeployStore::new(store)?;
    let opts = &plan.spec.options;
    let exec_id = ds.exec_start(plan.id, run.map(|r| r.id))?;
    let control_dir =
        std::env::temp_dir().join(format!("shark-ssh-{}-{exec_id}", std::process::id()));
    create_private_dir(&control_dir)?;
    let job = Arc::new(Job {
        spec: plan.spec.clone(),
        connect: ConnectOptions {
            connect_timeout: opts.connect_timeout(),
            accept_new_host_keys: opts.accept_new_host_keys,
            known_hosts: opts.known_hosts.clone(),
            ssh_config: opts.ssh_config.clone(),
            control_dir: control_dir.clone(),
        },
        observer: observer.clone(),
        cancel: cancel.clone(),
        token: token(exec_id),
    });
    let names: Vec<String> = plan.hosts.iter().map(|h| h.name.clone()).collect();
    observer.started(plan.id, exec_id, &names);

    let total = plan.hosts.len();
    let batch_size = opts.serial.unwrap_or(total.max(1));
    let max_fail = opts.effective_max_fail();
    let mut batches: VecDeque<Vec<(usize, &super::Host)>> = plan
        .hosts
        .iter()
        .enumerate()
        .collect::<Vec<_>>()
        .chunks(batch_size)
        .map(|c| c.to_vec())
        .collect();
    let mut ex = Execution {
        plan_id: plan.id,
        exec_id,
        results: vec![],
        stopped: None,
        interrupted: false,
    };
    let mut failures = 0usize;
    let mut batch_no = 0usize;
    let mut save_err: Option<DeployError> = None;
    let mut leftover: Vec<(usize, String)> = vec![];
    while let Some(batch) = batches.pop_front() {
        batch_no += 1;
        if opts.serial.is_some() {
            let hs: Vec<String> = batch.iter().map(|(_, h)| h.name.clone()).collect();
            observer.batch(batch_no, &hs);
        }
        let mut queue: VecDeque<(usize, &super::Host)> = batch.into();
        let mut running: JoinSet<HostResult> = JoinSet::new();
        let mut names_by_task = HashMap::new();
        loop {
            let halt = ex.stopped.is_some() || cancel.is_cancelled();
            while !halt && running.len() < opts.parallel {
                let Some((i, h)) = queue.pop_front() else {
                    break;
                };
                let handle = running.spawn(host::run(job.clone(), h.clone(), i, batch_no));
                names_by_task.insert(handle.id(), h.name.clone());
            }
            let Some(joined) = running.join_next_with_id().await else {
                break;
            };
            let result = match joined {
                Ok((_, r)) => r,
                Err(e) => {
                    let mut r = HostResult::new(
                        names_by_task
                            .get(&e.id())
                            .map(String::as_str)
                            .unwrap_or("?"),
                        batch_no,
                    );
                    r.status = HostStatus::Error;
                    r.reason = Some(format!("internal error: {e}"));
                    r
                }
            };
            if result.status.is_failure() {
                failures += 1;
            }
            if let Err(e) = save(&ds, exec_id, &result) {
                save_err.get_or_insert(e);
            }
            observer.host_finished(&result);
            ex.results.push(result);
            if cancel.is_cancelled() {
                if !ex.interrupted {
                    ex.interrupted = true;
                    observer
                        .stopping("interrupted: killing running commands, not starting new hosts");
                }
            } else if ex.stopped.is_none()
                && let Some(m) = max_fail
                && m.exceeded(failures, total)
            {
                let why = format!(
                    "{failures} host(s) failed, more than --max-fail {m}: not starting the remaining hosts"
                );
                observer.stopping(&why);
                ex.stopped = Some(why);
            }
        }
        leftover.extend(queue.into_iter().map(|(_, h)| (batch_no, h.name.clone())));
        if ex.stopped.is_some() || ex.interrupted || cancel.is_cancelled() {
            ex.interrupted |= cancel.is_cancelled();
            for (k, b) in batches.drain(..).enumerate() {
                leftover.extend(
                    b.into_iter()
                        .map(|(_, h)| (batch_no + k + 1, h.name.clone())),
                );
            }
        }
    }
    for (b, name) in leftover {
        let mut r = HostResult::new(&name, b);
        r.reason = Some(if ex.interrupted {
            "not started: interrupted".into()
        } else {
            "not started: rollout stopped".into()
        });
        if let Err(e) = save(&ds, exec_id, &r) {
            save_err.get_or_insert(e);
        }
        observer.host_finished(&r);
        ex.results.push(r);
    }
    let _ = std::fs::remove_dir_all(&control_dir);
    ds.exec_finish(exec_id, ex.status(), &ex.stored_summary())?;
    if let Some(e) = save_err {
        return Err(DeployError::ResultsNotSaved(Box::new(e)));
    }
    if let Some(r) = run {
        log_to_run(store, r, &ex);
    }
    Ok(ex)
}

/// Each host's result and the summary into the run's log (best effort: the results are
/// already stored with the execution).
fn log_to_run(store: &Store, run: &RunHandle, ex: &Execution) {
    for h in &ex.results {
        let level = if h.status == HostStatus::Ok {
            LogLevel::Info
        } else {
            LogLevel::Warn
        };
        let _ = store.run_log_at(run, level, &h.line());
    }
    let _ = store.run_log_at(
        run,
        LogLevel::Info,
        &format!(
            "plan {} execution {}: {}",
            ex.plan_id,
            ex.exec_id,
            ex.summary_line()
        ),
    );
}

fn save(ds: &DeployStore<'_>, exec_id: i64, r: &HostResult) -> Result<(), DeployError> {
    let row = ResultRow {
        host: r.host.clone(),
        batch: r.batch as i64,
        status: r.status,
        reason: r.reason.clone(),
        exit_code: r.exit_code.map(i64::from),
        started_at: r.started_at.clone(),
        duration_ms: r.duration.as_millis() as i64,
        bytes: r.bytes as i64,
        truncated: r.truncated,
    };
    ds.result_save(exec_id, &row, &r.output)
}

fn create_private_dir(p: &std::path::Path) -> Result<(), DeployError> {
    use std::os::unix::fs::DirBuilderExt;
    std::fs::DirBuilder::new()
        .recursive(true)
        .mode(0o700)
        .create(p)
        .map_err(|e| DeployError::ControlDir {
            path: p.to_path_buf(),
            source: e,
        })
}

/// A token unique to this execution, for remote temp file names.
fn token(exec_id: i64) -> String {
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.subsec_nanos())
        .unwrap_or(0);
    format!("{exec_id}-{}-{nanos:x}", std::process::id())
}
