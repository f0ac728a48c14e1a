//! Rows as documents: the mapped document of a row, its `_id` (primary key; composite keys as
//! an embedded document; rows of key-less tables by content hash and occurrence), an
//! order-independent checksum over documents, and key values encoded for checkpoints.

use crate::sync::model::json::{decimal_text, json_text, to_tree};
use crate::sync::model::schema::{ColType, SOURCE_ID_FIELD, TableSchema};
use crate::sync::model::value::{Charset, Mapping, Origin, map_value};
use mongodb::bson::{Bson, Document};
use mysql_async::Value;
use sha2::{Digest, Sha256};

/// Fields shark adds to mirror documents; they are not row data.
pub const META_FIELDS: [&str; 3] = ["_id", "_deleted", "_deleted_at"];

/// What a binlog row image says about one of its columns: the name (`@N` for column N when
/// the server logs no names) and the collation's charset (`binlog_row_metadata=FULL`).
#[derive(Debug, Clone)]
pub struct ImageCol {
    pub name: String,
    pub charset: Option<Charset>,
}

impl ImageCol {
    /// The schema column this is: by name, or by position for `@N`.
    fn column(&self, schema: &TableSchema) -> Option<usize> {
        match self.name.strip_prefix('@').map(str::parse::<usize>) {
            Some(Ok(i)) if i < schema.columns.len() => Some(i),
            _ => schema.index_of(&self.name),
        }
    }
}

/// How the values of a row become document fields: per value position, the field name, the
/// schema column (its type) and the charset its bytes are in. Built once per table (the copy:
/// values in column order) or once per binlog rows event (its images name their columns), not
/// once per row.
#[derive(Debug, Clone)]
pub struct RowPlan {
    fields: Vec<PlanField>,
}

#[derive(Debug, Clone)]
struct PlanField {
    field: String,
    /// Index into the schema's columns; None: a column the schema does not know (yet).
    col: Option<usize>,
    charset: Charset,
    key: bool,
}

impl RowPlan {
    /// Values in the schema's column order (a SELECT of every column).
    pub fn of_schema(schema: &TableSchema) -> RowPlan {
        RowPlan {
            fields: (0..schema.columns.len())
                .map(|i| PlanField {
                    field: schema.field_name(i).to_string(),
                    col: Some(i),
                    charset: schema.columns[i].charset,
                    key: schema.key.contains(&i),
                })
                .collect(),
        }
    }

    /// Values as a binlog image describes them (names from `binlog_row_metadata=FULL`, `@N`
    /// by position); the image's charset wins over the schema's.
    pub fn of_image(schema: &TableSchema, image: &[ImageCol]) -> RowPlan {
        RowPlan {
            fields: image
                .iter()
                .map(|c| match c.column(schema) {
                    Some(ci) if ci < schema.columns.len() => PlanField {
                        field: schema.field_name(ci).to_string(),
                        col: Some(ci),
                        charset: c.charset.unwrap_or(schema.columns[ci].charset),
                        key: schema.key.contains(&ci),
                    },
                    // a column the schema does not know (yet): never the document's `_id`
                    _ => PlanField {
                        field: if c.name == "_id" {
                            SOURCE_ID_FIELD.to_string()
                        } else {
                            c.name.clone()
                        },
                        col: None,
                        charset: c.charset.unwrap_or_default(),
                        key: false,
                    },
                })
                .collect(),
        }
    }

    /// The row as a document.
    pub fn doc(&self, schema: &TableSchema, values: Vec<Value>, origin: Origin) -> Document {
        self.build(schema, values, origin, false)
    }

    /// Only the key fields of the row (enough for [`doc_id`] of a table with a key).
    pub fn key_doc(&self, schema: &TableSchema, values: Vec<Value>, origin: Origin) -> Document {
        self.build(schema, values, origin, true)
    }

    fn build(
        &self,
        schema: &TableSchema,
        values: Vec<Value>,
        origin: Origin,
        key_only: bool,
    ) -> Document {
        let mut d = Document::new();
        for (i, v) in values.into_iter().enumerate() {
            let Some(f) = self.fields.get(i) else {
                if !key_only {
                    let m = Mapping {
                        origin,
                        charset: Charset::default(),
                        time: schema.time,
                    };
                    d.insert(format!("col{i}"), map_value(&ColType::Text, v, m));
                }
                continue;
            };
            if key_only && !f.key {
                continue;
            }
            let ty = f
                .col
                .and_then(|c| schema.columns.get(c))
                .map_or(&ColType::Text, |c| &c.ty);
            let m = Mapping {
                origin,
                charset: f.charset,
                time: schema.time,
            };
            d.insert(f.field.clone(), map_value(ty, v, m));
        }
        d
    }
}

