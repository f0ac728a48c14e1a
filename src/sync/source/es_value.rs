//! Values between the BSON value model of sync rows and Elasticsearch JSON.
//!
//! Into an index ([`to_source`]): what `sync::model::value` produces goes in without loss — Int32/Int64
//! as numbers, Double as the shortest text that reads back the same, Decimal128 as its string
//! (a `keyword` field; inside a JSON column an integer Decimal128 — a u64 beyond i64 — stays a
//! number, as the source JSON had it), Date as ISO-8601 UTC with milliseconds (epoch
//! milliseconds outside years 0000–9999; the mapping's date format accepts both), Binary as
//! base64, documents and arrays as objects and arrays. A non-finite Double cannot be JSON: the
//! row is refused.
//!
//! Back out ([`from_json`]): by the column type of the unit's schema, to the BSON the source
//! produced (DECIMAL → Decimal128, dates → Date or Int64 µs, base64 → generic Binary, integers →
//! Int32/Int64 as `sync::model::value` sizes them, JSON columns by `value::json_to_bson`); arrays
//! element by element. Elasticsearch sources use the same function with the column type their
//! mapping gives ([`crate::sync::sink::es_mapping::col_type`]), number texts from their digits
//! ([`hit_doc`]); for an index target a document passes through as it is ([`passthrough_doc`]).

use crate::sync::model::doc::doc_id;
use crate::sync::model::json::{
    decimal_text, json_text, json_value, number as exact_number, to_tree,
};
use crate::sync::model::schema::{ColType, TableSchema};
use crate::sync::model::value::{TimePrecision, binary, decimal, int, json_to_bson, uint};
use base64::Engine;
use base64::engine::general_purpose::STANDARD as B64;
use mongodb::bson::{Bson, DateTime, Document};
use serde_json::value::RawValue;
use serde_json::{Map, Number, Value};

/// Fields shark adds to documents of key-less units: the content hash and occurrence (the
/// `_id` is `<hash>:<n>`). Not row data: [`hit_doc`] leaves them out.
pub const HASH_FIELD: &str = "_shark_hash";
pub const OCCURRENCE_FIELD: &str = "_shark_n";

/// A row document as an index `_source`: the JSON object text of every field but `_id`, then
/// the `extra` fields. Written as text so that a JSON value's text (`sync::model::json`) goes in
/// with its numbers digit for digit (whitespace between tokens dropped: a bulk line is one line).
pub fn to_source(doc: &Document, extra: &[(&str, Value)]) -> Result<String, String> {
    let mut out = String::with_capacity(64 + 32 * doc.len());
    out.push('{');
    let mut first = true;
    let mut key = |k: &str, out: &mut String| {
        if !std::mem::take(&mut first) {
            out.push(',');
        }
        push_str(k, out);
        out.push(':');
    };
    for (k, v) in doc {
        if k == "_id" {
            continue;
        }
        key(k, &mut out);
        write_json(v, false, &mut out).map_err(|e| format!("{k}: {e}"))?;
    }
    for (k, v) in extra {
        key(k, &mut out);
        out.push_str(&v.to_string());
    }
    out.push('}');
    Ok(out)
}

/// A JSON string literal.
fn push_str(s: &str, out: &mut String) {
    // serializing a str cannot fail
    out.push_str(&serde_json::to_string(s).unwrap_or_default());
}

/// JSON text without the whitespace between tokens; an error when it is not JSON.
fn push_json_text(t: &[u8], out: &mut String) -> Result<(), String> {
    let s = std::str::from_utf8(t).map_err(|e| format!("JSON text is not UTF-8: {e}"))?;
    serde_json::from_str::<serde::de::IgnoredAny>(s).map_err(|e| format!("not JSON: {e}"))?;
    let (mut in_str, mut esc) = (false, false);
    for c in s.chars() {
        if in_str {
            match (esc, c) {
                (true, _) => esc = false,
                (false, '\\') => esc = true,
                (false, '"') => in_str = false,
                _ => {}
            }
        } else if c == '"' {
            in_str = true;
        } else if matches!(c, ' ' | '\t' | '\n' | '\r') {
            continue;
        }
        out.push(c);
    }
    Ok(())
}

