//! Reads every verb shares (health, shards, nodes, settings, recoveries, explain) and the one
//! way settings are changed: recorded with their previous values, then sent.

use super::error::EsShardsError;
use super::model::{
    Acknowledged, CAT_SHARDS_COLUMNS, CatNode, CatRecovery, CatShard, ClusterSettings, Explain,
    Health, Recovery, ShardCopy, flatten,
};
use super::store::Ops;
use crate::conn::es::Client;
use serde_json::{Map, Value, json};
use std::collections::BTreeMap;
use std::time::Duration;

/// How long a cluster-state change may wait for the elected master (`master_timeout`,
/// `cluster_manager_timeout` on OpenSearch 2): the server answers by then, with a 503 at worst;
/// the client's deadline is longer ([`crate::conn::es::wait_deadline`]).
pub const MASTER_TIMEOUT: Duration = Duration::from_secs(60);

/// The cluster reads every verb shares, typed, on the shared client.
// es-shards awaits these in place (never spawned), so no `Send` bound is needed on the futures
#[allow(async_fn_in_trait)]
pub trait Cluster {
    async fn health(&self) -> Result<Health, EsShardsError>;
    /// Every shard copy, or those of one index (or pattern).
    async fn shards(&self, index: Option<&str>) -> Result<Vec<ShardCopy>, EsShardsError>;
    async fn nodes(&self) -> Result<Vec<CatNode>, EsShardsError>;
    async fn settings(&self) -> Result<ClusterSettings, EsShardsError>;
    /// Active shard recoveries (`active_only`) or all of them.
    async fn recoveries(&self, active_only: bool) -> Result<Vec<Recovery>, EsShardsError>;
    /// Why one copy is where it is (or unassigned).
    async fn explain(
        &self,
        index: &str,
        shard: u64,
        primary: bool,
    ) -> Result<Explain, EsShardsError>;
}

impl Cluster for Client {
    async fn health(&self) -> Result<Health, EsShardsError> {
        Ok(self.get("/_cluster/health").await?)
    }

    async fn shards(&self, index: Option<&str>) -> Result<Vec<ShardCopy>, EsShardsError> {
        let path = match index {
            Some(i) => format!("/_cat/shards/{i}?format=json&bytes=b&h={CAT_SHARDS_COLUMNS}"),
            None => format!("/_cat/shards?format=json&bytes=b&h={CAT_SHARDS_COLUMNS}"),
        };
        let rows: Vec<CatShard> = self.get(&path).await?;
        Ok(rows.into_iter().map(ShardCopy::from).collect())
    }

    async fn nodes(&self) -> Result<Vec<CatNode>, EsShardsError> {
        let path = format!(
            "/_cat/nodes?format=json&full_id=true&h=id,name,ip,node.role,{}",
            self.server.master_column()
        );
        Ok(self.get(&path).await?)
    }

    async fn settings(&self) -> Result<ClusterSettings, EsShardsError> {
        Ok(self.get("/_cluster/settings?flat_settings=true").await?)
    }

    /// From `_recovery`, or from `_cat/recovery` where the server has no `_recovery`
    /// (osmem-server, some proxies).
    async fn recoveries(&self, active_only: bool) -> Result<Vec<Recovery>, EsShardsError> {
        let q = if active_only { "&active_only=true" } else { "" };
        match self
            .get(&format!("/_recovery?human=false{q}"))
            .await
            .map_err(EsShardsError::from)
        {
            Ok(r) => Ok(flatten(r)),
            Err(e) if unsupported_api(&e) => {
                tracing::debug!(error = %e, "no _recovery; reading _cat/recovery");
                let rows: Vec<CatRecovery> = self
                    .get(&format!("/_cat/recovery?format=json&bytes=b{q}"))
                    .await?;
                Ok(rows.into_iter().map(Recovery::from).collect())
            }
            Err(e) => Err(e),
        }
    }

    async fn explain(
        &self,
        index: &str,
        shard: u64,
        primary: bool,
    ) -> Result<Explain, EsShardsError> {
        let body = json!({"index": index, "shard": shard, "primary": primary});
        Ok(self
            .post("/_cluster/allocation/explain", Some(&body))
            .await?)
    }
}

/// Is this error the server saying it has no such API (osmem, a proxy)?
pub fn unsupported_api(e: &EsShardsError) -> bool {
    match e {
        EsShardsError::Http { status, reason, .. } => {
            matches!(status, 404 | 405 | 501)
                || (*status == 400 && reason.contains("no handler found"))
        }
        _ => false,
    }
}

