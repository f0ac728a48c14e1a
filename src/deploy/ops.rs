//! The deploy verbs as the command layer calls them: inventory changes, making a plan from a
//! host selection and an action, listing plans, and replaying an execution. Each takes plain
//! values and returns what there is to show; `cli/deploy.rs` only renders.

use super::store::{DeployStore, ExecRow, OutputLine, ResultRow};
use super::{ActionInput, DeployError, Host, Options, Plan, Spec, natural_key, select};
use crate::state::{StateError, Store};
use std::path::{Path, PathBuf};

/// `deploy hosts add`: one host, checked, refused if the name exists.
pub fn add_host(store: &Store, host: Host) -> Result<Host, DeployError> {
    host.check().map_err(DeployError::Invalid)?;
    DeployStore::new(store)?.host_add(&host)?;
    Ok(host)
}

/// `deploy hosts list`: every stored host, or those `pattern` selects, in natural order.
pub fn list_hosts(store: &Store, pattern: Option<&str>) -> Result<Vec<Host>, DeployError> {
    let all = DeployStore::new(store)?.hosts()?;
    let mut list: Vec<Host> = match pattern {
        Some(p) => select(&all, p)?.into_iter().cloned().collect(),
        None => all,
    };
    list.sort_by_key(|h| natural_key(&h.name));
    Ok(list)
}

/// `deploy hosts rm`: all named hosts, or none if one is unknown.
pub fn remove_hosts(store: &Store, names: &[String]) -> Result<(), DeployError> {
    DeployStore::new(store)?.hosts_rm(names)
}

/// What `deploy hosts import` did.
#[derive(Debug, Clone, Copy, serde::Serialize)]
pub struct Imported {
    pub added: usize,
    pub updated: usize,
    pub removed: usize,
    /// Hosts in the file.
    pub hosts: usize,
}

/// `deploy hosts import FILE [--prune]`.
pub fn import_hosts(store: &Store, file: &Path, prune: bool) -> Result<Imported, DeployError> {
    let hosts = super::load_inventory(file)?;
    let (added, updated, removed) = DeployStore::new(store)?.hosts_upsert(&hosts, prune)?;
    Ok(Imported {
        added,
        updated,
        removed,
        hosts: hosts.len(),
    })
}

/// What `deploy run` asks for.
#[derive(Debug)]
pub struct RunRequest {
    /// `--hosts` selection.
    pub hosts: String,
    /// Hosts from this inventory file instead of the stored inventory.
    pub inventory: Option<PathBuf>,
    pub action: ActionInput,
    pub copies: Vec<(PathBuf, String)>,
    pub options: Options,
}

/// Select the hosts, check the action and copies, and store the plan.
pub fn make_plan(store: &Store, req: RunRequest) -> Result<Plan, DeployError> {
    let inventory = match &req.inventory {
        Some(f) => super::load_inventory(f)?,
        None => stored_hosts(store)?,
    };
    let selected: Vec<Host> = select(&inventory, &req.hosts)?
        .into_iter()
        .cloned()
        .collect();
    let spec = Spec::build(req.action, &req.copies, req.options)?;
    Plan::create(store, &req.hosts, spec, selected)
}

fn stored_hosts(store: &Store) -> Result<Vec<Host>, DeployError> {
    let mut hosts = DeployStore::new(store)?.hosts()?;
    if hosts.is_empty() {
        return Err(DeployError::Invalid(
            "the inventory is empty: add hosts with `shark deploy hosts add` or `shark deploy hosts import FILE`, or pass -i FILE".into(),
        ));
    }
    hosts.sort_by_key(|h| natural_key(&h.name));
    Ok(hosts)
}

/// `deploy plans`: the most recent plans, each with its last execution.
pub fn plans(store: &Store, limit: i64) -> Result<Vec<(Plan, Option<ExecRow>)>, DeployError> {
    let ds = DeployStore::new(store)?;
    let mut out = vec![];
    for row in ds.plans(limit)? {
        let id = row.id;
        let plan = Plan::from_row(row)?;
        let last = ds.execs(id)?.into_iter().next();
        out.push((plan, last));
    }
    Ok(out)
}

/// A plan with one of its executions, for `deploy show`.
#[derive(Debug, serde::Serialize)]
pub struct Replay {
    pub plan: Plan,
    /// Every execution of the plan, most recent first.
    pub executions: Vec<ExecRow>,
    /// The one shown (the latest unless asked), None if the plan never ran.
    pub exec: Option<ExecRow>,
    /// Its host results, in the order hosts finished.
    pub results: Vec<ResultRow>,
    /// Its output lines (empty when not asked for).
    pub output: Vec<OutputLine>,
}

/// `deploy show PLAN [--exec ID] [--host NAME] [--no-output]`.
pub fn replay(
    store: &Store,
    plan_id: i64,
    exec: Option<i64>,
    host: Option<&str>,
    with_output: bool,
) -> Result<Replay, DeployError> {
    let ds = DeployStore::new(store)?;
    let plan = Plan::from_row(ds.plan(plan_id)?)?;
    let executions = ds.execs(plan.id)?;
    let exec = match exec {
        Some(id) => Some(
            executions
                .iter()
                .find(|e| e.id == id)
                .cloned()
                .ok_or_else(|| StateError::NotFound {
                    what: "execution",
                    name: id.to_string(),
                    hint: format!(
                        "plan {} has executions {}",
                        plan.id,
                        executions
                            .iter()
                            .map(|e| e.id.to_string())
                            .collect::<Vec<_>>()
                            .join(", ")
                    ),
                })?,
        ),
        None => executions.first().cloned(),
    };
    let results = match &exec {
        Some(e) => ds.results(e.id)?,
        None => vec![],
    };
    let output = match (&exec, with_output) {
        (Some(e), true) => ds.output(e.id, host)?,
        _ => vec![],
    };
    Ok(Replay {
        plan,
        executions,
        exec,
        results,
        output,
    })
}
