//! Raw HTTP calls on osmem (`SHARK_T_ES_URL`), for setting up sources and reading targets
//! independently of shark's Elasticsearch client.

use super::infra;
use serde_json::Value;
use std::time::Duration;

/// osmem's base URL, without a trailing slash.
pub fn es_url() -> String {
    infra()
        .get("SHARK_T_ES_URL")
        .trim_end_matches('/')
        .to_string()
}

/// One call on osmem: (status, JSON answer, or the text as a JSON string when it is not JSON).
pub async fn es(method: reqwest::Method, path: &str, body: Option<String>) -> (u16, Value) {
    let _ = rustls::crypto::ring::default_provider().install_default();
    let mut req = reqwest::Client::new()
        .request(method, format!("{}{path}", es_url()))
        .timeout(Duration::from_secs(30));
    if let Some(b) = body {
        let ct = if path.contains("_bulk") {
            "application/x-ndjson"
        } else {
            "application/json"
        };
        req = req.header("Content-Type", ct).body(b);
    }
    let resp = req.send().await.unwrap();
    let status = resp.status().as_u16();
    let text = resp.text().await.unwrap();
    (
        status,
        serde_json::from_str(&text).unwrap_or(Value::String(text)),
    )
}