/// A row as a document of field → BSON: values in column order (the copy), or as a binlog
/// image describes them. A column named `_id` maps to [`TableSchema::field_name`]. (Builds a
/// [`RowPlan`] each call: loops use one plan for every row.)
pub fn row_doc(
    schema: &TableSchema,
    image: Option<&[ImageCol]>,
    values: Vec<Value>,
    origin: Origin,
) -> Document {
    let plan = match image {
        Some(cols) => RowPlan::of_image(schema, cols),
        None => RowPlan::of_schema(schema),
    };
    plan.doc(schema, values, origin)
}

/// `_id` of a row document: its key value, an embedded document for composite keys, or, for
/// tables without a key, the row's content hash `h:<32 hex>` (the row's identity; its document
/// `_id` adds the occurrence, see [`keyless_id`]).
pub fn doc_id(schema: &TableSchema, doc: &Document) -> Bson {
    match schema.key.len() {
        0 => Bson::String(format!("h:{}", &hex(&digest(doc))[..32])),
        1 => doc
            .get(schema.field_name(schema.key[0]))
            .cloned()
            .unwrap_or(Bson::Null),
        _ => {
            let mut id = Document::new();
            for i in &schema.key {
                let n = schema.field_name(*i);
                id.insert(n, doc.get(n).cloned().unwrap_or(Bson::Null));
            }
            Bson::Document(id)
        }
    }
}

/// A row key (`_id`) as text, the same for messages, the skipped-rows table (`sync skipped`)
/// and an Elasticsearch `_id`: a string as it is, a number in decimal, a composite key (an
/// embedded `_id` document) as the JSON array of its values in key order (`["acme",5]`), other
/// values as their JSON text ([`key_json`]) without the quotes of a string.
pub fn key_text(id: &Bson) -> String {
    match id {
        Bson::String(s) => s.clone(),
        Bson::Int32(i) => i.to_string(),
        Bson::Int64(i) => i.to_string(),
        Bson::Decimal128(d) => decimal_text(d),
        Bson::Document(d) => {
            let mut s = String::from("[");
            for (i, v) in d.values().enumerate() {
                if i > 0 {
                    s.push(',');
                }
                key_json(v, &mut s);
            }
            s.push(']');
            s
        }
        other => {
            let mut s = String::new();
            key_json(other, &mut s);
            serde_json::from_str::<String>(&s).unwrap_or(s)
        }
    }
}

/// One key value as JSON text, as an Elasticsearch `_source` holds it: strings and numbers as
/// JSON, a DECIMAL as its exact text in a string, a date as ISO-8601 UTC with milliseconds,
/// bytes as base64; anything else as relaxed extended JSON.
pub fn key_json(v: &Bson, out: &mut String) {
    use base64::Engine;
    let string = |s: &str| serde_json::to_string(s).unwrap_or_default();
    match v {
        Bson::String(s) => out.push_str(&string(s)),
        Bson::Int32(i) => out.push_str(&i.to_string()),
        Bson::Int64(i) => out.push_str(&i.to_string()),
        Bson::Decimal128(d) => out.push_str(&string(&decimal_text(d))),
        Bson::DateTime(t) => match chrono::DateTime::from_timestamp_millis(t.timestamp_millis()) {
            Some(t) if (0..=9999).contains(&chrono::Datelike::year(&t)) => {
                out.push_str(&string(&t.format("%Y-%m-%dT%H:%M:%S%.3fZ").to_string()))
            }
            _ => out.push_str(&t.timestamp_millis().to_string()),
        },
        Bson::Binary(b) => out.push_str(&string(
            &base64::engine::general_purpose::STANDARD.encode(&b.bytes),
        )),
        other => out.push_str(&other.clone().into_relaxed_extjson().to_string()),
    }
}

/// `_id` of occurrence `n` (0, 1, ...) of the rows of a key-less table with content hash `hash`
/// (`h:<32 hex>`): `h:<32 hex>:<n>`. Identical rows stay distinct documents, numbered densely
/// from 0. A string rather than an embedded `{h, n}` document so that the occurrences of one
/// hash are one range of the `_id` index ([`keyless_range`]).
pub fn keyless_id(hash: &str, n: u64) -> Bson {
    Bson::String(format!("{hash}:{n}"))
}

/// The `_id` range `[from, to)` holding every occurrence of `hash` (`:` + 1 is `;`).
pub fn keyless_range(hash: &str) -> (String, String) {
    (format!("{hash}:"), format!("{hash};"))
}

/// The content hash and occurrence of a key-less document `_id` (`h:<hash>:<n>`).
pub fn keyless_parts(id: &str) -> Option<(&str, u64)> {
    let (hash, n) = id.rsplit_once(':')?;
    (hash.starts_with("h:") && hash.len() == 34).then_some(())?;
    Some((hash, n.parse().ok()?))
}

fn hex(b: &[u8]) -> String {
    b.iter().map(|x| format!("{x:02x}")).collect()
}