/// A value as index JSON text (see the module doc); `nested`: inside a document or array.
fn write_json(v: &Bson, nested: bool, out: &mut String) -> Result<(), String> {
    match v {
        Bson::Binary(_) if let Some(t) = json_text(v) => push_json_text(t, out),
        Bson::Decimal128(d) => {
            let s = decimal_text(d);
            // inside JSON a number stays a number; a DECIMAL column is a keyword
            if nested && serde_json::from_str::<Number>(&s).is_ok() {
                out.push_str(&s);
            } else {
                push_str(&s, out);
            }
            Ok(())
        }
        Bson::Int32(i) => {
            out.push_str(&i.to_string());
            Ok(())
        }
        Bson::Int64(i) => {
            out.push_str(&i.to_string());
            Ok(())
        }
        Bson::String(s) => {
            push_str(s, out);
            Ok(())
        }
        Bson::Document(d) => {
            out.push('{');
            for (i, (k, x)) in d.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                push_str(k, out);
                out.push(':');
                write_json(x, true, out)?;
            }
            out.push('}');
            Ok(())
        }
        Bson::Array(a) => {
            out.push('[');
            for (i, x) in a.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write_json(x, nested, out)?;
            }
            out.push(']');
            Ok(())
        }
        other => {
            out.push_str(&to_json(other, nested)?.to_string());
            Ok(())
        }
    }
}

/// Date milliseconds as index JSON: ISO-8601 UTC with milliseconds, or epoch milliseconds
/// beyond what the ISO form (4-digit years) holds.
pub fn date_json(ms: i64) -> Value {
    match chrono::DateTime::from_timestamp_millis(ms) {
        Some(t) if (0..=9999).contains(&chrono::Datelike::year(&t)) => {
            Value::String(t.format("%Y-%m-%dT%H:%M:%S%.3fZ").to_string())
        }
        _ => Value::Number(ms.into()),
    }
}

fn to_json(v: &Bson, nested: bool) -> Result<Value, String> {
    Ok(match v {
        Bson::Null | Bson::Undefined => Value::Null,
        Bson::Boolean(b) => Value::Bool(*b),
        Bson::Int32(i) => Value::Number((*i).into()),
        Bson::Int64(i) => Value::Number((*i).into()),
        Bson::Double(f) => Value::Number(
            Number::from_f64(*f).ok_or_else(|| format!("{f} cannot be stored in JSON"))?,
        ),
        Bson::String(s) => Value::String(s.clone()),
        Bson::Decimal128(d) => {
            let s = d.to_string();
            match s.parse::<u64>() {
                Ok(u) if nested => Value::Number(u.into()),
                _ => Value::String(s),
            }
        }
        Bson::DateTime(t) => date_json(t.timestamp_millis()),
        Bson::Binary(b) => Value::String(B64.encode(&b.bytes)),
        Bson::Document(d) => {
            let mut m = Map::new();
            for (k, x) in d {
                m.insert(k.clone(), to_json(x, true)?);
            }
            Value::Object(m)
        }
        Bson::Array(a) => Value::Array(
            a.iter()
                .map(|x| to_json(x, nested))
                .collect::<Result<_, _>>()?,
        ),
        Bson::ObjectId(o) => Value::String(o.to_hex()),
        Bson::Timestamp(t) => Value::Number(((t.time as u64) << 32 | t.increment as u64).into()),
        other => Value::String(other.to_string()),
    })
}

/// Parse a date as Elasticsearch's default format reads it: ISO-8601 with or without time
/// and zone (no zone: UTC), or epoch milliseconds; milliseconds since the epoch.
pub fn parse_date(v: &Value) -> Option<i64> {
    match v {
        Value::Number(n) => n.as_i64().or_else(|| n.as_f64().map(|f| f as i64)),
        Value::String(s) => {
            if let Ok(t) = chrono::DateTime::parse_from_rfc3339(s) {
                return Some(t.timestamp_millis());
            }
            for f in [
                "%Y-%m-%dT%H:%M:%S%.f",
                "%Y-%m-%dT%H:%M:%S",
                "%Y-%m-%dT%H:%M",
                "%Y-%m-%d %H:%M:%S%.f",
            ] {
                if let Ok(t) = chrono::NaiveDateTime::parse_from_str(s, f) {
                    return Some(t.and_utc().timestamp_millis());
                }
            }
            if let Ok(d) = chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d") {
                return d
                    .and_hms_opt(0, 0, 0)
                    .map(|t| t.and_utc().timestamp_millis());
            }
            s.parse::<i64>().ok()
        }
        _ => None,
    }
}

