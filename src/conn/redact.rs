//! Keeping credentials out of what a server says back. Error bodies, library messages and
//! excerpts of unexpected answers may echo the credential a request carried (a proxy's 401
//! page, a misconfigured API logging the Authorization header into its error JSON). Everything
//! such text goes through [`Redactor::clean`] before it reaches an error, a run log, a report
//! or the terminal, and is cut to [`MAX_EXCERPT`] characters.

use super::Connection;

/// Characters of server text kept in an error message.
pub const MAX_EXCERPT: usize = 200;
/// Bytes of an error body read at all (the rest is never downloaded).
pub const MAX_ERROR_BODY: usize = 64 * 1024;

/// The secrets of one connection in every form they may travel in.
#[derive(Default)]
pub struct Redactor {
    needles: Vec<String>,
}

impl Redactor {
    /// The connection's secret, as is, percent-encoded, and inside a basic-auth header
    /// (`base64(user:secret)`, also with an empty user).
    pub fn for_conn(conn: &Connection) -> Redactor {
        let mut r = Redactor::default();
        if let Some(s) = &conn.secret {
            r.add(s.expose(), conn.user.as_deref());
            // a webhook URL is the secret: its path alone is enough to post
            if let Ok(u) = url::Url::parse(s.expose())
                && u.path().len() > 1
            {
                r.add(u.path(), None);
            }
        }
        r
    }

    /// Also hide `secret` (e.g. a token read from a kubeconfig), sent with `user` if any.
    pub fn add(&mut self, secret: &str, user: Option<&str>) -> &mut Redactor {
        if secret.is_empty() {
            return self;
        }
        self.needles.push(secret.to_string());
        let encoded: String = url::form_urlencoded::byte_serialize(secret.as_bytes()).collect();
        self.needles.push(encoded);
        for u in [user.unwrap_or(""), ""] {
            self.needles
                .push(base64(format!("{u}:{secret}").as_bytes()));
        }
        self.needles.push(base64(secret.as_bytes()));
        // longest first, so a form containing another is replaced whole
        self.needles.sort_by_key(|n| std::cmp::Reverse(n.len()));
        self.needles.dedup();
        self
    }

    /// `text` without the secrets and without any URL userinfo (`scheme://user:pw@` →
    /// `scheme://***@`).
    pub fn scrub(&self, text: &str) -> String {
        let mut t = text.to_string();
        for n in &self.needles {
            if t.contains(n.as_str()) {
                t = t.replace(n.as_str(), "***");
            }
        }
        strip_userinfo(&t)
    }

    /// [`Redactor::scrub`], then the first non-empty line cut to [`MAX_EXCERPT`] characters:
    /// what an error message may quote of a server's answer. Scrubbing comes first so a
    /// secret cut in half by the limit cannot leave its first half behind.
    pub fn excerpt(&self, text: &str) -> String {
        excerpt(&self.scrub(text))
    }
}

/// The first non-empty line of `text`, cut to [`MAX_EXCERPT`] characters.
pub fn excerpt(text: &str) -> String {
    let line = text
        .lines()
        .map(str::trim)
        .find(|l| !l.is_empty())
        .unwrap_or("");
    match line.char_indices().nth(MAX_EXCERPT) {
        Some((cut, _)) => format!("{}…", &line[..cut]),
        None => line.to_string(),
    }
}

/// Standard base64 with padding (what an `Authorization: Basic` header carries).
fn base64(bytes: &[u8]) -> String {
    const ABC: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            *chunk.get(1).unwrap_or(&0),
            *chunk.get(2).unwrap_or(&0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(ABC[(n >> (18 - 6 * i) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

fn strip_userinfo(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(i) = rest.find("://") {
        let (head, tail) = rest.split_at(i + 3);
        out.push_str(head);
        let end = tail
            .find(|c: char| c == '/' || c == '?' || c == '#' || c.is_whitespace() || c == '"')
            .unwrap_or(tail.len());
        let authority = &tail[..end];
        match authority.rfind('@') {
            Some(at) => {
                out.push_str("***");
                out.push_str(&authority[at..]);
            }
            None => out.push_str(authority),
        }
        rest = &tail[end..];
    }
    out.push_str(rest);
    out
}

/// Read at most `limit` bytes of a response body. Returns the bytes and whether more was left
/// unread (the rest is not downloaded).
pub async fn read_capped(
    mut resp: reqwest::Response,
    limit: usize,
) -> Result<(Vec<u8>, bool), reqwest::Error> {
    let mut out = Vec::new();
    while let Some(chunk) = resp.chunk().await? {
        let room = limit - out.len();
        if chunk.len() > room {
            out.extend_from_slice(&chunk[..room]);
            return Ok((out, true));
        }
        out.extend_from_slice(&chunk);
    }
    Ok((out, false))
}

/// An error body as text (at most [`MAX_ERROR_BODY`] bytes read), for [`Redactor::excerpt`].
/// A body that cannot be read is empty: it is only ever quoted.
pub async fn error_body(resp: reqwest::Response) -> String {
    match read_capped(resp, MAX_ERROR_BODY).await {
        Ok((bytes, _)) => String::from_utf8_lossy(&bytes).into_owned(),
        Err(_) => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::conn::{Kind, Origin, Secret};

    #[test]
    fn every_form_of_the_secret_and_url_userinfo_are_hidden() {
        let conn = Connection {
            name: "p".into(),
            kind: Kind::Prometheus,
            url: "http://h:1".into(),
            user: Some("bob".into()),
            options: Default::default(),
            secret: Some(Secret::new("s3cr/t+x")),
            has_secret: true,
            origin: Origin::State,
        };
        let r = Redactor::for_conn(&conn);
        assert_eq!(base64(b"bob:pw"), "Ym9iOnB3");
        assert_eq!(base64(b"ab"), "YWI=");
        let text = format!(
            "got s3cr/t+x and s3cr%2Ft%2Bx, header Basic {}, from http://bob:pw@h:1/x and redis://:pw@h",
            base64(b"bob:s3cr/t+x")
        );
        let clean = r.scrub(&text);
        assert!(!clean.contains("s3cr") && !clean.contains("pw@"), "{clean}");
        assert!(clean.contains("http://***@h:1/x"), "{clean}");
        let long = format!("{}s3cr/t+x", "a".repeat(MAX_EXCERPT - 3));
        let cut = r.excerpt(&long);
        assert!(!cut.contains("s3c"), "{cut}");
        assert!(excerpt("\n\n  second\nthird") == "second");
    }
}
