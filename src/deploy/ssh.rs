//! Opening one multiplexed SSH session per host (system OpenSSH as ControlMaster, driven over
//! the native mux protocol) and telling connection failures apart from ssh's own messages.

use super::{Host, HostStatus};
use openssh::{ControlPersist, KnownHosts, Session, SessionBuilder};
use std::num::NonZeroUsize;
use std::path::{Path, PathBuf};
use std::time::Duration;

/// How to connect, shared by every host of an execution.
#[derive(Debug, Clone)]
pub struct ConnectOptions {
    pub connect_timeout: Duration,
    pub accept_new_host_keys: bool,
    pub known_hosts: Option<PathBuf>,
    pub ssh_config: Option<PathBuf>,
    /// Where the ControlMaster sockets live (short path: unix sockets are limited to 108 bytes).
    pub control_dir: PathBuf,
}

/// A connection that did not come up: the status and a short reason.
#[derive(Debug, Clone)]
pub struct ConnectFailure {
    pub status: HostStatus,
    pub reason: String,
}

/// Connect to `host`, bounded by the connect timeout (plus slack for ssh's own start-up).
pub async fn connect(host: &Host, opts: &ConnectOptions) -> Result<Session, ConnectFailure> {
    let mut b = SessionBuilder::default();
    b.known_hosts_check(if opts.accept_new_host_keys {
        KnownHosts::Add
    } else {
        KnownHosts::Strict
    })
    .connect_timeout(opts.connect_timeout)
    .server_alive_interval(Duration::from_secs(5))
    .control_directory(&opts.control_dir)
    // the master exits by itself if shark dies without closing it
    .control_persist(ControlPersist::IdleFor(
        NonZeroUsize::new(30).expect("30 > 0"),
    ));
    if let Some(u) = &host.user {
        b.user(u.clone());
    }
    if let Some(p) = host.port {
        b.port(p);
    }
    if let Some(k) = &host.key_file {
        b.keyfile(expand_home(k));
    }
    if let Some(f) = &opts.known_hosts {
        b.user_known_hosts_file(f);
    }
    if let Some(f) = &opts.ssh_config {
        b.config_file(f);
    }
    let limit = opts.connect_timeout + Duration::from_secs(5);
    match tokio::time::timeout(limit, b.connect_mux(&host.address)).await {
        Ok(Ok(s)) => Ok(s),
        Ok(Err(e)) => Err(classify(&error_text(&e))),
        Err(_) => Err(ConnectFailure {
            status: HostStatus::Unreachable,
            reason: format!("connect timeout ({}s)", limit.as_secs()),
        }),
    }
}

fn expand_home(p: &str) -> PathBuf {
    match (p.strip_prefix("~/"), std::env::var_os("HOME")) {
        (Some(rest), Some(home)) => Path::new(&home).join(rest),
        _ => PathBuf::from(p),
    }
}

/// The whole error chain as one string (ssh's message is at the bottom).
pub fn error_text(e: &dyn std::error::Error) -> String {
    let mut s = e.to_string();
    let mut cur = e.source();
    while let Some(c) = cur {
        s.push_str(": ");
        s.push_str(&c.to_string());
        cur = c.source();
    }
    s
}

/// Map ssh's message to a status and a short reason.
pub fn classify(text: &str) -> ConnectFailure {
    let t = text.to_ascii_lowercase();
    let (status, reason) = if t.contains("host key verification failed")
        || t.contains("remote host identification has changed")
        || t.contains("no matching host key")
        || t.contains("host key is known")
    {
        (
            HostStatus::Hostkey,
            if t.contains("changed") {
                "host key changed: check the host, then fix known_hosts".to_string()
            } else {
                "host key not in known_hosts (pass --accept-new-host-keys to trust it)".to_string()
            },
        )
    } else if t.contains("permission denied") || t.contains("too many authentication failures") {
        (
            HostStatus::Auth,
            "authentication failed (key not accepted)".to_string(),
        )
    } else if t.contains("connection refused") {
        (HostStatus::Unreachable, "connection refused".to_string())
    } else if t.contains("no route to host") {
        (HostStatus::Unreachable, "no route to host".to_string())
    } else if t.contains("during banner exchange") || t.contains("kex_exchange_identification") {
        (
            HostStatus::Unreachable,
            "handshake timeout (TCP connected, no SSH banner)".to_string(),
        )
    } else if t.contains("timed out") {
        (HostStatus::Unreachable, "connect timeout".to_string())
    } else if t.contains("could not resolve hostname") || t.contains("name or service not known") {
        (HostStatus::Unreachable, "unknown host name".to_string())
    } else if t.contains("network is unreachable") {
        (HostStatus::Unreachable, "network unreachable".to_string())
    } else if t.contains("connection closed") || t.contains("connection reset") {
        (
            HostStatus::Unreachable,
            "connection closed by the host".to_string(),
        )
    } else {
        let last = text.rsplit(": ").next().unwrap_or(text).trim();
        (HostStatus::Unreachable, format!("ssh: {last}"))
    };
    ConnectFailure { status, reason }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ssh_messages() {
        let c = |s| classify(s).reason;
        assert_eq!(
            c("ssh: connect to host 10.0.0.1 port 22: Connection refused"),
            "connection refused"
        );
        assert_eq!(
            c("ssh: connect to host 10.0.0.1 port 22: Connection timed out"),
            "connect timeout"
        );
        assert!(c("Connection timed out during banner exchange").starts_with("handshake"));
        assert_eq!(
            c("connect to host x port 22: No route to host"),
            "no route to host"
        );
        assert_eq!(
            classify("root@h: Permission denied (publickey).").status,
            HostStatus::Auth
        );
        assert_eq!(
            classify("No ED25519 host key is known for x and you have requested strict checking.\r\nHost key verification failed.").status,
            HostStatus::Hostkey
        );
    }
}
