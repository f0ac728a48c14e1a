//! The Elasticsearch / OpenSearch sink (mirror mode). A unit `db.table` goes to index
//! `db.table` (lowercased; just `table` when the unit has no database, as Elasticsearch units),
//! created with the mapping derived from the unit's schema, or from the source index's own
//! definition when the unit carries one (`sync::sink::es_mapping`, with the sink's override
//! object). Documents are `_id` = the row key as text ([`es_id`]), `_source` =
//! the row (`sync::source::es_value`); every write is a `_bulk` `index` or `delete` by `_id`, so a batch
//! written again converges to the same documents. A `_bulk` item refused for its content
//! (mapping conflict, bad value: [`crate::sync::es::item_fault`]) is a [`Rejected`] row,
//! the others are written; an item refused for anything else (a write block, a missing index,
//! no privilege) fails the whole write, so it is never recorded as a refused row and no
//! checkpoint moves past it.
//!
//! Key-less units: documents `h:<hash>:<n>` carry the hash and occurrence in `_shark_hash` and
//! `_shark_n` (an `_id` cannot be range- or prefix-queried), which [`Sink::scan`] drops.
//!
//! A re-copy ([`Begin::Recopy`]) writes into a shadow index `<index>__shark_a` (or `_b`, the one
//! not live) and [`Sink::end_copy`] swaps it in with one atomic `_aliases` request: the live
//! index is removed (`remove_index`) and its name becomes an alias of the shadow. Readers see
//! the old documents until the swap and then exactly the new copy (deleted rows gone), with no
//! second copy of the data (a reindex would write everything twice). Later writes go through
//! the alias; a later `--drop-target` deletes the index behind it.

use crate::conn::Connection;
use crate::sync::error::{Fault, SyncError};
use crate::sync::es::{BulkOp, EsClient, Side};
use crate::sync::model::change::{Change, Op};
use crate::sync::model::doc::{key_text, keyless_id, keyless_parts, unreadable};
use crate::sync::model::schema::TableSchema;
use crate::sync::sink::es_mapping;
use crate::sync::sink::{Begin, KeylessTarget, Rejected, Sink, Target, TargetOf, Written};
use crate::sync::source::es_read::{Paging, Reader};
use crate::sync::source::es_value::{HASH_FIELD, OCCURRENCE_FIELD, hit_doc, to_source};
use mongodb::bson::{Bson, Document};
use serde_json::value::RawValue;
use serde_json::{Map, Value, json};
use sha2::{Digest, Sha256};
use std::collections::{BTreeMap, BTreeSet};

/// The longest `_id` Elasticsearch takes, in bytes.
const MAX_ID_BYTES: usize = 512;
/// Hits per page when reading an index back.
const SCAN_PAGE: usize = 1000;

pub struct EsSink {
    pub client: EsClient,
    /// Field → mapping replacing the derived mapping of those fields in every index created.
    pub overrides: Option<Map<String, Value>>,
    /// How `scan` and `keyless_present` page (a PIT when the server has one, by default).
    pub paging: Paging,
    /// The task was created before composite keys became JSON-array `_id`s: its indexes of
    /// composite-key units hold the old ids, and writing or verifying them is refused.
    pub legacy_ids: bool,
}

/// The index `_id` of a row key: its [`key_text`] (a single-column key is its value as text;
/// a composite key the JSON array of its values in key order, each as `_source` holds it:
/// `["acme",5]`; key-less rows keep their `h:<hash>:<n>`), the same text `sync skipped` shows.
/// Keys longer than Elasticsearch's 512 bytes become `sha256:<hex>` of that text.
pub fn es_id(id: &Bson) -> String {
    let s = key_text(id);
    if s.len() <= MAX_ID_BYTES {
        return s;
    }
    let h = Sha256::digest(s.as_bytes());
    format!(
        "sha256:{}",
        h.iter().map(|b| format!("{b:02x}")).collect::<String>()
    )
}

/// The index of a target: `db.name` (or `name`) lowercased, characters Elasticsearch refuses
/// in index names replaced by `_`.
pub fn index_name(t: &Target) -> String {
    t.to_string()
        .to_lowercase()
        .chars()
        .map(|c| match c {
            '\\' | '/' | '*' | '?' | '"' | '<' | '>' | '|' | ' ' | ',' | '#' | ':' => '_',
            c => c,
        })
        .collect()
}

