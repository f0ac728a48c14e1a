//! The binlog follower of a MySQL/MariaDB source: one binlog connection at a time from the last
//! transaction boundary sent, decoding rows events of the selected tables into changes for the
//! pipeline. It reconnects on its own: after a failure (counted against the budget, which a
//! boundary sent resets), after silence past 3 heartbeat periods, and on purpose when the
//! applier is so far behind that the channel stayed full for half the server's
//! `net_write_timeout` (a planned reconnect, not counted).
//!
//! Failover: a connection may list several hosts; each binlog connection goes to the first
//! that answers as a writable primary. On the server the checkpoint was taken on, it resumes by
//! file and offset; on another one (a promoted replica), by the checkpoint's GTID position, once
//! that server's binlog is known to hold every transaction after it (see [`super::gtid`]).
//! Boundaries carry the GTID position (MariaDB's GTID events are tracked), the server id and
//! the host, so every checkpoint can be resumed elsewhere.

use super::Follow;
use super::binlog::{self, Ddl, Pos};
use super::gtid::{self, Gtid, GtidSet, ServerInfo};
use super::resume::{self, Resume};
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

/// Follow the binlog of the source's hosts (`active` the one followed now, updated on a
/// switch) from `f.from` into `tx` until the `--once` target, the applier hangs up, or the
/// budget of failures is spent.
pub async fn follow(
    hosts: &[Connection],
    active: &std::sync::Mutex<Connection>,
    f: Follow<'_>,
    tx: pipe::Sender<Item>,
) -> Result<(), SyncError> {
    let ctx = Rctx {
        name: f.task,
        hosts,
        active,
        spec: f.spec,
        identity: f.identity,
        log: f.log,
    };
    let host = active
        .lock()
        .map(|h| h.clone())
        .unwrap_or_else(|e| e.into_inner().clone());
    let mut reader = Reader {
        ctx: &ctx,
        host,
        schemas: f.schemas,
        resume: f.from.clone(),
        sent: Pos::new(f.from.file.clone(), f.from.pos),
        gtid: None,
        pending: None,
        trx_rows: 0,
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
    /// Every host of the source connection, in the order they are tried.
    hosts: &'a [Connection],
    /// The host followed now (shared with the source for copies and schema reads).
    active: &'a std::sync::Mutex<Connection>,
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
    /// The host of the current (or last) binlog connection.
    host: Connection,
    schemas: BTreeMap<String, TableSchema>,
    /// The last transaction boundary sent: where a new connection starts.
    resume: Pos,
    /// The end of the last event sent (file and offset on `resume`'s server); events up to
    /// here are skipped after reconnecting to that server.
    sent: Pos,
    /// The GTID position of the events read so far (None: not known, e.g. MySQL).
    gtid: Option<GtidSet>,
    /// The GTID of the event group being read, applied to `gtid` at its end.
    pending: Option<Gtid>,
    /// Rows events of the current transaction sent (or passed over) since `resume`: skipped
    /// when a connection resumes by GTID, where file offsets do not tell them.
    trx_rows: usize,
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
        source::within(&self.host, QUERY_DEADLINE, what, fut).await
    }

    /// One binlog connection from `self.resume`.
    async fn session(&mut self, tx: &pipe::Sender<Item>) -> Result<ReadEnd, SyncError> {
        use mysql_async::prelude::Queryable;
        let ctx = self.ctx;
        // a server that does not answer is given up on as fast as a silent stream
        let connect_deadline = (self.period * 3)
            .max(Duration::from_secs(2))
            .min(source::CONNECT_DEADLINE);
        let (host, mut c, info) = super::mysql::pick(ctx.hosts, connect_deadline).await?;
        if host.host() != self.host.host() {
            ctx.log(
                LogLevel::Warn,
                &format!(
                    "following {} (server_id {}) instead of {}",
                    host.host(),
                    info.server_id,
                    self.host.host()
                ),
            );
            if let Ok(mut a) = ctx.active.lock() {
                *a = host.clone();
            }
        }
        self.host = host;
        let by_gtid = self.start_point(&mut c, &info).await?;
        if let Some(t) = &self.target
            && t.server_id.is_some_and(|id| id != info.server_id)
        {
            // a --once target of the server left behind: catch up to the new one's end instead
            let head = self
                .query("SHOW MASTER STATUS", binlog::master_pos(&self.host, &mut c))
                .await?;
            self.target = Some(head);
        }
        let src = &self.host;
        let net_write_timeout = self
            .query("SELECT @@net_write_timeout", async {
                c.query_first::<u64, _>("SELECT @@SESSION.net_write_timeout")
                    .await
                    .map_err(|e| source_err(src, e))
            })
            .await?
            .unwrap_or(60);
        // heartbeats every period while the server has nothing to send (in nanoseconds)
        let period = self.period;
        let mut session = vec![format!(
            "SET @master_heartbeat_period = {}",
            period.as_nanos()
        )];
        if info.mariadb {
            // GTID events as they are (older replicas get them as BEGIN), so the reader
            // tracks the GTID position
            session.push("SET @mariadb_slave_capability = 4".into());
        }
        if let Some(g) = &by_gtid {
            session.push(format!("SET @slave_connect_state = '{g}'"));
            session.push("SET @slave_gtid_strict_mode = 1".into());
            session.push("SET @slave_gtid_ignore_duplicates = 0".into());
        }
        self.query("SET @master_heartbeat_period", async {
            for q in &session {
                c.query_drop(q).await.map_err(|e| source_err(src, e))?;
            }
            Ok(())
        })
        .await?;
        let req = mysql_async::BinlogStreamRequest::new(server_id(ctx)?);
        // by GTID: no file name, the server finds the place of the connect state
        let req = match &by_gtid {
            Some(_) => req,
            None => req
                .with_filename(self.resume.file.as_bytes())
                .with_pos(self.resume.pos),
        };
        let task = ctx.name;
        let gtid_mode = by_gtid.is_some();
        let mut stream = self
            .query("COM_BINLOG_DUMP", async {
                c.get_binlog_stream(req)
                    .await
                    .map_err(|e| purged_or(task, src, gtid_mode, e))
            })
            .await?;
        // the applier must not stall the connection past what the server tolerates
        let park_after = Duration::from_millis(net_write_timeout.max(2) * 1000 / 2);
        let deadline = self.period * 3;
        let opened = Instant::now();
        let mut last_read = Instant::now();
        let (mut file, skip) = match &by_gtid {
            // offsets of another server mean nothing here: the rows of a transaction sent in
            // part are told by their count
            Some(_) => {
                self.sent = Pos::new(String::new(), 0);
                (String::new(), self.trx_rows)
            }
            None => (self.resume.file.clone(), 0),
        };
        let mut passed = 0usize;
        self.gtid = self.resume.gtid.clone();
        self.pending = None;
        let mut in_trx = false;
        loop {
            let ev = match tokio::time::timeout(deadline, stream.next()).await {
                Ok(ev) => ev,
                Err(_) => {
                    return Err(SyncError::Source(
                        self.host.name.clone(),
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
                    self.host.name.clone(),
                    format!(
                        "the server closed the binlog connection after {} s of streaming",
                        opened.elapsed().as_secs()
                    ),
                    crate::sync::error::Fault::Transient,
                ));
            };
            let ev = ev.map_err(|e| self.stream_err(e, opened, gtid_mode))?;
            last_read = Instant::now();
            self.live.last_read_ms.store(now_ms(), Ordering::Relaxed);
            let pos = ev.header().log_pos() as u64;
            let ts = ev.header().timestamp();
            match ev.header().event_type_raw() {
                gtid::GTID_EVENT => {
                    self.pending = gtid::parse_gtid_event(ev.data(), ev.header().server_id());
                    // a standalone group (DDL) has no transaction around it
                    in_trx = ev.data().get(12).is_some_and(|flags| flags & 1 == 0);
                    continue;
                }
                gtid::GTID_LIST_EVENT => continue,
                _ => {}
            }
            let data = ev.read_data().map_err(|e| {
                SyncError::source(
                    &self.host.name,
                    format!("undecodable binlog event at {file}:{pos}: {e}"),
                )
            })?;
            let here = Pos::new(file.clone(), pos);
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
                    passed += 1;
                    if seen || passed <= skip {
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
                        SyncError::source(&self.host.name, format!("{unit} at {file}:{pos}: {e}"))
                    })?;
                    Item::Rows(changes)
                }
                Some(EventData::XidEvent(_)) => {
                    in_trx = false;
                    if seen {
                        continue;
                    }
                    Item::Commit {
                        at: self.boundary(here.clone(), &info),
                        ts,
                    }
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
                        Item::Commit {
                            at: self.boundary(here.clone(), &info),
                            ts,
                        }
                    } else {
                        let recopy = self.ddl_schemas(&ddl).await?;
                        Item::Ddl {
                            at: self.boundary(here.clone(), &info),
                            ddl,
                            sql,
                            recopy,
                        }
                    }
                }
                _ => {
                    // positions of events we do not act on still count for --once
                    if pos != 0 && !in_trx && !seen && reached(&here, self.target.as_ref()) {
                        Item::Commit {
                            at: self.boundary(here.clone(), &info),
                            ts,
                        }
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
            let at = match &item {
                Item::Commit { at, .. } | Item::Ddl { at, .. } => Some(at.clone()),
                Item::Rows(_) => None,
            };
            if tx.send(room, item).is_err() {
                return Ok(ReadEnd::Target);
            }
            self.sent = here.clone();
            self.trx_rows = passed;
            if let Some(at) = at.filter(|_| boundary) {
                self.resume = at;
                self.trx_rows = 0;
                passed = 0;
                self.budget.progress();
                if reached(&here, self.target.as_ref()) {
                    let _ = stream.close().await;
                    return Ok(ReadEnd::Target);
                }
            }
        }
    }

    /// Where this connection starts: by file and offset on the server of the checkpoint (None;
    /// a checkpoint without a GTID position gets one when the server can tell it), else by the
    /// checkpoint's GTID position (see [`super::resume`]).
    async fn start_point(
        &mut self,
        c: &mut mysql_async::Conn,
        info: &ServerInfo,
    ) -> Result<Option<GtidSet>, SyncError> {
        let several = self.ctx.hosts.len() > 1;
        match resume::check(self.ctx.name, several, &self.host, c, info, &self.resume).await? {
            Resume::Same(gtid) => {
                if self.resume.gtid.is_none() {
                    self.resume.gtid = gtid;
                }
                Ok(None)
            }
            Resume::Gtid(from) => {
                // history entries are keyed by binlog coordinates, which another server reuses
                if self.ctx.spec.mode == crate::sync::task::Mode::History {
                    return Err(SyncError::SourceConfig(format!(
                        "{}: a history-mode task keys its entries by the binlog coordinates of one server and cannot resume on {} (server_id {}) by GTID; run `shark sync reset {}` to copy everything again from there",
                        self.ctx.name,
                        self.host.host(),
                        info.server_id,
                        self.ctx.name
                    )));
                }
                self.ctx.log(
                    LogLevel::Warn,
                    &format!(
                        "switching from {} (server_id {}, at {}) to {} (server_id {}): resuming by GTID after {from}",
                        self.resume.host.as_deref().unwrap_or("?"),
                        self.resume.server_id.unwrap_or(0),
                        self.resume,
                        self.host.host(),
                        info.server_id
                    ),
                );
                Ok(Some(from))
            }
        }
    }

    /// A transaction boundary at `here`: with the GTID position after it, the server and host.
    fn boundary(&mut self, mut here: Pos, info: &ServerInfo) -> Pos {
        // a GTID position the server could not tell is not made up from what follows
        if let (Some(g), Some(set)) = (self.pending.take(), self.gtid.as_mut()) {
            set.apply(g);
        }
        here.gtid = self.gtid.clone();
        here.server_id = Some(info.server_id);
        here.host = Some(self.host.host());
        here
    }

    /// What a failed read of the stream means: a purged file, or a connection lost while
    /// streaming (the server was there a moment ago: not "cannot connect").
    fn stream_err(&self, e: mysql_async::Error, opened: Instant, gtid_mode: bool) -> SyncError {
        let src = &self.host;
        if let mysql_async::Error::Server(s) = &e
            && s.code == 1236
        {
            return purged_or(self.ctx.name, src, gtid_mode, e);
        }
        match crate::sync::error::mysql_fault(&e) {
            crate::sync::error::Fault::Transient => SyncError::Source(
                src.name.clone(),
                format!(
                    "lost the binlog connection after {} s of streaming, at {}: {e}",
                    opened.elapsed().as_secs(),
                    self.sent
                ),
                crate::sync::error::Fault::Transient,
            ),
            _ => source_err(src, e),
        }
    }

    async fn load_schema(&self, db: &str, table: &str) -> Result<Option<TableSchema>, SyncError> {
        let mut sc = source::connect(&self.host).await?;
        self.query("loading a table's schema", async {
            schema::load(&mut sc, db, table, self.ctx.spec.time_precision)
                .await
                .map_err(|e| source_err(&self.host, e))
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
    let conn = &ctx.hosts[0];
    let from_conn = match conn.option("server_id") {
        None => None,
        Some(v) => Some(v.parse::<u32>().map_err(|e| {
            SyncError::Usage(format!(
                "connection '{}': option server_id '{v}' is not a replica server id ({e})",
                conn.name
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
    target.is_some_and(|t| p.reached(t))
}

/// What the server's refusal to send its binlog (error 1236) means: a purged file, or (by
/// GTID) a position its binlog does not hold.
fn purged_or(task: &str, src: &Connection, gtid_mode: bool, e: mysql_async::Error) -> SyncError {
    if let mysql_async::Error::Server(s) = &e
        && s.code == 1236
    {
        if gtid_mode {
            return SyncError::GtidGap {
                task: task.to_string(),
                server: src.host(),
                missing: s.message.clone(),
            };
        }
        return SyncError::BinlogPurged {
            task: task.to_string(),
            file: s.message.clone(),
            oldest: "see SHOW BINARY LOGS".into(),
        };
    }
    source_err(src, e)
}
