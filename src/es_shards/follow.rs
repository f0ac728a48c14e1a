//! Following a cluster until it settles: poll health, active recoveries and (when asked) shard
//! copies every `interval`, report them to an [`Observer`], stop when the caller's condition
//! holds, at `timeout`, or on Ctrl-C.

use super::client::Client;
use super::cluster::unsupported_api;
use super::error::EsShardsError;
use super::model::{Health, Recovery, ShardCopy};
use crate::cancel::Cancel;
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
    /// Nothing moving: no active recoveries, no relocating or initializing copies.
    pub fn settled(&self) -> bool {
        self.active.is_empty()
            && self.health.relocating_shards == 0
            && self.health.initializing_shards == 0
    }
}

/// Poll until `done(poll)` holds. `what` and `hint` word the timeout error.
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
    let mut n = 0;
    loop {
        n += 1;
        let health = client.health().await?;
        let active = if recovery_api {
            match client.recoveries(true).await {
                Ok(a) => a,
                Err(e) if unsupported_api(&e) => {
                    recovery_api = false;
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
        obs.recoveries(&active);
        let shards = if want_shards {
            client.shards(None).await?
        } else {
            vec![]
        };
        let poll = Poll {
            health,
            active,
            shards,
            n,
        };
        if done(&poll) {
            return Ok(poll);
        }
        if started.elapsed() >= wait.timeout {
            return Err(EsShardsError::Timeout {
                what: what.to_string(),
                secs: wait.timeout.as_secs(),
                hint: hint.to_string(),
            });
        }
        let left = wait.timeout.saturating_sub(started.elapsed());
        tokio::select! {
            _ = tokio::time::sleep(wait.interval.min(left)) => {}
            _ = cancel.cancelled() => return Err(EsShardsError::Interrupted),
        }
    }
}
