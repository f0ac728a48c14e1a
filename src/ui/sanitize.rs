//! Text from elsewhere (a host's output, a remote error message) made safe to print on a
//! terminal: control characters cannot move the cursor, retitle the window, rewrite earlier
//! lines or smuggle an OSC 52 clipboard write.

use std::borrow::Cow;

/// Replace every control character except tab (C0, DEL and the C1 range, whose U+009B is a
/// CSI to some terminals) by a visible escape such as `\x1b` or `\u{9b}`. Text without them is
/// returned as is.
pub fn sanitize(s: &str) -> Cow<'_, str> {
    let unsafe_char = |c: char| c != '\t' && c.is_control();
    if !s.chars().any(unsafe_char) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        if !unsafe_char(c) {
            out.push(c);
        } else if (c as u32) < 0x80 {
            out.push_str(&format!("\\x{:02x}", c as u32));
        } else {
            out.push_str(&format!("\\u{{{:x}}}", c as u32));
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::sanitize;

    #[test]
    fn escapes_and_controls_become_visible() {
        assert!(matches!(
            sanitize("plain\ttext ünïcode"),
            std::borrow::Cow::Borrowed(_)
        ));
        assert_eq!(
            sanitize("\x1b]0;pwned\x07red\x1b[31m\r\x08\x7f\u{9b}2J"),
            "\\x1b]0;pwned\\x07red\\x1b[31m\\x0d\\x08\\x7f\\u{9b}2J"
        );
        assert!(!sanitize("\x1b[2J\x1b]52;c;ZXZpbA==\x07").contains('\x1b'));
    }
}
