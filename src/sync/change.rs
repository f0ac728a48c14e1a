//! A row change decoded from the binlog, ready for a sink.

use mongodb::bson::{Bson, Document};

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
