//! MySQL values to BSON, the same for rows read by the full copy (binary protocol) and row
//! images from the binlog: DECIMAL → Decimal128 (string beyond 34 digits), DATETIME/TIMESTAMP →
//! Date (UTC, millisecond precision; zero dates → null) or, with `--time-precision us`, Int64
//! microseconds since the epoch, JSON → its text as a `json::JSON_TEXT` carrier (byte for byte;
//! a JSON `null` is the text `null`, not SQL NULL), BLOB/BINARY/BIT → Binary (BINARY(n)
//! always n bytes), BIGINT UNSIGNED beyond i64 → Decimal128, ENUM/SET → strings, YEAR → Int32
//! (0000 stays 0). Text from the binlog is decoded by the column's charset, as the copy's
//! connection (utf8mb4) returns it.

use crate::sync::model::json::json_value;
use crate::sync::model::schema::ColType;
use encoding_rs::Encoding;
use mongodb::bson::{Binary, Bson, DateTime, Decimal128, Document, spec::BinarySubtype};
use mysql_async::Value;
use serde::{Deserialize, Serialize};
use std::str::FromStr;

/// Where a value comes from: binlog images encode ENUM/SET/TIMESTAMP/YEAR/BINARY(n) and text
/// differently.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Origin {
    Query,
    Binlog,
}

/// How DATETIME and TIMESTAMP values are stored (cf. Debezium `time.precision.mode`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum TimePrecision {
    /// BSON Date: milliseconds, the fraction below is cut.
    #[default]
    Ms,
    /// Int64 microseconds since 1970-01-01 00:00:00 UTC: DATETIME(6)/TIMESTAMP(6) exactly.
    Us,
}

impl TimePrecision {
    pub fn as_str(self) -> &'static str {
        match self {
            TimePrecision::Ms => "ms",
            TimePrecision::Us => "us",
        }
    }
}

/// The character set of a text column: how its bytes in a binlog row image read as text.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Charset {
    /// utf8mb3/utf8mb4 (and any charset shark does not know: UTF-8 if valid, else Binary).
    #[default]
    Utf8,
    /// The `binary` charset: bytes stay Binary.
    Binary,
    /// UTF-32 (big endian), which encoding_rs does not decode.
    Utf32,
    /// Any other charset encoding_rs knows.
    Encoded(&'static Encoding),
}

impl Charset {
    /// A MySQL/MariaDB character set name (`CHARACTER_SET_NAME`); unknown names read as UTF-8.
    pub fn from_name(name: &str) -> Charset {
        use encoding_rs as e;
        let enc = match name.to_ascii_lowercase().as_str() {
            "binary" => return Charset::Binary,
            "utf32" => return Charset::Utf32,
            // MySQL's latin1 is cp1252 (with 0x81 0x8D 0x8F 0x90 0x9D as C1 controls, as WHATWG)
            "latin1" | "ascii" => e::WINDOWS_1252,
            "cp1250" => e::WINDOWS_1250,
            "cp1251" => e::WINDOWS_1251,
            "cp1256" => e::WINDOWS_1256,
            "cp1257" => e::WINDOWS_1257,
            "latin2" => e::ISO_8859_2,
            "latin5" => e::WINDOWS_1254,
            "latin7" => e::ISO_8859_13,
            "greek" => e::ISO_8859_7,
            "hebrew" => e::ISO_8859_8,
            "koi8r" => e::KOI8_R,
            "koi8u" => e::KOI8_U,
            "cp866" => e::IBM866,
            "macroman" => e::MACINTOSH,
            "tis620" => e::WINDOWS_874,
            "gbk" | "gb2312" => e::GBK,
            "gb18030" => e::GB18030,
            "big5" => e::BIG5,
            "sjis" | "cp932" => e::SHIFT_JIS,
            "ujis" | "eucjpms" => e::EUC_JP,
            "euckr" => e::EUC_KR,
            "ucs2" | "utf16" => e::UTF_16BE,
            "utf16le" => e::UTF_16LE,
            _ => return Charset::Utf8,
        };
        Charset::Encoded(enc)
    }

