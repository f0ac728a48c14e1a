//! The MySQL/MariaDB sink: a unit's rows go to table `table` of schema `db`, created at the
//! first copy ([`ddl`]: the source's exact column declarations for MySQL → MySQL, mapped types
//! otherwise), written with batched multi-row upserts in one transaction per call ([`write`]),
//! changes applied in binlog order (upsert, delete by key, key change = delete + upsert), and
//! read back for `verify` as the documents the source produced ([`table`]).
//!
//! Sessions come from a pool sized for the writers the task runs at once (`--parallel` units ×
//! batches in flight, see [`MySqlSink::connect`]), each in UTC (TIMESTAMP values are written and read as the
//! source's copy reads them) and in strict SQL mode, so a value the target cannot hold is an
//! error, never a silently truncated value: such a row comes back as [`Rejected`] with the
//! server's message while the rest of its batch is written. Every call has a deadline; a
//! connection failure or a silent server is a transient error (the batch is written again: every
//! write is an idempotent upsert or delete by key), anything else fatal. Waiting for a free
//! session is no failure: it is back-pressure, logged when long, outside every deadline.
//!
//! Key-less units hold their rows under a hidden primary key [`ddl::ROW_COLUMN`]
//! (`h:<hash>:<n>`), so identical rows stay distinct rows. [`Begin::Recopy`] copies into
//! `<table>__shark_shadow` and swaps it in at the end with one atomic `RENAME TABLE`.

pub mod ddl;
pub mod literal;
pub mod table;
pub mod write;

use crate::conn::{ConnError, Connection};
use crate::sync::error::{Fault, SyncError, mysql_fault};
use crate::sync::model::change::{Change, Op};
use crate::sync::model::doc::{canonical, keyless_id, keyless_range};
use crate::sync::model::schema::{TableSchema, q};
use crate::sync::sink::{
    Begin, Built, KeylessTarget, Prepared, Rejected, Sink, Target, TargetOf, Writing, Written,
};
use ddl::{Flavor, ROW_COLUMN, quote};
use mongodb::bson::{Bson, Document};
use mysql_async::prelude::Queryable;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::future::Future;
use std::sync::{Arc, Mutex};
use std::time::Duration;
use table::TargetTable;
use write::{Limits, Row};

/// How long getting a session (connect, TLS, handshake, session setup) may take.
const CONNECT_DEADLINE: Duration = Duration::from_secs(30);
/// TCP keepalive of the sessions, so a peer that vanished is noticed by the kernel too.
const KEEPALIVE: Duration = Duration::from_secs(15);
/// Sessions beyond the writers: reads of a table's columns, existence checks, the swap.
const SPARE_SESSIONS: usize = 2;
/// A wait for a free session this long is logged (and again at most this often).
const POOL_WAIT_NOTICE: Duration = Duration::from_secs(10);
/// Deadline of one call: a base plus a second per row, so a slow but working server finishes
/// its batch while a silent one is given up on (and the batch written again).
const CALL_BASE: Duration = Duration::from_secs(120);
const CALL_PER_ROW: Duration = Duration::from_secs(1);
/// Deadline of one row of a `scan`.
const ROW_DEADLINE: Duration = Duration::from_secs(300);
/// Session settings of every pooled session (run again after each reset): UTC, utf8mb4, and a
/// strict SQL mode (no silent truncation, `'` doubled and `\` literal in strings, an explicit 0
/// stays 0 in an AUTO_INCREMENT column).
const SESSION: [&str; 3] = [
    "SET time_zone = '+00:00'",
    "SET NAMES utf8mb4",
    "SET SESSION sql_mode = 'STRICT_ALL_TABLES,NO_BACKSLASH_ESCAPES,NO_ENGINE_SUBSTITUTION,NO_AUTO_VALUE_ON_ZERO'",
];
/// Server errors of a `CREATE TABLE` naming a charset or collation the target does not know.
const UNKNOWN_CHARSET: &[u16] = &[1115, 1273];

fn deadline(rows: usize) -> Duration {
    CALL_BASE + CALL_PER_ROW * rows.min(100_000) as u32
}