/// Canonical text of a BSON value: object keys sorted, types tagged, so equal data hashes
/// equal whatever the field order.
pub fn canonical(b: &Bson, out: &mut String) {
    match b {
        Bson::Document(d) => {
            let mut keys: Vec<&String> = d.keys().collect();
            keys.sort();
            out.push('{');
            for k in keys {
                out.push_str(&format!("{k:?}:"));
                canonical(&d[k.as_str()], out);
                out.push(',');
            }
            out.push('}');
        }
        Bson::Array(a) => {
            out.push('[');
            for x in a {
                canonical(x, out);
                out.push(',');
            }
            out.push(']');
        }
        Bson::Null => out.push_str("null"),
        Bson::String(s) => out.push_str(&format!("s{s:?}")),
        Bson::Int32(i) => out.push_str(&format!("i{i}")),
        Bson::Int64(i) => out.push_str(&format!("l{i}")),
        Bson::Double(f) => out.push_str(&format!("d{f:?}")),
        Bson::Boolean(v) => out.push_str(&format!("b{v}")),
        Bson::Decimal128(d) => out.push_str(&format!("n{d}")),
        Bson::DateTime(t) => out.push_str(&format!("t{}", t.timestamp_millis())),
        Bson::Binary(bin) => match json_text(b).map(to_tree) {
            // JSON as the tree a sink that stores trees holds: equal data, equal text
            Some(Ok(tree)) => canonical(&tree, out),
            _ => out.push_str(&format!("x{}", hex(&bin.bytes))),
        },
        other => out.push_str(&format!("?{other}")),
    }
}

/// A row in place of one that cannot be read (a source row or a target document whose text
/// does not read as values), for `verify`: it differs from every row a source produces.
pub fn unreadable(id: &str, error: String) -> Document {
    mongodb::bson::doc! {"_id": id, "_shark_unreadable": error}
}

/// SHA-256 of a document's row data (meta fields excluded).
pub fn digest(doc: &Document) -> [u8; 32] {
    let mut data = Document::new();
    for (k, v) in doc {
        if !META_FIELDS.contains(&k.as_str()) {
            data.insert(k.clone(), v.clone());
        }
    }
    let mut s = String::new();
    canonical(&Bson::Document(data), &mut s);
    Sha256::digest(s.as_bytes()).into()
}

/// Order-independent checksum: the wrapping sum of the documents' digests (first 16 bytes).
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Checksum {
    pub count: u64,
    pub sum: u128,
}

impl Checksum {
    pub fn add(&mut self, doc: &Document) {
        let d = digest(doc);
        let v = u128::from_le_bytes(d[..16].try_into().unwrap_or([0; 16]));
        self.sum = self.sum.wrapping_add(v);
        self.count += 1;
    }
    pub fn hex(&self) -> String {
        format!("{:032x}", self.sum)
    }
}

/// Encode key values for a checkpoint.
pub fn encode_key(values: &[Value]) -> serde_json::Value {
    use serde_json::json;
    serde_json::Value::Array(
        values
            .iter()
            .map(|v| match v {
                Value::NULL => serde_json::Value::Null,
                Value::Int(i) => json!({"i": i}),
                Value::UInt(u) => json!({"u": u}),
                Value::Float(f) => json!({"f": *f as f64}),
                Value::Double(f) => json!({"f": f}),
                Value::Bytes(b) => json!({"b": hex(b)}),
                Value::Date(y, mo, d, h, mi, s, us) => json!({"d": [y, mo, d, h, mi, s, us]}),
                Value::Time(n, d, h, m, s, us) => json!({"t": [*n as u8, d, h, m, s, us]}),
            })
            .collect(),
    )
}