    /// The charset of a collation id as a TABLE_MAP event carries it (`binlog_row_metadata=FULL`);
    /// None for ids shark does not know (the schema's charset is used then).
    pub fn from_collation_id(id: u16) -> Option<Charset> {
        // MariaDB's NO PAD collations are the PAD SPACE id + 1024
        let base = if (1024..1280).contains(&id) {
            id - 1024
        } else {
            id
        };
        let name = match base {
            5 | 8 | 15 | 31 | 47 | 48 | 49 | 94 => "latin1",
            11 | 65 => "ascii",
            14 | 23 | 50 | 51 | 52 => "cp1251",
            26 | 34 | 44 | 66 | 99 => "cp1250",
            28 | 87 => "gbk",
            24 | 86 => "gb2312",
            248..=250 => "gb18030",
            1 | 84 => "big5",
            13 | 88 => "sjis",
            95 | 96 => "cp932",
            12 | 91 => "ujis",
            19 | 85 => "euckr",
            9 | 21 | 27 | 77 => "latin2",
            7 | 74 => "koi8r",
            22 | 75 => "koi8u",
            25 | 70 => "greek",
            16 | 71 => "hebrew",
            57 | 67 => "cp1256",
            29 | 58 | 59 => "cp1257",
            33 | 76 | 83 | 192..=215 | 223 => "utf8mb3",
            45 | 46 | 224..=247 | 255..=323 => "utf8mb4",
            63 => "binary",
            _ => return None,
        };
        Some(Charset::from_name(name))
    }

    /// Text bytes of this charset as BSON: a string (Binary for the binary charset and for
    /// bytes that are not UTF-8 in a UTF-8 column).
    pub fn decode(self, b: Vec<u8>) -> Bson {
        match self {
            Charset::Utf8 => text(b),
            Charset::Binary => binary(b),
            Charset::Utf32 => {
                let s: Option<String> = b
                    .chunks(4)
                    .map(|c| {
                        let n = c.iter().fold(0u32, |n, x| (n << 8) | *x as u32);
                        char::from_u32(n)
                    })
                    .collect();
                match s {
                    Some(s) if b.len().is_multiple_of(4) => Bson::String(s),
                    _ => binary(b),
                }
            }
            Charset::Encoded(enc) => {
                Bson::String(enc.decode_without_bom_handling(&b).0.into_owned())
            }
        }
    }
}

/// What mapping a value needs besides its type: where it comes from, the column's charset and
/// the task's time precision.
#[derive(Debug, Clone, Copy)]
pub struct Mapping {
    pub origin: Origin,
    pub charset: Charset,
    pub time: TimePrecision,
}

impl Mapping {
    pub fn new(origin: Origin) -> Mapping {
        Mapping {
            origin,
            charset: Charset::Utf8,
            time: TimePrecision::Ms,
        }
    }
}

/// Bytes as a generic Binary.
pub(crate) fn binary(b: Vec<u8>) -> Bson {
    Bson::Binary(Binary {
        subtype: BinarySubtype::Generic,
        bytes: b,
    })
}

fn text(b: Vec<u8>) -> Bson {
    match String::from_utf8(b) {
        Ok(s) => Bson::String(s),
        Err(e) => binary(e.into_bytes()),
    }
}

/// A decimal's text as Decimal128, or the string itself beyond 34 digits.
pub(crate) fn decimal(s: &str) -> Bson {
    let s = s.trim();
    if let Some(d) = super::dec128::parse(s) {
        return Bson::Decimal128(d);
    }
    match Decimal128::from_str(s) {
        Ok(d) => Bson::Decimal128(d),
        Err(_) => Bson::String(s.to_string()),
    }
}

/// An integer as Int32 when it fits and `big` is false, else Int64.
pub(crate) fn int(n: i64, big: bool) -> Bson {
    if !big && let Ok(v) = i32::try_from(n) {
        return Bson::Int32(v);
    }
    Bson::Int64(n)
}