/// A MySQL/MariaDB target: a handle on what its writes share (a CDC batch is written on a
/// task of its own, see [`Sink::write`]).
pub struct MySqlSink(Arc<Core>);

impl std::ops::Deref for MySqlSink {
    type Target = Core;
    fn deref(&self) -> &Core {
        &self.0
    }
}

/// The sink's sessions, limits and table cache.
pub struct Core {
    pool: mysql_async::Pool,
    /// One permit per session of the pool: a caller waits here (without a deadline) for a
    /// free session, so the pool itself never makes a caller wait.
    permits: Arc<tokio::sync::Semaphore>,
    sessions: usize,
    /// When a pool wait was last logged.
    wait_logged: Mutex<Option<std::time::Instant>>,
    conn: Connection,
    limits: Limits,
    /// Target tables as last read from the target, by where they are.
    tables: Mutex<HashMap<Target, Arc<TargetTable>>>,
}

/// What one statement or transaction did: a connection-level failure (outer) or the server's
/// answer to the statement (inner).
type Attempt = Result<Result<(), mysql_async::Error>, SyncError>;

/// A pooled session and its permit (released after the session went back to the pool).
struct Session {
    conn: mysql_async::Conn,
    _permit: tokio::sync::OwnedSemaphorePermit,
}

impl std::ops::Deref for Session {
    type Target = mysql_async::Conn;
    fn deref(&self) -> &mysql_async::Conn {
        &self.conn
    }
}

impl std::ops::DerefMut for Session {
    fn deref_mut(&mut self) -> &mut mysql_async::Conn {
        &mut self.conn
    }
}

impl MySqlSink {
    /// A pool of sessions to `conn` for two writes at once (one unit's copy); see
    /// [`MySqlSink::connect_for`].
    pub async fn connect(conn: &Connection) -> Result<MySqlSink, SyncError> {
        MySqlSink::connect_for(conn, 2).await
    }

    /// A pool of sessions to `conn` for `writers` writes at once (plus a few for reads of the
    /// target's tables), checked by reading `max_allowed_packet` (which bounds the
    /// statements).
    pub async fn connect_for(conn: &Connection, writers: usize) -> Result<MySqlSink, SyncError> {
        let sessions = writers.max(1) + SPARE_SESSIONS;
        let opts = crate::conn::probe::mysql::opts(conn)?;
        // one more than the permits: a session on its way back to the pool is not waited for
        let pool_opts = mysql_async::PoolOpts::default()
            .with_constraints(
                mysql_async::PoolConstraints::new(0, sessions + 1).unwrap_or_default(),
            )
            .with_inactive_connection_ttl(Duration::from_secs(60))
            // a session back from a write keeps its settings: shark changes nothing else in a
            // session, and an unfinished transaction is rolled back on its return anyway (no
            // COM_RESET_CONNECTION + SESSION statements: 4 round trips per transaction)
            .with_reset_connection(false);
        let opts = mysql_async::OptsBuilder::from_opts(opts)
            .tcp_keepalive(Some(KEEPALIVE))
            .setup(SESSION.to_vec())
            .pool_opts(pool_opts);
        let mut sink = Core {
            pool: mysql_async::Pool::new(opts),
            permits: Arc::new(tokio::sync::Semaphore::new(sessions)),
            sessions,
            wait_logged: Mutex::new(None),
            conn: conn.clone(),
            limits: Limits::for_packet(4 << 20),
            tables: Mutex::new(HashMap::new()),
        };
        let mut c = sink.session().await?;
        let read = async {
            c.query_first::<u64, _>("SELECT @@max_allowed_packet")
                .await
                .map_err(|e| sink.err("reading max_allowed_packet", e))
        };
        let packet = sink.timed("reading max_allowed_packet", 0, read).await?;
        drop(c);
        if let Some(p) = packet {
            sink.limits = Limits::for_packet(usize::try_from(p).unwrap_or(usize::MAX));
        }
        Ok(MySqlSink(Arc::new(sink)))
    }

