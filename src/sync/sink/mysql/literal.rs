//! BSON values as SQL literals for a column of a MySQL target table, by the column's type: the
//! inverse of `sync::model::value` (what the copy and the binlog produce goes back in as the source
//! held it). A value the column cannot hold by its type (an array into a text column, a date
//! into an integer) is an error naming it, which the sink reports as a rejected row; a value
//! the server refuses (too long, out of range) is found when the row is written.
//!
//! - NULL: `NULL`; into a NOT NULL DATE/DATETIME/TIMESTAMP column the zero date (the source
//!   held one there: `value.rs` maps zero dates to null).
//! - Decimal128 (and decimal strings): a quoted decimal string, exact.
//! - Date: a `'YYYY-MM-DD HH:MM:SS.ffffff'` literal (UTC, the session's time zone); Int64 into a
//!   DATETIME/TIMESTAMP/DATE column: microseconds since the epoch (`--time-precision us`).
//! - Binary: `X'..'` (BINARY(n) is padded by the server); into a BIT column the big-endian number.
//! - JSON text (`json::JSON_TEXT`) into a JSON or text column: the text byte for byte;
//!   Document/Array into a JSON column: JSON text (field order as in the document).
//! - Array of strings into a SET column: the members joined by `,`.
//! - Strings into text: quoted (sessions run with `NO_BACKSLASH_ESCAPES`); a string holding
//!   NUL goes as a hex literal with a `_utf8mb4` introducer.

use super::ddl::quote;
use crate::sync::model::json::{self, decimal_text};
use crate::sync::model::schema::{ColType, Column};
use mongodb::bson::Bson;

fn hex(b: &[u8]) -> String {
    b.iter().map(|x| format!("{x:02x}")).collect()
}

fn bin_lit(b: &[u8]) -> String {
    format!("X'{}'", hex(b))
}

/// A text literal in the connection's charset (utf8mb4).
fn text_lit(s: &str) -> String {
    if s.contains('\0') {
        format!("_utf8mb4 X'{}'", hex(s.as_bytes()))
    } else {
        quote(s)
    }
}

fn bson_kind(b: &Bson) -> &'static str {
    match b {
        Bson::Double(_) => "a double",
        Bson::String(_) => "a string",
        Bson::Array(_) => "an array",
        Bson::Document(_) => "a document",
        Bson::Boolean(_) => "a boolean",
        Bson::Null => "null",
        Bson::Int32(_) => "an int32",
        Bson::Int64(_) => "an int64",
        Bson::DateTime(_) => "a date",
        Bson::Binary(_) => "binary data",
        Bson::Decimal128(_) => "a decimal",
        Bson::Timestamp(_) => "a BSON timestamp",
        Bson::ObjectId(_) => "an ObjectId",
        _ => "a BSON value of another type",
    }
}

fn refuse(col: &Column, b: &Bson, what: &str) -> String {
    format!(
        "column {}: {} cannot be stored in {what}",
        col.name,
        bson_kind(b)
    )
}

/// A double as a literal the server reads back as the same double (shortest round-trip form,
/// exponent notation so it is a floating-point literal).
fn double_lit(col: &Column, f: f64) -> Result<String, String> {
    if f.is_finite() {
        Ok(format!("{f:e}"))
    } else {
        Err(format!(
            "column {}: {f} cannot be stored (MySQL has no NaN or infinity)",
            col.name
        ))
    }
}

/// A Decimal128 as a quoted decimal string (MySQL parses exponent notation exactly).
fn decimal_lit(col: &Column, d: &mongodb::bson::Decimal128) -> Result<String, String> {
    let s = decimal_text(d);
    let numeric = s
        .chars()
        .all(|c| c.is_ascii_digit() || matches!(c, '.' | '-' | '+' | 'E' | 'e'));
    if numeric && s.chars().any(|c| c.is_ascii_digit()) {
        Ok(quote(&s))
    } else {
        Err(format!(
            "column {}: decimal {s} cannot be stored (MySQL has no NaN or infinity)",
            col.name
        ))
    }
}

