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

/// One call on osmem: (status, answer text). A `_bulk` body is sent as NDJSON.
pub async fn es_text(method: reqwest::Method, path: &str, body: Option<String>) -> (u16, String) {
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
    (resp.status().as_u16(), resp.text().await.unwrap())
}

/// One call on osmem: (status, JSON answer, or the text as a JSON string when it is not JSON).
pub async fn es(method: reqwest::Method, path: &str, body: Option<String>) -> (u16, Value) {
    let (status, text) = es_text(method, path, body).await;
    (
        status,
        serde_json::from_str(&text).unwrap_or(Value::String(text)),
    )
}

/// Every document of `index` (refreshed first) as (`_id`, `_source` text as osmem sends it).
pub async fn sources(index: &str) -> Vec<(String, String)> {
    es_text(reqwest::Method::POST, &format!("/{index}/_refresh"), None).await;
    let (_, body) = es_text(
        reqwest::Method::POST,
        &format!("/{index}/_search"),
        Some(r#"{"size": 1000, "query": {"match_all": {}}}"#.into()),
    )
    .await;
    super::raw_json::hit_sources(&body)
}
