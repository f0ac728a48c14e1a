//! `shark monitor`: follow the logs of every container of every Kubernetes pod a monitor
//! selects, match lines against keyword/regex rules with thresholds, grouping and silences,
//! deliver alerts to Slack and archive lines to S3, resuming exactly where it stopped.
//!
//! Entry points take plain option structs, a `&Store`, a `&conn::Registry` and, for `run`, a
//! [`crate::cancel::Cancel`]; `run` reports through the [`Observer`] trait.

pub mod alerting;
pub mod archive;
pub mod archiver;
pub mod declared;
pub mod delivery;
pub mod error;
pub mod events;
pub mod kube;
pub mod matcher;
pub mod position;
pub mod run;
pub mod slack;
pub mod spec;
pub mod store;

pub use declared::Declared;
pub use error::MonitorError;
pub use events::{Event, Observer, Summary};
pub use run::run;
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

/// Check that the connections a monitor names exist with the right kinds.
fn check_conns(reg: &Registry<'_>, spec: &MonitorSpec) -> Result<(), MonitorError> {
    check_conn(reg, &spec.kube, Kind::Kubernetes, "--kube")?;
    if let Some(s) = &spec.slack {
        check_conn(reg, s, Kind::Slack, "--slack")?;
    }
    if let Some(a) = &spec.archive {
        check_conn(reg, &a.conn, Kind::S3, "--archive")?;
    }
    Ok(())
}

/// Define a monitor (validated; its connections must exist with the right kinds).
pub fn add(
    store: &Store,
    reg: &Registry<'_>,
    declared: &Declared,
    spec: MonitorSpec,
) -> Result<MonitorSpec, MonitorError> {
    declared.refuse(&spec.name, "change")?;
    spec.validate()?;
    matcher::Matcher::new(&spec.rules)?;
    check_conns(reg, &spec)?;
    MonitorStore::new(store)?.insert(&spec)?;
    Ok(spec)
}

/// A monitor as listed: its definition and where it is defined (`state` or `config PATH`).
#[derive(Debug, serde::Serialize)]
pub struct Defined {
    #[serde(flatten)]
    pub spec: MonitorSpec,
    pub origin: String,
}

/// Stored and declared monitors by name (a declared one hides a stored one of its name).
pub fn list(store: &Store, declared: &Declared) -> Result<Vec<Defined>, MonitorError> {
    let mut all: std::collections::BTreeMap<String, MonitorSpec> = MonitorStore::new(store)?
        .list()?
        .into_iter()
        .map(|s| (s.name.clone(), s))
        .collect();
    all.extend(declared.monitors.clone());
    Ok(all
        .into_values()
        .map(|spec| Defined {
            origin: declared::origin(declared, &spec.name),
            spec,
        })
        .collect())
}

/// The definition of `name`: declared in the config, or stored.
pub fn spec_of(
    store: &Store,
    declared: &Declared,
    name: &str,
) -> Result<MonitorSpec, MonitorError> {
    match declared.get(name) {
        Some(s) => Ok(s.clone()),
        None => MonitorStore::new(store)?.get(name),
    }
}

/// What `show` returns: the definition, per-container positions and recent alerts.
#[derive(Debug, serde::Serialize)]
pub struct Shown {
    pub spec: MonitorSpec,
    /// `state` or `config PATH`
    pub origin: String,
    pub containers: Vec<ContainerPos>,
    pub alerts: Vec<AlertRow>,
}

#[derive(Debug, serde::Serialize)]
pub struct ContainerPos {
    pub container: String,
    pub matched_until: Option<String>,
    pub archived_until: Option<String>,
}

pub fn show(
    store: &Store,
    declared: &Declared,
    name: &str,
    alerts: i64,
) -> Result<Shown, MonitorError> {
    let ms = MonitorStore::new(store)?;
    let spec = spec_of(store, declared, name)?;
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
        origin: declared::origin(declared, name),
        spec,
        containers,
        alerts: ms.alerts(name, None, alerts)?,
    })
}

/// Delete a stored monitor (refused while it runs, and for one declared in the config).
pub fn remove(store: &Store, declared: &Declared, name: &str) -> Result<(), MonitorError> {
    declared.refuse(name, "remove")?;
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
    declared: &Declared,
    name: &str,
) -> Result<(object_store::aws::AmazonS3, crate::conn::Connection, String), MonitorError> {
    let spec = spec_of(store, declared, name)?;
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
    declared: &Declared,
    name: &str,
    under: Option<&str>,
) -> Result<Vec<archive::Object>, MonitorError> {
    let (s3, conn, base) = archive_of(store, reg, declared, name).await?;
    archive::list(&s3, &conn, &base, under).await
}

/// One archived object's lines, decompressed. `key` is a full key as `archive ls` prints it.
pub async fn archive_get(
    store: &Store,
    reg: &Registry<'_>,
    declared: &Declared,
    name: &str,
    key: &str,
) -> Result<Vec<u8>, MonitorError> {
    let (s3, conn, base) = archive_of(store, reg, declared, name).await?;
    if !base.is_empty() && !key.starts_with(&format!("{base}/")) {
        return Err(MonitorError::NoObject(key.to_string()));
    }
    archive::get(&s3, &conn, key).await
}
