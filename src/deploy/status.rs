//! What happened on one host: its status, reason, exit code, duration, bytes copied and the
//! output captured for the state file.

use serde::Serialize;
use std::time::Duration;

/// Outcome of one host. Each failure mode has its own status so a run tells them apart.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum HostStatus {
    /// Everything ran and the command exited 0.
    Ok,
    /// The command exited non-zero (or was killed by a signal).
    Failed,
    /// No SSH session: connection refused, no route, connect or handshake timeout, DNS.
    Unreachable,
    /// The command ran longer than `--timeout` and was killed on the host.
    Timeout,
    /// The host refused our credentials.
    Auth,
    /// The host key is unknown (without `--accept-new-host-keys`) or does not match known_hosts.
    Hostkey,
    /// Connected, but a copy or the script upload failed (sftp error, checksum mismatch).
    Error,
    /// Not run: the rollout stopped after `--max-fail`, or was interrupted before this host.
    Skipped,
    /// Stopped by Ctrl-C while running; the remote command was killed.
    Interrupted,
}

impl HostStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            HostStatus::Ok => "ok",
            HostStatus::Failed => "failed",
            HostStatus::Unreachable => "unreachable",
            HostStatus::Timeout => "timeout",
            HostStatus::Auth => "auth",
            HostStatus::Hostkey => "hostkey",
            HostStatus::Error => "error",
            HostStatus::Skipped => "skipped",
            HostStatus::Interrupted => "interrupted",
        }
    }

    /// Whether this outcome counts against `--max-fail` (skipped hosts did not run).
    pub fn is_failure(self) -> bool {
        !matches!(self, HostStatus::Ok | HostStatus::Skipped)
    }
}

/// Which stream an output line came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Stream {
    Stdout,
    Stderr,
}

impl Stream {
    pub fn as_str(self) -> &'static str {
        match self {
            Stream::Stdout => "stdout",
            Stream::Stderr => "stderr",
        }
    }
}

/// The result of one host in one execution.
#[derive(Debug, Clone, Serialize)]
pub struct HostResult {
    pub host: String,
    /// 1-based rolling batch (always 1 without `--serial`).
    pub batch: usize,
    pub status: HostStatus,
    /// Why, in a few words: "connection refused", "killed after 2s", "exit 3".
    pub reason: Option<String>,
    pub exit_code: Option<i32>,
    pub started_at: Option<String>,
    #[serde(serialize_with = "ser_ms", rename = "duration_ms")]
    pub duration: Duration,
    /// Bytes of `--copy` files written to the host.
    pub bytes: u64,
    /// Output lines kept for the state file (bounded).
    #[serde(skip)]
    pub output: Vec<(Stream, String)>,
    /// Some output was not kept (over the per-host bound).
    pub truncated: bool,
}

impl HostResult {
    pub fn new(host: &str, batch: usize) -> HostResult {
        HostResult {
            host: host.to_string(),
            batch,
            status: HostStatus::Skipped,
            reason: None,
            exit_code: None,
            started_at: None,
            duration: Duration::ZERO,
            bytes: 0,
            output: vec![],
            truncated: false,
        }
    }
}

fn ser_ms<S: serde::Serializer>(d: &Duration, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_u64(d.as_millis() as u64)
}