/// The settings a change touched, before and after, as `{"persistent": {..}, "transient": {..}}`
/// with `null` for "not set" (what a PUT needs to put them back).
#[derive(Debug, Clone, serde::Serialize)]
pub struct SettingsChange {
    pub op_id: i64,
    pub before: Value,
    pub after: Value,
    pub changed: bool,
}

/// Set `changes` (key → value, `None` = reset to default) where each key is effective today
/// (transient if set there, else persistent), recording before/after in `es_shards_ops`.
/// Keys already at the wanted value are left out of the request.
pub async fn change_settings(
    client: &Client,
    ops: &Ops<'_>,
    op: &str,
    target: Option<&str>,
    changes: &BTreeMap<String, Option<String>>,
) -> Result<SettingsChange, EsShardsError> {
    let (before, after) = diff_settings(client, changes).await?;
    put_recorded(client, ops, op, target, before, after).await
}

/// What [`change_settings`] would send: `(before, after)` of the keys that would change.
pub async fn diff_settings(
    client: &Client,
    changes: &BTreeMap<String, Option<String>>,
) -> Result<(Value, Value), EsShardsError> {
    let current = client.settings().await?;
    let mut before = json!({"persistent": {}, "transient": {}});
    let mut after = json!({"persistent": {}, "transient": {}});
    for (k, v) in changes {
        let scope = current.scope_of(k);
        let old = match scope {
            "transient" => current.transient.get(k),
            _ => current.persistent.get(k),
        }
        .and_then(super::model::value_text);
        if old.as_deref() == v.as_deref() {
            continue;
        }
        before[scope][k] = old.map(Value::String).unwrap_or(Value::Null);
        after[scope][k] = v.clone().map(Value::String).unwrap_or(Value::Null);
    }
    Ok((before, after))
}

/// Send `after` as a settings update, recorded with `before`.
pub async fn put_recorded(
    client: &Client,
    ops: &Ops<'_>,
    op: &str,
    target: Option<&str>,
    before: Value,
    after: Value,
) -> Result<SettingsChange, EsShardsError> {
    let empty = |v: &Value, s: &str| v[s].as_object().is_none_or(Map::is_empty);
    if empty(&after, "persistent") && empty(&after, "transient") {
        return Ok(SettingsChange {
            op_id: 0,
            before,
            after,
            changed: false,
        });
    }
    let mut body = after.clone();
    for s in ["persistent", "transient"] {
        if empty(&body, s)
            && let Some(o) = body.as_object_mut()
        {
            o.remove(s);
        }
    }
    let id = ops.start(
        client.conn_name(),
        &client.server.cluster_name,
        op,
        target,
        &before,
    )?;
    let wait = MASTER_TIMEOUT.as_secs();
    match client
        .put_master::<Acknowledged>("/_cluster/settings", &body, MASTER_TIMEOUT)
        .await
        .map_err(EsShardsError::from)
    {
        Ok(a) if a.acknowledged => {
            ops.finish(id, Some(&after), "applied", None)?;
            Ok(SettingsChange {
                op_id: id,
                before,
                after,
                changed: true,
            })
        }
        Ok(_) => {
            // committed, but not every node confirmed it in time: it is in place (or will be)
            let msg = format!(
                "PUT /_cluster/settings was committed but not acknowledged by every node within {wait}s"
            );
            ops.finish(id, Some(&after), "unacknowledged", Some(&msg))?;
            Err(EsShardsError::Failed(format!(
                "{msg}; check `shark es-shards status` (undo with `shark es-shards rebalance --restore` for a rebalance)"
            )))
        }
        Err(e @ EsShardsError::Conn(_)) => {
            // no answer: the cluster may have applied it (or may still); `--restore` reads
            // what is really in place
            ops.finish(
                id,
                Some(&after),
                "unknown",
                Some(&format!("no answer, may be applied: {e}")),
            )?;
            Err(e)
        }
        Err(e) => {
            ops.finish(id, None, "failed", Some(&e.to_string()))?;
            Err(e)
        }
    }
}

/// Record a non-settings operation (reroute, snapshot) around `f`.
pub async fn recorded<T, F>(
    client: &Client,
    ops: &Ops<'_>,
    op: &str,
    target: Option<&str>,
    before: Value,
    f: F,
) -> Result<T, EsShardsError>
where
    F: std::future::Future<Output = Result<(T, Value), EsShardsError>>,
{
    let id = ops.start(
        client.conn_name(),
        &client.server.cluster_name,
        op,
        target,
        &before,
    )?;
    match f.await {
        Ok((t, after)) => {
            ops.finish(id, Some(&after), "applied", None)?;
            Ok(t)
        }
        Err(e) => {
            ops.finish(id, None, "failed", Some(&e.to_string()))?;
            Err(e)
        }
    }
}