/// An unsigned integer as [`int`], Decimal128 beyond i64.
pub(crate) fn uint(n: u64, big: bool) -> Bson {
    match i64::try_from(n) {
        Ok(v) => int(v, big),
        Err(_) => decimal(&n.to_string()),
    }
}

/// Microseconds since the epoch of a civil date-time (UTC); None for zero or invalid dates.
fn civil_us(y: i64, mo: u32, d: u32, h: u32, mi: u32, s: u32, us: u32) -> Option<i64> {
    if y == 0 || mo == 0 || d == 0 {
        return None;
    }
    let date = chrono::NaiveDate::from_ymd_opt(y as i32, mo, d)?;
    let dt = date.and_hms_micro_opt(h, mi, s, us)?;
    Some(dt.and_utc().timestamp_micros())
}

/// An instant as BSON: Date (floored to the millisecond) or Int64 microseconds; null for none.
fn instant(us: Option<i64>, time: TimePrecision) -> Bson {
    match (us, time) {
        (None, _) => Bson::Null,
        (Some(us), TimePrecision::Ms) => Bson::DateTime(DateTime::from_millis(us.div_euclid(1000))),
        (Some(us), TimePrecision::Us) => Bson::Int64(us),
    }
}

fn parse_datetime_text(s: &str) -> Option<i64> {
    // YYYY-MM-DD[ HH:MM:SS[.ffffff]]
    let (date, time) = s.split_once([' ', 'T']).unwrap_or((s, "00:00:00"));
    let mut dp = date.split('-').map(|p| p.parse::<i64>().unwrap_or(0));
    let (y, mo, d) = (
        dp.next().unwrap_or(0),
        dp.next().unwrap_or(0),
        dp.next().unwrap_or(0),
    );
    let (hms, frac) = time.split_once('.').unwrap_or((time, "0"));
    let mut tp = hms.split(':').map(|p| p.parse::<u32>().unwrap_or(0));
    let (h, mi, sec) = (
        tp.next().unwrap_or(0),
        tp.next().unwrap_or(0),
        tp.next().unwrap_or(0),
    );
    civil_us(y, mo as u32, d as u32, h, mi, sec, frac_us(frac))
}

/// Up to 6 fraction digits as microseconds ("123" → 123000).
fn frac_us(frac: &str) -> u32 {
    format!("{:0<6}", &frac[..frac.len().min(6)])
        .parse::<u32>()
        .unwrap_or(0)
}

/// Binlog TIMESTAMP: "epoch[.frac]" seconds, UTC; 0 is the zero timestamp.
fn parse_epoch(s: &str, time: TimePrecision) -> Bson {
    let (secs, frac) = s.split_once('.').unwrap_or((s, ""));
    let Ok(secs) = secs.parse::<i64>() else {
        return Bson::String(s.into());
    };
    if secs == 0 && frac.trim_matches('0').is_empty() {
        return Bson::Null;
    }
    instant(Some(secs * 1_000_000 + frac_us(frac) as i64), time)
}

fn time_text(neg: bool, days: u32, h: u8, m: u8, s: u8, us: u32) -> String {
    let hours = days as u64 * 24 + h as u64;
    let mut t = format!(
        "{}{:02}:{:02}:{:02}",
        if neg { "-" } else { "" },
        hours,
        m,
        s
    );
    if us > 0 {
        t.push_str(&format!(".{us:06}"));
    }
    t
}

/// serde_json → BSON without extended-JSON interpretation (a `$date` key stays a key).
pub fn json_to_bson(v: serde_json::Value) -> Bson {
    match v {
        serde_json::Value::Null => Bson::Null,
        serde_json::Value::Bool(b) => Bson::Boolean(b),
        serde_json::Value::Number(n) => {
            if let Some(i) = n.as_i64() {
                Bson::Int64(i)
            } else if let Some(u) = n.as_u64() {
                decimal(&u.to_string())
            } else {
                Bson::Double(n.as_f64().unwrap_or(f64::NAN))
            }
        }
        serde_json::Value::String(s) => Bson::String(s),
        serde_json::Value::Array(a) => Bson::Array(a.into_iter().map(json_to_bson).collect()),
        serde_json::Value::Object(o) => {
            let mut d = Document::new();
            for (k, v) in o {
                d.insert(k, json_to_bson(v));
            }
            Bson::Document(d)
        }
    }
}

