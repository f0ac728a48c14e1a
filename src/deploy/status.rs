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
    /// Every status, in summary order.
    pub const ALL: [HostStatus; 9] = [
        HostStatus::Ok,
        HostStatus::Failed,
        HostStatus::Timeout,
        HostStatus::Unreachable,
        HostStatus::Auth,
        HostStatus::Hostkey,
        HostStatus::Error,
        HostStatus::Interrupted,
        HostStatus::Skipped,
    ];

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

impl std::str::FromStr for HostStatus {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        HostStatus::ALL
            .into_iter()
            .find(|h| h.as_str() == s)
            .ok_or_else(|| format!("unknown host status '{s}'"))
    }
}

/// How a whole execution ended (stored in `deploy_execs.status`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ExecStatus {
    /// Started and not finished (or shark died during it).
    Running,
    /// Every host ok.
    Ok,
    /// Some host was not ok.
    Problems,
    /// The rollout stopped at `--max-fail`.
    Stopped,
    /// Stopped by Ctrl-C/SIGTERM.
    Interrupted,
}

impl ExecStatus {
    pub const ALL: [ExecStatus; 5] = [
        ExecStatus::Running,
        ExecStatus::Ok,
        ExecStatus::Problems,
        ExecStatus::Stopped,
        ExecStatus::Interrupted,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            ExecStatus::Running => "running",
            ExecStatus::Ok => "ok",
            ExecStatus::Problems => "problems",
            ExecStatus::Stopped => "stopped",
            ExecStatus::Interrupted => "interrupted",
        }
    }
}

impl std::str::FromStr for ExecStatus {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        ExecStatus::ALL
            .into_iter()
            .find(|h| h.as_str() == s)
            .ok_or_else(|| format!("unknown execution status '{s}'"))
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

impl std::str::FromStr for Stream {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        match s {
            "stdout" => Ok(Stream::Stdout),
            "stderr" => Ok(Stream::Stderr),
            _ => Err(format!("unknown output stream '{s}'")),
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

impl HostResult {
    /// "web1: failed (exit 3)"
    pub fn line(&self) -> String {
        match &self.reason {
            Some(r) => format!("{}: {} ({r})", self.host, self.status.as_str()),
            None => format!("{}: {}", self.host, self.status.as_str()),
        }
    }
}

fn ser_ms<S: serde::Serializer>(d: &Duration, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_u64(d.as_millis() as u64)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_round_trip_through_serde_and_from_str() {
        for s in HostStatus::ALL {
            assert_eq!(s.as_str().parse::<HostStatus>(), Ok(s));
            assert_eq!(serde_json::to_value(s).unwrap(), s.as_str());
        }
        for s in ExecStatus::ALL {
            assert_eq!(s.as_str().parse::<ExecStatus>(), Ok(s));
            assert_eq!(serde_json::to_value(s).unwrap(), s.as_str());
        }
        for s in [Stream::Stdout, Stream::Stderr] {
            assert_eq!(s.as_str().parse::<Stream>(), Ok(s));
            assert_eq!(serde_json::to_value(s).unwrap(), s.as_str());
        }
        assert!("OK".parse::<HostStatus>().is_err());
    }
}