fn integer(v: &Value) -> Option<Result<i64, u64>> {
    match v {
        Value::Number(n) => n
            .as_i64()
            .map(Ok)
            .or_else(|| n.as_u64().map(Err))
            .or_else(|| {
                n.as_f64()
                    .filter(|f| f.fract() == 0.0 && f.abs() < 9.0e15)
                    .map(|f| Ok(f as i64))
            }),
        Value::String(s) => s
            .trim()
            .parse::<i64>()
            .map(Ok)
            .ok()
            .or_else(|| s.trim().parse::<u64>().ok().map(Err)),
        _ => None,
    }
}

fn text(v: Value) -> Bson {
    match v {
        Value::String(s) => Bson::String(s),
        Value::Number(n) => Bson::String(n.to_string()),
        Value::Bool(b) => Bson::String(b.to_string()),
        other => json_to_bson(other),
    }
}

/// An index value of a column of type `ty` as the BSON the source produced for it (see the
/// module doc); values that do not fit the type keep their JSON form.
pub fn from_json(ty: &ColType, time: TimePrecision, v: Value) -> Bson {
    use ColType as T;
    if v.is_null() {
        return Bson::Null;
    }
    let v = match v {
        Value::Array(a) if !matches!(ty, T::Json) => {
            return Bson::Array(a.into_iter().map(|x| from_json(ty, time, x)).collect());
        }
        other => other,
    };
    let fallback = json_to_bson;
    match ty {
        T::Int | T::UInt | T::BigInt | T::BigUInt => {
            let big = matches!(ty, T::BigInt | T::BigUInt);
            match integer(&v) {
                Some(Ok(i)) => int(i, big),
                Some(Err(u)) => uint(u, big),
                None => match v {
                    Value::String(s) if matches!(ty, T::BigUInt) => decimal(&s),
                    other => fallback(other),
                },
            }
        }
        T::Year => match integer(&v) {
            Some(Ok(i)) => Bson::Int32(i as i32),
            _ => fallback(v),
        },
        T::Decimal => match v {
            Value::String(s) => decimal(&s),
            Value::Number(n) => decimal(&n.to_string()),
            other => fallback(other),
        },
        T::Float => match &v {
            Value::Number(n) => n.as_f64().map_or_else(|| fallback(v.clone()), Bson::Double),
            Value::String(s) => s
                .trim()
                .parse::<f64>()
                .map_or_else(|_| fallback(v.clone()), Bson::Double),
            _ => fallback(v),
        },
        T::Date => date_bson(v),
        T::DateTime | T::Timestamp => match time {
            TimePrecision::Ms => date_bson(v),
            TimePrecision::Us => match integer(&v) {
                Some(Ok(i)) => Bson::Int64(i),
                _ => fallback(v),
            },
        },
        T::Bool => match v {
            Value::Bool(b) => Bson::Boolean(b),
            Value::String(s) if s == "true" || s == "false" => Bson::Boolean(s == "true"),
            other => fallback(other),
        },
        T::Json => json_to_bson(v),
        T::Binary | T::FixedBinary(_) | T::Bit => match v {
            Value::String(s) => match B64.decode(s.as_bytes()) {
                Ok(b) => binary(b),
                Err(_) => Bson::String(s),
            },
            other => fallback(other),
        },
        T::Time | T::Text | T::Enum(_) | T::Set(_) => text(v),
    }
}

fn date_bson(v: Value) -> Bson {
    match parse_date(&v) {
        Some(ms) => Bson::DateTime(DateTime::from_millis(ms)),
        None => json_to_bson(v),
    }
}

/// The fields of a `_source` object in their order, each value as its JSON text.
struct RawFields<'a>(Vec<(String, &'a RawValue)>);

impl<'de: 'a, 'a> serde::Deserialize<'de> for RawFields<'a> {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V<'a>(std::marker::PhantomData<&'a ()>);
        impl<'de: 'a, 'a> serde::de::Visitor<'de> for V<'a> {
            type Value = RawFields<'a>;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a JSON object")
            }
            fn visit_map<M: serde::de::MapAccess<'de>>(
                self,
                mut m: M,
            ) -> Result<RawFields<'a>, M::Error> {
                let mut out = vec![];
                while let Some((k, v)) = m.next_entry::<String, &'a RawValue>()? {
                    out.push((k, v));
                }
                Ok(RawFields(out))
            }
        }
        d.deserialize_map(V(std::marker::PhantomData))
    }
}