/// The `_source` of a row, with the hash and occurrence of key-less documents (unless the row
/// has them already: a document passed through from an index shark wrote).
fn source_of(doc: &Document, id: &str) -> Result<String, String> {
    match keyless_parts(id) {
        Some((hash, n)) if !doc.contains_key(HASH_FIELD) => to_source(
            doc,
            &[(HASH_FIELD, json!(hash)), (OCCURRENCE_FIELD, json!(n))],
        ),
        _ => to_source(doc, &[]),
    }
}

impl EsSink {
    pub async fn connect(conn: &Connection) -> Result<EsSink, SyncError> {
        Ok(EsSink {
            client: EsClient::connect(conn, Side::Target).await?,
            overrides: None,
            paging: Paging::Auto,
            legacy_ids: false,
        })
    }

    /// Field mappings (an override file's object) to use over the derived ones.
    pub fn with_overrides(mut self, overrides: Map<String, Value>) -> EsSink {
        self.overrides = Some(overrides);
        self
    }

    /// Refuse a composite-key unit of a task whose index holds the `_id`s of older versions.
    fn check_ids(&self, index: &str, composite: bool) -> Result<(), SyncError> {
        if self.legacy_ids && composite {
            return Err(self.fatal(format!(
                "{index}: this task was created before composite keys became JSON-array _ids ([\"acme\",5]) and the index holds the old ids; copy it again with `shark sync reset TASK` (the next run copies every unit into a new index with the new ids and swaps it in)"
            )));
        }
        Ok(())
    }

    fn fatal(&self, msg: String) -> SyncError {
        self.client.err(msg, Fault::Fatal)
    }

    /// Create `index` for `unit`: from the source index's own definition when the unit carries
    /// one (an index copied into an index), else with the mapping derived from its columns.
    async fn create(&self, unit: &TableSchema, index: &str) -> Result<(), SyncError> {
        let body = match &unit.index {
            Some(def) => es_mapping::carried(def, self.overrides.as_ref()),
            None => es_mapping::derive(unit, self.overrides.as_ref()),
        };
        self.client.create_index(index, &body).await
    }

    /// Run `ops`; the rejected `index` items as [`Rejected`] with the key `ids[i]`; a refused
    /// delete fails the call.
    async fn run(&self, ops: &[BulkOp], ids: &[Bson]) -> Result<Written, SyncError> {
        let mut w = Written::default();
        for e in self.client.bulk(ops).await? {
            match &ops[e.op] {
                BulkOp::Index { .. } => w.rejected.push(Rejected {
                    id: ids[e.op].clone(),
                    error: e.reason,
                }),
                BulkOp::Delete { index, id } => {
                    return Err(self.fatal(format!(
                        "{index}: delete of the document {id} failed (HTTP {}): {}; the checkpoint stays before it",
                        e.status, e.reason
                    )));
                }
            }
        }
        Ok(w)
    }

    /// Documents of `index` matching `query` as `(es _id, _source)`, page by page.
    async fn each_hit(
        &self,
        index: &str,
        query: Value,
        f: &mut (dyn FnMut(String, Box<RawValue>) + Send),
    ) -> Result<(), SyncError> {
        let mut r = Reader::open(&self.client, index, query, SCAN_PAGE, None, self.paging).await?;
        while let Some(page) = r.next().await? {
            for h in page {
                f(h.id, h.source);
            }
        }
        Ok(())
    }
}

#[async_trait::async_trait]
impl Sink for EsSink {
    fn name(&self) -> &str {
        &self.client.conn().name
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
        let live = index_name(target);
        if how != (Begin::Fresh { drop: true }) {
            self.check_ids(&live, unit.key.len() > 1)?;
        }
        match how {
            Begin::Fresh { drop: true } | Begin::Restart => {
                self.client.delete_index(&live).await?;
                self.create(unit, &live).await?;
                Ok(target.clone())
            }
            Begin::Fresh { drop: false } | Begin::Resume => {
                if !self.client.exists(&live).await? {
                    self.create(unit, &live).await?;
                }
                Ok(target.clone())
            }
            Begin::Recopy { resume } => {
                let behind = self.client.alias_targets(&live).await?;
                let a = Target::new(&target.db, format!("{}__shark_a", target.name));
                let b = Target::new(&target.db, format!("{}__shark_b", target.name));
                let shadow = if behind.contains(&index_name(&a)) {
                    b
                } else {
                    a
                };
                let name = index_name(&shadow);
                // a shadow is started over unless its copy resumes after its last committed key
                if !resume || !self.client.exists(&name).await? {
                    self.client.delete_index(&name).await?;
                    self.create(unit, &name).await?;
                }
                Ok(shadow)
            }
        }
    }

