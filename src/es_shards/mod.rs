//! `shark es-shards`: shard allocation, rebalancing with live recovery progress, replica health,
//! recovery of failed allocations, primary/replica consistency checks, node drains and snapshots
//! for Elasticsearch 7.x/8.x and OpenSearch 2.x, over their REST APIs through the shared client
//! ([`crate::conn::es`]: transport, retries, flavour and version, typed parsing).
//!
//! Every operation that changes the cluster is recorded in `es_shards_ops` (see [`store`]) with
//! the values before and after, before it is sent.

pub mod cluster;
pub mod drain;
pub mod error;
pub mod follow;
pub mod model;
pub mod rebalance;
pub mod recover;
pub mod replication;
pub mod snapshot;
pub mod status;
pub mod store;
pub mod verify;

pub use error::EsShardsError;
pub use follow::{Follow, Observer, Wait};

use crate::conn::es::{Client, Flavour, Server};
use crate::conn::{Kind, Registry};

/// Connect to the named elasticsearch connection, or the only one there is.
pub async fn connect(reg: &Registry<'_>, name: Option<&str>) -> Result<Client, EsShardsError> {
    let conn = match name {
        Some(n) => reg.get(n)?,
        None => {
            let es: Vec<_> = reg
                .list()?
                .into_iter()
                .filter(|c| c.kind == Kind::Elasticsearch)
                .collect();
            match es.as_slice() {
                [one] => reg.get(&one.name)?,
                [] => {
                    return Err(EsShardsError::Usage(
                        "no elasticsearch connection: add one with `shark conn add NAME --kind elasticsearch --url http://HOST:9200`".into(),
                    ));
                }
                many => {
                    return Err(EsShardsError::Usage(format!(
                        "{} elasticsearch connections ({}): pick one with --conn NAME",
                        many.len(),
                        many.iter()
                            .map(|c| c.name.as_str())
                            .collect::<Vec<_>>()
                            .join(", ")
                    )));
                }
            }
        }
    };
    if conn.kind != Kind::Elasticsearch {
        return Err(EsShardsError::Usage(format!(
            "connection '{}' is a {} connection; es-shards needs an elasticsearch one",
            conn.name, conn.kind
        )));
    }
    let client = Client::connect(&conn).await?;
    supported(&client.server, &conn.endpoint())?;
    Ok(client)
}

/// Refuse what es-shards does not speak; note versions it was not tested with.
fn supported(server: &Server, endpoint: &str) -> Result<(), EsShardsError> {
    let ok = match server.flavour {
        Flavour::Elasticsearch => (7..=9).contains(&server.major),
        // OpenSearch 1.x is the 7.10 API with `master`; 3.x keeps the 2.x APIs used here
        Flavour::OpenSearch => (1..=3).contains(&server.major),
    };
    if !ok {
        return Err(EsShardsError::Unsupported {
            server: server.label(),
            endpoint: endpoint.into(),
        });
    }
    if matches!(
        (server.flavour, server.major),
        (Flavour::Elasticsearch, 9) | (Flavour::OpenSearch, 1 | 3)
    ) {
        tracing::info!(
            "{}: not a tested version; using the closest API",
            server.label()
        );
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn supported_versions() {
        let s = |f, major| Server {
            flavour: f,
            version: format!("{major}.1.0"),
            major,
            minor: 1,
            cluster_name: String::new(),
        };
        assert!(supported(&s(Flavour::Elasticsearch, 8), "x").is_ok());
        assert!(supported(&s(Flavour::OpenSearch, 2), "x").is_ok());
        let e = supported(&s(Flavour::Elasticsearch, 6), "http://h:9200").unwrap_err();
        assert!(e.to_string().contains("Elasticsearch 6.1.0"), "{e}");
        assert_eq!(crate::exit::Classify::exit_kind(&e).code(), 2);
        assert!(supported(&s(Flavour::OpenSearch, 4), "x").is_err());
    }
}
