//! `snapshot create|list|restore` with a shared-filesystem (`fs`) repository: registered on
//! first use with `--location` (a directory listed in `path.repo` on every node), progress from
//! `_snapshot/{repo}/{name}/_status`, restore progress from `_recovery` (type SNAPSHOT).

use super::cluster::recorded;
use super::error::EsShardsError;
use super::follow::{self, Follow, Observer, Retry};
use super::model::{Acknowledged, Health, SnapshotInfo, SnapshotStatuses, Snapshots};
use super::store::Ops;
use crate::conn::es::{Call, Client};
use serde::Serialize;
use serde_json::{Value, json};
use std::collections::HashSet;
use std::time::Instant;

/// Make sure `repo` exists; register it as an `fs` repository at `location` if it does not.
pub async fn ensure_repo(
    client: &Client,
    ops: &Ops<'_>,
    repo: &str,
    location: Option<&str>,
    obs: &dyn Observer,
) -> Result<(), EsShardsError> {
    match client
        .get::<Value>(&format!("/_snapshot/{repo}"))
        .await
        .map_err(EsShardsError::from)
    {
        Ok(_) => return Ok(()),
        Err(EsShardsError::Http { status: 404, .. }) => {}
        Err(e) => return Err(e),
    }
    let Some(location) = location else {
        return Err(EsShardsError::Usage(format!(
            "snapshot repository '{repo}' is not registered: pass --location PATH (a directory listed in path.repo on every node) to register it as an fs repository"
        )));
    };
    let body = json!({"type": "fs", "settings": {"location": location}});
    recorded(
        client,
        ops,
        "snapshot-repository",
        Some(repo),
        Value::Null,
        async {
            let a: Acknowledged = client.put(&format!("/_snapshot/{repo}"), &body).await?;
            if !a.acknowledged {
                return Err(EsShardsError::Failed(format!(
                    "PUT /_snapshot/{repo} was not acknowledged"
                )));
            }
            Ok(((), body.clone()))
        },
    )
    .await?;
    obs.note(&format!("registered fs repository '{repo}' at {location}"));
    Ok(())
}

#[derive(Debug, Serialize)]
pub struct CreateReport {
    pub repository: String,
    pub snapshot: SnapshotInfo,
}

pub async fn create(
    client: &Client,
    ops: &Ops<'_>,
    repo: &str,
    name: &str,
    indices: Option<&str>,
    f: &Follow<'_>,
) -> Result<CreateReport, EsShardsError> {
    let (wait, cancel, obs) = (f.wait, f.cancel, f.obs);
    let mut body = json!({});
    if let Some(i) = indices {
        body = json!({"indices": i, "include_global_state": false});
    }
    let path = format!("/_snapshot/{repo}/{name}?wait_for_completion=false");
    recorded(
        client,
        ops,
        "snapshot-create",
        Some(&format!("{repo}/{name}")),
        json!({"indices": indices}),
        async {
            // names what it creates: never sent twice
            let v: Value = client
                .call(&Call::put(&path).json(body.clone()).once())
                .await?;
            if v["accepted"] != true {
                return Err(EsShardsError::Malformed {
                    endpoint: format!("PUT /_snapshot/{repo}/{name}"),
                    reason: format!("expected {{\"accepted\":true}}, got {v}"),
                });
            }
            Ok(((), v))
        },
    )
    .await?;
    let started = Instant::now();
    let mut last = String::new();
    let mut retry = Retry::default();
    let snap = loop {
        if let Some(Some(snap)) =
            retry.check(poll_create(client, repo, name, &mut last, obs).await, obs)?
        {
            break snap;
        }
        if started.elapsed() >= wait.timeout {
            return Err(retry.timeout(
                &format!("snapshot {repo}/{name}"),
                wait.timeout.as_secs(),
                &format!(
                    "it keeps running in the cluster; see `shark es-shards snapshot list --repo {repo}`"
                ),
            ));
        }
        tokio::select! {
            _ = tokio::time::sleep(wait.interval) => {}
            _ = cancel.cancelled() => return Err(EsShardsError::Interrupted),
        }
    };
    if snap.state != "SUCCESS" {
        return Err(EsShardsError::Failed(format!(
            "snapshot {repo}/{name} ended {}: {} of {} shards failed{}",
            snap.state,
            snap.shards.as_ref().map(|s| s.failed).unwrap_or(0),
            snap.shards.as_ref().map(|s| s.total).unwrap_or(0),
            snap.failures
                .first()
                .map(|f| format!(" (first failure: {f})"))
                .unwrap_or_default()
        )));
    }
    Ok(CreateReport {
        repository: repo.to_string(),
        snapshot: snap,
    })
}

