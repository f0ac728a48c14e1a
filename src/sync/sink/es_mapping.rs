//! Elasticsearch mappings from unit schemas, and unit schemas from mappings.
//!
//! MySQL → index ([`derive`]): integer types → `integer` (signed up to INT) or `long`; BIGINT
//! UNSIGNED and DECIMAL → `keyword` (lossless: no ES numeric type holds every u64 — except
//! `unsigned_long`, missing from OpenSearch — or 65 decimal digits; exact-match and sorting work,
//! ranges compare as text); FLOAT/DOUBLE → `double`; DATE and, at millisecond precision,
//! DATETIME/TIMESTAMP → `date` (`strict_date_optional_time||epoch_millis`); at microsecond
//! precision DATETIME/TIMESTAMP → `long` (µs since the epoch); TIME → `keyword`; YEAR →
//! `integer`; text columns that are part of the key, ENUM and SET → `keyword` (a SET is the
//! comma-joined string the value model holds); other text columns → `text` with a `keyword`
//! subfield (`ignore_above` 256), as Elasticsearch maps strings itself: full-text search, exact
//! match on short values, and no refusal of values above the 32 KiB keyword term limit; JSON →
//! `object` with `enabled: false` (kept in `_source`, not indexed: a JSON column's shape
//! varies row to row); BLOB/BINARY/BIT → `binary` (base64); booleans → `boolean`. Key-less units
//! add `_shark_hash` (keyword) and `_shark_n` (long). An override object (field → mapping)
//! replaces the derived mapping of the fields it names ([`derive`]'s `overrides`).
//!
//! Index → unit ([`schema_from_mapping`]): the key is the document `_id`, a text column named
//! `_id`; then one column per top-level field (see [`col_type`]).
//!
//! Index → index ([`carried`]): an Elasticsearch source's index is created in the target from
//! its own definition: its whole `mappings` (field types, `dynamic`, subfields, dynamic
//! templates, `_meta`; an ES 6 mapping under its type name taken out of it; not `_routing`:
//! documents are written routed by their `_id`), with the override
//! object over its top-level fields, and the settings that shape the data ([`CARRIED_SETTINGS`]:
//! analysis, similarity, mapping limits, index sorting, the number of primary shards, search
//! limits, k-NN). Not carried: what belongs to the source index's life (uuid, creation date,
//! version, routing/allocation, blocks, lifecycle policy, ingest pipelines, which would change
//! documents on the way in) and `number_of_replicas`, which is the target cluster's to decide
//! (its default or index templates: a replica count fits the cluster's nodes, not the data).

use crate::sync::model::schema::{ColType, Column, IndexDef, TableSchema};
use crate::sync::model::value::{Charset, TimePrecision};
use crate::sync::source::es_value::{HASH_FIELD, OCCURRENCE_FIELD};
use serde_json::{Map, Value, json};

/// The date format of derived `date` fields (what [`crate::sync::source::es_value`] writes).
pub const DATE_FORMAT: &str = "strict_date_optional_time||epoch_millis";

/// The mapping of one column.
fn field_mapping(ty: &ColType, key: bool, time: TimePrecision) -> Value {
    use ColType as T;
    match ty {
        T::Int | T::Year => json!({"type": "integer"}),
        T::UInt | T::BigInt => json!({"type": "long"}),
        T::BigUInt | T::Decimal | T::Time | T::Enum(_) | T::Set(_) => json!({"type": "keyword"}),
        T::Float => json!({"type": "double"}),
        T::Date => json!({"type": "date", "format": DATE_FORMAT}),
        T::DateTime | T::Timestamp => match time {
            TimePrecision::Ms => json!({"type": "date", "format": DATE_FORMAT}),
            TimePrecision::Us => json!({"type": "long"}),
        },
        T::Text if key => json!({"type": "keyword"}),
        T::Text => json!({
            "type": "text",
            "fields": {"keyword": {"type": "keyword", "ignore_above": 256}}
        }),
        T::Json => json!({"type": "object", "enabled": false}),
        T::Binary | T::FixedBinary(_) | T::Bit => json!({"type": "binary"}),
        T::Bool => json!({"type": "boolean"}),
    }
}