    /// Close the pool's sessions.
    pub async fn close(self) {
        let _ = self.0.pool.clone().disconnect().await;
    }
}

impl Core {
    /// A target driver error: auth problems become exit 3, the rest keeps its text and what its
    /// kind calls for.
    fn err(&self, what: &str, e: mysql_async::Error) -> SyncError {
        let fault = match mysql_fault(&e) {
            Fault::TableChanged => Fault::Fatal,
            f => f,
        };
        match crate::conn::probe::mysql::classify(&self.conn, e) {
            ConnError::Protocol { reason, .. } => {
                SyncError::Target(self.conn.name.clone(), format!("{what}: {reason}"), fault)
            }
            other => SyncError::Conn(other),
        }
    }

    fn fatal(&self, msg: String) -> SyncError {
        SyncError::Target(self.conn.name.clone(), msg, Fault::Fatal)
    }

    /// A free session: waits for one as long as every session is busy (the target is slower
    /// than the writers: back-pressure, logged, never a failure), then gets it from the pool
    /// within [`CONNECT_DEADLINE`] (a new session connects then).
    async fn session(&self) -> Result<Session, SyncError> {
        let permits = self.permits.clone();
        let permit = match permits.clone().try_acquire_owned() {
            Ok(p) => p,
            Err(_) => {
                let wait = permits.acquire_owned();
                tokio::pin!(wait);
                let started = std::time::Instant::now();
                loop {
                    match tokio::time::timeout(POOL_WAIT_NOTICE, &mut wait).await {
                        Ok(p) => {
                            break p
                                .map_err(|_| self.fatal("the session pool is closed".into()))?;
                        }
                        Err(_) => self.note_pool_wait(started.elapsed()),
                    }
                }
            }
        };
        match tokio::time::timeout(CONNECT_DEADLINE, self.pool.get_conn()).await {
            Ok(r) => r
                .map(|conn| Session {
                    conn,
                    _permit: permit,
                })
                .map_err(|e| self.err("connecting", e)),
            Err(_) => Err(SyncError::Conn(ConnError::Unreachable {
                name: self.conn.name.clone(),
                endpoint: self.conn.endpoint(),
                reason: format!(
                    "no session within {}s (TCP connected or not, the server did not complete the handshake)",
                    CONNECT_DEADLINE.as_secs()
                ),
            })),
        }
    }

    /// Log a long wait for a free session (at most every [`POOL_WAIT_NOTICE`] for the sink).
    fn note_pool_wait(&self, waited: Duration) {
        let Ok(mut last) = self.wait_logged.lock() else {
            return;
        };
        if last.is_some_and(|t| t.elapsed() < POOL_WAIT_NOTICE) {
            return;
        }
        *last = Some(std::time::Instant::now());
        tracing::warn!(
            "{}: all {} sessions are busy with writes the server has not finished; a writer has waited {}s for one and keeps waiting (a slow or locked target slows the task down, it does not fail it)",
            self.conn.name,
            self.sessions,
            waited.as_secs()
        );
    }

    /// `fut` (work on `rows` rows) under its deadline: a transient error when it runs out.
    async fn timed<T>(
        &self,
        what: &str,
        rows: usize,
        fut: impl Future<Output = Result<T, SyncError>>,
    ) -> Result<T, SyncError> {
        let d = deadline(rows);
        match tokio::time::timeout(d, fut).await {
            Ok(r) => r,
            Err(_) => Err(SyncError::Target(
                self.conn.name.clone(),
                format!(
                    "no answer within {}s to {what}; it is done again",
                    d.as_secs()
                ),
                Fault::Transient,
            )),
        }
    }

    /// Run `stmts` in order on one session; the first statement error is returned as is.
    async fn attempt(&self, what: &str, stmts: &[String]) -> Attempt {
        let mut c = self.session().await?;
        let work = async {
            for s in stmts {
                if let Err(e) = c.query_drop(s).await {
                    return Ok(Err(e));
                }
            }
            Ok(Ok(()))
        };
        self.timed(what, 0, work).await
    }

