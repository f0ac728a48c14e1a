//! The Elasticsearch / OpenSearch source: copy-only (no change stream). Units are the open
//! indexes the task's selectors pick (a name, a wildcard like `logs-*`, or `/regex/`; indexes
//! starting with `.` are system ones and never selected), named by the index alone (`db` is
//! empty); a unit's schema comes from its mapping (`sync::sink::es_mapping::schema_from_mapping`,
//! key `_id`), widened by a sample of its documents and the task's column types
//! (`sync::source::es_sample`); for an index target the unit carries the index's definition
//! instead (mappings and settings: the sink creates the target from it) and documents pass
//! through as their `_source` is (`sync::source::es_value::passthrough_doc`). Documents are read in pages of the task's batch rows (PIT + `search_after`, or a
//! scroll, see `sync::source::es_read`), cut further by the batch bytes, each batch carrying the sort
//! values of its last document as its resume point.

use crate::conn::Connection;
use crate::sync::error::SyncError;
use crate::sync::es::{EsClient, Side};
use crate::sync::model::schema::{IndexDef, TableSchema};
use crate::sync::sink::Rejected;
use crate::sync::sink::es_mapping::schema_from_mapping;
use crate::sync::source::binlog::Pos;
use crate::sync::source::es_read::{Paging, Reader};
use crate::sync::source::es_sample;
use crate::sync::source::es_value::hit_doc;
use crate::sync::source::{Batch, BatchLimits, BatchTx, ChangeSource, Source};
use crate::sync::task::TaskSpec;
use mongodb::bson::Bson;
use std::collections::BTreeMap;

pub struct EsSource {
    pub client: EsClient,
    /// How indexes are paged (a PIT when the server has one, by default).
    pub paging: Paging,
    /// The target is an index too: units carry their index's definition and documents pass
    /// through as their `_source` is (`sync::source::es_value::passthrough_doc`).
    pub passthrough: bool,
}

impl EsSource {
    /// `passthrough`: the task's target is Elasticsearch / OpenSearch.
    pub async fn connect(conn: &Connection, passthrough: bool) -> Result<EsSource, SyncError> {
        Ok(EsSource {
            client: EsClient::connect(conn, Side::Source).await?,
            paging: Paging::Auto,
            passthrough,
        })
    }

    /// Page with `paging` (tests force the scroll path on servers with PIT).
    pub fn with_paging(mut self, paging: Paging) -> EsSource {
        self.paging = paging;
        self
    }

    /// The unit schema of `index`: from its mapping, widened by a sample of its documents,
    /// with the task's column types over both (see `sync::source::es_sample`); for an index
    /// target, the mapping's columns and the index definition (no sample: no column types are
    /// needed).
    async fn load(&self, spec: &TaskSpec, index: &str) -> Result<Option<TableSchema>, SyncError> {
        let Some((mappings, settings)) = self.client.definition(index).await? else {
            return Ok(None);
        };
        let mut s = schema_from_mapping(index, &mappings);
        if self.passthrough {
            s.index = Some(IndexDef { mappings, settings });
            return Ok(Some(s));
        }
        // the same documents for the same index content, run after run
        let seed = settings["index"]["uuid"].as_str().unwrap_or(index);
        let docs = es_sample::sample(&self.client, index, seed).await?;
        for (field, why) in es_sample::widen(&mut s, &docs) {
            tracing::info!(
                index,
                field,
                "field {why} in the sampled documents: a JSON column (--column-type {index}:{field}=TYPE sets another)"
            );
        }
        es_sample::set_types(&mut s, &spec.fields.types(index));
        Ok(Some(s))
    }
}

#[async_trait::async_trait]
impl Source for EsSource {
    fn name(&self) -> &str {
        &self.client.conn().name
    }

    async fn check(&self) -> Result<(), SyncError> {
        // `connect` read the version and refused unsupported ones; the index list needs the
        // monitor privilege a copy needs anyway
        self.client.indexes().await.map(|_| ())
    }

    async fn units(&self, spec: &TaskSpec) -> Result<BTreeMap<String, TableSchema>, SyncError> {
        let mut out = BTreeMap::new();
        for index in self.client.indexes().await? {
            if !spec.selects_index(&index) {
                continue;
            }
            // an index deleted since the list was read is no unit
            if let Some(s) = self.load(spec, &index).await? {
                out.insert(s.unit(), s);
            }
        }
        Ok(out)
    }

    async fn unit(
        &self,
        spec: &TaskSpec,
        _db: &str,
        table: &str,
    ) -> Result<Option<TableSchema>, SyncError> {
        self.load(spec, table).await
    }

    async fn estimate(&self, unit: &TableSchema) -> Option<i64> {
        match self.client.count(&unit.table).await {
            Ok(Some(n)) => i64::try_from(n).ok(),
            _ => None,
        }
    }

    async fn read(
        &self,
        unit: &TableSchema,
        resume: Option<serde_json::Value>,
        limits: BatchLimits,
        out: BatchTx,
        stop: &(dyn Fn() -> bool + Sync),
    ) -> Result<Option<Pos>, SyncError> {
        let index = &unit.table;
        let rows = limits.rows.clamp(1, 10_000);
        let mut r = Reader::open(
            &self.client,
            index,
            serde_json::json!({"match_all": {}}),
            rows,
            resume.as_ref(),
            self.paging,
        )
        .await?;
        let mut size = rows;
        loop {
            if stop() {
                r.close().await;
                return Ok(None);
            }
            let Some(page) = r.next().await? else {
                return Ok(None);
            };
            let mut restart = r.take_restarted();
            let mut docs = vec![];
            let mut rejected = vec![];
            let mut bytes = 0;
            let mut page_bytes = 0;
            let n = page.len();
            for (i, h) in page.into_iter().enumerate() {
                bytes += h.bytes;
                page_bytes += h.bytes;
                let last = h.resume;
                match hit_doc(unit, &h.id, &h.source) {
                    Ok(d) => docs.push(d),
                    Err(e) => rejected.push(Rejected {
                        id: Bson::String(h.id),
                        error: e,
                    }),
                }
                if bytes >= limits.bytes || i + 1 == n {
                    let batch = Batch {
                        docs: std::mem::take(&mut docs),
                        resume: last,
                        restart: std::mem::take(&mut restart),
                        rejected: std::mem::take(&mut rejected),
                    };
                    bytes = 0;
                    if out.send(Ok(batch)).await.is_err() {
                        r.close().await;
                        return Ok(None);
                    }
                }
            }
            // keep pages near the byte budget: shrink after a fat page, grow back slowly
            size = if page_bytes > limits.bytes {
                (size / 2).max(1)
            } else {
                (size + size / 4 + 1).min(rows)
            };
            r.set_size(size);
        }
    }

    fn changes(&self) -> Option<&dyn ChangeSource> {
        None
    }
}
