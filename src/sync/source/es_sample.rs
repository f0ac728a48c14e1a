//! Column types of an Elasticsearch index from its documents as well as its mapping.
//!
//! A mapping says less than the data: every field may hold an array whatever its type, an
//! index with `dynamic: false` keeps unmapped fields in `_source`, and `ignore_malformed` or
//! `coerce` let values in that are not of the field's type. A random sample of up to
//! [`SAMPLE_DOCS`] documents decides ([`widen`]): a field holding arrays, objects where the
//! mapping has a scalar, or values its column type cannot hold gets a JSON column (which holds
//! any of them, number text included); a field the mapping lacks gets a JSON column too. What
//! the sample cannot see, the task's column types (`--column-type`, `types` in
//! `--fields-file`) set ([`set_types`]); a row that still does not fit is refused naming the
//! field and that flag (the MySQL sink says so).

use crate::sync::error::{Fault, SyncError};
use crate::sync::es::EsClient;
use crate::sync::model::schema::{ColType, Column, TableSchema};
use crate::sync::model::value::Charset;
use crate::sync::source::es_value::{HASH_FIELD, OCCURRENCE_FIELD, parse_date};
use serde::Deserialize;
use serde_json::Value;
use serde_json::value::RawValue;
use std::collections::{BTreeMap, BTreeSet};

/// Documents sampled per index (at most).
pub const SAMPLE_DOCS: usize = 1000;

/// Test knob: documents sampled per index instead of [`SAMPLE_DOCS`] (0: none).
pub const SAMPLE_ENV: &str = "SHARK_SYNC_ES_SAMPLE_DOCS";

/// One sampled `_source`: each top-level field's JSON text.
pub type Sampled = BTreeMap<String, Box<RawValue>>;

#[derive(Deserialize)]
struct Answer {
    hits: Hits,
    #[serde(default, rename = "_shards")]
    shards: Value,
    #[serde(default)]
    timed_out: bool,
}

#[derive(Deserialize)]
struct Hits {
    hits: Vec<Hit>,
}

#[derive(Deserialize)]
struct Hit {
    #[serde(rename = "_source")]
    source: Option<Sampled>,
}

/// A sample of `index`'s documents: random, but the same for the same `seed` (the index's
/// uuid) and the same documents, so a field's column type does not change from one run of a
/// task to the next while the index does not. Like every page of the copy, it covers every
/// shard or is a transient error, and an index gone is a changed unit.
pub async fn sample(c: &EsClient, index: &str, seed: &str) -> Result<Vec<Sampled>, SyncError> {
    let size = std::env::var(SAMPLE_ENV)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(SAMPLE_DOCS);
    if size == 0 {
        return Ok(vec![]);
    }
    let what = format!("a sample of {index}");
    let body = serde_json::json!({
        "size": size,
        "query": {"function_score": {
            "query": {"match_all": {}},
            "random_score": {"seed": seed_of(seed), "field": "_seq_no"},
        }},
        "track_total_hits": false,
    });
    let a = c
        .raw(
            reqwest::Method::POST,
            &format!("/{index}/_search?allow_partial_search_results=false"),
            Some(body),
            &what,
        )
        .await?;
    if !a.ok() {
        if a.error_type() == "index_not_found_exception" {
            return Err(c.err(
                format!("index {index} does not exist (any more)"),
                Fault::TableChanged,
            ));
        }
        let fault = if a.status >= 500 {
            Fault::Transient
        } else {
            Fault::Fatal
        };
        return Err(c.failed(&what, &a, fault));
    }
    let answer: Answer = serde_json::from_str(&a.text).map_err(|e| {
        c.err(
            format!("{what}: the answer is not a search result: {e}"),
            Fault::Fatal,
        )
    })?;
    c.complete(&what, &answer.shards, answer.timed_out)?;
    Ok(answer
        .hits
        .hits
        .into_iter()
        .filter_map(|h| h.source)
        .collect())
}

/// A `random_score` seed (an int) from text: FNV-1a, stable across versions and platforms.
fn seed_of(text: &str) -> i32 {
    let h = text.bytes().fold(0x811c_9dc5u32, |h, b| {
        (h ^ u32::from(b)).wrapping_mul(0x0100_0193)
    });
    h as i32
}