    /// Run `stmts` in order on one session.
    async fn run(&self, what: &str, stmts: &[String]) -> Result<(), SyncError> {
        self.attempt(what, stmts)
            .await?
            .map_err(|e| self.err(what, e))
    }

    fn qualified(t: &Target) -> String {
        format!("{}.{}", q(&t.db), q(&t.name))
    }

    fn forget(&self, t: &Target) {
        if let Ok(mut m) = self.tables.lock() {
            m.remove(t);
        }
    }

    /// The target table `t` as the target declares it (cached).
    async fn table(&self, t: &Target) -> Result<Arc<TargetTable>, SyncError> {
        if let Some(found) = self.tables.lock().ok().and_then(|m| m.get(t).cloned()) {
            return Ok(found);
        }
        let what = format!("reading the columns of {t}");
        let mut c = self.session().await?;
        let load = async {
            crate::sync::model::schema::load(&mut c, &t.db, &t.name, Default::default())
                .await
                .map_err(|e| self.err(&what, e))
        };
        let schema = self.timed(&what, 0, load).await?.ok_or_else(|| {
            self.fatal(format!(
                "table {t} does not exist at the target (dropped since its copy?); run `shark sync reset` for the task to copy it again"
            ))
        })?;
        let table = Arc::new(TargetTable::new(schema));
        if let Ok(mut m) = self.tables.lock() {
            m.insert(t.clone(), table.clone());
        }
        Ok(table)
    }

    async fn exists(&self, t: &Target) -> Result<bool, SyncError> {
        let what = format!("looking for table {t}");
        let mut c = self.session().await?;
        let find = async {
            c.exec_first::<u64, _, _>(
                "SELECT COUNT(*) FROM information_schema.TABLES WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ?",
                (&t.db, &t.name),
            )
            .await
            .map_err(|e| self.err(&what, e))
        };
        Ok(self.timed(&what, 0, find).await?.unwrap_or(0) > 0)
    }

    /// Create `into` for `unit`'s rows when missing: the source's declarations, or, when the
    /// target does not know one of its charsets or collations, utf8mb4.
    async fn create(&self, unit: &TableSchema, into: &Target) -> Result<(), SyncError> {
        let what = format!("creating table {into}");
        let mut last = None;
        for flavor in [Flavor::Exact, Flavor::Portable] {
            let ddl =
                ddl::create_table(unit, &into.db, &into.name, flavor).map_err(|m| self.fatal(m))?;
            match self.attempt(&what, &[ddl]).await? {
                Ok(()) => return Ok(()),
                Err(mysql_async::Error::Server(s)) if UNKNOWN_CHARSET.contains(&s.code) => {
                    last = Some(mysql_async::Error::Server(s));
                }
                Err(e) => return Err(self.err(&what, e)),
            }
        }
        Err(match last {
            Some(e) => self.err(&what, e),
            None => self.fatal(what),
        })
    }

    /// Rows of `docs` as upsert tuples for `table`; those that do not fit are rejected.
    fn rows(table: &TargetTable, docs: &[Document], rejected: &mut Vec<Rejected>) -> Vec<Row> {
        let mut rows = Vec::with_capacity(docs.len());
        for d in docs {
            let id = d.get("_id").cloned().unwrap_or(Bson::Null);
            match table.tuple(d) {
                Ok(tuple) => rows.push(Row { id, tuple }),
                Err(error) => rejected.push(Rejected { id, error }),
            }
        }
        rows
    }

