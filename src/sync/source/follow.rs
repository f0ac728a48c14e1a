//! The binlog follower of a MySQL/MariaDB source: one binlog connection at a time from the last
//! transaction boundary sent, decoding rows events of the selected tables into changes for the
//! pipeline. It reconnects on its own: after a failure (counted against the budget, which a
//! boundary sent resets), after silence past 3 heartbeat periods, and on purpose when the
//! applier is so far behind that the channel stayed full for half the server's
//! `net_write_timeout` (a planned reconnect, not counted).

use super::Follow;
use super::binlog::{self, Ddl, Pos};
use crate::conn::Connection;
use crate::state::LogLevel;
use crate::sync::engine::pipe;
use crate::sync::error::{SyncError, source_err};
use crate::sync::model::change::{Item, item_bytes, now_ms};
use crate::sync::model::schema::{self, TableSchema};
use crate::sync::source;
use crate::sync::task::TaskSpec;
use futures_util::StreamExt;
use mysql_async::binlog::events::EventData;
use std::collections::BTreeMap;
use std::future::Future;
use std::sync::atomic::Ordering;
use std::time::{Duration, Instant};

/// Deadline of one query on the source (positions, schemas).
const QUERY_DEADLINE: Duration = source::QUERY_DEADLINE;

/// Follow the binlog of `conn` from `f.from` into `tx` until the `--once` target, the applier
/// hangs up, or the budget of failures is spent.
pub async fn follow(
    conn: &Connection,
    f: Follow<'_>,
    tx: pipe::Sender<Item>,
) -> Result<(), SyncError> {
    let ctx = Rctx {
        name: f.task,
        source: conn,
        spec: f.spec,
        identity: f.identity,
        log: f.log,
    };
    let mut reader = Reader {
        ctx: &ctx,
        schemas: f.schemas,
        resume: f.from.clone(),
        sent: f.from,
        target: f.target,
        period: f.period,
        live: f.live,
        budget: pipe::Budget::new(f.max_attempts),
    };
    reader.run(tx).await
}

/// The task facts the reader uses.
struct Rctx<'a> {
    name: &'a str,
    source: &'a Connection,
    spec: &'a TaskSpec,
    identity: &'a str,
    log: &'a (dyn Fn(LogLevel, &str) + Sync),
}

impl Rctx<'_> {
    fn log(&self, level: LogLevel, msg: &str) {
        (self.log)(level, msg)
    }
}

/// Reads the binlog into the channel (see the module doc).
struct Reader<'a, 'c> {
    ctx: &'a Rctx<'c>,
    schemas: BTreeMap<String, TableSchema>,
    /// The last transaction boundary sent: where a new connection starts.
    resume: Pos,
    /// The end of the last event sent; events up to here are skipped after reconnecting.
    sent: Pos,
    target: Option<Pos>,
    period: Duration,
    live: &'a crate::sync::model::change::Live,
    budget: pipe::Budget,
}

/// How one binlog connection ended without an error.
enum ReadEnd {
    /// The `--once` target was reached and sent.
    Target,
    /// The channel stayed full: the connection was closed on purpose.
    Parked {
        waited: Duration,
        net_write_timeout: u64,
    },
}

impl Reader<'_, '_> {
    async fn run(&mut self, tx: pipe::Sender<Item>) -> Result<(), SyncError> {
        loop {
            match self.session(&tx).await {
                Ok(ReadEnd::Target) => return Ok(()),
                Ok(ReadEnd::Parked {
                    waited,
                    net_write_timeout,
                }) => {
                    self.ctx.log(LogLevel::Info,
                        &format!(
                            "the sink is behind: binlog connection closed on purpose at {} after {}s with a full buffer ({} KiB; the server drops a reader after net_write_timeout = {net_write_timeout}s); reopening from {} once the sink has caught up (planned reconnect)",
                            self.sent,
                            waited.as_secs(),
                            tx.used() / 1024,
                            self.resume
                        ),
                    );
                    if tx.drained_to(tx.capacity() / 4).await.is_err() {
                        return Ok(());
                    }
                }
                Err(e) if e.is_transient() => {
                    let Some(wait) = self.budget.fail() else {
                        return Err(e);
                    };
                    self.ctx.log(
                        LogLevel::Warn,
                        &format!(
                            "{e}; reconnecting from {} in {wait:?} ({})",
                            self.resume,
                            self.budget.attempt()
                        ),
                    );
                    tokio::time::sleep(wait).await;
                }
                Err(e) => return Err(e),
            }
        }
    }

