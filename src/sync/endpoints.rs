//! Which [`Source`] and [`Sink`] a task's connections open, and which pairs and options are
//! valid together (checked when a task is created, and again when it runs).

use super::error::SyncError;
use super::sink::Sink;
use super::sink::mongo::MongoSink;
use super::sink::mysql::MySqlSink;
use super::source::Source;
use super::source::mysql::MySqlSource;
use super::task::{Mode, TaskSpec};
use crate::conn::{Connection, Kind, Registry};

/// The kinds a task reads from.
const SOURCES: [Kind; 1] = [Kind::Mysql];
/// The kinds a task writes to.
const SINKS: [Kind; 2] = [Kind::Mongodb, Kind::Mysql];

fn names(kinds: &[Kind]) -> String {
    kinds
        .iter()
        .map(|k| k.to_string())
        .collect::<Vec<_>>()
        .join(", ")
}

/// Resolve the task's connections, checking their kinds and the options that only some
/// pairs support.
pub fn connections(
    reg: &Registry<'_>,
    spec: &TaskSpec,
) -> Result<(Connection, Connection), SyncError> {
    let source = reg.get(&spec.source)?;
    let target = reg.get(&spec.target)?;
    if !SOURCES.contains(&source.kind) {
        return Err(SyncError::Usage(format!(
            "source '{}' is a {} connection; sync reads {}",
            source.name,
            source.kind,
            names(&SOURCES)
        )));
    }
    if !SINKS.contains(&target.kind) {
        return Err(SyncError::Usage(format!(
            "target '{}' is a {} connection; sync writes to {}",
            target.name,
            target.kind,
            names(&SINKS)
        )));
    }
    if target.kind != Kind::Mongodb && (spec.mode == Mode::History || spec.soft_delete) {
        return Err(SyncError::Usage(format!(
            "history mode and --soft-delete are for MongoDB targets; '{}' is {}",
            target.name, target.kind
        )));
    }
    Ok((source, target))
}

/// The source behind a connection of a kind in [`SOURCES`].
pub async fn source(conn: &Connection) -> Result<Box<dyn Source>, SyncError> {
    match conn.kind {
        Kind::Mysql => Ok(Box::new(MySqlSource::new(conn.clone()))),
        other => Err(SyncError::Usage(format!(
            "'{}' is a {other} connection; sync reads {}",
            conn.name,
            names(&SOURCES)
        ))),
    }
}

/// The sink behind a connection of a kind in [`SINKS`], set up for the task.
pub async fn sink(conn: &Connection, spec: &TaskSpec) -> Result<Box<dyn Sink>, SyncError> {
    match conn.kind {
        Kind::Mongodb => Ok(Box::new(
            MongoSink::connect(conn, spec.mode, spec.soft_delete).await?,
        )),
        Kind::Mysql => Ok(Box::new(MySqlSink::connect(conn).await?)),
        other => Err(SyncError::Usage(format!(
            "'{}' is a {other} connection; sync writes to {}",
            conn.name,
            names(&SINKS)
        ))),
    }
}
