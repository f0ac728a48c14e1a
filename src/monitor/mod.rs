//! `shark monitor`: follow the logs of every container of every Kubernetes pod a monitor
//! selects, match lines against keyword/regex rules with thresholds, grouping and silences,
//! deliver alerts to Slack and archive lines to S3, resuming exactly where it stopped.
//!
//! Entry points take plain option structs, a `&Store`, a `&conn::Registry` and, for `run`, a
//! [`crate::cancel::Cancel`]; `run` reports through the [`Observer`] trait.

pub mod alerting;
pub mod error;
pub mod matcher;
pub mod position;
pub mod spec;
pub mod store;

pub use error::MonitorError;
pub use spec::{ArchiveLines, ArchiveSpec, Dur, GroupBy, MonitorSpec, RuleSpec, Severity};
pub use store::AlertRow;

use crate::conn::{Kind, Registry};
use crate::state::Store;
use store::MonitorStore;

/// Check that `name` is a connection of `kind`, without decrypting anything.
fn check_conn(reg: &Registry<'_>, name: &str, kind: Kind, flag: &str) -> Result<(), MonitorError> {
    let found = reg.list()?.into_iter().find(|c| c.name == name);
    match found {
        None => Err(MonitorError::invalid(format!(
            "{flag} {name}: no such connection; add it with `shark conn add {name} --kind {kind} ...`"
        ))),
        Some(c) if c.kind != kind => Err(MonitorError::invalid(format!(
            "{flag} {name}: is a {} connection, a {kind} one is needed",
            c.kind
        ))),
        Some(_) => Ok(()),
    }
}

/// Define a monitor (validated; its connections must exist with the right kinds).
pub fn add(
    store: &Store,
    reg: &Registry<'_>,
    spec: MonitorSpec,
) -> Result<MonitorSpec, MonitorError> {
    spec.validate()?;
    matcher::Matcher::new(&spec.rules)?;
    check_conn(reg, &spec.kube, Kind::Kubernetes, "--kube")?;
    if let Some(s) = &spec.slack {
        check_conn(reg, s, Kind::Slack, "--slack")?;
    }
    if let Some(a) = &spec.archive {
        check_conn(reg, &a.conn, Kind::S3, "--archive")?;
    }
    MonitorStore::new(store)?.insert(&spec)?;
    Ok(spec)
}

pub fn list(store: &Store) -> Result<Vec<MonitorSpec>, MonitorError> {
    MonitorStore::new(store)?.list()
}

/// What `show` returns: the definition, per-container positions and recent alerts.
#[derive(Debug, serde::Serialize)]
pub struct Shown {
    pub spec: MonitorSpec,
    pub containers: Vec<ContainerPos>,
    pub alerts: Vec<AlertRow>,
}

#[derive(Debug, serde::Serialize)]
pub struct ContainerPos {
    pub container: String,
    pub matched_until: Option<String>,
    pub archived_until: Option<String>,
}

pub fn show(store: &Store, name: &str, alerts: i64) -> Result<Shown, MonitorError> {
    let ms = MonitorStore::new(store)?;
    let spec = ms.get(name)?;
    let containers = ms
        .positions(name)?
        .into_iter()
        .filter(|(unit, _)| !unit.starts_with('~'))
        .map(|(unit, p)| {
            let at = |k: &str| {
                p.get(k)
                    .and_then(|v| serde_json::from_value::<position::Pos>(v.clone()).ok())
                    .map(|p| position::rfc3339(p.ts))
            };
            ContainerPos {
                container: unit,
                matched_until: at("matched"),
                archived_until: at("archived"),
            }
        })
        .collect();
    Ok(Shown {
        spec,
        containers,
        alerts: ms.alerts(name, None, alerts)?,
    })
}

pub fn remove(store: &Store, name: &str) -> Result<(), MonitorError> {
    MonitorStore::new(store)?.delete(name)
}
