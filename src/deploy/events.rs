//! How the engine reports while it works: the caller implements [`Observer`] (the CLI renders
//! host-prefixed lines and a bar on a terminal, NDJSON with `-o json`; tests can collect).

use super::{HostResult, Stream};

/// Callbacks from a running execution. Called from many tasks at once: keep them quick.
pub trait Observer: Send + Sync {
    /// The execution starts on `hosts` (in order).
    fn started(&self, _plan_id: i64, _exec_id: i64, _hosts: &[String]) {}
    /// A rolling batch starts (only with `--serial`).
    fn batch(&self, _number: usize, _hosts: &[String]) {}
    /// A host's job starts (connecting).
    fn host_started(&self, _host: &str) {}
    /// One line of a host's output, as it arrives.
    fn line(&self, host: &str, stream: Stream, text: &str);
    /// A host is done (including skipped hosts).
    fn host_finished(&self, result: &HostResult);
    /// The rollout stops early (max-fail reached, interrupted).
    fn stopping(&self, _reason: &str) {}
}

/// Reports nothing.
pub struct Silent;

impl Observer for Silent {
    fn line(&self, _: &str, _: Stream, _: &str) {}
    fn host_finished(&self, _: &HostResult) {}
}