    /// A source query under its deadline.
    async fn query<T>(
        &self,
        what: &str,
        fut: impl Future<Output = Result<T, SyncError>>,
    ) -> Result<T, SyncError> {
        source::within(self.ctx.source, QUERY_DEADLINE, what, fut).await
    }

    /// One binlog connection from `self.resume`.
    async fn session(&mut self, tx: &pipe::Sender<Item>) -> Result<ReadEnd, SyncError> {
        use mysql_async::prelude::Queryable;
        let ctx = self.ctx;
        // a server that does not answer is given up on as fast as a silent stream
        let connect_deadline = (self.period * 3)
            .max(Duration::from_secs(2))
            .min(source::CONNECT_DEADLINE);
        let mut c = source::connect_within(ctx.source, connect_deadline).await?;
        self.query(
            "SHOW BINARY LOGS",
            binlog::check_not_purged(ctx.name, ctx.source, &mut c, &self.resume),
        )
        .await?;
        let net_write_timeout = self
            .query("SELECT @@net_write_timeout", async {
                c.query_first::<u64, _>("SELECT @@SESSION.net_write_timeout")
                    .await
                    .map_err(|e| source_err(ctx.source, e))
            })
            .await?
            .unwrap_or(60);
        // heartbeats every period while the server has nothing to send (in nanoseconds)
        let period = self.period;
        self.query("SET @master_heartbeat_period", async {
            c.query_drop(format!(
                "SET @master_heartbeat_period = {}",
                period.as_nanos()
            ))
            .await
            .map_err(|e| source_err(ctx.source, e))
        })
        .await?;
        let req = mysql_async::BinlogStreamRequest::new(server_id(ctx)?)
            .with_filename(self.resume.file.as_bytes())
            .with_pos(self.resume.pos);
        let mut stream = self
            .query("COM_BINLOG_DUMP", async {
                c.get_binlog_stream(req)
                    .await
                    .map_err(|e| purged_or(ctx, e))
            })
            .await?;
        // the applier must not stall the connection past what the server tolerates
        let park_after = Duration::from_millis(net_write_timeout.max(2) * 1000 / 2);
        let deadline = self.period * 3;
        let opened = Instant::now();
        let mut last_read = Instant::now();
        let mut file = self.resume.file.clone();
        let mut in_trx = false;
        loop {
            let ev = match tokio::time::timeout(deadline, stream.next()).await {
                Ok(ev) => ev,
                Err(_) => {
                    return Err(SyncError::Source(
                        ctx.source.name.clone(),
                        format!(
                            "lost the binlog connection after {} s without a read (no event and no heartbeat for 3 heartbeat periods of {:.1} s)",
                            last_read.elapsed().as_secs_f64().round(),
                            period.as_secs_f64()
                        ),
                        crate::sync::error::Fault::Transient,
                    ));
                }
            };
            let Some(ev) = ev else {
                return Err(SyncError::Source(
                    ctx.source.name.clone(),
                    format!(
                        "the server closed the binlog connection after {} s of streaming",
                        opened.elapsed().as_secs()
                    ),
                    crate::sync::error::Fault::Transient,
                ));
            };
            let ev = ev.map_err(|e| self.stream_err(e, opened))?;
            last_read = Instant::now();
            self.live.last_read_ms.store(now_ms(), Ordering::Relaxed);
            let pos = ev.header().log_pos() as u64;
            let ts = ev.header().timestamp();
            let data = ev.read_data().map_err(|e| {
                SyncError::source(
                    &ctx.source.name,
                    format!("undecodable binlog event at {file}:{pos}: {e}"),
                )
            })?;
            let at = Pos {
                file: file.clone(),
                pos,
            };
            // events already sent before a reconnect are read again, not sent again
            let seen = pos != 0 && file == self.sent.file && pos <= self.sent.pos;
            let item = match data {
                Some(EventData::HeartbeatEvent) => continue,
                Some(EventData::RotateEvent(r)) => {
                    let n = binlog::clean_file_name(r.name_raw());
                    // the server's fake Rotate names the file we asked for (MariaDB appends the
                    // checksum to it); only trust its name when it differs in a sane way
                    if pos != 0 || (n != file && !n.is_empty()) {
                        file = n;
                    }
                    continue;
                }
                Some(EventData::RowsEvent(rows)) => {
                    in_trx = true;
                    if seen {
                        continue;
                    }
                    let Some(tme) = stream.get_tme(rows.table_id()) else {
                        continue;
                    };
                    let (db, table) = (
                        tme.database_name().into_owned(),
                        tme.table_name().into_owned(),
                    );
                    if !ctx.spec.selects(&db, &table) {
                        continue;
                    }
                    let unit = format!("{db}.{table}");
                    if !self.schemas.contains_key(&unit) {
                        match self.load_schema(&db, &table).await? {
                            Some(s) => {
                                self.schemas.insert(unit.clone(), s);
                            }
                            None => continue,
                        }
                    }
                    let s = &self.schemas[&unit];
                    let changes = binlog::decode(s, tme, &rows, &file, pos, ts).map_err(|e| {
                        SyncError::source(&ctx.source.name, format!("{unit} at {file}:{pos}: {e}"))
                    })?;
                    Item::Rows(changes)
                }
                Some(EventData::XidEvent(_)) => {
                    in_trx = false;
                    if seen {
                        continue;
                    }
                    Item::Commit { at: at.clone(), ts }
                }
                Some(EventData::QueryEvent(q)) => {
                    let sql = q.query().into_owned();
                    if sql.trim().eq_ignore_ascii_case("BEGIN") || sql.starts_with("# Dummy") {
                        continue;
                    }
                    in_trx = false;
                    if seen {
                        continue;
                    }
                    let ddl = binlog::parse_ddl(&sql, &q.schema());
                    if ddl == Ddl::Other {
                        // other statements (e.g. COMMIT of a non-transactional engine) end a unit
                        Item::Commit { at: at.clone(), ts }
                    } else {
                        let recopy = self.ddl_schemas(&ddl).await?;
                        Item::Ddl {
                            at: at.clone(),
                            ddl,
                            sql,
                            recopy,
                        }
                    }
                }
                _ => {
                    // positions of events we do not act on still count for --once
                    if pos != 0 && !in_trx && !seen && reached(&at, self.target.as_ref()) {
                        Item::Commit { at: at.clone(), ts }
                    } else {
                        continue;
                    }
                }
            };
            let boundary = !matches!(item, Item::Rows(_));
            let bytes = item_bytes(&item);
            let room = match tokio::time::timeout(park_after, tx.reserve(bytes)).await {
                Ok(Ok(room)) => room,
                // the applier is gone (it stopped or failed): nothing more to read
                Ok(Err(pipe::Closed)) => return Ok(ReadEnd::Target),
                Err(_) => {
                    drop(stream);
                    return Ok(ReadEnd::Parked {
                        waited: park_after,
                        net_write_timeout,
                    });
                }
            };
            if tx.send(room, item).is_err() {
                return Ok(ReadEnd::Target);
            }
            self.sent = at.clone();
            if boundary {
                self.resume = at.clone();
                self.budget.progress();
                if reached(&at, self.target.as_ref()) {
                    let _ = stream.close().await;
                    return Ok(ReadEnd::Target);
                }
            }
        }
    }

