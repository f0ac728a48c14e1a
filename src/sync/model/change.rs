//! A row change decoded from a change stream, ready for a sink, and the items the stream's
//! reader sends the applier (rows, transaction boundaries, DDL) with the memory they hold.

use crate::sync::model::schema::TableSchema;
pub use crate::sync::source::binlog::{Ddl, Pos};
use mongodb::bson::{Bson, Document};
use std::sync::atomic::AtomicI64;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Op {
    Insert,
    Update,
    Delete,
}

impl Op {
    pub fn as_str(self) -> &'static str {
        match self {
            Op::Insert => "insert",
            Op::Update => "update",
            Op::Delete => "delete",
        }
    }
}

#[derive(Debug, Clone)]
pub struct Change {
    pub db: String,
    pub table: String,
    pub op: Op,
    /// `_id` of the row after the change (before, for a delete); for a table without a key, the
    /// row's content hash (`h:<hash>`: which occurrence it is, the sink decides).
    pub id: Bson,
    /// The table has no key: the change adds or removes one of possibly identical rows.
    pub keyless: bool,
    /// `_id` before an update that changed the key.
    pub old_id: Option<Bson>,
    /// The row after the change (None for a delete).
    pub doc: Option<Document>,
    /// Binlog coordinates of the rows event and the row's index in it: a deterministic identity.
    pub file: String,
    pub pos: u64,
    pub row: u32,
    /// Source timestamp (seconds).
    pub ts: u32,
}

impl Change {
    /// Identity of this change, stable across replays.
    pub fn change_id(&self) -> String {
        format!("{}:{}:{}", self.file, self.pos, self.row)
    }

    /// A monotonic version number: binlog file sequence and position.
    pub fn version(&self) -> i64 {
        let seq = self
            .file
            .rsplit('.')
            .next()
            .and_then(|n| n.parse::<i64>().ok())
            .unwrap_or(0);
        (seq << 32) | (self.pos as i64 & 0xffff_ffff)
    }
}

/// What the reader last heard from the source, shared with the applier for `status`'s lag.
pub struct Live {
    /// When the last event or heartbeat arrived (unix ms).
    pub last_read_ms: AtomicI64,
    /// Silence longer than this makes the lag count up from the last read.
    pub stall_ms: i64,
}

/// One step of the binlog, from the reader to the applier.
pub enum Item {
    /// The row changes of one rows event.
    Rows(Vec<Change>),
    /// The end of a transaction (or of a statement outside one): a checkpoint may go here.
    Commit { at: Pos, ts: u32 },
    /// A DDL statement at `at`, with the tables to copy again and whether each was known.
    Ddl {
        at: Pos,
        ddl: Ddl,
        sql: String,
        recopy: Vec<(TableSchema, bool)>,
    },
}

/// Memory an item holds, allocations included, for the channel's byte bound: the bound is on
/// what the process keeps, not on the documents' BSON size (a short field costs ~5× its BSON
/// size once decoded, which let a 32 MiB channel hold ~300 MB when the sink was the slow side).
pub fn item_bytes(item: &Item) -> usize {
    match item {
        Item::Rows(changes) => {
            changes.iter().map(change_memory).sum::<usize>() + size_of::<Vec<Change>>() + 64
        }
        Item::Commit { .. } => 64,
        Item::Ddl { sql, .. } => sql.len() + 1024,
    }
}

/// Heap and inline memory of one decoded change.
fn change_memory(c: &Change) -> usize {
    /// Per heap allocation: the allocator's header and rounding.
    const ALLOC: usize = 16;
    /// Per document field: the key `String`, the `Bson` value and the ordered map's entry and index.
    const FIELD: usize = size_of::<String>() + size_of::<Bson>() + 3 * size_of::<usize>() + ALLOC;
    fn value(b: &Bson) -> usize {
        match b {
            Bson::String(s) => s.capacity() + ALLOC,
            Bson::Binary(b) => b.bytes.capacity() + ALLOC,
            Bson::Document(d) => doc(d),
            Bson::Array(a) => {
                a.iter()
                    .map(|v| size_of::<Bson>() + value(v))
                    .sum::<usize>()
                    + ALLOC
            }
            _ => 0,
        }
    }
    fn doc(d: &Document) -> usize {
        d.iter()
            .map(|(k, v)| FIELD + k.capacity() + value(v))
            .sum::<usize>()
            + ALLOC
    }
    size_of::<Change>()
        + c.doc.as_ref().map_or(0, doc)
        + value(&c.id)
        + c.old_id.as_ref().map_or(0, value)
        + c.db.capacity()
        + c.table.capacity()
        + c.file.capacity()
        + 3 * ALLOC
}

/// Rough BSON size of one change, for batch sizes.
pub fn change_bytes(c: &Change) -> usize {
    fn bson(b: &Bson) -> usize {
        match b {
            Bson::String(s) => s.len() + 8,
            Bson::Binary(b) => b.bytes.len() + 8,
            Bson::Document(d) => d.iter().map(|(k, v)| k.len() + bson(v)).sum::<usize>() + 8,
            Bson::Array(a) => a.iter().map(bson).sum::<usize>() + 8,
            _ => 16,
        }
    }
    let doc = c
        .doc
        .as_ref()
        .map_or(0, |d| d.iter().map(|(k, v)| k.len() + bson(v)).sum());
    doc + bson(&c.id) + c.db.len() + c.table.len() + c.file.len() + 64
}

/// Now, in unix milliseconds.
pub fn now_ms() -> i64 {
    chrono::Utc::now().timestamp_millis()
}