/// One look at a snapshot being taken: its progress is reported; the snapshot's record once it
/// has ended. `_status` can say SUCCESS a moment before the snapshot itself is finalized (still
/// IN_PROGRESS in `GET /_snapshot/{repo}/{name}`): that is not the end yet.
async fn poll_create(
    client: &Client,
    repo: &str,
    name: &str,
    last: &mut String,
    obs: &dyn Observer,
) -> Result<Option<SnapshotInfo>, EsShardsError> {
    let st: SnapshotStatuses = client
        .get(&format!("/_snapshot/{repo}/{name}/_status"))
        .await?;
    let Some(s) = st.snapshots.first() else {
        return Err(EsShardsError::Malformed {
            endpoint: format!("GET /_snapshot/{repo}/{name}/_status"),
            reason: "no snapshot in the answer".into(),
        });
    };
    let line = format!(
        "{}: {} — {}/{} shards done, {} started, {} failed",
        s.snapshot,
        s.state,
        s.shards_stats.done,
        s.shards_stats.total,
        s.shards_stats.started,
        s.shards_stats.failed
    );
    if line != *last {
        obs.progress(
            &format!("snapshot {repo}/{name}"),
            s.shards_stats.done,
            s.shards_stats.total,
            &line,
        );
        *last = line;
    }
    if !matches!(
        s.state.as_str(),
        "SUCCESS" | "FAILED" | "PARTIAL" | "ABORTED"
    ) {
        return Ok(None);
    }
    let info: Snapshots = client.get(&format!("/_snapshot/{repo}/{name}")).await?;
    let snap = info
        .snapshots
        .into_iter()
        .next()
        .ok_or_else(|| EsShardsError::Malformed {
            endpoint: format!("GET /_snapshot/{repo}/{name}"),
            reason: "no snapshot in the answer".into(),
        })?;
    Ok((snap.state != "IN_PROGRESS").then_some(snap))
}

pub async fn list(client: &Client, repo: &str) -> Result<Vec<SnapshotInfo>, EsShardsError> {
    let s: Snapshots = client.get(&format!("/_snapshot/{repo}/_all")).await?;
    Ok(s.snapshots)
}

#[derive(Debug, Default)]
pub struct RestoreOpts {
    pub indices: Option<String>,
    pub rename_pattern: Option<String>,
    pub rename_replacement: Option<String>,
}

#[derive(Debug, Serialize)]
pub struct RestoreReport {
    pub repository: String,
    pub snapshot: String,
    pub recoveries_seen: usize,
    pub health: Health,
}

pub async fn restore(
    client: &Client,
    ops: &Ops<'_>,
    repo: &str,
    name: &str,
    o: &RestoreOpts,
    f: &Follow<'_>,
) -> Result<RestoreReport, EsShardsError> {
    let mut body = serde_json::Map::new();
    if let Some(i) = &o.indices {
        body.insert("indices".into(), json!(i));
    }
    if let (Some(p), Some(r)) = (&o.rename_pattern, &o.rename_replacement) {
        body.insert("rename_pattern".into(), json!(p));
        body.insert("rename_replacement".into(), json!(r));
    }
    let body = Value::Object(body);
    recorded(
        client,
        ops,
        "snapshot-restore",
        Some(&format!("{repo}/{name}")),
        body.clone(),
        async {
            // a second restore would collide with the indexes the first one opened
            let call = Call::post(format!("/_snapshot/{repo}/{name}/_restore"))
                .json(body.clone())
                .once();
            let v: Value = client.call(&call).await?;
            Ok(((), v))
        },
    )
    .await?;
    f.obs.note(&format!("restoring {repo}/{name}"));
    let mut seen: HashSet<String> = HashSet::new();
    let mut quiet = 0;
    let last = follow::until(
        client,
        f,
        false,
        &format!("restore of {repo}/{name}"),
        "the restore keeps running in the cluster; follow it with `shark es-shards recovery --watch`",
        |p| {
            seen.extend(p.active.iter().map(|r| r.key()));
            quiet = if p.settled() { quiet + 1 } else { 0 };
            quiet >= 2
        },
    )
    .await?;
    Ok(RestoreReport {
        repository: repo.to_string(),
        snapshot: name.to_string(),
        recoveries_seen: seen.len(),
        health: last.health,
    })
}
