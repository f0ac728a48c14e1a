//! JSON values that keep their text: how a JSON column travels from a source to a sink, and
//! JSON numbers read without passing through an `f64`.
//!
//! **How ends use it.** A row stays a `bson::Document`; a value BSON has no exact type for
//! travels as a [`Bson::Binary`] of a subtype shark reserves:
//! - [`JSON_TEXT`]: JSON text exactly as the source holds it (a MySQL/MariaDB JSON column:
//!   whitespace, key order and number text as stored; the JSON `null` is the text `null`, not
//!   SQL NULL). Build it with [`json_value`], read it with [`json_text`].
//!
//! Every other value is the BSON of `sync::model::value` (DECIMAL → Decimal128 up to 34
//! digits, the exact string beyond; DATETIME/TIMESTAMP at the task's precision, ...).
//!
//! Each sink converts carriers once, for what it can hold: a MySQL sink writes the text as it
//! is; an Elasticsearch sink puts the text into `_source` with its numbers digit for digit
//! (whitespace between tokens dropped: a bulk line is one line); a MongoDB sink stores the
//! embedded document of [`to_tree`] (numbers by [`number`]: Int64, a Double only when the double
//! is the same number as the text, else Decimal128, the exact string beyond 34 digits). Row
//! checksums (`sync verify`, key-less row identity) read a carrier as its tree, so a document a
//! sink stores as a tree and the text it came from compare equal, and a changed digit does not.
//!
//! Readers give back JSON as a carrier or as an exact tree, never through `serde_json::Value`
//! numbers (f64; `1e400` does not even parse): an Elasticsearch page is read from its text with
//! `_source` as a `RawValue` (`source::es_read`), its fields by `source::es_value::hit_doc`
//! (object fields and JSON columns as carriers, DECIMAL numbers from their digits).

use crate::sync::model::value::decimal;
use mongodb::bson::{Binary, Bson, Decimal128, Document, spec::BinarySubtype};

/// The BSON Binary subtype of a JSON text carrier.
pub const JSON_TEXT: u8 = 0x80;

/// JSON text (as the source holds it) as a row value.
pub fn json_value(text: Vec<u8>) -> Bson {
    Bson::Binary(Binary {
        subtype: BinarySubtype::UserDefined(JSON_TEXT),
        bytes: text,
    })
}

/// The JSON text a value carries, if it is a [`JSON_TEXT`] carrier.
pub fn json_text(b: &Bson) -> Option<&[u8]> {
    match b {
        Bson::Binary(Binary {
            subtype: BinarySubtype::UserDefined(JSON_TEXT),
            bytes,
        }) => Some(bytes),
        _ => None,
    }
}

/// A JSON number's text as BSON without loss: Int64 for integers that fit; a Double when the
/// double nearest to the text is the same decimal number (its shortest text reads as the same
/// value: `0.5`, `1.50`, `-0.0`, `1e300`); else Decimal128, or the text itself beyond 34 digits
/// (`0.1000000000000000055511151231257827`, `880426393792.48697701`, `1e400`, 2^64).
pub fn number(text: &str) -> Bson {
    let integer = !text.contains(['.', 'e', 'E']);
    if integer && let Ok(i) = text.parse::<i64>() {
        return Bson::Int64(i);
    }
    if !integer
        && let Ok(f) = text.parse::<f64>()
        && f.is_finite()
        && same_number(text, &format!("{f:e}"))
    {
        return Bson::Double(f);
    }
    decimal(text)
}

/// Whether two decimal number texts (`-12.50e3`) are the same value.
fn same_number(a: &str, b: &str) -> bool {
    normal(a) == normal(b)
}

/// A decimal text (`-12.50e3`; not NaN or infinity) as its significant digits (no leading or
/// trailing zeros; empty for zero) and the exponent of the last one; None when it is not one.
pub fn decimal_digits(s: &str) -> Option<(String, i64)> {
    normal(s).map(|(_, d, e)| (d, e))
}

/// A decimal text as (negative, significant digits, exponent of the last digit); zero as
/// (sign, "", 0).
fn normal(s: &str) -> Option<(bool, String, i64)> {
    let (neg, digits, exp) = digits_of(s)?;
    let kept = digits.trim_end_matches('0');
    let exp = exp + (digits.len() - kept.len()) as i64;
    match kept.trim_start_matches('0') {
        "" => Some((neg, String::new(), 0)),
        d => Some((neg, d.to_string(), exp)),
    }
}

/// A Decimal128 as plain decimal text (`0.000000000000000000000000000001`, `12.500`, `-0`),
/// without the exponent form its `Display` uses for small and large exponents; NaN and
/// infinities as `Display` has them.
pub fn decimal_text(d: &Decimal128) -> String {
    match super::dec128::parts(d) {
        Some((neg, coeff, exp)) => plain(neg, &coeff.to_string(), i64::from(exp)),
        None => d.to_string(),
    }
}