    async fn write_rows(
        &self,
        into: &Target,
        rows: Vec<Document>,
        _upsert: bool,
    ) -> Result<Written, SyncError> {
        let index = index_name(into);
        let mut ops = Vec::with_capacity(rows.len());
        let mut ids = Vec::with_capacity(rows.len());
        let mut w = Written::default();
        for row in &rows {
            let key = row.get("_id").cloned().unwrap_or(Bson::Null);
            if key == Bson::Null {
                w.rejected.push(Rejected {
                    id: key,
                    error: "the row has no key (_id)".into(),
                });
                continue;
            }
            let id = es_id(&key);
            match source_of(row, &id) {
                Ok(source) => {
                    ops.push(BulkOp::Index {
                        index: index.clone(),
                        id,
                        source,
                    });
                    ids.push(key);
                }
                Err(e) => w.rejected.push(Rejected { id: key, error: e }),
            }
        }
        w.merge(self.run(&ops, &ids).await?);
        Ok(w)
    }

    /// The alias moves to the shadow in one `_aliases` call (the indexes behind it before are
    /// removed in the same call). Idempotent: an alias already on the shadow, or a shadow that
    /// is gone while the target exists, is a swap done earlier (its answer lost).
    async fn end_copy(&self, target: &Target, written: &Target) -> Result<(), SyncError> {
        let live = index_name(target);
        let shadow = index_name(written);
        if live != shadow {
            let behind = self.client.alias_targets(&live).await?;
            if behind != [shadow.clone()] {
                if !self.client.exists(&shadow).await? {
                    if self.client.exists(&live).await? {
                        return self.client.refresh(&live).await;
                    }
                    return Err(SyncError::Target(
                        self.name().to_string(),
                        format!(
                            "the swap of {shadow} into {live}: neither the shadow nor the target exists (removed by hand?); `shark sync reset` for the task copies it again"
                        ),
                        Fault::Fatal,
                    ));
                }
                let mut actions = vec![];
                if behind.is_empty() {
                    if self.client.exists(&live).await? {
                        actions.push(json!({"remove_index": {"index": live}}));
                    }
                } else {
                    for old in behind.iter().filter(|b| **b != shadow) {
                        actions.push(json!({"remove_index": {"index": old}}));
                    }
                }
                actions.push(json!({"add": {"index": shadow, "alias": live}}));
                if let Err(e) = self.client.update_aliases(actions).await {
                    // an attempt whose answer was lost may have moved it (a retry then fails)
                    if self.client.alias_targets(&live).await? != [shadow.clone()] {
                        return Err(e);
                    }
                }
            }
        }
        self.client.refresh(&live).await
    }

    async fn truncate(&self, target: &Target) -> Result<(), SyncError> {
        self.client
            .delete_by_query(&index_name(target), json!({"match_all": {}}))
            .await
    }

