//! Sources: where a task reads units (full copy) and, when the source has one, a change
//! stream. The runner drives every source through [`Source`]; MySQL/MariaDB (keyset pages and
//! the binlog) is the first implementation.

pub mod binlog;
pub mod copy;
pub mod es;
pub mod es_read;
pub mod es_sample;
pub mod es_value;
pub mod follow;
pub mod gtid;
pub mod mysql;
pub mod resume;
pub mod row_images;

use crate::conn::{ConnError, Connection};
use crate::state::LogLevel;
use crate::sync::engine::pipe;
use crate::sync::error::{Fault, SyncError, source_err};
use crate::sync::model::change::{Item, Live};
use crate::sync::model::schema::TableSchema;
use crate::sync::task::TaskSpec;
use binlog::Pos;
use std::collections::BTreeMap;
use std::future::Future;
use std::time::Duration;

/// Deadline of one query on the source (schema, positions, a page of the copy).
pub const QUERY_DEADLINE: Duration = Duration::from_secs(300);
/// How long opening a source connection (TCP, TLS, handshake, session setup) may take.
pub const CONNECT_DEADLINE: Duration = Duration::from_secs(30);
/// TCP keepalive of source connections, so a peer that vanished is noticed by the kernel too.
const KEEPALIVE: Duration = Duration::from_secs(15);

/// A source connection in UTC, so TIMESTAMP values read the same as from the binlog; with TCP
/// keepalive, within [`CONNECT_DEADLINE`].
pub async fn connect(conn: &Connection) -> Result<mysql_async::Conn, SyncError> {
    connect_within(conn, CONNECT_DEADLINE).await
}

/// [`connect`] with its own deadline (the binlog reader gives up sooner on a silent server).
pub async fn connect_within(
    conn: &Connection,
    deadline: Duration,
) -> Result<mysql_async::Conn, SyncError> {
    let opts = crate::conn::probe::mysql::opts(conn)?;
    let opts = mysql_async::OptsBuilder::from_opts(opts)
        .tcp_keepalive(Some(KEEPALIVE))
        .init(vec!["SET time_zone = '+00:00'"]);
    match tokio::time::timeout(deadline, mysql_async::Conn::new(opts)).await {
        Ok(r) => r.map_err(|e| source_err(conn, e)),
        Err(_) => Err(SyncError::Conn(ConnError::Unreachable {
            name: conn.name.clone(),
            endpoint: conn.endpoint(),
            reason: format!(
                "no answer within {:.0}s (TCP connected or not, the server did not complete the handshake)",
                deadline.as_secs_f64()
            ),
        })),
    }
}

/// `fut` (a call on the source described by `what`) unless it takes longer than `d`: a
/// transient error then (the connection is dropped and the work retried).
pub async fn within<T>(
    conn: &Connection,
    d: Duration,
    what: &str,
    fut: impl Future<Output = Result<T, SyncError>>,
) -> Result<T, SyncError> {
    match tokio::time::timeout(d, fut).await {
        Ok(r) => r,
        Err(_) => Err(SyncError::Source(
            conn.name.clone(),
            format!("no answer within {}s to {what}", d.as_secs()),
            Fault::Transient,
        )),
    }
}

/// Rows of the full copy ready for the sink, with the resume point after the last one (an
/// encoded key for MySQL, `search_after` values for Elasticsearch: opaque to the runner).
pub struct Batch {
    pub docs: Vec<mongodb::bson::Document>,
    pub resume: Option<serde_json::Value>,
    /// The read went back to the start of the unit before this batch (an Elasticsearch resume
    /// point whose PIT was gone): the rows counted so far are read again.
    pub restart: bool,
    /// Rows of the batch the source could not read (an Elasticsearch field whose text does
    /// not read as a value): refused like rows a sink refuses (`--on-error`).
    pub rejected: Vec<crate::sync::sink::Rejected>,
}

/// Where batches of a unit's copy go; closed when the consumer stopped.
pub type BatchTx = tokio::sync::mpsc::Sender<Result<Batch, SyncError>>;

/// The limits of one batch of the full copy.
#[derive(Debug, Clone, Copy)]
pub struct BatchLimits {
    pub rows: usize,
    pub bytes: usize,
}

/// Where a task reads from. Units are tables (MySQL) or indexes (Elasticsearch), described by
/// a [`TableSchema`] (columns with their types, the key).
#[async_trait::async_trait]
pub trait Source: Send + Sync {
    /// The connection's name, for messages.
    fn name(&self) -> &str;

    /// Check that the source can serve the task (binlog settings, privileges, version).
    async fn check(&self) -> Result<(), SyncError>;

    /// The selected units, by unit name (`TableSchema::unit`).
    async fn units(&self, spec: &TaskSpec) -> Result<BTreeMap<String, TableSchema>, SyncError>;

    /// One unit's schema read again (after a DDL, or a copy that found the table changed);
    /// None when it is gone.
    async fn unit(
        &self,
        spec: &TaskSpec,
        db: &str,
        table: &str,
    ) -> Result<Option<TableSchema>, SyncError>;

    /// The source's estimate of a unit's rows, for progress; None when unknown.
    async fn estimate(&self, unit: &TableSchema) -> Option<i64>;

    /// Send `unit`'s rows in batches from after `resume` (None: from the start) until the end
    /// or `stop()`. For a unit without a key, the change-stream position its snapshot is
    /// consistent with (changes up to it are in the copy).
    async fn read(
        &self,
        unit: &TableSchema,
        resume: Option<serde_json::Value>,
        limits: BatchLimits,
        out: BatchTx,
        stop: &(dyn Fn() -> bool + Sync),
    ) -> Result<Option<Pos>, SyncError>;

    /// The change stream, when the source has one (MySQL: the binlog); a source without one is
    /// copied in full and the task is done.
    fn changes(&self) -> Option<&dyn ChangeSource>;
}

/// A source's change stream: positions, and a follower that sends changes into the pipeline.
#[async_trait::async_trait]
pub trait ChangeSource: Send + Sync {
    /// The stream's current end (where a task starts before its copy; the `--once` target).
    async fn head(&self) -> Result<Pos, SyncError>;

    /// Refuse a checkpoint the stream can no longer be read from (purged binlog).
    async fn check_from(&self, task: &str, from: &Pos) -> Result<(), SyncError>;

    /// Send changes from `f.from` into `tx` until the `--once` target, the receiver hangs up,
    /// or the budget of failures is spent; reconnects on its own.
    async fn follow(&self, f: Follow<'_>, tx: pipe::Sender<Item>) -> Result<(), SyncError>;
}

/// What the follower needs from the task.
pub struct Follow<'a> {
    pub task: &'a str,
    pub spec: &'a TaskSpec,
    /// The state file and task (derives the default replica server id).
    pub identity: &'a str,
    /// The schemas of the units known so far (updated by DDL and new tables).
    pub schemas: BTreeMap<String, TableSchema>,
    /// The checkpoint: where the first connection starts.
    pub from: Pos,
    /// `--once`: stop after sending the boundary at or past this position.
    pub target: Option<Pos>,
    /// Heartbeat period asked of the server; silence for 3 periods is a lost connection.
    pub period: Duration,
    pub live: &'a Live,
    /// Consecutive failures without progress before giving up.
    pub max_attempts: u32,
    pub log: &'a (dyn Fn(LogLevel, &str) + Sync),
}
