//! `shark es-shards`: shard allocation, rebalancing with live recovery progress, replica health,
//! recovery of failed allocations, primary/replica consistency checks, node drains and snapshots
//! for Elasticsearch 7.x/8.x and OpenSearch 2.x, over their REST APIs (reqwest; no ES crate).
//!
//! Every operation that changes the cluster is recorded in `es_shards_ops` (see [`store`]) with
//! the values before and after, before it is sent.

pub mod client;
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

pub use client::{Client, Flavour, Server};
pub use error::EsShardsError;
pub use follow::{Follow, Observer, Wait};

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
    Client::connect(conn).await
}