    async fn apply(&self, target: &TargetOf<'_>, changes: &[Change]) -> Result<Written, SyncError> {
        if let Some(c) = changes.iter().find(|c| matches!(c.id, Bson::Document(_))) {
            self.check_ids(&index_name(&target(&c.db, &c.table)), true)?;
        }
        // the last operation per document wins; a key change deletes the old document first.
        // Key-less changes go through `keyless_set`.
        type Last<'c> = Vec<(String, String, Bson, Option<&'c Document>)>;
        fn put<'c>(
            last: &mut Last<'c>,
            at: &mut BTreeMap<(String, String), usize>,
            index: &str,
            key: &Bson,
            row: Option<&'c Document>,
        ) {
            let id = es_id(key);
            let k = (index.to_string(), id.clone());
            match at.get(&k) {
                Some(i) => last[*i] = (k.0, k.1, key.clone(), row),
                None => {
                    at.insert(k, last.len());
                    last.push((index.to_string(), id, key.clone(), row));
                }
            }
        }
        let empty = Document::new();
        let mut last: Last<'_> = vec![];
        let mut at = BTreeMap::new();
        for c in changes.iter().filter(|c| !c.keyless) {
            let t = target(&c.db, &c.table);
            let index = index_name(&t);
            if let Some(old) = &c.old_id
                && old != &c.id
            {
                put(&mut last, &mut at, &index, old, None);
            }
            let row = match c.op {
                Op::Delete => None,
                Op::Insert | Op::Update => Some(c.doc.as_ref().unwrap_or(&empty)),
            };
            put(&mut last, &mut at, &index, &c.id, row);
        }
        let mut ops = Vec::with_capacity(last.len());
        let mut ids = Vec::with_capacity(last.len());
        let mut w = Written::default();
        for (index, id, key, row) in last {
            match row {
                Some(row) => match source_of(row, &id) {
                    Ok(source) => {
                        ops.push(BulkOp::Index { index, id, source });
                        ids.push(key);
                    }
                    Err(e) => w.rejected.push(Rejected { id: key, error: e }),
                },
                None => {
                    ops.push(BulkOp::Delete { index, id });
                    ids.push(key);
                }
            }
        }
        w.merge(self.run(&ops, &ids).await?);
        Ok(w)
    }

    async fn keyless_present(
        &self,
        target: &Target,
        hashes: &[&str],
    ) -> Result<BTreeMap<String, BTreeSet<u64>>, SyncError> {
        let index = index_name(target);
        let mut out: BTreeMap<String, BTreeSet<u64>> = hashes
            .iter()
            .map(|h| (h.to_string(), BTreeSet::new()))
            .collect();
        if !self.client.exists(&index).await? {
            return Ok(out);
        }
        self.client.refresh(&index).await?;
        for chunk in hashes.chunks(1000) {
            let query = json!({"terms": {HASH_FIELD: chunk}});
            let mut found = vec![];
            self.each_hit(&index, query, &mut |id, _| found.push(id))
                .await?;
            for id in found {
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
        let index = index_name(target);
        let none = BTreeSet::new();
        let mut ops = vec![];
        let mut ids = vec![];
        for t in targets {
            let have = present.get(&t.hash).unwrap_or(&none);
            for n in (0..t.want).filter(|n| !have.contains(n)) {
                let Some(row) = &t.row else {
                    return Err(self.fatal(format!(
                        "{index}: occurrence {n} of the key-less row {} is to be written but the change carries no row",
                        t.hash
                    )));
                };
                let key = keyless_id(&t.hash, n);
                let id = es_id(&key);
                let source = source_of(row, &id)
                    .map_err(|e| self.fatal(format!("{index}: the row {id}: {e}")))?;
                ops.push(BulkOp::Index {
                    index: index.clone(),
                    id,
                    source,
                });
                ids.push(key);
            }
            for n in have.iter().filter(|n| **n >= t.want) {
                let key = keyless_id(&t.hash, *n);
                ops.push(BulkOp::Delete {
                    index: index.clone(),
                    id: es_id(&key),
                });
                ids.push(key);
            }
        }
        let w = self.run(&ops, &ids).await?;
        match w.rejected.first() {
            Some(r) => Err(self.fatal(format!(
                "{index}: the key-less row {} was refused: {}",
                r.id, r.error
            ))),
            None => Ok(()),
        }
    }

    async fn scan(
        &self,
        unit: &TableSchema,
        target: &Target,
        each: &mut (dyn FnMut(Document) + Send),
    ) -> Result<(), SyncError> {
        let index = index_name(target);
        self.check_ids(&index, unit.key.len() > 1)?;
        if !self.client.exists(&index).await? {
            return Ok(());
        }
        self.client.refresh(&index).await?;
        self.each_hit(&index, json!({"match_all": {}}), &mut |id, source| {
            // a document that cannot be read counts as one that differs
            each(hit_doc(unit, &id, &source).unwrap_or_else(|e| unreadable(&id, e)))
        })
        .await
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use mongodb::bson::doc;

    #[test]
    fn ids_and_index_names() {
        assert_eq!(es_id(&Bson::Int32(7)), "7");
        assert_eq!(es_id(&Bson::String("a b".into())), "a b");
        assert_eq!(
            es_id(&Bson::Document(doc! {"a": 1, "b": "x"})),
            r#"[1,"x"]"#
        );
        let long = es_id(&Bson::String("x".repeat(600)));
        assert!(long.starts_with("sha256:") && long.len() == 71);
        assert_eq!(index_name(&Target::new("Shop", "Orders")), "shop.orders");
        assert_eq!(index_name(&Target::new("", "logs-1")), "logs-1");
        assert_eq!(index_name(&Target::new("a", "b c#d")), "a.b_c_d");
        let kl = keyless_id(&format!("h:{}", "0".repeat(32)), 3);
        let Bson::String(kid) = &kl else { panic!() };
        let s: Map<String, Value> =
            serde_json::from_str(&source_of(&doc! {"_id": kl.clone(), "v": 1}, kid).unwrap())
                .unwrap();
        assert_eq!(s[HASH_FIELD], json!(format!("h:{}", "0".repeat(32))));
        assert_eq!(s[OCCURRENCE_FIELD], json!(3));
    }
}