/// Decode key values from a checkpoint.
pub fn decode_key(j: &serde_json::Value) -> Option<Vec<Value>> {
    let arr = j.as_array()?;
    let mut out = vec![];
    for v in arr {
        let val = if v.is_null() {
            Value::NULL
        } else if let Some(i) = v.get("i") {
            Value::Int(i.as_i64()?)
        } else if let Some(u) = v.get("u") {
            Value::UInt(u.as_u64()?)
        } else if let Some(f) = v.get("f") {
            Value::Double(f.as_f64()?)
        } else if let Some(b) = v.get("b") {
            let s = b.as_str()?;
            let bytes: Option<Vec<u8>> = (0..s.len())
                .step_by(2)
                .map(|i| u8::from_str_radix(s.get(i..i + 2)?, 16).ok())
                .collect();
            Value::Bytes(bytes?)
        } else if let Some(d) = v.get("d") {
            let n: Vec<u64> = d.as_array()?.iter().filter_map(|x| x.as_u64()).collect();
            Value::Date(
                *n.first()? as u16,
                n[1] as u8,
                n[2] as u8,
                n[3] as u8,
                n[4] as u8,
                n[5] as u8,
                n[6] as u32,
            )
        } else if let Some(t) = v.get("t") {
            let n: Vec<u64> = t.as_array()?.iter().filter_map(|x| x.as_u64()).collect();
            Value::Time(
                *n.first()? != 0,
                n[1] as u32,
                n[2] as u8,
                n[3] as u8,
                n[4] as u8,
                n[5] as u32,
            )
        } else {
            return None;
        };
        out.push(val);
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use mongodb::bson::doc;

    #[test]
    fn key_roundtrip_and_order_free_checksum() {
        let k = vec![
            Value::Int(-3),
            Value::UInt(u64::MAX),
            Value::Bytes(b"a\x00b".to_vec()),
            Value::Date(2024, 1, 2, 3, 4, 5, 6),
            Value::NULL,
        ];
        assert_eq!(decode_key(&encode_key(&k)).unwrap(), k);
        let (a, b) = (doc! {"x": 1, "y": "s"}, doc! {"x": 2});
        let mut c1 = Checksum::default();
        c1.add(&a);
        c1.add(&b);
        let mut c2 = Checksum::default();
        c2.add(&b);
        c2.add(&doc! {"_id": 9, "y": "s", "x": 1});
        assert_eq!(c1, c2);
    }

    #[test]
    fn keyless_ids_number_identical_rows_in_one_id_range() {
        let s = TableSchema {
            db: "d".into(),
            table: "t".into(),
            columns: vec![],
            key: vec![],
            time: Default::default(),
            index: None,
        };
        let Bson::String(h) = doc_id(&s, &doc! {"a": 1}) else {
            panic!("a key-less id is a string")
        };
        assert_eq!(h.len(), 34);
        let (from, to) = keyless_range(&h);
        for n in [0u64, 1, 9, 10, 123] {
            let Bson::String(id) = keyless_id(&h, n) else {
                unreachable!()
            };
            assert!(id >= from && id < to, "{id}");
            assert_eq!(keyless_parts(&id), Some((h.as_str(), n)));
        }
        assert_eq!(keyless_parts("x:1"), None);
    }

    #[test]
    fn a_source_id_column_is_the_id_only_when_it_is_the_key() {
        use crate::sync::model::schema::{Column, SOURCE_ID_FIELD};
        let col = |n: &str| Column::new(n, ColType::Int, Charset::Utf8);
        let mut s = TableSchema {
            db: "d".into(),
            table: "t".into(),
            columns: vec![col("id"), col("_id")],
            key: vec![0],
            time: Default::default(),
            index: None,
        };
        let row = || vec![Value::Int(1), Value::Int(7)];
        let d = row_doc(&s, None, row(), Origin::Query);
        assert_eq!(d, doc! {"id": 1, SOURCE_ID_FIELD: 7});
        assert_eq!(doc_id(&s, &d), Bson::Int32(1));
        // the binlog names the same column the same way
        let image = [
            ImageCol {
                name: "id".into(),
                charset: None,
            },
            ImageCol {
                name: "@1".into(),
                charset: None,
            },
        ];
        assert_eq!(row_doc(&s, Some(&image), row(), Origin::Binlog), d);
        s.key = vec![1];
        let d = row_doc(&s, None, row(), Origin::Query);
        assert_eq!(d, doc! {"id": 1, "_id": 7});
        assert_eq!(doc_id(&s, &d), Bson::Int32(7));
        s.key = vec![1, 0];
        let d = row_doc(&s, None, row(), Origin::Query);
        assert_eq!(
            doc_id(&s, &d),
            Bson::Document(doc! {SOURCE_ID_FIELD: 7, "id": 1})
        );
    }

    #[test]
    fn binlog_text_reads_by_the_table_map_charset_else_the_schema() {
        use crate::sync::model::schema::Column;
        let s = TableSchema {
            db: "d".into(),
            table: "t".into(),
            columns: vec![Column::new(
                "l",
                ColType::Text,
                Charset::from_name("latin1"),
            )],
            key: vec![],
            time: Default::default(),
            index: None,
        };
        let v = || vec![Value::Bytes(vec![0xe9])];
        let img = |charset| {
            [ImageCol {
                name: "l".into(),
                charset,
            }]
        };
        // no FULL metadata: the schema's latin1
        assert_eq!(
            row_doc(&s, Some(&img(None)), v(), Origin::Binlog),
            doc! {"l": "é"}
        );
        assert_eq!(row_doc(&s, None, v(), Origin::Binlog), doc! {"l": "é"});
        // the TABLE_MAP's charset wins (cp1251_general_ci)
        assert_eq!(
            row_doc(
                &s,
                Some(&img(Charset::from_collation_id(51))),
                v(),
                Origin::Binlog
            ),
            doc! {"l": "й"}
        );
    }
}
