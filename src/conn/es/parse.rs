//! Typed parsing of answers: a body that does not have the documented shape is an error naming
//! the endpoint and the JSON path that did not fit; nothing here panics on what a server sends.

use super::error::EsError;
use crate::conn::redact;
use serde::de::DeserializeOwned;

/// `GET /_cat/shards`: the method and the path without its query string (which may carry
/// index names, never credentials, but is long).
pub fn label(method: &reqwest::Method, path: &str) -> String {
    let p = path.split('?').next().unwrap_or(path);
    format!("{method} {p}")
}

/// Parse `body` into `T`, naming `endpoint` and the JSON path that did not fit. The quoted
/// excerpt is not scrubbed: [`super::Client::parse`] scrubs it with the connection's secrets.
pub fn parse<T: DeserializeOwned>(endpoint: &str, body: &str) -> Result<T, EsError> {
    let de = &mut serde_json::Deserializer::from_str(body);
    serde_path_to_error::deserialize(de).map_err(|e| {
        let path = e.path().to_string();
        let inner = e.into_inner();
        let reason = if inner.is_syntax() || inner.is_eof() {
            format!("not JSON ({inner}): {}", redact::excerpt(body))
        } else if path == "." {
            inner.to_string()
        } else {
            format!("at {path}: {inner}")
        };
        EsError::Malformed {
            endpoint: endpoint.to_string(),
            reason,
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parse_errors_name_endpoint_and_path() {
        #[derive(serde::Deserialize, Debug)]
        #[allow(dead_code)]
        struct S {
            a: Vec<u32>,
        }
        let e = parse::<S>("GET /x", r#"{"a":[1,"two"]}"#).unwrap_err();
        assert!(
            e.to_string()
                .starts_with("GET /x: unexpected response: at a[1]"),
            "{e}"
        );
        let e = parse::<S>("GET /x", "<html>").unwrap_err();
        assert!(e.to_string().contains("not JSON"), "{e}");
        assert_eq!(
            label(&reqwest::Method::GET, "/_cat/shards?format=json"),
            "GET /_cat/shards"
        );
    }
}