    /// The writes of `changes`, per target table in order of first appearance: the last
    /// operation per key (deletes by key condition, rows as upsert tuples); rows that do not
    /// fit their table are rejected here.
    async fn plan(&self, target: &TargetOf<'_>, changes: &[Change]) -> Result<Batch, SyncError> {
        let mut groups: Vec<(Target, Vec<&Change>)> = vec![];
        for c in changes.iter().filter(|c| !c.keyless) {
            let t = target(&c.db, &c.table);
            match groups.iter_mut().find(|g| g.0 == t) {
                Some(g) => g.1.push(c),
                None => groups.push((t, vec![c])),
            }
        }
        let mut rejected = vec![];
        let mut plans = vec![];
        for (t, list) in groups {
            let table = self.table(&t).await?;
            let mut rows = vec![];
            let mut deletes = vec![];
            let empty = Document::new();
            for (id, change) in collapse(&list) {
                match change {
                    Some(c) => {
                        let doc = c.doc.as_ref().unwrap_or(&empty);
                        // only a key-less table takes its row id from the document
                        let tuple = if table.row_col.is_some() {
                            let mut d = doc.clone();
                            d.insert("_id", c.id.clone());
                            table.tuple(&d)
                        } else {
                            table.tuple(doc)
                        };
                        match tuple {
                            Ok(tuple) => rows.push(Row {
                                id: c.id.clone(),
                                tuple,
                            }),
                            Err(error) => rejected.push(Rejected {
                                id: c.id.clone(),
                                error,
                            }),
                        }
                    }
                    None => match table.key_condition(id) {
                        Ok(cond) => deletes.push((id.clone(), cond)),
                        Err(error) => rejected.push(Rejected {
                            id: id.clone(),
                            error,
                        }),
                    },
                }
            }
            plans.push(Plan {
                table,
                deletes,
                rows,
            });
        }
        Ok(Batch {
            plans,
            rejected,
            changes: changes.len(),
        })
    }

    /// A planned batch in one transaction.
    async fn execute(&self, b: &Batch) -> Result<Written, SyncError> {
        let what = format!("applying {} changes", b.changes);
        let rejected = self.transact(&what, &b.plans, b.rejected.clone()).await?;
        Ok(Written { rejected })
    }

    /// In one transaction: per table, delete by the key conditions, then upsert the rows.
    async fn transact(
        &self,
        what: &str,
        plans: &[Plan],
        mut rejected: Vec<Rejected>,
    ) -> Result<Vec<Rejected>, SyncError> {
        let n: usize = plans.iter().map(|p| p.rows.len() + p.deletes.len()).sum();
        if n == 0 {
            return Ok(rejected);
        }
        let limits = self.limits;
        let mut c = self.session().await?;
        let work = async {
            let e = |e| self.err(what, e);
            // every statement in one round trip when they fit one packet; a statement refused
            // for a row's value sends the transaction back (rolled back) to the statement by
            // statement way below, which finds the row
            if let Some(all) = Self::statements(plans, limits) {
                let mut tx = c
                    .start_transaction(mysql_async::TxOpts::default())
                    .await
                    .map_err(e)?;
                match tx.query_drop(all).await {
                    Ok(()) => {
                        tx.commit().await.map_err(e)?;
                        return Ok(rejected);
                    }
                    Err(err) if write::row_error(&err).is_some() => {
                        tx.rollback().await.map_err(e)?
                    }
                    Err(err) => return Err(e(err)),
                }
            }
            let mut tx = c
                .start_transaction(mysql_async::TxOpts::default())
                .await
                .map_err(e)?;
            for p in plans {
                let name = p.table.qualified();
                write::delete(&mut tx, &name, &p.deletes, limits, &mut rejected)
                    .await
                    .map_err(e)?;
                let (prefix, suffix) = p.table.upsert_parts();
                write::upsert(&mut tx, &prefix, &suffix, &p.rows, limits, &mut rejected)
                    .await
                    .map_err(e)?;
            }
            tx.commit().await.map_err(e)?;
            Ok(rejected)
        };
        self.timed(what, n, work).await
    }
}

impl Core {
    /// Every statement of `plans` as one multi-statement text, when it fits one packet and no
    /// row is too large for a statement.
    fn statements(plans: &[Plan], limits: Limits) -> Option<String> {
        let mut all: Vec<String> = vec![];
        for p in plans {
            let name = p.table.qualified();
            all.extend(write::delete_statements(&name, &p.deletes, limits));
            if !p.rows.is_empty() {
                let (prefix, suffix) = p.table.upsert_parts();
                all.extend(write::upsert_statements(&prefix, &suffix, &p.rows, limits)?);
            }
        }
        let text = all.join(";\n");
        (text.len() <= limits.max_stmt_bytes).then_some(text)
    }
}