/// One `_source` field's JSON text as the BSON of its column (`ty`; None: a field the schema
/// does not know): JSON columns as their text (`sync::model::json`), a number in a DECIMAL
/// column from its digits, an array element by element from their text, fields without a
/// column as an exact tree; the rest by [`from_json`]. Never a number through an `f64` unless
/// the column is a FLOAT/DOUBLE. An error when the text cannot be read (say, a string with a
/// lone surrogate escape, which Elasticsearch stores as it was sent).
fn field_value(ty: Option<&ColType>, time: TimePrecision, raw: &RawValue) -> Result<Bson, String> {
    use ColType as T;
    let text = raw.get();
    let number = text.starts_with(|c: char| c == '-' || c.is_ascii_digit());
    match ty {
        None => to_tree(text.as_bytes()),
        Some(_) if text == "null" => Ok(Bson::Null),
        Some(ColType::Json) => Ok(json_value(text.as_bytes().to_vec())),
        Some(ColType::Decimal) if number => Ok(decimal(text)),
        Some(_) if text.starts_with('[') => {
            let items: Vec<&RawValue> = serde_json::from_str(text).map_err(|e| e.to_string())?;
            let items = items.into_iter().map(|x| field_value(ty, time, x));
            Ok(Bson::Array(items.collect::<Result<_, _>>()?))
        }
        // a number's digits, whatever a double makes of them: as text in a text column, an
        // integer as such, anything else exactly (`sync::model::json::number`)
        Some(T::Text | T::Time | T::Enum(_) | T::Set(_)) if number => {
            Ok(Bson::String(text.to_string()))
        }
        Some(ty) if number && !matches!(ty, T::Float | T::Date | T::DateTime | T::Timestamp) => {
            Ok(match serde_json::from_str::<Value>(text) {
                Ok(Value::Number(n)) if n.is_i64() || n.is_u64() => {
                    from_json(ty, time, Value::Number(n))
                }
                _ => exact_number(text),
            })
        }
        Some(ty) => match serde_json::from_str::<Value>(text) {
            Ok(v) => Ok(from_json(ty, time, v)),
            // a number no double holds in a column that is not JSON
            Err(_) => to_tree(text.as_bytes()),
        },
    }
}

/// A `_source` object's fields, each as its JSON text.
fn raw_fields(source: &RawValue) -> Result<RawFields<'_>, String> {
    serde_json::from_str(source.get()).map_err(|e| format!("the _source is not a JSON object: {e}"))
}

/// A document read from an index as the row document the source produced for `unit`: each
/// field by its column's type ([`field_value`]), shark's key-less fields removed, `_id` first:
/// the key of the unit (restored from the fields, or from the index `_id` when the single key
/// column is itself named `_id`), or the index `_id` for key-less units. `source` is the
/// `_source` object's text. A unit that carries its index definition (an Elasticsearch source
/// read for an Elasticsearch target) reads as [`passthrough_doc`]. An error names the field
/// that cannot be read: the row is refused (`--on-error`).
pub fn hit_doc(unit: &TableSchema, es_id: &str, source: &RawValue) -> Result<Document, String> {
    if unit.index.is_some() {
        return passthrough_doc(es_id, source);
    }
    let raw = raw_fields(source)?;
    let mut fields = Document::new();
    for (k, v) in raw.0 {
        if k == HASH_FIELD || k == OCCURRENCE_FIELD {
            continue;
        }
        let ty = (0..unit.columns.len())
            .find(|i| unit.field_name(*i) == k)
            .map(|i| &unit.columns[i].ty);
        let v = field_value(ty, unit.time, v).map_err(|e| {
            format!(
                "field {k} cannot be read: {e} (--column-type {}:{k}=json keeps its JSON text as it is)",
                unit.table
            )
        })?;
        fields.insert(k, v);
    }
    // a field the document lacks is a NULL of its column, as a table row has it (a MySQL
    // target stores NULL for it, and documents read back from either side compare equal)
    for i in 0..unit.columns.len() {
        let name = unit.field_name(i);
        if name != "_id" && !fields.contains_key(name) {
            fields.insert(name, Bson::Null);
        }
    }
    let id = match unit.key.as_slice() {
        [] => Bson::String(es_id.to_string()),
        [i] if unit.field_name(*i) == "_id" => from_json(
            &unit.columns[*i].ty,
            unit.time,
            Value::String(es_id.to_string()),
        ),
        _ => doc_id(unit, &fields),
    };
    let mut d = Document::new();
    d.insert("_id", id);
    d.extend(fields);
    Ok(d)
}

