//! Decimal128 from and to its parts with integer arithmetic, for the values MySQL DECIMAL
//! columns hold (plain text of at most 34 significant digits): the same bytes and the same
//! digits as the bson crate's `FromStr`/`Display`, which go bit by bit and through exponent
//! text (a CDC profile had them at several per cent of shark's CPU). Anything else — more
//! digits (bson rounds), exponent notation, NaN, infinities — is left to the bson crate.

use mongodb::bson::Decimal128;

/// The exponent bias of IEEE 754 decimal128 (BID).
const BIAS: i32 = 6176;
/// The largest coefficient (34 nines); a larger one in the bytes reads as zero.
const MAX_COEFF: u128 = 9_999_999_999_999_999_999_999_999_999_999_999;
/// Bits of the coefficient in the usual (non-large) form.
const COEFF_BITS: u32 = 113;

/// `[-+]digits[.digits]` (at least one digit, at most 34 of them after leading zeros) as a
/// Decimal128 with the coefficient and exponent of the text (`12.50` = 1250 × 10⁻²); None for
/// any other text.
pub fn parse(s: &str) -> Option<Decimal128> {
    let b = s.as_bytes();
    let (neg, b) = match b.first()? {
        b'-' => (true, &b[1..]),
        b'+' => (false, &b[1..]),
        _ => (false, b),
    };
    let (mut coeff, mut digits, mut frac, mut point, mut any) = (0u128, 0u32, 0i32, false, false);
    for &c in b {
        match c {
            b'0'..=b'9' => {
                any = true;
                if point {
                    frac += 1;
                }
                if coeff != 0 || c != b'0' {
                    digits += 1;
                    if digits > 34 {
                        return None;
                    }
                }
                coeff = coeff * 10 + u128::from(c - b'0');
            }
            b'.' if !point => point = true,
            _ => return None,
        }
    }
    if !any || frac > BIAS {
        return None;
    }
    let exp = (BIAS - frac) as u128;
    let v = (u128::from(neg) << 127) | (exp << COEFF_BITS) | coeff;
    Some(Decimal128::from_bytes(v.to_le_bytes()))
}

/// A finite Decimal128 as (negative, coefficient, exponent); None for NaN and infinities.
pub fn parts(d: &Decimal128) -> Option<(bool, u128, i32)> {
    let v = u128::from_le_bytes(d.bytes());
    let neg = v >> 127 == 1;
    if (v >> 123) & 0xF == 0xF {
        return None;
    }
    if (v >> 125) & 0b11 == 0b11 {
        // the large form: a coefficient of 2^113 or more, beyond 34 digits, reads as zero
        let exp = ((v >> 111) & 0x3FFF) as i32 - BIAS;
        return Some((neg, 0, exp));
    }
    let exp = ((v >> COEFF_BITS) & 0x3FFF) as i32 - BIAS;
    let coeff = v & ((1u128 << COEFF_BITS) - 1);
    Some((neg, if coeff > MAX_COEFF { 0 } else { coeff }, exp))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    #[test]
    fn parse_gives_the_bytes_of_bson_from_str() {
        let mut cases: Vec<String> = [
            "0",
            "-0",
            "+0",
            "0.00",
            "-0.00",
            "1",
            "-1",
            "12.50",
            "0.05",
            ".5",
            "5.",
            "007.0100",
            "123456789012345678901234567890.1234", // 34 digits
            "-9999999999999999999999999999999999",
            "0.000000000000000000000000000001",
            "100000000000000000000000000000000000", // 36 digits: left to bson
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        // a spread of coefficients and scales, as MySQL DECIMAL(p, s) prints them
        let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
        for _ in 0..2000 {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            let int = x % 10u64.pow((x % 19) as u32 + 1);
            let scale = (x >> 40) % 31;
            let frac = (x >> 8) % 10u64.pow(scale.min(18) as u32).max(1);
            let sign = if x & 1 == 1 { "-" } else { "" };
            cases.push(if scale == 0 {
                format!("{sign}{int}")
            } else {
                format!("{sign}{int}.{frac:0>width$}", width = scale as usize)
            });
        }
        for s in &cases {
            // what the MySQL sink writes back is the text it came from
            if let Some(d) = parse(s)
                && !s.starts_with('+')
                && !s.trim_start_matches('-').starts_with("00")
                && !s.starts_with('.')
                && !s.ends_with('.')
            {
                assert_eq!(crate::sync::model::json::decimal_text(&d), *s);
            }
            let want = Decimal128::from_str(s).ok();
            match parse(s) {
                Some(d) => assert_eq!(Some(d.bytes()), want.map(|w| w.bytes()), "{s}"),
                // only texts beyond 34 significant digits are left to bson
                None => assert!(
                    s.trim_start_matches(['-', '+'])
                        .replace('.', "")
                        .trim_start_matches('0')
                        .len()
                        > 34,
                    "{s}"
                ),
            }
        }
        for s in [
            "", "-", ".", "1e5", "1.2.3", "NaN", "inf", " 1", "1 ", "0x10",
        ] {
            assert_eq!(parse(s), None, "{s:?}");
        }
    }

    #[test]
    fn parts_read_what_bson_prints() {
        let texts = [
            "0",
            "-0",
            "0.00",
            "-0.00",
            "12.50",
            "1E+5",
            "-1.5E-20",
            "1234567890123456789012345678901234",
            "0E+3",
            "1E-6176",
            "9.999999999999999999999999999999999E+6144",
            "NaN",
            "Infinity",
            "-Infinity",
        ];
        for s in texts {
            let d = Decimal128::from_str(s).unwrap();
            match parts(&d) {
                None => assert!(["NaN", "Infinity", "-Infinity"].contains(&d.to_string().as_str())),
                Some((neg, coeff, exp)) => {
                    let back = format!("{}{coeff}E{exp}", if neg { "-" } else { "" });
                    assert_eq!(
                        Decimal128::from_str(&back).unwrap().bytes(),
                        d.bytes(),
                        "{s}"
                    );
                }
            }
        }
        // a coefficient beyond 34 digits in the bytes reads as zero, as bson has it
        let v: u128 = (6176u128 << 113) | ((1u128 << 113) - 1);
        let big = Decimal128::from_bytes(v.to_le_bytes());
        assert_eq!(parts(&big), Some((false, 0, 0)));
        assert_eq!(big.to_string(), "0");
        let large_form: u128 = (0b11u128 << 125) | (6176u128 << 111);
        let l = Decimal128::from_bytes(large_form.to_le_bytes());
        assert_eq!(parts(&l), Some((false, 0, 0)));
        assert_eq!(l.to_string(), "0");
    }
}
