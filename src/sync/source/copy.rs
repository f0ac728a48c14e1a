//! The full copy of one table: keyset pagination on the key (composite keys compared column by
//! column, index-friendly on MySQL and MariaDB), never OFFSET; tables without a key are read in
//! one streaming scan of one consistent snapshot, each row numbered among its identical rows.
//! Batches are bounded in rows and (adaptively) in bytes.

use super::{Batch, BatchTx, connect, within};
use crate::conn::Connection;
use crate::sync::error::{SyncError, source_err};
use crate::sync::model::doc::{RowPlan, doc_id, keyless_id};
use crate::sync::model::schema::{TableSchema, q};
use crate::sync::model::value::Origin;
use crate::sync::source::binlog::{self, Pos};
use mysql_async::Value;
use mysql_async::prelude::Queryable;
use std::time::Duration;

/// Deadline of one page query (or of one row of a key-less scan).
const PAGE_DEADLINE: Duration = Duration::from_secs(300);

fn approx_size(v: &Value) -> usize {
    match v {
        Value::Bytes(b) => b.len() + 8,
        _ => 16,
    }
}

/// `WHERE (k1 > ?) OR (k1 = ? AND k2 > ?) ...` and its parameters for resuming after `last`.
pub fn keyset_where(schema: &TableSchema, last: &[Value]) -> (String, Vec<Value>) {
    let names = schema.key_names();
    let mut ors = vec![];
    let mut params = vec![];
    for i in 0..names.len() {
        let mut ands = vec![];
        for (j, name) in names.iter().enumerate().take(i) {
            ands.push(format!("{} = ?", q(name)));
            params.push(last[j].clone());
        }
        ands.push(format!("{} > ?", q(names[i])));
        params.push(last[i].clone());
        ors.push(format!("({})", ands.join(" AND ")));
    }
    (ors.join(" OR "), params)
}

fn select_list(schema: &TableSchema) -> String {
    schema
        .columns
        .iter()
        .map(|c| q(&c.name))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Read `schema`'s table from after `start`, sending batches until the end (or `stop`). For a
/// table without a key, returns the binlog position its snapshot is consistent with.
pub async fn read(
    conn: &Connection,
    schema: &TableSchema,
    start: Option<Vec<Value>>,
    batch_rows: usize,
    batch_bytes: usize,
    out: BatchTx,
    stop: &(dyn Fn() -> bool + Sync),
) -> Result<Option<Pos>, SyncError> {
    let mut c = connect(conn).await?;
    let table = format!("{}.{}", q(&schema.db), q(&schema.table));
    if schema.key.is_empty() {
        return read_unkeyed(
            conn,
            &mut c,
            schema,
            &table,
            batch_rows,
            batch_bytes,
            out,
            stop,
        )
        .await;
    }
    let order = schema
        .key_names()
        .iter()
        .map(|n| q(n))
        .collect::<Vec<_>>()
        .join(", ");
    let cols = select_list(schema);
    let mut last = start;
    let mut limit = batch_rows;
    let plan = RowPlan::of_schema(schema);
    loop {
        if stop() {
            return Ok(None);
        }
        let (sql, params) = match &last {
            Some(k) => {
                let (w, p) = keyset_where(schema, k);
                (
                    format!("SELECT {cols} FROM {table} WHERE {w} ORDER BY {order} LIMIT {limit}"),
                    p,
                )
            }
            None => (
                format!("SELECT {cols} FROM {table} ORDER BY {order} LIMIT {limit}"),
                vec![],
            ),
        };
        let page = async { c.exec(sql, params).await.map_err(|e| source_err(conn, e)) };
        let rows: Vec<mysql_async::Row> =
            within(conn, PAGE_DEADLINE, "a page of the full copy", page).await?;
        let n = rows.len();
        let mut bytes = 0;
        let mut docs = Vec::with_capacity(n);
        for row in rows {
            let values = row.unwrap();
            bytes += values.iter().map(approx_size).sum::<usize>();
            last = Some(schema.key.iter().map(|i| values[*i].clone()).collect());
            let mut d = plan.doc(schema, values, Origin::Query);
            let id = doc_id(schema, &d);
            d.insert("_id", id);
            docs.push(d);
        }
        if n > 0
            && out
                .send(Ok(Batch {
                    rejected: vec![],
                    docs,
                    resume: last.as_deref().map(crate::sync::model::doc::encode_key),
                    restart: false,
                }))
                .await
                .is_err()
        {
            return Ok(None);
        }
        if n < limit {
            return Ok(None);
        }
        // keep batches near the byte budget: shrink after a fat batch, grow back slowly
        limit = if bytes > batch_bytes {
            (limit / 2).max(1)
        } else {
            (limit + limit / 4 + 1).min(batch_rows)
        };
    }
}

/// Open a transaction on `c` with a consistent snapshot and return the binlog position that
/// snapshot is consistent with: every transaction committed before it is in the snapshot and
/// every later one is in the binlog after it, so CDC of the table starts exactly there.
///
/// MariaDB reports that position itself (`binlog_snapshot_file`/`_position`, taken under the
/// commit lock together with the snapshot; no global lock). MySQL does not: there, as
/// `mysqldump --single-transaction --master-data` does, a brief `FLUSH TABLES WITH READ LOCK`
/// holds commits while the snapshot is opened and `SHOW MASTER STATUS` read (needs RELOAD).
/// Only transactional engines (InnoDB) give a snapshot; a MyISAM table is read as it goes.
pub async fn consistent_snapshot(
    conn: &Connection,
    c: &mut mysql_async::Conn,
) -> Result<Pos, SyncError> {
    let e = |e| source_err(conn, e);
    c.query_drop("SET SESSION TRANSACTION ISOLATION LEVEL REPEATABLE READ")
        .await
        .map_err(e)?;
    c.query_drop("START TRANSACTION WITH CONSISTENT SNAPSHOT")
        .await
        .map_err(e)?;
    let vars: Vec<(String, String)> = c
        .query("SHOW SESSION STATUS LIKE 'binlog_snapshot_%'")
        .await
        .map_err(e)?;
    let var = |n: &str| {
        vars.iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(n))
            .map(|(_, v)| v.clone())
    };
    if let (Some(file), Some(pos)) = (
        var("binlog_snapshot_file"),
        var("binlog_snapshot_position").and_then(|p| p.parse::<u64>().ok()),
    ) && !file.is_empty()
    {
        let mut at = Pos::new(binlog::clean_file_name(file.as_bytes()), pos);
        // whose coordinates these are: a failover's new server has others
        at.server_id = c
            .query_first::<u32, _>("SELECT @@server_id")
            .await
            .map_err(e)?;
        at.host = Some(conn.host());
        return Ok(at);
    }
    // MySQL: hold commits while the snapshot opens and the position is read
    c.query_drop("ROLLBACK").await.map_err(e)?;
    c.query_drop("FLUSH TABLES WITH READ LOCK")
        .await
        .map_err(|err| {
            SyncError::source(
                &conn.name,
                format!(
                    "a table without a key is copied from one consistent snapshot; this server does not report the snapshot's binlog position (MariaDB does), and FLUSH TABLES WITH READ LOCK failed (grant RELOAD): {err}"
                ),
            )
        })?;
    let opened = async {
        c.query_drop("START TRANSACTION WITH CONSISTENT SNAPSHOT")
            .await
            .map_err(e)?;
        binlog::master_pos(conn, c).await
    }
    .await;
    let unlocked = c.query_drop("UNLOCK TABLES").await.map_err(e);
    let pos = opened?;
    unlocked?;
    Ok(pos)
}