/// A number for a numeric column.
fn number(col: &Column, b: &Bson) -> Result<String, String> {
    match b {
        Bson::Int32(i) => Ok(i.to_string()),
        Bson::Int64(i) => Ok(i.to_string()),
        Bson::Double(f) => double_lit(col, *f),
        Bson::Decimal128(d) => decimal_lit(col, d),
        Bson::Boolean(v) => Ok(if *v { "1" } else { "0" }.into()),
        // the server parses it; strict mode refuses what is not a number
        Bson::String(s) => Ok(text_lit(s)),
        other => Err(refuse(col, other, "a numeric column")),
    }
}

/// Microseconds since the epoch as a date-time literal (a date alone for a DATE column at
/// midnight); None out of MySQL's years 1..=9999.
fn datetime_us(us: i64, date: bool) -> Option<String> {
    use chrono::{Datelike, Timelike};
    let t = chrono::DateTime::from_timestamp_micros(us)?.naive_utc();
    let year = t.year();
    let midnight = t.time() == chrono::NaiveTime::MIN;
    // written out by hand: chrono's strftime parses its pattern for every value (a hot path
    // of the copy)
    let text = if date && midnight {
        format!("{year:04}-{:02}-{:02}", t.month(), t.day())
    } else {
        format!(
            "{year:04}-{:02}-{:02} {:02}:{:02}:{:02}.{:06}",
            t.month(),
            t.day(),
            t.hour(),
            t.minute(),
            t.second(),
            t.nanosecond().min(999_999_999) / 1000
        )
    };
    (1..=9999).contains(&year).then(|| quote(&text))
}

fn temporal(col: &Column, b: &Bson) -> Result<String, String> {
    let date = col.ty == ColType::Date;
    let us = match b {
        Bson::DateTime(t) => t.timestamp_millis().checked_mul(1000),
        Bson::Int64(us) => Some(*us),
        Bson::String(s) => return Ok(text_lit(s)),
        other => return Err(refuse(col, other, "a date/time column")),
    };
    us.and_then(|us| datetime_us(us, date)).ok_or_else(|| {
        format!(
            "column {}: {b} is outside the years 1 to 9999 MySQL can store",
            col.name
        )
    })
}

fn json_number_text(s: &str) -> bool {
    serde_json::from_str::<serde_json::Number>(s).is_ok()
}

/// JSON text of a BSON value (documents keep their field order).
pub fn json_text(b: &Bson, out: &mut String) -> Result<(), String> {
    let string = |s: &str| serde_json::to_string(s).unwrap_or_else(|_| "\"\"".into());
    if let Some(t) = json::json_text(b) {
        out.push_str(std::str::from_utf8(t).map_err(|e| e.to_string())?);
        return Ok(());
    }
    match b {
        Bson::Null => out.push_str("null"),
        Bson::Boolean(v) => out.push_str(if *v { "true" } else { "false" }),
        Bson::Int32(i) => out.push_str(&i.to_string()),
        Bson::Int64(i) => out.push_str(&i.to_string()),
        Bson::Double(f) if f.is_finite() => {
            out.push_str(&serde_json::to_string(f).map_err(|e| e.to_string())?)
        }
        Bson::Double(f) => return Err(format!("{f} has no JSON form")),
        Bson::Decimal128(d) => {
            let s = decimal_text(d);
            if json_number_text(&s) {
                out.push_str(&s);
            } else {
                out.push_str(&string(&s));
            }
        }
        Bson::String(s) => out.push_str(&string(s)),
        Bson::DateTime(t) => match t.try_to_rfc3339_string() {
            Ok(s) => out.push_str(&string(&s)),
            Err(e) => return Err(format!("date {t} has no JSON form: {e}")),
        },
        Bson::Array(a) => {
            out.push('[');
            for (i, x) in a.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                json_text(x, out)?;
            }
            out.push(']');
        }
        Bson::Document(d) => {
            out.push('{');
            for (i, (k, v)) in d.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                out.push_str(&string(k));
                out.push(':');
                json_text(v, out)?;
            }
            out.push('}');
        }
        other => return Err(format!("{} has no JSON form", bson_kind(other))),
    }
    Ok(())
}

