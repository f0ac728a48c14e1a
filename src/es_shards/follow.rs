//! Following a cluster until it settles: poll health, active recoveries and (when asked) shard
//! copies every `interval`, report them to an [`Observer`], stop when the caller's condition
//! holds, at `timeout`, or on Ctrl-C.

use super::cluster::{Cluster, unsupported_api};
use super::error::EsShardsError;
use super::model::{Health, Recovery, ShardCopy};
use crate::cancel::Cancel;
use crate::conn::ConnError;
use crate::conn::es::{Client, retryable_status};
use std::time::{Duration, Instant};

/// What long verbs report while they wait. The command layer draws per-shard bars on a TTY,
/// NDJSON events with `-o json`, plain lines otherwise.
pub trait Observer: Send + Sync {
    /// Each poll: the recoveries in flight (empty when none).
    fn recoveries(&self, active: &[Recovery]);
    /// A phase change or a notable fact, one line.
    fn note(&self, text: &str);
    /// Progress of one unit that is not a shard recovery (a snapshot's shards), with a line
    /// describing it.
    fn progress(&self, unit: &str, done: u64, total: u64, line: &str);
}

/// An observer that ignores everything (library use, tests).
pub struct Quiet;

impl Observer for Quiet {
    fn recoveries(&self, _: &[Recovery]) {}
    fn note(&self, _: &str) {}
    fn progress(&self, _: &str, _: u64, _: u64, _: &str) {}
}

/// How long and how often to poll.
#[derive(Debug, Clone, Copy)]
pub struct Wait {
    pub timeout: Duration,
    pub interval: Duration,
}

/// How to wait: for how long, how to be stopped, whom to tell.
#[derive(Clone, Copy)]
pub struct Follow<'a> {
    pub wait: Wait,
    pub cancel: &'a Cancel,
    pub obs: &'a dyn Observer,
}

/// One look at the cluster.
#[derive(Debug, Clone)]
pub struct Poll {
    pub health: Health,
    pub active: Vec<Recovery>,
    pub shards: Vec<ShardCopy>,
    /// Polls so far, starting at 1.
    pub n: u32,
}

impl Poll {
    /// Nothing moving and nothing about to: no active recoveries, no relocating or
    /// initializing copies, no shard-store fetch whose answer may start one (a node that just
    /// rejoined is being asked what copies it holds).
    pub fn settled(&self) -> bool {
        self.active.is_empty()
            && self.health.relocating_shards == 0
            && self.health.initializing_shards == 0
            && self.health.number_of_in_flight_fetch == 0
    }
}

/// Is this a failure that a later poll may not see: the node restarting (no answer), or a
/// status the shared client's retry policy retries ([`retryable_status`]: a full queue, no
/// elected master for a moment, a gateway in between)? The client has retried each request
/// already; such poll failures are then retried until the wait's timeout, anything else ends
/// the wait at once.
pub fn transient(e: &EsShardsError) -> bool {
    match e {
        EsShardsError::Conn(ConnError::Unreachable { .. }) => true,
        EsShardsError::Http { status, .. } => retryable_status(*status),
        _ => false,
    }
}

/// Retries of the polls of one wait: transient failures are noted (once per run of failures)
/// and retried; the last one is quoted if the wait then times out.
#[derive(Default)]
pub struct Retry {
    failing: Option<String>,
}

impl Retry {
    /// `Ok(Some(v))` for an answer, `Ok(None)` for a transient failure (poll again), `Err` for
    /// any other failure.
    pub fn check<T>(
        &mut self,
        r: Result<T, EsShardsError>,
        obs: &dyn Observer,
    ) -> Result<Option<T>, EsShardsError> {
        match r {
            Ok(v) => {
                if self.failing.take().is_some() {
                    obs.note("the cluster answers again");
                }
                Ok(Some(v))
            }
            Err(e) if transient(&e) => {
                let msg = e.to_string();
                if self.failing.is_none() {
                    obs.note(&format!("poll failed, retrying until --timeout: {msg}"));
                }
                self.failing = Some(msg);
                Ok(None)
            }
            Err(e) => Err(e),
        }
    }

