//! The MySQL/MariaDB source: tables from information_schema, the full copy by keyset pages
//! ([`super::copy`]), and the binlog as its change stream ([`super::follow`]).

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
}

impl MySqlSource {
    pub fn new(conn: Connection) -> MySqlSource {
        MySqlSource { conn }
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
        let mut c = super::connect(&self.conn).await?;
        self.query(
            "the binlog settings",
            binlog::check_settings(&self.conn, &mut c),
        )
        .await
    }

    async fn units(&self, spec: &TaskSpec) -> Result<BTreeMap<String, TableSchema>, SyncError> {
        let mut c = super::connect(&self.conn).await?;
        self.query("listing the selected tables", async {
            let dbs = spec.databases();
            let tables = schema::list_tables(&mut c, dbs.as_deref())
                .await
                .map_err(|e| source_err(&self.conn, e))?;
            let mut out = BTreeMap::new();
            for (db, t) in tables {
                if spec.selects(&db, &t)
                    && let Some(s) = schema::load(&mut c, &db, &t, spec.time_precision)
                        .await
                        .map_err(|e| source_err(&self.conn, e))?
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
        let mut c = super::connect(&self.conn).await?;
        self.query("loading a table's schema", async {
            schema::load(&mut c, db, table, spec.time_precision)
                .await
                .map_err(|e| source_err(&self.conn, e))
        })
        .await
    }

    async fn estimate(&self, s: &TableSchema) -> Option<i64> {
        let estimate = async {
            let mut c = super::connect(&self.conn).await?;
            c.exec_first::<Option<i64>, _, _>(
                "SELECT TABLE_ROWS FROM information_schema.TABLES WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ?",
                (&s.db, &s.table),
            )
            .await
            .map_err(|e| source_err(&self.conn, e))
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
            &self.conn,
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
        let mut c = super::connect(&self.conn).await?;
        self.query("SHOW MASTER STATUS", binlog::master_pos(&self.conn, &mut c))
            .await
    }

    async fn check_from(&self, task: &str, from: &Pos) -> Result<(), SyncError> {
        let mut c = super::connect(&self.conn).await?;
        self.query(
            "SHOW BINARY LOGS",
            binlog::check_not_purged(task, &self.conn, &mut c, from),
        )
        .await
    }

    async fn follow(&self, f: Follow<'_>, tx: pipe::Sender<Item>) -> Result<(), SyncError> {
        super::follow::follow(&self.conn, f, tx).await
    }
}