/// A batch of changes as statements' rows, ready for its transaction.
struct Batch {
    plans: Vec<Plan>,
    /// Rows refused while building (a value that does not fit its column).
    rejected: Vec<Rejected>,
    /// Changes it was made of.
    changes: usize,
}

/// A task of the sink that panicked or was stopped.
fn ended(name: &str, e: tokio::task::JoinError) -> SyncError {
    SyncError::Target(
        name.to_string(),
        format!("the write of a batch of changes ended abnormally: {e}"),
        Fault::Fatal,
    )
}

/// The statements of a batch being built ([`Sink::prepare`]).
type Planning = AbortOnDrop<Result<Batch, SyncError>>;

/// A spawned task, stopped when its handle is dropped.
struct AbortOnDrop<T>(tokio::task::JoinHandle<T>);

impl<T> Drop for AbortOnDrop<T> {
    fn drop(&mut self) {
        self.0.abort();
    }
}

impl<T> Future for AbortOnDrop<T> {
    type Output = Result<T, tokio::task::JoinError>;
    fn poll(
        mut self: std::pin::Pin<&mut Self>,
        cx: &mut std::task::Context<'_>,
    ) -> std::task::Poll<Self::Output> {
        std::pin::Pin::new(&mut self.0).poll(cx)
    }
}

/// The writes of one call to one table.
struct Plan {
    table: Arc<TargetTable>,
    deletes: Vec<(Bson, String)>,
    rows: Vec<Row>,
}

/// The last operation per key of one table's changes, in first-seen order: `Some(change)` to
/// upsert its row, None to delete. A key change deletes the old key first.
fn collapse<'a>(list: &[&'a Change]) -> Vec<(&'a Bson, Option<&'a Change>)> {
    let mut last: Vec<(&Bson, Option<&Change>)> = vec![];
    let mut index: HashMap<String, usize> = HashMap::new();
    let mut put = |id: &'a Bson, change: Option<&'a Change>| {
        let mut key = String::new();
        canonical(id, &mut key);
        match index.get(&key) {
            Some(i) => last[*i] = (id, change),
            None => {
                index.insert(key, last.len());
                last.push((id, change));
            }
        }
    };
    for c in list {
        if let Some(old) = &c.old_id
            && old != &c.id
        {
            put(old, None);
        }
        match c.op {
            Op::Delete => put(&c.id, None),
            Op::Insert | Op::Update => put(&c.id, Some(c)),
        }
    }
    last
}

#[async_trait::async_trait]
impl Sink for MySqlSink {
    fn name(&self) -> &str {
        &self.conn.name
    }

    fn target(&self, target_db: &str, table: &str) -> Target {
        Target::new(target_db, table)
    }

    async fn begin_copy(
        &self,
        unit: &TableSchema,
        target: &Target,
        how: Begin,
    ) -> Result<Target, SyncError> {
        self.run(
            &format!("creating database {}", target.db),
            &[format!(
                "CREATE DATABASE IF NOT EXISTS {} CHARACTER SET utf8mb4",
                q(&target.db)
            )],
        )
        .await?;
        let into = match how {
            Begin::Recopy { .. } => Target::new(target.db.clone(), ddl::shadow_name(&target.name)),
            _ => target.clone(),
        };
        self.forget(&into);
        // a shadow is started over unless its copy resumes after its last committed key
        if matches!(
            how,
            Begin::Fresh { drop: true } | Begin::Recopy { resume: false }
        ) {
            let sql = format!("DROP TABLE IF EXISTS {}", Core::qualified(&into));
            self.run(&format!("dropping {into}"), &[sql]).await?;
        }
        self.create(unit, &into).await?;
        if how == Begin::Restart {
            let sql = format!("TRUNCATE TABLE {}", Core::qualified(&into));
            self.run(&format!("emptying {into}"), &[sql]).await?;
        }
        Ok(into)
    }