    /// What a failed read of the stream means: a purged file, or a connection lost while
    /// streaming (the server was there a moment ago: not "cannot connect").
    fn stream_err(&self, e: mysql_async::Error, opened: Instant) -> SyncError {
        let ctx = self.ctx;
        if let mysql_async::Error::Server(s) = &e
            && s.code == 1236
        {
            return purged_or(ctx, e);
        }
        match crate::sync::error::mysql_fault(&e) {
            crate::sync::error::Fault::Transient => SyncError::Source(
                ctx.source.name.clone(),
                format!(
                    "lost the binlog connection after {} s of streaming, at {}: {e}",
                    opened.elapsed().as_secs(),
                    self.sent
                ),
                crate::sync::error::Fault::Transient,
            ),
            _ => source_err(ctx.source, e),
        }
    }

    async fn load_schema(&self, db: &str, table: &str) -> Result<Option<TableSchema>, SyncError> {
        let mut sc = source::connect(self.ctx.source).await?;
        self.query("loading a table's schema", async {
            schema::load(&mut sc, db, table, self.ctx.spec.time_precision)
                .await
                .map_err(|e| source_err(self.ctx.source, e))
        })
        .await
    }

    /// Update the reader's schemas after a DDL statement; the tables to copy again, each with
    /// whether it was known before.
    async fn ddl_schemas(&mut self, ddl: &Ddl) -> Result<Vec<(TableSchema, bool)>, SyncError> {
        let spec = &self.ctx.spec;
        let mut load = vec![];
        match ddl {
            Ddl::Create(db, t) | Ddl::Alter(db, t) if spec.selects(db, t) => {
                load.push((db.clone(), t.clone()))
            }
            Ddl::Rename(pairs) => {
                for (old, new) in pairs {
                    if spec.selects(&old.0, &old.1) {
                        self.schemas.remove(&format!("{}.{}", old.0, old.1));
                    }
                    if spec.selects(&new.0, &new.1) {
                        load.push(new.clone());
                    }
                }
            }
            Ddl::Drop(tables) => {
                for (db, t) in tables {
                    self.schemas.remove(&format!("{db}.{t}"));
                }
            }
            _ => {}
        }
        let mut out = vec![];
        for (db, t) in load {
            if let Some(s) = self.load_schema(&db, &t).await? {
                let existed = self.schemas.insert(s.unit(), s.clone()).is_some();
                out.push((s, existed));
            }
        }
        Ok(out)
    }
}