    /// The timeout error of this wait, quoting the failure of the last poll if it failed.
    pub fn timeout(&self, what: &str, secs: u64, hint: &str) -> EsShardsError {
        EsShardsError::Timeout {
            what: what.to_string(),
            secs,
            hint: match &self.failing {
                Some(m) => format!("{hint}; the last poll failed: {m}"),
                None => hint.to_string(),
            },
        }
    }
}

/// One look at the cluster; `recovery_api` turns false (with a note) on a server without it.
async fn poll(
    client: &Client,
    want_shards: bool,
    recovery_api: &mut bool,
    obs: &dyn Observer,
    n: u32,
) -> Result<Poll, EsShardsError> {
    let health = client.health().await?;
    let active = if *recovery_api {
        match client.recoveries(true).await {
            Ok(a) => a,
            Err(e) if unsupported_api(&e) => {
                *recovery_api = false;
                obs.note(&format!(
                    "{} has no _recovery API ({e}); following shard states only",
                    client.server.label()
                ));
                vec![]
            }
            Err(e) => return Err(e),
        }
    } else {
        vec![]
    };
    let active: Vec<Recovery> = active.into_iter().filter(|r| !r.done()).collect();
    let shards = if want_shards {
        client.shards(None).await?
    } else {
        vec![]
    };
    Ok(Poll {
        health,
        active,
        shards,
        n,
    })
}

/// Poll until `done(poll)` holds. `what` and `hint` word the timeout error. A poll that fails
/// transiently ([`transient`]) is retried at the next interval until the timeout.
pub async fn until(
    client: &Client,
    f: &Follow<'_>,
    want_shards: bool,
    what: &str,
    hint: &str,
    mut done: impl FnMut(&Poll) -> bool,
) -> Result<Poll, EsShardsError> {
    let (wait, cancel, obs) = (f.wait, f.cancel, f.obs);
    let started = Instant::now();
    let mut recovery_api = true;
    let mut retry = Retry::default();
    let mut n = 0;
    loop {
        n += 1;
        let r = poll(client, want_shards, &mut recovery_api, obs, n).await;
        if let Some(p) = retry.check(r, obs)? {
            obs.recoveries(&p.active);
            if done(&p) {
                return Ok(p);
            }
        }
        if started.elapsed() >= wait.timeout {
            return Err(retry.timeout(what, wait.timeout.as_secs(), hint));
        }
        let left = wait.timeout.saturating_sub(started.elapsed());
        tokio::select! {
            _ = tokio::time::sleep(wait.interval.min(left)) => {}
            _ = cancel.cancelled() => return Err(EsShardsError::Interrupted),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn which_poll_failures_are_retried() {
        let http = |status| EsShardsError::Http {
            endpoint: "GET /_cluster/health".into(),
            status,
            reason: "x".into(),
        };
        for s in [429, 500, 502, 503, 504] {
            assert!(transient(&http(s)), "{s}");
        }
        for s in [400, 401, 403, 404, 501] {
            assert!(!transient(&http(s)), "{s}");
        }
        let down = EsShardsError::Conn(ConnError::Unreachable {
            name: "es".into(),
            endpoint: "http://h:9200".into(),
            reason: "refused".into(),
        });
        assert!(transient(&down));
        assert!(!transient(&EsShardsError::Malformed {
            endpoint: "GET /".into(),
            reason: "x".into()
        }));
        let mut r = Retry::default();
        assert!(r.check::<()>(Err(http(503)), &Quiet).unwrap().is_none());
        assert!(
            r.timeout("drain", 1, "h")
                .to_string()
                .contains("last poll failed")
        );
        assert_eq!(r.check(Ok(1), &Quiet).unwrap(), Some(1));
        assert!(!r.timeout("drain", 1, "h").to_string().contains("last poll"));
        assert!(r.check::<()>(Err(http(400)), &Quiet).is_err());
    }
}