/// A `_source` as it is, for an index target: `_id` (the index `_id`), then every field in
/// its order as a JSON text carrier of its text — no field added (a missing field stays
/// missing, `null` stays `null`), no value converted (a date keeps its text, a number its
/// digits, arrays and objects their shape). The sink writes the texts back as they are;
/// `sync verify` compares them as exact trees.
pub fn passthrough_doc(es_id: &str, source: &RawValue) -> Result<Document, String> {
    let raw = raw_fields(source)?;
    let mut d = Document::new();
    d.insert("_id", es_id);
    for (k, v) in raw.0 {
        d.insert(k, json_value(v.get().as_bytes().to_vec()));
    }
    Ok(d)
}

#[cfg(test)]
mod tests {
    use super::*;
    use mongodb::bson::{Binary, Decimal128, doc, spec::BinarySubtype};
    use std::str::FromStr;

    #[test]
    fn values_round_trip_by_column_type() {
        let dec = Bson::Decimal128(Decimal128::from_str("12.500").unwrap());
        let big = Bson::Decimal128(Decimal128::from_str("18446744073709551615").unwrap());
        let bin = Bson::Binary(Binary {
            subtype: BinarySubtype::Generic,
            bytes: vec![0, 1, 2, 255],
        });
        let date = Bson::DateTime(DateTime::from_millis(1_714_979_289_123));
        let old = Bson::DateTime(DateTime::from_millis(-62_135_596_800_001)); // year -1
        let cases: Vec<(ColType, Bson)> = vec![
            (ColType::Int, Bson::Int32(-7)),
            (ColType::UInt, Bson::Int64(4_294_967_295)),
            (ColType::BigInt, Bson::Int64(5)),
            (ColType::BigUInt, Bson::Int64(5)),
            (ColType::BigUInt, big.clone()),
            (ColType::Decimal, dec),
            (ColType::Decimal, Bson::String("1".repeat(40) + ".5")),
            (ColType::Float, Bson::Double(1.1)),
            (ColType::Float, Bson::Double(3.0)),
            (ColType::DateTime, date.clone()),
            (ColType::Date, old),
            (ColType::Year, Bson::Int32(2024)),
            (ColType::Text, Bson::String("é😀".into())),
            (ColType::Time, Bson::String("-26:03:04.000005".into())),
            (ColType::Binary, bin.clone()),
            (ColType::Bit, bin),
            (ColType::Bool, Bson::Boolean(true)),
            (
                ColType::Json,
                Bson::Document(doc! {"k": [1i64, {"$date": 2.5}], "u": big, "n": Bson::Null}),
            ),
            (
                ColType::Json,
                Bson::Array(vec![Bson::Int64(1), Bson::String("a".into())]),
            ),
            (ColType::Json, Bson::Int64(5)),
        ];
        for (ty, v) in cases {
            let d = doc! {"_id": 1, "f": v.clone()};
            let src = to_source(&d, &[]).unwrap();
            // through the wire as text
            let wire: Map<String, Value> = serde_json::from_str(&src).unwrap();
            assert!(!wire.contains_key("_id"));
            let back = from_json(&ty, TimePrecision::Ms, wire["f"].clone());
            assert_eq!(back, v, "{ty:?}");
        }
        let us = Bson::Int64(1_714_979_289_123_456);
        let j = to_json(&us, false).unwrap();
        assert_eq!(from_json(&ColType::DateTime, TimePrecision::Us, j), us);
        assert_eq!(
            to_json(&date, false).unwrap(),
            Value::String("2024-05-06T07:08:09.123Z".into())
        );
        assert!(to_source(&doc! {"x": f64::NAN}, &[]).is_err());
    }