/// Whether the JSON text `text` (not null, not an array or object) reads as a value of a
/// column of type `ty`.
fn fits(ty: &ColType, text: &str) -> bool {
    use ColType as T;
    // a number no double holds does not parse into a `Value`: only exact columns take it
    let Ok(v) = serde_json::from_str::<Value>(text) else {
        return match ty {
            T::Decimal => decimal_65_30(text),
            T::Text | T::Json => true,
            _ => false,
        };
    };
    let int = |lo: i128, hi: i128| match &v {
        Value::Number(n) => n
            .as_i64()
            .map(i128::from)
            .or_else(|| n.as_u64().map(i128::from))
            .is_some_and(|i| (lo..=hi).contains(&i)),
        Value::String(s) => s
            .trim()
            .parse::<i128>()
            .is_ok_and(|i| (lo..=hi).contains(&i)),
        _ => false,
    };
    match ty {
        T::Int => int(i32::MIN.into(), i32::MAX.into()),
        T::UInt => int(0, u32::MAX.into()),
        T::BigInt => int(i64::MIN.into(), i64::MAX.into()),
        T::BigUInt => int(0, u64::MAX.into()),
        T::Year => int(1901, 2155),
        // a double column takes a number only when the double is that number
        T::Float => match (&v, crate::sync::model::json::number(text)) {
            (Value::Number(_), mongodb::bson::Bson::Double(_)) => true,
            (Value::Number(_), mongodb::bson::Bson::Int64(i)) => i.unsigned_abs() <= 1 << 53,
            _ => false,
        },
        // what a DECIMAL(65,30) holds exactly (an Elasticsearch unit's DECIMAL column)
        T::Decimal => match &v {
            Value::Number(_) => decimal_65_30(text),
            Value::String(s) => decimal_65_30(s.trim()),
            _ => false,
        },
        T::Bool => {
            matches!(v, Value::Bool(_))
                || matches!(&v, Value::String(s) if s == "true" || s == "false")
        }
        T::Date | T::DateTime | T::Timestamp => parse_date(&v).is_some(),
        T::Binary | T::FixedBinary(_) | T::Bit => matches!(v, Value::String(_)),
        T::Json => true,
        T::Text | T::Time | T::Enum(_) | T::Set(_) => !v.is_object(),
    }
}

/// Whether `s` is a decimal number (`-12.5`, `1e3`; not NaN or infinity) that a
/// DECIMAL(65,30) column holds without rounding: at most 35 digits before the point and 30
/// after it.
fn decimal_65_30(s: &str) -> bool {
    let Some((digits, exp)) = crate::sync::model::json::decimal_digits(s) else {
        return false;
    };
    // digits after the point, and before it
    let frac = (-exp).max(0);
    let int = digits.len() as i64 + exp;
    frac <= 30 && int <= 35
}

/// Change the columns of `schema` (from an index mapping) that `docs` (a sample of its
/// `_source`s) show the mapping does not describe (see the module doc); returns each changed
/// field with why, in column order.
pub fn widen(schema: &mut TableSchema, docs: &[Sampled]) -> Vec<(String, &'static str)> {
    let mut why: BTreeMap<String, &'static str> = BTreeMap::new();
    let mut added: BTreeSet<String> = BTreeSet::new();
    for d in docs {
        for (k, v) in d {
            let text = v.get();
            if k == "_id" || k == HASH_FIELD || k == OCCURRENCE_FIELD || text == "null" {
                continue;
            }
            let Some(c) = schema.columns.iter().find(|c| c.name == *k) else {
                added.insert(k.clone());
                continue;
            };
            if c.ty == ColType::Json || why.contains_key(k) {
                continue;
            }
            let reason = if text.starts_with('[') {
                Some("holds arrays")
            } else if text.starts_with('{') {
                Some("holds objects")
            } else if !fits(&c.ty, text) {
                Some("holds values its mapped type's column cannot hold")
            } else {
                None
            };
            if let Some(r) = reason {
                why.insert(k.clone(), r);
            }
        }
    }
    let mut out = vec![];
    for c in schema.columns.iter_mut() {
        if let Some(r) = why.remove(&c.name) {
            c.ty = ColType::Json;
            out.push((c.name.clone(), r));
        }
    }
    for k in added {
        schema
            .columns
            .push(Column::new(k.clone(), ColType::Json, Charset::Utf8));
        out.push((k, "is not in the mapping"));
    }
    out
}

