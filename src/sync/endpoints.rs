//! Which [`Source`] and [`Sink`] a task's connections open, and which pairs and options are
//! valid together (checked when a task is created, and again when it runs).

use crate::conn::{Connection, Kind, Registry};
use crate::sync::engine::copier::WRITES_IN_FLIGHT;
use crate::sync::error::SyncError;
use crate::sync::model::value::TimePrecision;
use crate::sync::sink::Sink;
use crate::sync::sink::es::EsSink;
use crate::sync::sink::mongo::MongoSink;
use crate::sync::sink::mysql::MySqlSink;
use crate::sync::source::Source;
use crate::sync::source::es::EsSource;
use crate::sync::source::mysql::MySqlSource;
use crate::sync::task::{Mode, TaskSpec};

/// The kinds a task reads from.
const SOURCES: [Kind; 2] = [Kind::Mysql, Kind::Elasticsearch];
/// The kinds a task writes to.
const SINKS: [Kind; 3] = [Kind::Mongodb, Kind::Mysql, Kind::Elasticsearch];

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
    // selectors: db.table patterns for MySQL, index names/patterns for Elasticsearch
    match source.kind {
        Kind::Elasticsearch => spec.validate_indexes(),
        _ => spec.validate(),
    }
    .map_err(SyncError::Usage)?;
    // Elasticsearch units have no database: the target needs one (a MongoDB database, a MySQL
    // schema, an index prefix when both ends are the same cluster)
    if source.kind == Kind::Elasticsearch
        && spec.target_db.is_none()
        && (target.kind != Kind::Elasticsearch || source.url == target.url)
    {
        return Err(SyncError::Usage(format!(
            "an Elasticsearch source has indexes, not databases: give the target's database with --target-db ({})",
            match target.kind {
                Kind::Mysql => "the MySQL schema the tables go to",
                Kind::Mongodb => "the MongoDB database the collections go to",
                _ => "a prefix: index NAME is copied to PREFIX.NAME on the same cluster",
            }
        )));
    }
    if spec.es_mapping.is_some() && target.kind != Kind::Elasticsearch {
        return Err(SyncError::Usage(format!(
            "--es-mapping is for Elasticsearch targets; '{}' is {}",
            target.name, target.kind
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

/// The time precision a task gets by default: microseconds where the target holds them (a
/// MySQL DATETIME(6)), else milliseconds (a BSON Date, an Elasticsearch `date`).
pub fn exact_time(target: Kind) -> TimePrecision {
    match target {
        Kind::Mysql => TimePrecision::Us,
        _ => TimePrecision::Ms,
    }
}

/// The source behind a connection of a kind sync reads (`SOURCES`), for a target of kind
/// `target` (an index source passes its documents through to an index target).
pub async fn source(conn: &Connection, target: Kind) -> Result<Box<dyn Source>, SyncError> {
    match conn.kind {
        Kind::Mysql => Ok(Box::new(MySqlSource::new(conn.clone()))),
        Kind::Elasticsearch => Ok(Box::new(
            EsSource::connect(conn, target == Kind::Elasticsearch).await?,
        )),
        other => Err(SyncError::Usage(format!(
            "'{}' is a {other} connection; sync reads {}",
            conn.name,
            names(&SOURCES)
        ))),
    }
}

/// The sink behind a connection of a kind sync writes to (`SINKS`), set up for the task.
pub async fn sink(conn: &Connection, spec: &TaskSpec) -> Result<Box<dyn Sink>, SyncError> {
    match conn.kind {
        Kind::Mongodb => Ok(Box::new(
            MongoSink::connect(conn, spec.mode, spec.soft_delete).await?,
        )),
        // every unit copied at once has its batches in flight, each on a session of its own
        Kind::Mysql => Ok(Box::new(
            MySqlSink::connect_for(conn, spec.parallel.max(1) * WRITES_IN_FLIGHT).await?,
        )),
        Kind::Elasticsearch => {
            let mut sink = EsSink::connect(conn).await?;
            sink.legacy_ids = spec.id_format != crate::sync::task::ID_FORMAT;
            if let Some(serde_json::Value::Object(m)) = &spec.es_mapping {
                sink = sink.with_overrides(m.clone());
            }
            Ok(Box::new(sink))
        }
        other => Err(SyncError::Usage(format!(
            "'{}' is a {other} connection; sync writes to {}",
            conn.name,
            names(&SINKS)
        ))),
    }
}