/// The replica server id of the binlog connection: the task's --server-id, else the source
/// connection's server_id option, else derived from the state file and task name (so equally
/// named tasks of two state files do not clash).
fn server_id(ctx: &Rctx<'_>) -> Result<u32, SyncError> {
    let from_conn = match ctx.source.option("server_id") {
        None => None,
        Some(v) => Some(v.parse::<u32>().map_err(|e| {
            SyncError::Usage(format!(
                "connection '{}': option server_id '{v}' is not a replica server id ({e})",
                ctx.source.name
            ))
        })?),
    };
    Ok(match ctx.spec.server_id.or(from_conn) {
        Some(id) => id,
        None => ctx
            .spec
            .server_id(&format!("{}#{}", ctx.identity, ctx.name)),
    })
}

fn reached(p: &Pos, target: Option<&Pos>) -> bool {
    target.is_some_and(|t| p >= t)
}

fn purged_or(ctx: &Rctx<'_>, e: mysql_async::Error) -> SyncError {
    if let mysql_async::Error::Server(s) = &e
        && s.code == 1236
    {
        return SyncError::BinlogPurged {
            task: ctx.name.to_string(),
            file: s.message.clone(),
            oldest: "see SHOW BINARY LOGS".into(),
        };
    }
    source_err(ctx.source, e)
}