    #[test]
    fn dates_read_in_the_forms_elasticsearch_accepts() {
        let ms = 1_704_067_200_000; // 2024-01-01
        for s in [
            "2024-01-01",
            "2024-01-01T00:00:00Z",
            "2024-01-01T00:00:00.000+00:00",
            "2024-01-01T01:00:00+01:00",
            "2024-01-01T00:00:00",
        ] {
            assert_eq!(parse_date(&Value::String(s.into())), Some(ms), "{s}");
        }
        assert_eq!(parse_date(&serde_json::json!(ms)), Some(ms));
        assert_eq!(parse_date(&Value::String("yesterday".into())), None);
        assert_eq!(
            from_json(
                &ColType::Text,
                TimePrecision::Ms,
                serde_json::json!(["a", 1])
            ),
            Bson::Array(vec![Bson::String("a".into()), Bson::String("1".into())])
        );
    }

    fn raw(t: &str) -> Box<RawValue> {
        RawValue::from_string(t.to_string()).unwrap()
    }

    fn unit(cols: &[(&str, ColType)]) -> TableSchema {
        use crate::sync::model::schema::Column;
        use crate::sync::model::value::Charset;
        let mut columns = vec![Column::new("_id", ColType::Text, Charset::Utf8)];
        for (n, t) in cols {
            columns.push(Column::new(*n, t.clone(), Charset::Utf8));
        }
        TableSchema {
            db: String::new(),
            table: "logs".into(),
            columns,
            key: vec![0],
            time: TimePrecision::Ms,
            index: None,
        }
    }

    #[test]
    fn decimal_arrays_keep_every_digit() {
        let u = unit(&[("p", ColType::Decimal), ("n", ColType::BigInt)]);
        let src = raw(
            r#"{"p": [0.1000000000000000055511151231257827, "2.50", 880426393792.48697701, null], "n": [1, 123456789012345678901]}"#,
        );
        let d = hit_doc(&u, "a", &src).unwrap();
        let dec = |s: &str| Bson::Decimal128(Decimal128::from_str(s).unwrap());
        assert_eq!(
            d.get_array("p").unwrap(),
            &vec![
                dec("0.1000000000000000055511151231257827"),
                dec("2.50"),
                dec("880426393792.48697701"),
                Bson::Null
            ]
        );
        // a 21-digit integer in a long field: exact, not a double
        assert_eq!(
            d.get_array("n").unwrap(),
            &vec![Bson::Int64(1), dec("123456789012345678901")]
        );
    }

    #[test]
    fn a_field_that_cannot_be_read_refuses_the_row_naming_it() {
        let u = unit(&[("s", ColType::Text)]);
        // a lone surrogate: valid to Elasticsearch (and to the page parser), not a string
        for src in [r#"{"s": "\ud800"}"#, r#"{"other": ["\udc00"]}"#] {
            let e = hit_doc(&u, "a", &raw(src)).unwrap_err();
            let field = if src.contains("other") { "other" } else { "s" };
            assert!(e.contains(&format!("field {field}")), "{e}");
            assert!(
                e.contains(&format!("--column-type logs:{field}=json")),
                "{e}"
            );
        }
        assert!(
            hit_doc(&u, "a", &raw("[1]"))
                .unwrap_err()
                .contains("not a JSON object")
        );
    }

    #[test]
    fn passthrough_keeps_the_source_as_it_is() {
        let mut u = unit(&[("at", ColType::DateTime), ("n", ColType::BigInt)]);
        u.index = Some(crate::sync::model::schema::IndexDef {
            mappings: serde_json::json!({}),
            settings: serde_json::json!({}),
        });
        let text = r#"{"n":880426393792.48697701,"x":null,"at":"2024/01/02","tags":["a",1],"o":{"b":1e400}}"#;
        let d = hit_doc(&u, "id-1", &raw(text)).unwrap();
        // no null added for the mapped field the document lacks; nothing converted
        assert_eq!(
            d.keys().collect::<Vec<_>>(),
            ["_id", "n", "x", "at", "tags", "o"]
        );
        assert_eq!(d.get_str("_id").unwrap(), "id-1");
        assert_eq!(
            json_text(d.get("at").unwrap()),
            Some(&b"\"2024/01/02\""[..])
        );
        assert_eq!(json_text(d.get("x").unwrap()), Some(&b"null"[..]));
        assert_eq!(to_source(&d, &[]).unwrap(), text);
    }
}
