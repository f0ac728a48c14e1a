//! The MySQL/MariaDB source: tables from information_schema, the full copy by keyset pages
//! ([`super::copy`]), and the binlog as its change stream ([`super::follow`]). A connection
//! listing several hosts is read from the first that answers as a writable primary.

use super::binlog::{self, Pos};
use super::{BatchLimits, BatchTx, ChangeSource, Follow, QUERY_DEADLINE, Source, copy, within};
use crate::conn::Connection;
use crate::sync::engine::pipe;
use crate::sync::error::{SyncError, source_err};
use crate::sync::model::change::Item;
use crate::sync::model::schema::{self, TableSchema};
use crate::sync::task::TaskSpec;
use mysql_async::prelude::Queryable;
use std::collections::BTreeMap;

pub struct MySqlSource {
    pub conn: Connection,
    /// The connection's hosts, in the order they are tried.
    hosts: Vec<Connection>,
    /// The host read from now (a host of `hosts`; the follower moves it on a failover).
    active: std::sync::Mutex<Connection>,
}

/// The first of `hosts` that answers as a writable primary (`read_only` off), each given
/// `deadline` to connect; a connection naming one host uses it whatever its role. None
/// answering so is a transient failure (a failover in progress), naming what each said.
pub(super) async fn pick(
    hosts: &[Connection],
    deadline: std::time::Duration,
) -> Result<(Connection, mysql_async::Conn, super::gtid::ServerInfo), SyncError> {
    if let [h] = hosts {
        let c = super::connect_within(h, deadline).await?;
        let (c, i) = identify(h, c, deadline).await?;
        return Ok((h.clone(), c, i));
    }
    let mut said = vec![];
    for h in hosts {
        let answer = match super::connect_within(h, deadline).await {
            Ok(c) => identify(h, c, deadline).await,
            Err(e) => Err(e),
        };
        match answer {
            Ok((c, i)) if !i.read_only => return Ok((h.clone(), c, i)),
            Ok(_) => said.push(format!("{} is read-only", h.host())),
            Err(e) => said.push(format!("{}: {e}", h.host())),
        }
    }
    Err(SyncError::Source(
        hosts.first().map(|h| h.name.clone()).unwrap_or_default(),
        format!("no writable primary among its hosts ({})", said.join("; ")),
        crate::sync::error::Fault::Transient,
    ))
}

/// A connection with what its server says about itself.
async fn identify(
    h: &Connection,
    mut c: mysql_async::Conn,
    deadline: std::time::Duration,
) -> Result<(mysql_async::Conn, super::gtid::ServerInfo), SyncError> {
    let i = within(
        h,
        deadline,
        "SELECT @@server_id",
        binlog::server_info(h, &mut c),
    )
    .await?;
    Ok((c, i))
}

impl MySqlSource {
    pub fn new(conn: Connection) -> MySqlSource {
        let hosts = conn.hosts();
        let active = std::sync::Mutex::new(hosts[0].clone());
        MySqlSource {
            conn,
            hosts,
            active,
        }
    }

    /// The host read from now.
    fn host(&self) -> Connection {
        match self.active.lock() {
            Ok(h) => h.clone(),
            Err(e) => e.into_inner().clone(),
        }
    }

    async fn query<T>(
        &self,
        what: &str,
        fut: impl Future<Output = Result<T, SyncError>>,
    ) -> Result<T, SyncError> {
        within(&self.conn, QUERY_DEADLINE, what, fut).await
    }
}

#[async_trait::async_trait]
impl Source for MySqlSource {
    fn name(&self) -> &str {
        &self.conn.name
    }

    async fn check(&self) -> Result<(), SyncError> {
        let (host, mut c, _) = pick(&self.hosts, super::CONNECT_DEADLINE).await?;
        if let Ok(mut a) = self.active.lock() {
            *a = host.clone();
        }
        self.query("the binlog settings", binlog::check_settings(&host, &mut c))
            .await
    }

    async fn units(&self, spec: &TaskSpec) -> Result<BTreeMap<String, TableSchema>, SyncError> {
        let conn = self.host();
        let mut c = super::connect(&conn).await?;
        self.query("listing the selected tables", async {
            let dbs = spec.databases();
            let tables = schema::list_tables(&mut c, dbs.as_deref())
                .await
                .map_err(|e| source_err(&conn, e))?;
            let mut out = BTreeMap::new();
            for (db, t) in tables {
                if spec.selects(&db, &t)
                    && let Some(s) = schema::load(&mut c, &db, &t, spec.time_precision)
                        .await
                        .map_err(|e| source_err(&conn, e))?
                {
                    out.insert(s.unit(), s);
                }
            }
            Ok(out)
        })
        .await
    }

    async fn unit(
        &self,
        spec: &TaskSpec,
        db: &str,
        table: &str,
    ) -> Result<Option<TableSchema>, SyncError> {
        let conn = self.host();
        let mut c = super::connect(&conn).await?;
        self.query("loading a table's schema", async {
            schema::load(&mut c, db, table, spec.time_precision)
                .await
                .map_err(|e| source_err(&conn, e))
        })
        .await
    }

    async fn estimate(&self, s: &TableSchema) -> Option<i64> {
        let conn = self.host();
        let estimate = async {
            let mut c = super::connect(&conn).await?;
            c.exec_first::<Option<i64>, _, _>(
                "SELECT TABLE_ROWS FROM information_schema.TABLES WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ?",
                (&s.db, &s.table),
            )
            .await
            .map_err(|e| source_err(&conn, e))
        };
        self.query("a row estimate", estimate)
            .await
            .ok()
            .flatten()
            .flatten()
    }

    async fn read(
        &self,
        unit: &TableSchema,
        resume: Option<serde_json::Value>,
        limits: BatchLimits,
        out: BatchTx,
        stop: &(dyn Fn() -> bool + Sync),
    ) -> Result<Option<Pos>, SyncError> {
        let start = match resume {
            Some(k) if !unit.key.is_empty() => {
                Some(crate::sync::model::doc::decode_key(&k).ok_or_else(|| {
                    SyncError::Unreadable {
                        task: unit.unit(),
                        what: "the saved resume key (sync_units.last_key)".into(),
                        detail: format!("not a key of {} column(s): {k}", unit.key.len()),
                        hint: "`shark sync reset TASK --unit UNIT` copies that unit again".into(),
                    }
                })?)
            }
            _ => None,
        };
        copy::read(
            &self.host(),
            unit,
            start,
            limits.rows,
            limits.bytes,
            out,
            stop,
        )
        .await
    }

    fn changes(&self) -> Option<&dyn ChangeSource> {
        Some(self)
    }
}

#[async_trait::async_trait]
impl ChangeSource for MySqlSource {
    async fn head(&self) -> Result<Pos, SyncError> {
        let conn = self.host();
        let mut c = super::connect(&conn).await?;
        self.query("SHOW MASTER STATUS", binlog::master_pos(&conn, &mut c))
            .await
    }

    async fn check_from(&self, task: &str, from: &Pos) -> Result<(), SyncError> {
        let conn = self.host();
        let mut c = super::connect(&conn).await?;
        let info = self
            .query("SELECT @@server_id", binlog::server_info(&conn, &mut c))
            .await?;
        super::resume::check(task, self.hosts.len() > 1, &conn, &mut c, &info, from).await?;
        Ok(())
    }

    async fn follow(&self, f: Follow<'_>, tx: pipe::Sender<Item>) -> Result<(), SyncError> {
        super::follow::follow(&self.hosts, &self.active, f, tx).await
    }
}