/// Digits (no leading zeros but one for zero) times ten to `exp` as plain decimal text.
fn plain(neg: bool, digits: &str, exp: i64) -> String {
    let sign = if neg { "-" } else { "" };
    if exp >= 0 {
        let zeros = "0".repeat(exp as usize);
        return format!("{sign}{digits}{zeros}");
    }
    let point = digits.len() as i64 + exp;
    if point > 0 {
        let (i, f) = digits.split_at(point as usize);
        format!("{sign}{i}.{f}")
    } else {
        format!("{sign}0.{}{digits}", "0".repeat((-point) as usize))
    }
}

/// A decimal text (`-12.50e3`) as (negative, all its digits, exponent of the last digit).
fn digits_of(s: &str) -> Option<(bool, String, i64)> {
    let (neg, s) = match s.strip_prefix('-') {
        Some(r) => (true, r),
        None => (false, s.strip_prefix('+').unwrap_or(s)),
    };
    let (mant, exp) = match s.split_once(['e', 'E']) {
        Some((m, e)) => (m, e.parse::<i64>().ok()?),
        None => (s, 0),
    };
    let (int, frac) = mant.split_once('.').unwrap_or((mant, ""));
    let digits: String = int.chars().chain(frac.chars()).collect();
    if digits.is_empty() || !digits.bytes().all(|c| c.is_ascii_digit()) {
        return None;
    }
    Some((neg, digits, exp - frac.len() as i64))
}

/// JSON text as a BSON tree whose numbers are exact ([`number`]); objects keep their key order
/// (a repeated key: the last value, as MySQL reads it).
pub fn to_tree(text: &[u8]) -> Result<Bson, String> {
    let mut p = Parser { s: text, i: 0 };
    p.ws();
    let v = p.value(0)?;
    p.ws();
    if p.i != p.s.len() {
        return Err(format!("trailing characters at byte {}", p.i));
    }
    Ok(v)
}

/// Deeper JSON is refused (MySQL's own limit is 100).
const MAX_DEPTH: usize = 512;

struct Parser<'a> {
    s: &'a [u8],
    i: usize,
}

