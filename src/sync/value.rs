//! MySQL values to BSON, the same for rows read by the full copy (binary protocol) and row
//! images from the binlog: DECIMAL → Decimal128 (string beyond 34 digits), DATETIME/TIMESTAMP →
//! Date (UTC, millisecond precision; zero dates → null), JSON → embedded document,
//! BLOB/BINARY/BIT → Binary, BIGINT UNSIGNED beyond i64 → Decimal128, ENUM/SET → strings.

use super::schema::ColType;
use mongodb::bson::{Binary, Bson, DateTime, Decimal128, Document, spec::BinarySubtype};
use mysql_async::Value;
use std::str::FromStr;

/// Where a value comes from: binlog images encode ENUM/SET/TIMESTAMP differently.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Origin {
    Query,
    Binlog,
}

fn binary(b: Vec<u8>) -> Bson {
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

fn decimal(s: &str) -> Bson {
    let s = s.trim();
    match Decimal128::from_str(s) {
        Ok(d) => Bson::Decimal128(d),
        Err(_) => Bson::String(s.to_string()),
    }
}

fn int(n: i64, big: bool) -> Bson {
    if !big && let Ok(v) = i32::try_from(n) {
        return Bson::Int32(v);
    }
    Bson::Int64(n)
}

fn uint(n: u64, big: bool) -> Bson {
    match i64::try_from(n) {
        Ok(v) => int(v, big),
        Err(_) => decimal(&n.to_string()),
    }
}

/// Days from civil date (proleptic Gregorian), for dates outside chrono's comfort zone.
fn datetime(y: i64, mo: u32, d: u32, h: u32, mi: u32, s: u32, us: u32) -> Bson {
    if y == 0 || mo == 0 || d == 0 {
        return Bson::Null;
    }
    let Some(date) = chrono::NaiveDate::from_ymd_opt(y as i32, mo, d) else {
        return Bson::Null;
    };
    let Some(dt) = date.and_hms_micro_opt(h, mi, s, us) else {
        return Bson::Null;
    };
    Bson::DateTime(DateTime::from_millis(dt.and_utc().timestamp_millis()))
}

fn parse_datetime_text(s: &str) -> Bson {
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
    let us = format!("{:0<6}", &frac[..frac.len().min(6)])
        .parse::<u32>()
        .unwrap_or(0);
    datetime(y, mo as u32, d as u32, h, mi, sec, us)
}

/// Binlog TIMESTAMP: "epoch[.frac]" seconds, UTC; 0 is the zero timestamp.
fn parse_epoch(s: &str) -> Bson {
    let (secs, frac) = s.split_once('.').unwrap_or((s, ""));
    let Ok(secs) = secs.parse::<i64>() else {
        return Bson::String(s.into());
    };
    if secs == 0 && frac.trim_matches('0').is_empty() {
        return Bson::Null;
    }
    let ms = format!("{:0<3}", &frac[..frac.len().min(3)])
        .parse::<i64>()
        .unwrap_or(0);
    Bson::DateTime(DateTime::from_millis(secs * 1000 + ms))
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

/// Map one value of a column of type `ty`.
pub fn to_bson(ty: &ColType, v: Value, origin: Origin) -> Bson {
    use ColType as T;
    match (ty, v) {
        (_, Value::NULL) => Bson::Null,
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
        (_, Value::Date(y, mo, d, h, mi, s, us)) => datetime(
            y as i64, mo as u32, d as u32, h as u32, mi as u32, s as u32, us,
        ),
        (T::Timestamp, Value::Bytes(b)) if origin == Origin::Binlog => {
            parse_epoch(&String::from_utf8_lossy(&b))
        }
        (T::Date | T::DateTime | T::Timestamp, Value::Bytes(b)) => {
            parse_datetime_text(&String::from_utf8_lossy(&b))
        }
        (_, Value::Time(neg, days, h, m, s, us)) => Bson::String(time_text(neg, days, h, m, s, us)),
        (T::Json, Value::Bytes(b)) => match serde_json::from_slice::<serde_json::Value>(&b) {
            Ok(j) => json_to_bson(j),
            Err(_) => text(b),
        },
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
        (T::Set(members), Value::Bytes(b)) if origin == Origin::Binlog => {
            let mut mask = 0u64;
            for (i, byte) in b.iter().take(8).enumerate() {
                mask |= (*byte as u64) << (8 * i);
            }
            Bson::String(members_of(mask, members))
        }
        (T::Set(members), Value::Int(n)) => Bson::String(members_of(n as u64, members)),
        (T::Set(members), Value::UInt(n)) => Bson::String(members_of(n, members)),
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
        assert_eq!(j.as_document().unwrap().get_array("k").unwrap().len(), 2);
        assert_eq!(
            to_bson(
                &ColType::Text,
                Value::Bytes("😀".as_bytes().to_vec()),
                Origin::Query
            ),
            Bson::String("😀".into())
        );
    }
}