fn text(col: &Column, b: &Bson) -> Result<String, String> {
    match b {
        Bson::String(s) => Ok(text_lit(s)),
        Bson::Binary(_) if let Some(t) = json::json_text(b) => Ok(match std::str::from_utf8(t) {
            Ok(t) => text_lit(t),
            Err(_) => bin_lit(t),
        }),
        // bytes that were not valid UTF-8 at the source: the server checks them
        Bson::Binary(bin) => Ok(bin_lit(&bin.bytes)),
        Bson::Int32(i) => Ok(quote(&i.to_string())),
        Bson::Int64(i) => Ok(quote(&i.to_string())),
        Bson::Double(f) if f.is_finite() => Ok(quote(&f.to_string())),
        Bson::Decimal128(d) => Ok(quote(&decimal_text(d))),
        Bson::Boolean(v) => Ok(quote(if *v { "true" } else { "false" })),
        other => Err(refuse(col, other, "a text column")),
    }
}

fn bytes(col: &Column, b: &Bson) -> Result<String, String> {
    match b {
        Bson::Binary(bin) => Ok(bin_lit(&bin.bytes)),
        Bson::String(s) => Ok(bin_lit(s.as_bytes())),
        other => Err(refuse(col, other, "a binary column")),
    }
}

fn bits(col: &Column, b: &Bson) -> Result<String, String> {
    match b {
        Bson::Binary(bin) if bin.bytes.len() <= 8 => Ok(bin
            .bytes
            .iter()
            .fold(0u64, |n, x| (n << 8) | *x as u64)
            .to_string()),
        Bson::Binary(bin) => Err(format!(
            "column {}: {} bytes do not fit a BIT column (64 bits at most)",
            col.name,
            bin.bytes.len()
        )),
        Bson::Int32(i) if *i >= 0 => Ok(i.to_string()),
        Bson::Int64(i) if *i >= 0 => Ok(i.to_string()),
        Bson::Boolean(v) => Ok(if *v { "1" } else { "0" }.into()),
        other => Err(refuse(col, other, "a BIT column")),
    }
}

fn zero_date(col: &Column) -> Option<&'static str> {
    let not_null = col.sql.as_ref().is_some_and(|s| !s.nullable);
    match col.ty {
        ColType::Date if not_null => Some("'0000-00-00'"),
        ColType::DateTime | ColType::Timestamp if not_null => Some("'0000-00-00 00:00:00'"),
        _ => None,
    }
}

