//! `conn test`: one probe per connection kind. A probe connects for real, authenticates and
//! checks the server settings the engines depend on. Cannot connect / authenticate is an error
//! (exit 3); a wrong setting is a failed [`Check`](super::Check) with the fix (exit 1).

pub mod es;
pub mod http;
mod kube;
mod llm;
pub mod mongo;
pub mod mysql;
mod prometheus;
mod redis;
mod s3;
mod slack;
pub mod zk;

use super::{Check, ConnError, Connection, Kind, TestReport};
use std::time::{Duration, Instant};

/// How long a probe may take before the endpoint counts as unreachable.
pub const PROBE_TIMEOUT: Duration = Duration::from_secs(10);

/// What a probe found: the server's name/version and the checks.
pub struct Found {
    pub server: Option<String>,
    pub checks: Vec<Check>,
}

/// Test one connection.
pub async fn test(conn: &Connection) -> Result<TestReport, ConnError> {
    let started = Instant::now();
    let fut = async {
        match conn.kind {
            Kind::Mysql => mysql::probe(conn).await,
            Kind::Mongodb => mongo::probe(conn).await,
            Kind::Elasticsearch => es::probe(conn).await,
            Kind::Zookeeper => zk::probe(conn).await,
            Kind::Prometheus => prometheus::probe(conn).await,
            Kind::S3 => s3::probe(conn).await,
            Kind::Slack => slack::probe(conn).await,
            Kind::Llm => llm::probe(conn).await,
            Kind::Kubernetes => kube::probe(conn).await,
            Kind::Redis => redis::probe(conn).await,
        }
    };
    let found = tokio::time::timeout(PROBE_TIMEOUT * 3, fut)
        .await
        .map_err(|_| {
            unreachable(
                conn,
                format!("no answer within {}s", PROBE_TIMEOUT.as_secs() * 3),
            )
        })??;
    Ok(TestReport {
        connection: conn.name.clone(),
        kind: conn.kind,
        endpoint: conn.endpoint(),
        server: found.server,
        latency_ms: started.elapsed().as_millis() as u64,
        checks: found.checks,
    })
}

pub(crate) fn unreachable(conn: &Connection, reason: impl Into<String>) -> ConnError {
    ConnError::Unreachable {
        name: conn.name.clone(),
        endpoint: conn.endpoint(),
        reason: reason.into(),
    }
}

pub(crate) fn auth_failed(conn: &Connection, reason: impl Into<String>) -> ConnError {
    let name = &conn.name;
    let hint = match conn.kind {
        Kind::Kubernetes => {
            "fix the credentials of the context's user in the kubeconfig".to_string()
        }
        Kind::Slack => {
            format!("store the right webhook URL with `shark conn edit {name} --secret-stdin`")
        }
        _ => format!(
            "check the user and update the secret with `shark conn edit {name} --secret-stdin`"
        ),
    };
    ConnError::Auth {
        name: name.clone(),
        endpoint: conn.endpoint(),
        reason: reason.into(),
        hint,
    }
}

pub(crate) fn protocol(conn: &Connection, reason: impl Into<String>) -> ConnError {
    ConnError::Protocol {
        name: conn.name.clone(),
        endpoint: conn.endpoint(),
        reason: reason.into(),
    }
}

/// Remove the connection's secret (in every form it travels in) and URL userinfo from text a
/// library or server may have echoed back.
pub(crate) fn scrub(conn: &Connection, text: impl Into<String>) -> String {
    super::redact::Redactor::for_conn(conn).scrub(&text.into())
}