impl Parser<'_> {
    fn ws(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.s.get(self.i) {
            self.i += 1;
        }
    }

    fn err<T>(&self, what: &str) -> Result<T, String> {
        Err(format!("{what} at byte {}", self.i))
    }

    fn lit(&mut self, word: &[u8], v: Bson) -> Result<Bson, String> {
        if self.s[self.i..].starts_with(word) {
            self.i += word.len();
            Ok(v)
        } else {
            self.err("invalid literal")
        }
    }

    fn value(&mut self, depth: usize) -> Result<Bson, String> {
        if depth > MAX_DEPTH {
            return self.err("JSON nested too deep");
        }
        match self.s.get(self.i) {
            None => self.err("unexpected end"),
            Some(b'{') => {
                self.i += 1;
                let mut d = Document::new();
                self.ws();
                if self.s.get(self.i) == Some(&b'}') {
                    self.i += 1;
                    return Ok(Bson::Document(d));
                }
                loop {
                    self.ws();
                    let k = self.string()?;
                    self.ws();
                    if self.s.get(self.i) != Some(&b':') {
                        return self.err("expected ':'");
                    }
                    self.i += 1;
                    self.ws();
                    let v = self.value(depth + 1)?;
                    d.insert(k, v);
                    self.ws();
                    match self.s.get(self.i) {
                        Some(b',') => self.i += 1,
                        Some(b'}') => {
                            self.i += 1;
                            return Ok(Bson::Document(d));
                        }
                        _ => return self.err("expected ',' or '}'"),
                    }
                }
            }
            Some(b'[') => {
                self.i += 1;
                let mut a = vec![];
                self.ws();
                if self.s.get(self.i) == Some(&b']') {
                    self.i += 1;
                    return Ok(Bson::Array(a));
                }
                loop {
                    self.ws();
                    a.push(self.value(depth + 1)?);
                    self.ws();
                    match self.s.get(self.i) {
                        Some(b',') => self.i += 1,
                        Some(b']') => {
                            self.i += 1;
                            return Ok(Bson::Array(a));
                        }
                        _ => return self.err("expected ',' or ']'"),
                    }
                }
            }
            Some(b'"') => Ok(Bson::String(self.string()?)),
            Some(b't') => self.lit(b"true", Bson::Boolean(true)),
            Some(b'f') => self.lit(b"false", Bson::Boolean(false)),
            Some(b'n') => self.lit(b"null", Bson::Null),
            Some(b'-' | b'0'..=b'9') => {
                let start = self.i;
                while let Some(b'0'..=b'9' | b'-' | b'+' | b'.' | b'e' | b'E') = self.s.get(self.i)
                {
                    self.i += 1;
                }
                let t = std::str::from_utf8(&self.s[start..self.i]).unwrap_or("");
                // JSON's number grammar, checked by serde_json (without keeping its value)
                if serde_json::from_str::<serde::de::IgnoredAny>(t).is_err() {
                    self.i = start;
                    return self.err("invalid number");
                }
                Ok(number(t))
            }
            Some(_) => self.err("unexpected character"),
        }
    }

    fn string(&mut self) -> Result<String, String> {
        if self.s.get(self.i) != Some(&b'"') {
            return self.err("expected a string");
        }
        let start = self.i;
        self.i += 1;
        let mut escaped = false;
        loop {
            match self.s.get(self.i) {
                None => return self.err("unterminated string"),
                Some(b'"') => break,
                Some(b'\\') => {
                    escaped = true;
                    self.i += 2;
                }
                Some(_) => self.i += 1,
            }
        }
        self.i += 1;
        let raw = &self.s[start..self.i];
        if escaped {
            serde_json::from_slice::<String>(raw).map_err(|e| e.to_string())
        } else {
            match std::str::from_utf8(&raw[1..raw.len() - 1]) {
                Ok(s) if !s.bytes().any(|b| b < 0x20) => Ok(s.to_string()),
                _ => serde_json::from_slice::<String>(raw).map_err(|e| e.to_string()),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn dec(s: &str) -> Bson {
        Bson::Decimal128(Decimal128::from_str(s).unwrap())
    }

    #[test]
    fn numbers_keep_their_value() {
        assert_eq!(number("9007199254740993"), Bson::Int64(9007199254740993));
        assert_eq!(number("0.5"), Bson::Double(0.5));
        assert_eq!(number("1.50"), Bson::Double(1.5));
        assert_eq!(number("1e300"), Bson::Double(1e300));
        assert_eq!(number("0.1"), Bson::Double(0.1));
        assert_eq!(
            number("-0.000000000000000000000000000001"),
            Bson::Double(-1e-30)
        );
        assert!(matches!(number("-0.0"), Bson::Double(z) if z == 0.0 && z.is_sign_negative()));
        for exact in [
            "0.1000000000000000055511151231257827",
            "880426393792.48697701",
            "1e400",
            "18446744073709551616",
        ] {
            assert_eq!(number(exact), dec(exact), "{exact}");
        }
        let long = "123456789012345678901234567890123456789";
        assert_eq!(number(long), Bson::String(long.into()));
    }

    #[test]
    fn trees_keep_order_text_and_nulls() {
        let t = to_tree(
            br#" { "b" : [1, 2.5e0, "x\"\u00e9", null, true], "a": {"z": 0.1000000000000000055511151231257827} } "#,
        )
        .unwrap();
        let d = t.as_document().unwrap();
        assert_eq!(d.keys().collect::<Vec<_>>(), ["b", "a"]);
        assert_eq!(
            d.get_array("b").unwrap(),
            &vec![
                Bson::Int64(1),
                Bson::Double(2.5),
                Bson::String("x\"é".into()),
                Bson::Null,
                Bson::Boolean(true)
            ]
        );
        assert_eq!(
            d.get_document("a").unwrap().get("z"),
            Some(&dec("0.1000000000000000055511151231257827"))
        );
        assert_eq!(to_tree(b"null").unwrap(), Bson::Null);
        assert_eq!(
            to_tree("\"🦈\"".as_bytes()).unwrap(),
            Bson::String("🦈".into())
        );
        for bad in [
            &b"{"[..],
            b"[1,]",
            b"01",
            b"1 2",
            b"nul",
            b"\"a",
            b"{\"a\" 1}",
            b"\"\x01\"",
        ] {
            assert!(to_tree(bad).is_err(), "{}", String::from_utf8_lossy(bad));
        }
        let v = json_value(b"[1]".to_vec());
        assert_eq!(json_text(&v), Some(&b"[1]"[..]));
        assert_eq!(json_text(&Bson::Int32(1)), None);
    }

    #[test]
    fn decimals_print_plain() {
        for s in [
            "0.000000000000000000000000000001",
            "12.500",
            "-3",
            "0",
            "99999999999999999999999999999999.99",
            "-0.5",
            "100",
        ] {
            assert_eq!(decimal_text(&Decimal128::from_str(s).unwrap()), s);
        }
        assert_eq!(decimal_text(&Decimal128::from_str("1e3").unwrap()), "1000");
        assert_eq!(
            decimal_text(&Decimal128::from_str("1.5e-3").unwrap()),
            "0.0015"
        );
    }
}
