//! Prometheus probe: `/-/ready`, build info, and the health of its scrape targets.

use super::http::{self, join};
use super::{Found, protocol};
use crate::conn::{Check, ConnError, Connection};

pub async fn probe(conn: &Connection) -> Result<Found, ConnError> {
    let client = http::client()?;
    let resp = http::send(
        conn,
        http::with_auth(client.get(join(&conn.url, "/-/ready")), conn),
    )
    .await?;
    let ready = resp.status().is_success();
    let mut checks = vec![Check::expect(
        "ready",
        ready,
        format!("/-/ready answered {}", resp.status()),
        "Prometheus is starting or replaying its WAL; wait, or check its log",
    )];
    let info = http::get_json(conn, &client, &join(&conn.url, "/api/v1/status/buildinfo")).await?;
    let version = info["data"]["version"].as_str().map(str::to_string);
    if version.is_none() {
        return Err(protocol(
            conn,
            "/api/v1/status/buildinfo has no data.version: is this Prometheus?",
        ));
    }
    let targets = http::get_json(
        conn,
        &client,
        &join(&conn.url, "/api/v1/targets?state=active"),
    )
    .await?;
    let active = targets["data"]["activeTargets"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    let down: Vec<String> = active
        .iter()
        .filter(|t| t["health"] != "up")
        .map(|t| {
            format!(
                "{} ({})",
                t["scrapeUrl"].as_str().unwrap_or("?"),
                t["labels"]["job"].as_str().unwrap_or("?")
            )
        })
        .collect();
    checks.push(if down.is_empty() {
        Check::ok("targets", format!("{} active, all up", active.len()))
    } else {
        Check::warn(
            "targets",
            format!(
                "{} active, {} down: {}",
                active.len(),
                down.len(),
                down.join(", ")
            ),
            "fix or remove the down scrape targets (shark inspect reports them too)",
        )
    });
    Ok(Found {
        server: version.map(|v| format!("Prometheus {v}")),
        checks,
    })
}