    /// Rows are always upserted (`INSERT ... ON DUPLICATE KEY UPDATE`), so `upsert` changes
    /// nothing: a batch written again converges to the same rows.
    async fn write_rows(
        &self,
        into: &Target,
        rows: Vec<Document>,
        _upsert: bool,
    ) -> Result<Written, SyncError> {
        let table = self.table(into).await?;
        let mut rejected = vec![];
        let rows = Core::rows(&table, &rows, &mut rejected);
        let plan = Plan {
            table,
            deletes: vec![],
            rows,
        };
        let what = format!("a write of rows into {into}");
        let rejected = self.transact(&what, &[plan], rejected).await?;
        Ok(Written { rejected })
    }

    /// The shadow replaces the table in one atomic `RENAME TABLE` (the table retired by it is
    /// dropped afterwards). Every step is idempotent: a shadow that is gone while the table
    /// exists is a swap done earlier (only its retired table may be left to drop).
    async fn end_copy(&self, target: &Target, written: &Target) -> Result<(), SyncError> {
        if written == target {
            return Ok(());
        }
        let old = Target::new(target.db.clone(), ddl::retired_name(&target.name));
        let (t, w, o) = (
            Core::qualified(target),
            Core::qualified(written),
            Core::qualified(&old),
        );
        let what = format!("the swap of {written} into {target}");
        self.forget(target);
        self.forget(written);
        let drop_old = format!("DROP TABLE IF EXISTS {o}");
        if !self.exists(written).await? {
            if self.exists(target).await? {
                // swapped by an earlier attempt whose answer was lost
                return self.run(&what, &[drop_old]).await;
            }
            return Err(self.fatal(format!(
                "{what}: neither the shadow nor the table exists (removed by hand?); `shark sync reset` for the task copies the table again"
            )));
        }
        // the shadow is still there, so a retired table left behind is from an earlier swap
        self.run(&what, std::slice::from_ref(&drop_old)).await?;
        let rename = if self.exists(target).await? {
            format!("RENAME TABLE {t} TO {o}, {w} TO {t}")
        } else {
            format!("RENAME TABLE {w} TO {t}")
        };
        self.run(&what, &[rename, drop_old]).await
    }

    async fn truncate(&self, target: &Target) -> Result<(), SyncError> {
        let what = format!("emptying {target}");
        let sql = format!("TRUNCATE TABLE {}", Core::qualified(target));
        match self.attempt(&what, &[sql]).await? {
            Ok(()) => Ok(()),
            // no table: nothing to remove
            Err(mysql_async::Error::Server(s)) if s.code == 1146 => Ok(()),
            Err(e) => Err(self.err(&what, e)),
        }
    }

    async fn apply(&self, target: &TargetOf<'_>, changes: &[Change]) -> Result<Written, SyncError> {
        let built = self.plan(target, changes).await?;
        self.execute(&built).await
    }

    /// The statements' rows and key conditions, built on a task of their own (the caller
    /// goes on reading the binlog meanwhile).
    async fn prepare(&self, batch: &Arc<Prepared>) -> Option<Built> {
        let core = self.0.clone();
        let batch = batch.clone();
        let task = tokio::spawn(async move {
            let target = |db: &str, table: &str| batch.target(db, table);
            core.plan(&target, &batch.changes).await
        });
        Some(Box::new(AbortOnDrop(task)))
    }

    /// The transaction runs on a task of its own, started here: it goes on while the caller
    /// prepares the next batch (dropping the future stops it; the target rolls it back).
    fn writes_in_background(&self) -> bool {
        true
    }

