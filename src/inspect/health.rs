//! Health checks of named dependencies: the `conn test` probe of each connection, summarised
//! as status (ok / warn / down), latency, message and suggestion. Probes run concurrently.

use super::model::HealthCheck;
use crate::conn::{self, ConnError, Connection, Status};

pub async fn check_all(conns: Vec<Connection>, latency_warning_ms: u64) -> Vec<HealthCheck> {
    let futs = conns
        .into_iter()
        .map(|c| async move { check(&c, latency_warning_ms).await });
    futures_util::future::join_all(futs).await
}

async fn check(c: &Connection, latency_warning_ms: u64) -> HealthCheck {
    match conn::probe::test(c).await {
        Ok(r) => {
            let bad = r
                .checks
                .iter()
                .find(|ch| ch.status == Status::Fail)
                .or_else(|| r.checks.iter().find(|ch| ch.status == Status::Warn));
            let slow = r.latency_ms > latency_warning_ms;
            let status = if bad.is_some() || slow { "warn" } else { "ok" };
            let mut message = format!(
                "{} answered in {} ms",
                r.server.as_deref().unwrap_or("server"),
                r.latency_ms
            );
            let mut suggestion = None;
            if let Some(b) = bad {
                message = format!("{message}; {}: {}", b.name, b.detail);
                suggestion = b.fix.clone();
            } else if slow {
                message = format!("{message} (slower than {latency_warning_ms} ms)");
                suggestion = Some("check the server's load and the network path".into());
            }
            HealthCheck {
                name: c.name.clone(),
                kind: c.kind.to_string(),
                status: status.into(),
                latency_ms: Some(r.latency_ms),
                message,
                suggestion,
            }
        }
        Err(e) => {
            let suggestion = match &e {
                ConnError::Unreachable { .. } => format!(
                    "start the {} service or fix the address (`shark conn test {}` for details)",
                    c.kind, c.name
                ),
                ConnError::Auth { .. } => format!(
                    "fix the credentials with `shark conn edit {} --secret-stdin`",
                    c.name
                ),
                _ => format!("run `shark conn test {}` for details", c.name),
            };
            HealthCheck {
                name: c.name.clone(),
                kind: c.kind.to_string(),
                status: "down".into(),
                latency_ms: None,
                message: e.to_string(),
                suggestion: Some(suggestion),
            }
        }
    }
}
