//! What a run reports as it goes ([`Event`], NDJSON with `-o json`), the [`Observer`] it reports
//! to, and the totals it returns ([`Summary`]).

use serde::Serialize;

#[derive(Debug, Clone, Serialize)]
#[serde(tag = "event", rename_all = "kebab-case")]
pub enum Event {
    Started {
        monitor: String,
        resumed_containers: usize,
        at: String,
    },
    PodAdded {
        namespace: String,
        pod: String,
        containers: Vec<String>,
    },
    PodGone {
        namespace: String,
        pod: String,
    },
    Reconnect {
        namespace: String,
        pod: String,
        container: String,
        reason: String,
    },
    /// A container's log cannot be read (403, repeated failures); retried with back-off.
    CannotFollow {
        namespace: String,
        pod: String,
        container: String,
        reason: String,
    },
    /// A container reported by `cannot-follow` is followed again.
    FollowResumed {
        namespace: String,
        pod: String,
        container: String,
    },
    Match {
        namespace: String,
        pod: String,
        container: String,
        rule: String,
        severity: String,
        ts: String,
        line: String,
    },
    Alert {
        id: i64,
        rule: String,
        severity: String,
        group: String,
        count: i64,
        suppressed: i64,
        samples: Vec<String>,
    },
    AlertRetry {
        id: i64,
        wait_s: f64,
        reason: String,
    },
    AlertDelivery {
        id: i64,
        status: String,
        attempts: i64,
        error: Option<String>,
    },
    ArchiveFlush {
        namespace: String,
        pod: String,
        container: String,
        key: String,
        lines: u64,
        bytes: usize,
        gzip_bytes: usize,
        multipart: bool,
    },
    ArchiveError {
        reason: String,
    },
    /// Archive buffers reached the memory cap while S3 was behind: the oldest window is given
    /// up (its lines are matched and alerted, not archived).
    ArchiveDropped {
        namespace: String,
        pod: String,
        container: String,
        lines: u64,
        first_ts: String,
        last_ts: String,
    },
    ArchiveExpired {
        deleted: usize,
    },
    Stopped {
        lines: u64,
        matches: u64,
        alerts: u64,
        objects: u64,
        not_archived: u64,
        reason: String,
    },
}

pub trait Observer: Send + Sync {
    fn event(&self, e: &Event);
}

/// Totals of one run.
#[derive(Debug, Default, Clone, Serialize)]
pub struct Summary {
    pub lines: u64,
    pub matches: u64,
    pub alerts: u64,
    pub objects: u64,
    /// lines given up by the archive (memory cap reached while S3 was behind)
    pub not_archived: u64,
    /// stopped by Ctrl-C / SIGTERM (exit 130) rather than `monitor stop`
    pub interrupted: bool,
}