    fn write(&self, batch: Arc<Prepared>, built: Option<Built>) -> Writing<'_> {
        let core = self.0.clone();
        let name = self.conn.name.clone();
        let task = tokio::spawn(async move {
            let planning = built.and_then(|b| b.downcast::<Planning>().ok());
            let planned = match planning {
                Some(p) => p.await.map_err(|e| ended(&core.conn.name, e))?,
                None => {
                    let target = |db: &str, table: &str| batch.target(db, table);
                    core.plan(&target, &batch.changes).await
                }
            };
            core.execute(&planned?).await
        });
        let task = AbortOnDrop(task);
        Box::pin(async move { task.await.unwrap_or_else(|e| Err(ended(&name, e))) })
    }

    async fn keyless_present(
        &self,
        target: &Target,
        hashes: &[&str],
    ) -> Result<BTreeMap<String, BTreeSet<u64>>, SyncError> {
        let mut out: BTreeMap<String, BTreeSet<u64>> = hashes
            .iter()
            .map(|h| (h.to_string(), BTreeSet::new()))
            .collect();
        let what = format!("a read of the identical rows of {target}");
        let col = q(ROW_COLUMN);
        for chunk in hashes.chunks(200) {
            let ranges: Vec<String> = chunk
                .iter()
                .map(|h| {
                    let (from, to) = keyless_range(h);
                    format!("({col} >= {} AND {col} < {})", quote(&from), quote(&to))
                })
                .collect();
            let sql = format!(
                "SELECT {col} FROM {} WHERE {}",
                Core::qualified(target),
                ranges.join(" OR ")
            );
            let mut c = self.session().await?;
            let read = async {
                c.query::<String, _>(sql)
                    .await
                    .map_err(|e| self.err(&what, e))
            };
            for id in self.timed(&what, chunk.len(), read).await? {
                super::note_occurrence(&mut out, &id);
            }
        }
        Ok(out)
    }

    async fn keyless_set(
        &self,
        target: &Target,
        present: &BTreeMap<String, BTreeSet<u64>>,
        targets: &[KeylessTarget],
    ) -> Result<(), SyncError> {
        let table = self.table(target).await?;
        let empty = BTreeSet::new();
        let mut docs = vec![];
        let mut deletes = vec![];
        for t in targets {
            let live = present.get(&t.hash).unwrap_or(&empty);
            for n in (0..t.want).filter(|n| !live.contains(n)) {
                let Some(row) = &t.row else {
                    return Err(self.fatal(format!(
                        "{target}: occurrence {n} of row {} is missing and no row image came with the change",
                        t.hash
                    )));
                };
                let mut d = row.clone();
                d.insert("_id", keyless_id(&t.hash, n));
                docs.push(d);
            }
            for n in live.range(t.want..) {
                let id = keyless_id(&t.hash, *n);
                let cond = table.key_condition(&id).map_err(|m| self.fatal(m))?;
                deletes.push((id, cond));
            }
        }
        let mut rejected = vec![];
        let rows = Core::rows(&table, &docs, &mut rejected);
        let plan = Plan {
            table,
            deletes,
            rows,
        };
        let what = format!("a write of identical rows of {target}");
        let rejected = self.transact(&what, &[plan], rejected).await?;
        match rejected.first() {
            None => Ok(()),
            Some(r) => Err(self.fatal(format!(
                "{target}: the row {} was refused: {}",
                r.id, r.error
            ))),
        }
    }

    async fn scan(
        &self,
        unit: &TableSchema,
        target: &Target,
        each: &mut (dyn FnMut(Document) + Send),
    ) -> Result<(), SyncError> {
        self.forget(target);
        let table = self.table(target).await?;
        let what = format!("a read of {target}");
        let mut c = self.session().await?;
        let start = async {
            c.exec_iter(table.select_all(), ())
                .await
                .map_err(|e| self.err(&what, e))
        };
        let mut res = self.timed(&what, 0, start).await?;
        loop {
            let next = match tokio::time::timeout(ROW_DEADLINE, res.next()).await {
                Ok(r) => r.map_err(|e| self.err(&what, e))?,
                Err(_) => {
                    return Err(SyncError::Target(
                        self.conn.name.clone(),
                        format!("no row within {}s during {what}", ROW_DEADLINE.as_secs()),
                        Fault::Transient,
                    ));
                }
            };
            let Some(row) = next else {
                break;
            };
            each(table.read_back(unit, row.unwrap()));
        }
        Ok(())
    }
}