/// The create-index body (`{"mappings": {"properties": ...}}`) for `schema`, with `overrides`
/// (field → mapping) replacing the derived mapping of the fields they name (fields the schema
/// does not have are added).
pub fn derive(schema: &TableSchema, overrides: Option<&Map<String, Value>>) -> Value {
    let mut props = Map::new();
    for (i, c) in schema.columns.iter().enumerate() {
        let name = schema.field_name(i);
        // the single-column key named `_id` is the document `_id`, not a field
        if name == "_id" {
            continue;
        }
        props.insert(
            name.to_string(),
            field_mapping(&c.ty, schema.key.contains(&i), schema.time),
        );
    }
    if schema.key.is_empty() {
        props.insert(HASH_FIELD.into(), json!({"type": "keyword"}));
        props.insert(OCCURRENCE_FIELD.into(), json!({"type": "long"}));
    }
    if let Some(o) = overrides {
        for (k, v) in o {
            props.insert(k.clone(), v.clone());
        }
    }
    json!({"mappings": {"properties": props}})
}

/// The `index.*` settings a target index takes from its source index (see the module doc).
pub const CARRIED_SETTINGS: &[&str] = &[
    "analysis",
    "similarity",
    "mapping",
    "sort",
    "number_of_shards",
    "max_ngram_diff",
    "max_shingle_diff",
    "max_result_window",
    "max_inner_result_window",
    "max_rescore_window",
    "max_docvalue_fields_search",
    "max_script_fields",
    "max_terms_count",
    "max_regex_length",
    "highlight",
    "query",
    "knn",
];

/// The mappings of a `GET /<index>` answer without an ES 6 type name around them.
fn untyped(mappings: &Value) -> Value {
    match mappings.as_object() {
        Some(o) if o.len() == 1 && !o.contains_key("properties") => match o.values().next() {
            Some(t) if t.get("properties").is_some() => t.clone(),
            _ => mappings.clone(),
        },
        _ => mappings.clone(),
    }
}

/// The create-index body for a copy of the source index `def` (see the module doc), with
/// `overrides` (field → mapping) over its top-level fields.
pub fn carried(def: &IndexDef, overrides: Option<&Map<String, Value>>) -> Value {
    let mut mappings = untyped(&def.mappings);
    // documents are written routed by `_id`: a required custom routing would refuse them all
    if let Some(m) = mappings.as_object_mut() {
        m.remove("_routing");
    }
    if let Some(o) = overrides
        && let Some(m) = mappings.as_object_mut()
    {
        let props = m.entry("properties").or_insert_with(|| json!({}));
        if let Some(p) = props.as_object_mut() {
            for (k, v) in o {
                p.insert(k.clone(), v.clone());
            }
        }
    }
    let index: Map<String, Value> = def.settings["index"]
        .as_object()
        .map(|o| {
            o.iter()
                .filter(|(k, _)| CARRIED_SETTINGS.contains(&k.as_str()))
                .map(|(k, v)| (k.clone(), v.clone()))
                .collect()
        })
        .unwrap_or_default();
    let mut body = json!({});
    if mappings.is_object() {
        body["mappings"] = mappings;
    }
    if !index.is_empty() {
        body["settings"] = json!({ "index": index });
    }
    body
}

/// Parse an override file's text: a JSON object of field → mapping.
pub fn parse_overrides(text: &str) -> Result<Map<String, Value>, String> {
    match serde_json::from_str::<Value>(text) {
        Ok(Value::Object(o)) => {
            for (k, v) in &o {
                if !v.is_object() {
                    return Err(format!(
                        "field {k}: a mapping is a JSON object like {{\"type\": \"keyword\"}}"
                    ));
                }
            }
            Ok(o)
        }
        Ok(_) => Err("expected a JSON object of field → mapping".into()),
        Err(e) => Err(format!("not JSON: {e}")),
    }
}

