//! `shark monitor`: follow the logs of every container of every Kubernetes pod a monitor
//! selects, match lines against keyword/regex rules with thresholds, grouping and silences,
//! deliver alerts to Slack and archive lines to S3, resuming exactly where it stopped.
//!
//! Entry points take plain option structs, a `&Store`, a `&conn::Registry` and, for `run`, a
//! [`crate::cancel::Cancel`]; `run` reports through the [`Observer`] trait.

pub mod alerting;
pub mod archive;
pub mod error;
pub mod kube;
pub mod matcher;
pub mod position;
pub mod run;
pub mod slack;
pub mod spec;
pub mod store;

pub use error::MonitorError;
pub use run::{Event, Observer, Summary, run};
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

/// Delete a monitor (refused while it runs).
pub fn remove(store: &Store, name: &str) -> Result<(), MonitorError> {
    if let Some(l) = store.lease(&store::task_key(name))?
        && l.alive
    {
        return Err(MonitorError::invalid(format!(
            "monitor '{name}' is running (pid {} on {}); stop it first with `shark monitor stop {name}`",
            l.pid, l.host
        )));
    }
    MonitorStore::new(store)?.delete(name)
}

/// The archive of a monitor: its S3 client, connection and key prefix.
async fn archive_of(
    store: &Store,
    reg: &Registry<'_>,
    name: &str,
) -> Result<(object_store::aws::AmazonS3, crate::conn::Connection, String), MonitorError> {
    let spec = MonitorStore::new(store)?.get(name)?;
    let a = spec.archive.ok_or_else(|| {
        MonitorError::invalid(format!(
            "monitor '{name}' has no archive (add one with --archive CONN)"
        ))
    })?;
    let conn = reg.get(&a.conn)?;
    Ok((
        archive::store(&conn)?,
        archive::base(&conn, &a.prefix),
        conn,
    ))
    .map(|(s, b, c)| (s, c, b))
}

/// Archived objects of a monitor (optionally only under `ns[/pod[/container]]`).
pub async fn archive_ls(
    store: &Store,
    reg: &Registry<'_>,
    name: &str,
    under: Option<&str>,
) -> Result<Vec<archive::Object>, MonitorError> {
    let (s3, conn, base) = archive_of(store, reg, name).await?;
    archive::list(&s3, &conn, &base, under).await
}

/// One archived object's lines, decompressed. `key` is a full key as `archive ls` prints it.
pub async fn archive_get(
    store: &Store,
    reg: &Registry<'_>,
    name: &str,
    key: &str,
) -> Result<Vec<u8>, MonitorError> {
    let (s3, conn, base) = archive_of(store, reg, name).await?;
    if !base.is_empty() && !key.starts_with(&format!("{base}/")) {
        return Err(MonitorError::NoObject(key.to_string()));
    }
    archive::get(&s3, &conn, key).await
}
