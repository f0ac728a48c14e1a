//! Elasticsearch / OpenSearch probe: flavour and version from `GET /`, and cluster health.

use super::http::{self, join};
use super::{Found, protocol};
use crate::conn::{Check, ConnError, Connection};

/// Add the configured credentials: basic (default), `ApiKey`, or bearer.
pub fn with_auth(req: reqwest::RequestBuilder, conn: &Connection) -> reqwest::RequestBuilder {
    match (conn.option("auth"), &conn.secret) {
        (Some("apikey"), Some(s)) => req.header("Authorization", format!("ApiKey {}", s.expose())),
        (Some("bearer"), Some(s)) => req.bearer_auth(s.expose()),
        _ => http::with_auth(req, conn),
    }
}

pub async fn probe(conn: &Connection) -> Result<Found, ConnError> {
    let client = http::client()?;
    let root = json(conn, &client, "/").await?;
    let number = root["version"]["number"].as_str().ok_or_else(|| {
        protocol(
            conn,
            "GET / has no version.number: is this Elasticsearch or OpenSearch?",
        )
    })?;
    let flavour = if root["version"]["distribution"] == "opensearch" {
        "OpenSearch"
    } else {
        "Elasticsearch"
    };
    let health = json(conn, &client, "/_cluster/health").await?;
    let status = health["status"].as_str().unwrap_or("unknown").to_string();
    let detail = format!(
        "{status}: {} node(s), {} unassigned shard(s)",
        health["number_of_nodes"], health["unassigned_shards"]
    );
    let check = match status.as_str() {
        "green" => Check::ok("cluster health", detail),
        "yellow" => Check::warn(
            "cluster health",
            detail,
            "replicas are unassigned: `shark es-shards status` explains why",
        ),
        _ => Check::fail(
            "cluster health",
            detail,
            "primaries are unassigned: `shark es-shards status` explains why",
        ),
    };
    Ok(Found {
        server: Some(format!("{flavour} {number}")),
        checks: vec![Check::ok("flavour", format!("{flavour} {number}")), check],
    })
}

async fn json(
    conn: &Connection,
    client: &reqwest::Client,
    path: &str,
) -> Result<serde_json::Value, ConnError> {
    let resp = http::send(conn, with_auth(client.get(join(&conn.url, path)), conn)).await?;
    http::json_body(conn, &format!("GET {path}"), resp).await
}