/// The SQL literal of `b` for target column `col`.
pub fn literal(col: &Column, b: &Bson) -> Result<String, String> {
    if *b == Bson::Null {
        return Ok(zero_date(col).unwrap_or("NULL").to_string());
    }
    match &col.ty {
        // JSON text as the source holds it, byte for byte
        ColType::Json if let Some(t) = json::json_text(b) => Ok(match std::str::from_utf8(t) {
            Ok(t) => text_lit(t),
            Err(_) => bin_lit(t),
        }),
        ColType::Json => {
            let mut s = String::new();
            json_text(b, &mut s).map_err(|e| format!("column {}: {e}", col.name))?;
            Ok(text_lit(&s))
        }
        ColType::Bool
        | ColType::Int
        | ColType::UInt
        | ColType::BigInt
        | ColType::BigUInt
        | ColType::Year
        | ColType::Decimal
        | ColType::Float => number(col, b),
        ColType::Date | ColType::DateTime | ColType::Timestamp => temporal(col, b),
        ColType::Time => match b {
            Bson::String(s) => Ok(text_lit(s)),
            other => Err(refuse(col, other, "a TIME column")),
        },
        ColType::Set(_) => match b {
            Bson::Array(a) => {
                let parts: Option<Vec<&str>> = a.iter().map(Bson::as_str).collect();
                match parts {
                    Some(p) => Ok(text_lit(&p.join(","))),
                    None => Err(format!(
                        "column {}: only an array of strings can be stored in a SET column",
                        col.name
                    )),
                }
            }
            other => text(col, other),
        },
        ColType::Text | ColType::Enum(_) => text(col, b),
        ColType::Binary | ColType::FixedBinary(_) => bytes(col, b),
        ColType::Bit => bits(col, b),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sync::model::schema::SqlColumn;
    use crate::sync::model::value::Charset;
    use mongodb::bson::{Binary, DateTime, Decimal128, doc, spec::BinarySubtype};
    use std::str::FromStr;

    fn col(ty: ColType) -> Column {
        Column::new("c", ty, Charset::Utf8)
    }

    #[test]
    fn values_go_back_as_the_source_held_them() {
        let bin = |b: &[u8]| {
            Bson::Binary(Binary {
                subtype: BinarySubtype::Generic,
                bytes: b.to_vec(),
            })
        };
        assert_eq!(
            literal(&col(ColType::Text), &Bson::String("it's".into())).unwrap(),
            "'it''s'"
        );
        assert_eq!(
            literal(&col(ColType::Text), &Bson::String("a\0b".into())).unwrap(),
            "_utf8mb4 X'610062'"
        );
        assert_eq!(
            literal(&col(ColType::Text), &Bson::String("a\\b".into())).unwrap(),
            "'a\\b'"
        );
        let d = Decimal128::from_str("18446744073709551615").unwrap();
        assert_eq!(
            literal(&col(ColType::BigUInt), &Bson::Decimal128(d)).unwrap(),
            "'18446744073709551615'"
        );
        assert_eq!(
            literal(&col(ColType::Float), &Bson::Double(1.1)).unwrap(),
            "1.1e0"
        );
        assert!(literal(&col(ColType::Float), &Bson::Double(f64::NAN)).is_err());
        assert_eq!(
            literal(
                &col(ColType::DateTime),
                &Bson::DateTime(DateTime::from_millis(1714979289123))
            )
            .unwrap(),
            "'2024-05-06 07:08:09.123000'"
        );
        assert_eq!(
            literal(&col(ColType::DateTime), &Bson::Int64(1_714_979_289_123_456)).unwrap(),
            "'2024-05-06 07:08:09.123456'"
        );
        assert_eq!(
            literal(&col(ColType::Bit), &bin(&[0x02, 0x01])).unwrap(),
            "513"
        );
        assert_eq!(
            literal(&col(ColType::FixedBinary(4)), &bin(&[1, 0, 0, 0])).unwrap(),
            "X'01000000'"
        );
        assert_eq!(
            literal(
                &col(ColType::Set(vec!["a".into(), "b".into()])),
                &Bson::Array(vec!["a".into(), "b".into()])
            )
            .unwrap(),
            "'a,b'"
        );
        assert_eq!(
            literal(
                &col(ColType::Json),
                &Bson::Document(doc! {"k": [1i64, {"z": Bson::Null}], "s": "x'"})
            )
            .unwrap(),
            r#"'{"k":[1,{"z":null}],"s":"x''"}'"#
        );
        assert!(literal(&col(ColType::Text), &Bson::Array(vec![])).is_err());
        assert!(literal(&col(ColType::Int), &Bson::Document(doc! {})).is_err());
        assert_eq!(literal(&col(ColType::Text), &Bson::Null).unwrap(), "NULL");
        let mut not_null = col(ColType::DateTime);
        not_null.sql = Some(SqlColumn {
            column_type: "datetime".into(),
            nullable: false,
            charset: None,
            collation: None,
        });
        assert_eq!(
            literal(&not_null, &Bson::Null).unwrap(),
            "'0000-00-00 00:00:00'"
        );
    }
}