#[allow(clippy::too_many_arguments)]
async fn read_unkeyed(
    conn: &Connection,
    c: &mut mysql_async::Conn,
    schema: &TableSchema,
    table: &str,
    batch_rows: usize,
    batch_bytes: usize,
    out: BatchTx,
    stop: &(dyn Fn() -> bool + Sync),
) -> Result<Option<Pos>, SyncError> {
    let snap = async { consistent_snapshot(conn, c).await };
    let at = within(conn, PAGE_DEADLINE, "opening a consistent snapshot", snap).await?;
    let sql = format!("SELECT {} FROM {table}", select_list(schema));
    let start = async { c.query_iter(sql).await.map_err(|e| source_err(conn, e)) };
    let mut res = within(conn, PAGE_DEADLINE, "the scan of a key-less table", start).await?;
    let mut docs = vec![];
    let mut bytes = 0;
    // identical rows are numbered 0, 1, ... in scan order: `_id` = "h:<hash>:<n>"; memory is one
    // entry per distinct row
    let mut seen: std::collections::HashMap<String, u64> = std::collections::HashMap::new();
    let plan = RowPlan::of_schema(schema);
    loop {
        let next = async { res.next().await.map_err(|e| source_err(conn, e)) };
        let Some(row) = within(conn, PAGE_DEADLINE, "the scan of a key-less table", next).await?
        else {
            break;
        };
        let values = row.unwrap();
        bytes += values.iter().map(approx_size).sum::<usize>();
        let mut d = plan.doc(schema, values, Origin::Query);
        let hash = match doc_id(schema, &d) {
            mongodb::bson::Bson::String(h) => h,
            other => other.to_string(),
        };
        let count = seen.entry(hash.clone()).or_insert(0);
        let n = *count;
        *count += 1;
        d.insert("_id", keyless_id(&hash, n));
        docs.push(d);
        if docs.len() >= batch_rows || bytes >= batch_bytes {
            if stop()
                || out
                    .send(Ok(Batch {
                        rejected: vec![],
                        docs: std::mem::take(&mut docs),
                        resume: None,
                        restart: false,
                    }))
                    .await
                    .is_err()
            {
                // dropping the result drains it; a stop means the copy restarts from scratch
                return Ok(Some(at));
            }
            bytes = 0;
        }
    }
    if !docs.is_empty() {
        let _ = out
            .send(Ok(Batch {
                rejected: vec![],
                docs,
                resume: None,
                restart: false,
            }))
            .await;
    }
    Ok(Some(at))
}