fn members_of(mask: u64, members: &[String]) -> String {
    members
        .iter()
        .enumerate()
        .filter(|(i, _)| *i < 64 && mask & (1u64 << i) != 0)
        .map(|(_, m)| m.as_str())
        .collect::<Vec<_>>()
        .join(",")
}

/// Map one value of a column of type `ty` (UTF-8 text, millisecond dates).
pub fn to_bson(ty: &ColType, v: Value, origin: Origin) -> Bson {
    map_value(ty, v, Mapping::new(origin))
}

/// Map one value of a column of type `ty` as `m` says.
pub fn map_value(ty: &ColType, v: Value, m: Mapping) -> Bson {
    use ColType as T;
    let origin = m.origin;
    let binlog = origin == Origin::Binlog;
    // only DATETIME and TIMESTAMP follow the task's precision; DATE stays a Date
    let time = match ty {
        T::DateTime | T::Timestamp => m.time,
        _ => TimePrecision::Ms,
    };
    match (ty, v) {
        (_, Value::NULL) => Bson::Null,
        // the binlog writes YEAR as an offset from 1900 and 0000 as 0: it reads back as "1900",
        // a year YEAR cannot hold (1901..=2155 or 0000)
        (T::Year, Value::Bytes(b)) if binlog && b == b"1900" => Bson::Int32(0),
        // a BOOLEAN column of a MySQL target holding an Elasticsearch boolean
        (T::Bool, Value::Int(n)) => Bson::Boolean(n != 0),
        (T::Bool, Value::UInt(n)) => Bson::Boolean(n != 0),
        (T::Bool, Value::Bytes(b)) => Bson::Boolean(!matches!(b.as_slice(), b"0" | b"")),
        (T::Int, Value::Int(n)) => int(n, false),
        (T::BigInt, Value::Int(n)) => int(n, true),
        (T::Int | T::UInt, Value::UInt(n)) => uint(n, false),
        (T::BigInt | T::BigUInt, Value::UInt(n)) => uint(n, true),
        (T::UInt, Value::Int(n)) => int(n, false),
        (T::BigUInt, Value::Int(n)) => int(n, true),
        (T::Int | T::BigInt | T::UInt | T::BigUInt | T::Year, Value::Bytes(b)) => {
            let s = String::from_utf8_lossy(&b).trim().to_string();
            let big = matches!(ty, T::BigInt | T::BigUInt);
            match (s.parse::<i64>(), s.parse::<u64>()) {
                (Ok(i), _) => int(i, big),
                (_, Ok(u)) => uint(u, big),
                _ => Bson::String(s),
            }
        }
        (T::Year, Value::Int(n)) => Bson::Int32(n as i32),
        (T::Year, Value::UInt(n)) => Bson::Int32(n as i32),
        (T::Decimal, Value::Bytes(b)) => decimal(&String::from_utf8_lossy(&b)),
        (T::Decimal, Value::Int(n)) => decimal(&n.to_string()),
        (T::Decimal, Value::UInt(n)) => decimal(&n.to_string()),
        (T::Decimal, Value::Double(f)) => decimal(&f.to_string()),
        (_, Value::Float(f)) => Bson::Double(f.to_string().parse::<f64>().unwrap_or(f as f64)),
        (_, Value::Double(f)) => Bson::Double(f),
        (T::Float, Value::Bytes(b)) => String::from_utf8_lossy(&b)
            .trim()
            .parse::<f64>()
            .map(Bson::Double)
            .unwrap_or(Bson::Null),
        (_, Value::Date(y, mo, d, h, mi, s, us)) => instant(
            civil_us(
                y as i64, mo as u32, d as u32, h as u32, mi as u32, s as u32, us,
            ),
            time,
        ),
        (T::Timestamp, Value::Bytes(b)) if binlog => {
            parse_epoch(&String::from_utf8_lossy(&b), time)
        }
        // the pre-5.6 TIMESTAMP binlog format: epoch seconds
        (T::Timestamp, Value::Int(n)) if binlog => parse_epoch(&n.to_string(), time),
        (T::Date | T::DateTime | T::Timestamp, Value::Bytes(b)) => {
            instant(parse_datetime_text(&String::from_utf8_lossy(&b)), time)
        }
        (_, Value::Time(neg, days, h, m, s, us)) => Bson::String(time_text(neg, days, h, m, s, us)),
        (T::Json, Value::Bytes(b)) => {
            // MariaDB's JSON is LONGTEXT: binlog bytes are in the column's charset
            let b = match binlog {
                true => match m.charset.decode(b) {
                    Bson::String(s) => s.into_bytes(),
                    Bson::Binary(bin) => bin.bytes,
                    other => return other,
                },
                false => b,
            };
            // the text as the source holds it (a sink parses it if it stores a tree)
            match std::str::from_utf8(&b) {
                Ok(_) => json_value(b),
                Err(_) => binary(b),
            }
        }
        // the binlog image of BINARY(n) drops the trailing 0x00 pad a SELECT returns
        (T::FixedBinary(n), Value::Bytes(mut b)) => {
            if b.len() < *n {
                b.resize(*n, 0);
            }
            binary(b)
        }
        (T::Binary | T::Bit, Value::Bytes(b)) => binary(b),
        (T::Bit, Value::UInt(n)) => binary(
            n.to_be_bytes()
                .iter()
                .skip_while(|b| **b == 0)
                .copied()
                .collect(),
        ),
        (T::Enum(members), Value::Int(i)) => Bson::String(
            members
                .get((i - 1).max(0) as usize)
                .filter(|_| i > 0)
                .cloned()
                .unwrap_or_default(),
        ),
        (T::Enum(members), Value::UInt(i)) => Bson::String(
            members
                .get(i.saturating_sub(1) as usize)
                .filter(|_| i > 0)
                .cloned()
                .unwrap_or_default(),
        ),
        (T::Set(members), Value::Bytes(b)) if binlog => {
            let mut mask = 0u64;
            for (i, byte) in b.iter().take(8).enumerate() {
                mask |= (*byte as u64) << (8 * i);
            }
            Bson::String(members_of(mask, members))
        }
        (T::Set(members), Value::Int(n)) => Bson::String(members_of(n as u64, members)),
        (T::Set(members), Value::UInt(n)) => Bson::String(members_of(n, members)),
        // the copy's connection returns text as utf8mb4; the binlog in the column's charset
        (_, Value::Bytes(b)) if binlog => m.charset.decode(b),
        (_, Value::Bytes(b)) => text(b),
        (_, Value::Int(n)) => Bson::Int64(n),
        (_, Value::UInt(n)) => uint(n, true),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edge_values() {
        assert_eq!(
            to_bson(&ColType::BigUInt, Value::UInt(u64::MAX), Origin::Query),
            Bson::Decimal128(Decimal128::from_str("18446744073709551615").unwrap())
        );
        assert_eq!(
            to_bson(&ColType::BigUInt, Value::UInt(5), Origin::Query),
            Bson::Int64(5)
        );
        assert_eq!(
            to_bson(&ColType::Int, Value::Int(-7), Origin::Query),
            Bson::Int32(-7)
        );
        let big = "12345678901234567890123456789012345.123456789012345678901234567890";
        assert_eq!(
            to_bson(&ColType::Decimal, Value::Bytes(big.into()), Origin::Query),
            Bson::String(big.into())
        );
        assert!(matches!(
            to_bson(
                &ColType::Decimal,
                Value::Bytes(b"12.500".to_vec()),
                Origin::Query
            ),
            Bson::Decimal128(_)
        ));
        assert_eq!(
            to_bson(
                &ColType::DateTime,
                Value::Date(0, 0, 0, 0, 0, 0, 0),
                Origin::Query
            ),
            Bson::Null
        );
        assert_eq!(
            to_bson(
                &ColType::DateTime,
                Value::Bytes(b"0000-00-00 00:00:00".to_vec()),
                Origin::Query
            ),
            Bson::Null
        );
        let d = to_bson(
            &ColType::DateTime,
            Value::Date(2024, 5, 6, 7, 8, 9, 123456),
            Origin::Query,
        );
        assert_eq!(
            d,
            to_bson(
                &ColType::DateTime,
                Value::Bytes(b"2024-05-06 07:08:09.123456".to_vec()),
                Origin::Query
            )
        );
        assert_eq!(d, Bson::DateTime(DateTime::from_millis(1714979289123)));
        assert_eq!(
            to_bson(
                &ColType::Timestamp,
                Value::Bytes(b"1714979289.123000".to_vec()),
                Origin::Binlog
            ),
            d
        );
        assert_eq!(
            to_bson(
                &ColType::Timestamp,
                Value::Bytes(b"0".to_vec()),
                Origin::Binlog
            ),
            Bson::Null
        );
        let e = ColType::Enum(vec!["a".into(), "b".into()]);
        assert_eq!(
            to_bson(&e, Value::Int(2), Origin::Binlog),
            Bson::String("b".into())
        );
        assert_eq!(
            to_bson(&e, Value::Bytes(b"b".to_vec()), Origin::Query),
            Bson::String("b".into())
        );
        let s = ColType::Set(vec!["x".into(), "y".into(), "z".into()]);
        assert_eq!(
            to_bson(&s, Value::Bytes(vec![0b101]), Origin::Binlog),
            Bson::String("x,z".into())
        );
        assert_eq!(
            to_bson(&s, Value::Bytes(b"x,z".to_vec()), Origin::Query),
            Bson::String("x,z".into())
        );
        assert_eq!(
            to_bson(&ColType::Float, Value::Float(1.1), Origin::Query),
            Bson::Double(1.1)
        );
        assert_eq!(
            to_bson(
                &ColType::Time,
                Value::Time(true, 1, 2, 3, 4, 5),
                Origin::Query
            ),
            Bson::String("-26:03:04.000005".into())
        );
        let j = to_bson(
            &ColType::Json,
            Value::Bytes(br#"{"k":[1,{"$date":2}]}"#.to_vec()),
            Origin::Query,
        );
        assert_eq!(
            crate::sync::model::json::json_text(&j),
            Some(&br#"{"k":[1,{"$date":2}]}"#[..])
        );
        // a JSON null stays the JSON text null (not SQL NULL)
        let null = to_bson(
            &ColType::Json,
            Value::Bytes(b"null".to_vec()),
            Origin::Binlog,
        );
        assert_eq!(
            crate::sync::model::json::json_text(&null),
            Some(&b"null"[..])
        );
        assert_eq!(
            to_bson(
                &ColType::Text,
                Value::Bytes("😀".as_bytes().to_vec()),
                Origin::Query
            ),
            Bson::String("😀".into())
        );
    }

    #[test]
    fn binlog_bytes_read_as_the_copy_returns_them() {
        let bin = |m: Mapping, ty: &ColType, b: &[u8]| map_value(ty, Value::Bytes(b.to_vec()), m);
        let with = |cs: &str| Mapping {
            charset: Charset::from_name(cs),
            ..Mapping::new(Origin::Binlog)
        };
        let s = |x: &str| Bson::String(x.into());
        assert_eq!(
            bin(with("latin1"), &ColType::Text, b"caf\xe9 \x80 \x81"),
            s("café € \u{81}")
        );
        assert_eq!(
            bin(with("cp1251"), &ColType::Text, b"\xcf\xf0\xe8"),
            s("При")
        );
        assert_eq!(
            bin(with("gbk"), &ColType::Text, b"\xd6\xd0\xce\xc4"),
            s("中文")
        );
        assert_eq!(bin(with("utf8mb3"), &ColType::Text, "é".as_bytes()), s("é"));
        assert_eq!(
            bin(with("utf16"), &ColType::Text, b"\x00A\x04\x10"),
            s("AА")
        );
        assert_eq!(
            bin(with("utf32"), &ColType::Text, b"\x00\x01\xf9\x88"),
            s("🦈")
        );
        assert_eq!(
            bin(with("binary"), &ColType::Text, b"\xe9"),
            binary(vec![0xe9])
        );
        // the copy's bytes are already utf8mb4, whatever the column's charset
        assert_eq!(
            map_value(
                &ColType::Text,
                Value::Bytes("é".as_bytes().to_vec()),
                Mapping {
                    charset: Charset::from_name("latin1"),
                    ..Mapping::new(Origin::Query)
                }
            ),
            s("é")
        );
        assert_eq!(
            Charset::from_collation_id(8),
            Some(Charset::from_name("latin1"))
        );
        assert_eq!(
            Charset::from_collation_id(1052),
            Some(Charset::from_name("gbk"))
        );
        assert_eq!(Charset::from_collation_id(63), Some(Charset::Binary));
        assert_eq!(Charset::from_collation_id(0), None);
        let binlog = Mapping::new(Origin::Binlog);
        assert_eq!(bin(binlog, &ColType::Year, b"1900"), Bson::Int32(0));
        assert_eq!(bin(binlog, &ColType::Year, b"1901"), Bson::Int32(1901));
        assert_eq!(
            to_bson(&ColType::Year, Value::Int(0), Origin::Query),
            Bson::Int32(0)
        );
        assert_eq!(
            bin(binlog, &ColType::FixedBinary(4), b"\x7a"),
            binary(vec![0x7a, 0, 0, 0])
        );
        assert_eq!(
            bin(binlog, &ColType::FixedBinary(2), b"\x7a\x00"),
            binary(vec![0x7a, 0])
        );
    }

    #[test]
    fn microseconds_when_asked() {
        let us = |origin| Mapping {
            time: TimePrecision::Us,
            ..Mapping::new(origin)
        };
        let exact = Bson::Int64(1_714_979_289_123_456);
        assert_eq!(
            map_value(
                &ColType::DateTime,
                Value::Date(2024, 5, 6, 7, 8, 9, 123456),
                us(Origin::Query)
            ),
            exact
        );
        assert_eq!(
            map_value(
                &ColType::DateTime,
                Value::Bytes(b"2024-05-06 07:08:09.123456".to_vec()),
                us(Origin::Query)
            ),
            exact
        );
        assert_eq!(
            map_value(
                &ColType::Timestamp,
                Value::Bytes(b"1714979289.123456".to_vec()),
                us(Origin::Binlog)
            ),
            exact
        );
        assert_eq!(
            map_value(
                &ColType::DateTime,
                Value::Date(1969, 12, 31, 23, 59, 59, 999_999),
                us(Origin::Binlog)
            ),
            Bson::Int64(-1)
        );
        assert_eq!(
            to_bson(
                &ColType::DateTime,
                Value::Date(1969, 12, 31, 23, 59, 59, 999_999),
                Origin::Binlog
            ),
            Bson::DateTime(DateTime::from_millis(-1))
        );
        assert_eq!(
            map_value(
                &ColType::Timestamp,
                Value::Bytes(b"0".to_vec()),
                us(Origin::Binlog)
            ),
            Bson::Null
        );
        // DATE stays a Date
        assert!(matches!(
            map_value(
                &ColType::Date,
                Value::Date(2024, 2, 29, 0, 0, 0, 0),
                us(Origin::Query)
            ),
            Bson::DateTime(_)
        ));
    }
}
