//! Elasticsearch / OpenSearch probe: flavour and version from `GET /`, and cluster health,
//! through the shared client ([`crate::conn::es`]) with one attempt and the probe's deadline.

use super::{Found, PROBE_TIMEOUT};
use crate::conn::es::{Client, Retry};
use crate::conn::{Check, ConnError, Connection};

/// What `conn test` needs of `_cluster/health`.
#[derive(serde::Deserialize)]
struct Health {
    status: Option<String>,
    number_of_nodes: Option<u64>,
    unassigned_shards: Option<u64>,
}

pub async fn probe(conn: &Connection) -> Result<Found, ConnError> {
    let client = Client::connect_with(conn, Retry::once(), PROBE_TIMEOUT)
        .await
        .map_err(|e| e.into_conn(conn))?;
    let server = client.server.label();
    let health: Health = client
        .get("/_cluster/health")
        .await
        .map_err(|e| e.into_conn(conn))?;
    let n = |v: Option<u64>| v.map_or("?".to_string(), |n| n.to_string());
    let status = health.status.unwrap_or_else(|| "unknown".into());
    let detail = format!(
        "{status}: {} node(s), {} unassigned shard(s)",
        n(health.number_of_nodes),
        n(health.unassigned_shards)
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
        server: Some(server.clone()),
        checks: vec![Check::ok("flavour", server), check],
    })
}