/// The column type of an Elasticsearch field mapping: keyword/text (and other string-like
/// types) → Text, long → BigInt, unsigned_long → BigUInt, integer/short/byte → Int,
/// double/float/half_float/scaled_float → Float, boolean → Bool, date → DateTime (date_nanos
/// stays Text: a Date holds milliseconds), binary → Binary, object/nested/flattened and
/// anything else (geo, vectors, ranges) → Json.
pub fn col_type(mapping: &Value) -> ColType {
    let ty = mapping["type"]
        .as_str()
        .unwrap_or(if mapping.get("properties").is_some() {
            "object"
        } else {
            ""
        });
    match ty {
        "keyword" | "text" | "match_only_text" | "constant_keyword" | "wildcard" | "ip"
        | "version" | "date_nanos" | "search_as_you_type" | "token_count" => ColType::Text,
        "long" => ColType::BigInt,
        "unsigned_long" => ColType::BigUInt,
        "integer" | "short" | "byte" => ColType::Int,
        "double" | "float" | "half_float" | "scaled_float" => ColType::Float,
        "boolean" => ColType::Bool,
        "date" => ColType::DateTime,
        "binary" => ColType::Binary,
        _ => ColType::Json,
    }
}

/// The unit schema of index `index` from its `mappings`: `_id` (text, the key), then the
/// top-level fields in name order. `db` is empty: the unit is named by the index alone.
pub fn schema_from_mapping(index: &str, mappings: &Value) -> TableSchema {
    let mut columns = vec![Column::new("_id", ColType::Text, Charset::Utf8)];
    // ES 6 nests the properties under the type name
    let props = mappings["properties"].as_object().or_else(|| {
        mappings
            .as_object()
            .and_then(|o| o.values().find_map(|t| t["properties"].as_object()))
    });
    let mut names: Vec<(&String, &Value)> = props.map(|p| p.iter().collect()).unwrap_or_default();
    names.sort_by(|a, b| a.0.cmp(b.0));
    for (name, m) in names {
        if name == "_id" {
            continue;
        }
        columns.push(Column::new(name.clone(), col_type(m), Charset::Utf8));
    }
    TableSchema {
        db: String::new(),
        table: index.to_string(),
        columns,
        key: vec![0],
        time: TimePrecision::Ms,
        index: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn col(name: &str, ty: ColType) -> Column {
        Column::new(name, ty, Charset::Utf8)
    }

    #[test]
    fn mapping_from_columns_with_overrides() {
        let mut s = TableSchema {
            db: "shop".into(),
            table: "orders".into(),
            columns: vec![
                col("id", ColType::BigInt),
                col("code", ColType::Text),
                col("note", ColType::Text),
                col("price", ColType::Decimal),
                col("at", ColType::DateTime),
                col("doc", ColType::Json),
                col("raw", ColType::Binary),
                col("n", ColType::BigUInt),
                col("_id", ColType::Int),
            ],
            key: vec![0, 1],
            time: TimePrecision::Ms,
            index: None,
        };
        let over =
            parse_overrides(r#"{"note": {"type": "keyword"}, "extra": {"type": "long"}}"#).unwrap();
        let m = derive(&s, Some(&over));
        let p = &m["mappings"]["properties"];
        assert_eq!(p["id"]["type"], "long");
        assert_eq!(p["code"]["type"], "keyword");
        assert_eq!(p["note"]["type"], "keyword");
        assert_eq!(p["extra"]["type"], "long");
        assert_eq!(p["price"]["type"], "keyword");
        assert_eq!(p["n"]["type"], "keyword");
        assert_eq!(p["at"]["format"], DATE_FORMAT);
        assert_eq!(p["doc"], json!({"type": "object", "enabled": false}));
        assert_eq!(p["raw"]["type"], "binary");
        // a non-key column named _id is stored as `_id_`
        assert_eq!(p["_id_"]["type"], "integer");
        assert!(p.get(HASH_FIELD).is_none());
        s.time = TimePrecision::Us;
        s.key = vec![];
        let p = derive(&s, None)["mappings"]["properties"].clone();
        assert_eq!(p["at"]["type"], "long");
        assert_eq!(p["note"]["type"], "text");
        assert_eq!(p[HASH_FIELD]["type"], "keyword");
        assert!(parse_overrides("[1]").is_err());
        assert!(parse_overrides(r#"{"a": 1}"#).is_err());
    }

    #[test]
    fn schema_from_an_index_mapping() {
        let m = json!({"properties": {
            "title": {"type": "text", "fields": {"raw": {"type": "keyword"}}},
            "n": {"type": "integer"}, "big": {"type": "long"}, "ok": {"type": "boolean"},
            "at": {"type": "date"}, "geo": {"properties": {"lat": {"type": "double"}}},
            "f": {"type": "half_float"}, "blob": {"type": "binary"}, "fl": {"type": "flattened"}
        }});
        let s = schema_from_mapping("logs-1", &m);
        assert_eq!(s.unit(), "logs-1");
        assert_eq!(s.key, vec![0]);
        assert_eq!(s.field_name(0), "_id");
        let ty = |n: &str| s.columns[s.index_of(n).unwrap()].ty.clone();
        assert_eq!(ty("title"), ColType::Text);
        assert_eq!(ty("n"), ColType::Int);
        assert_eq!(ty("big"), ColType::BigInt);
        assert_eq!(ty("ok"), ColType::Bool);
        assert_eq!(ty("at"), ColType::DateTime);
        assert_eq!(ty("geo"), ColType::Json);
        assert_eq!(ty("fl"), ColType::Json);
        assert_eq!(ty("f"), ColType::Float);
        assert_eq!(ty("blob"), ColType::Binary);
        let names: Vec<&str> = s.columns.iter().map(|c| c.name.as_str()).collect();
        assert_eq!(names[..3], ["_id", "at", "big"]);
        // ES 6: under the type name
        let s6 = schema_from_mapping("old", &json!({"_doc": m}));
        assert_eq!(s6.columns.len(), s.columns.len());
    }

    #[test]
    fn a_source_index_definition_is_carried() {
        let mappings = json!({"dynamic": false, "properties": {
            "tag": {"type": "keyword", "normalizer": "lower"},
            "title": {"type": "text", "fields": {"raw": {"type": "keyword"}}},
            "obj": {"properties": {"a": {"type": "long"}}}
        }});
        let settings = json!({"index": {
            "uuid": "abc", "creation_date": "1", "version": {"created": "1"},
            "provided_name": "src", "number_of_shards": "3", "number_of_replicas": "2",
            "routing": {"allocation": {"include": {"_tier_preference": "data_content"}}},
            "default_pipeline": "p", "lifecycle": {"name": "x"},
            "analysis": {"normalizer": {"lower": {"type": "custom", "filter": ["lowercase"]}}},
            "mapping": {"total_fields": {"limit": "2000"}}
        }});
        let mut routed = mappings.clone();
        routed["_routing"] = json!({"required": true});
        let def = IndexDef {
            mappings: routed,
            settings,
        };
        let body = carried(&def, None);
        assert_eq!(body["mappings"], mappings);
        assert_eq!(
            body["settings"],
            json!({"index": {
                "number_of_shards": "3",
                "analysis": {"normalizer": {"lower": {"type": "custom", "filter": ["lowercase"]}}},
                "mapping": {"total_fields": {"limit": "2000"}}
            }})
        );
        // an override replaces a field's mapping; the rest stays the source's
        let over = parse_overrides(r#"{"tag": {"type": "text"}}"#).unwrap();
        let body = carried(&def, Some(&over));
        assert_eq!(
            body["mappings"]["properties"]["tag"],
            json!({"type": "text"})
        );
        assert_eq!(body["mappings"]["dynamic"], false);
        assert_eq!(
            body["mappings"]["properties"]["obj"],
            mappings["properties"]["obj"]
        );
        // ES 6: the type name taken out
        let typed = IndexDef {
            mappings: json!({"_doc": mappings.clone()}),
            settings: json!({}),
        };
        assert_eq!(carried(&typed, None), json!({"mappings": mappings}));
    }
}