/// Set the column types the task names (`--column-type`); a field the schema lacks gets a
/// column of that type.
pub fn set_types(schema: &mut TableSchema, types: &BTreeMap<String, ColType>) {
    for (field, ty) in types {
        match schema.columns.iter_mut().find(|c| c.name == *field) {
            Some(c) if field != "_id" => c.ty = ty.clone(),
            Some(_) => {}
            None => schema
                .columns
                .push(Column::new(field.clone(), ty.clone(), Charset::Utf8)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sync::sink::es_mapping::schema_from_mapping;
    use serde_json::json;

    fn doc(v: Value) -> Sampled {
        serde_json::from_str(&v.to_string()).unwrap()
    }

    #[test]
    fn the_sample_widens_columns_the_mapping_does_not_describe() {
        let mapping = json!({"dynamic": false, "properties": {
            "tag": {"type": "keyword"}, "n": {"type": "integer"}, "big": {"type": "long"},
            "score": {"type": "double"}, "ok": {"type": "boolean"}, "at": {"type": "date"},
            "plain": {"type": "keyword"}, "obj": {"properties": {"a": {"type": "long"}}}
        }});
        let mut s = schema_from_mapping("i", &mapping);
        let docs: Vec<Sampled> = vec![
            doc(
                json!({"tag": "a", "n": 1, "big": 2, "score": 0.5, "ok": true, "at": "2024-01-01", "plain": "x"}),
            ),
            doc(
                json!({"tag": ["a", "b"], "n": 5_000_000_000i64, "obj": {"a": 1}, "extra": {"k": 1}}),
            ),
            // a field missing, a null: no evidence
            doc(json!({"plain": null})),
        ];
        let mut docs = docs;
        // a 30-digit number in a long field: only a JSON column holds it exactly
        docs.push(serde_json::from_str(r#"{"big": 123456789012345678901234567890}"#).unwrap());
        let changed = widen(&mut s, &docs);
        let names: Vec<&str> = changed.iter().map(|(f, _)| f.as_str()).collect();
        assert_eq!(names, ["big", "n", "tag", "extra"]);
        assert_eq!(changed[2].1, "holds arrays");
        assert_eq!(changed[3].1, "is not in the mapping");
        let ty = |s: &TableSchema, n: &str| s.columns[s.index_of(n).unwrap()].ty.clone();
        assert_eq!(ty(&s, "tag"), ColType::Json);
        assert_eq!(ty(&s, "plain"), ColType::Text);
        assert_eq!(ty(&s, "score"), ColType::Float);
        assert_eq!(ty(&s, "ok"), ColType::Bool);
        assert_eq!(ty(&s, "at"), ColType::DateTime);
        assert_eq!(ty(&s, "extra"), ColType::Json);
        let types = BTreeMap::from([
            ("plain".to_string(), ColType::Json),
            ("later".to_string(), ColType::Text),
        ]);
        set_types(&mut s, &types);
        assert_eq!(ty(&s, "plain"), ColType::Json);
        assert_eq!(ty(&s, "later"), ColType::Text);
    }

    #[test]
    fn numbers_fit_a_double_column_only_when_the_double_is_that_number() {
        assert!(fits(&ColType::Float, "0.5"));
        assert!(fits(&ColType::Float, "3"));
        assert!(!fits(&ColType::Float, "9007199254740993"));
        assert!(!fits(&ColType::Float, "1e400"));
        assert!(!fits(&ColType::Decimal, "1e400"));
        assert!(fits(&ColType::BigInt, "9007199254740993"));
        assert!(!fits(&ColType::Int, "2147483648"));
        assert!(!fits(&ColType::DateTime, "\"yesterday\""));
    }

    #[test]
    fn decimal_columns_take_what_decimal_65_30_holds() {
        for ok in [
            "12.5",
            "-0.000000000000000000000000000001",
            "1e3",
            "\"  7.25 \"",
            "\"1e-30\"",
        ] {
            assert!(fits(&ColType::Decimal, ok), "{ok}");
        }
        for no in [
            "\"NaN\"",
            "\"inf\"",
            "\"infinity\"",
            "1e400",
            "0.1000000000000000055511151231257827",
            "\"x\"",
            "true",
            "123456789012345678901234567890123456",
        ] {
            assert!(!fits(&ColType::Decimal, no), "{no}");
        }
    }

    #[test]
    fn sample_seeds_are_stable() {
        assert_eq!(seed_of("uuid-1"), seed_of("uuid-1"));
        assert_ne!(seed_of("uuid-1"), seed_of("uuid-2"));
        assert_eq!(seed_of(""), 0x811c_9dc5u32 as i32);
    }
}
