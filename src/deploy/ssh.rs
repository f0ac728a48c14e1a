//! Opening one multiplexed SSH session per host (system OpenSSH as ControlMaster, driven over
//! the native mux protocol) and telling connection failures apart from ssh's own messages.
//!
//! shark starts the master `ssh` itself instead of through `openssh::SessionBuilder`, which
//! spawns it with no way to change its environment: here the command goes through
//! [`crate::conn::child_env::scrub`], so neither the master nor anything it starts
//! (ProxyCommand, ssh-askpass) inherits `SHARK_MASTER_KEY` or a `--secret-env` variable. With
//! native mux the master is the only local process: commands and the SFTP subsystem run as
//! channels over its control socket. The destination follows `--`, and an address starting
//! with `-` is refused before that.

use super::{Host, HostStatus};
use openssh::Session;
use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::sync::atomic::{AtomicUsize, Ordering};
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

/// Seconds an idle master stays up: it exits by itself if shark dies without closing it.
const CONTROL_PERSIST_SECS: u64 = 30;

/// The master `ssh` command for `host`, its control socket at `dir/master` and its log at
/// `dir/log`, with the environment scrubbed of secrets.
pub fn master_command(host: &Host, opts: &ConnectOptions, dir: &Path) -> std::process::Command {
    let mut c = std::process::Command::new("ssh");
    c.stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .arg("-E")
        .arg(dir.join("log"))
        .arg("-S")
        .arg(dir.join("master"))
        .args(["-M", "-f", "-N"])
        .arg("-o")
        .arg(format!("ControlPersist={CONTROL_PERSIST_SECS}s"))
        .args(["-o", "BatchMode=yes", "-o"])
        .arg(if opts.accept_new_host_keys {
            "StrictHostKeyChecking=accept-new"
        } else {
            "StrictHostKeyChecking=yes"
        })
        .arg("-o")
        .arg(format!("ConnectTimeout={}", opts.connect_timeout.as_secs()))
        .args(["-o", "ServerAliveInterval=5"]);
    if let Some(p) = host.port {
        c.arg("-p").arg(p.to_string());
    }
    if let Some(u) = &host.user {
        c.arg("-l").arg(u);
    }
    if let Some(k) = &host.key_file {
        // a given key is the only key tried
        c.args(["-o", "IdentitiesOnly=yes", "-i"])
            .arg(expand_home(k));
    }
    if let Some(f) = &opts.ssh_config {
        c.arg("-F").arg(f);
    }
    if let Some(f) = &opts.known_hosts {
        let mut o = std::ffi::OsString::from("UserKnownHostsFile=");
        o.push(f);
        c.arg("-o").arg(o);
    }
    c.arg("--").arg(&host.address);
    crate::conn::child_env::scrub(&mut c);
    c
}

/// Ends a master that was not closed through its session (a host task that panicked or was
/// aborted), so nothing outlives the execution by the ControlPersist delay.
pub struct MasterGuard {
    dir: Option<PathBuf>,
}

impl MasterGuard {
    /// The session was closed: nothing left to end.
    pub fn disarm(mut self) {
        self.dir = None;
    }
}

impl Drop for MasterGuard {
    fn drop(&mut self) {
        if let Some(dir) = self.dir.take() {
            let mut c = std::process::Command::new("ssh");
            c.arg("-S")
                .arg(dir.join("master"))
                .args(["-O", "exit", "shark-master"])
                .stdin(Stdio::null())
                .stdout(Stdio::null())
                .stderr(Stdio::null());
            crate::conn::child_env::scrub(&mut c);
            let _ = c.status();
            let _ = std::fs::remove_dir_all(&dir);
        }
    }
}

/// Connect to `host`, bounded by the connect timeout (plus slack for ssh's own start-up). The
/// session's master runs until the session is closed, or the guard is dropped undisarmed.
pub async fn connect(
    host: &Host,
    opts: &ConnectOptions,
) -> Result<(Session, MasterGuard), ConnectFailure> {
    if let Err(reason) = host.check() {
        return Err(ConnectFailure {
            status: HostStatus::Error,
            reason,
        });
    }
    static NEXT: AtomicUsize = AtomicUsize::new(0);
    let dir = opts
        .control_dir
        .join(NEXT.fetch_add(1, Ordering::Relaxed).to_string());
    if let Err(e) = std::fs::create_dir(&dir) {
        return Err(ConnectFailure {
            status: HostStatus::Error,
            reason: format!("cannot create {}: {e}", dir.display()),
        });
    }
    let mut cmd = tokio::process::Command::from(master_command(host, opts, &dir));
    let limit = opts.connect_timeout + Duration::from_secs(5);
    let res = match tokio::time::timeout(limit, cmd.status()).await {
        Ok(Ok(st)) if st.success() => {
            let session = Session::resume_mux(
                dir.join("master").into_boxed_path(),
                Some(dir.join("log").into_boxed_path()),
            );
            return Ok((session, MasterGuard { dir: Some(dir) }));
        }
        Ok(Ok(_)) => {
            let log = std::fs::read_to_string(dir.join("log")).unwrap_or_default();
            Err(classify(&log))
        }
        Ok(Err(e)) => Err(ConnectFailure {
            status: HostStatus::Error,
            reason: format!("cannot start ssh: {e}"),
        }),
        Err(_) => Err(ConnectFailure {
            status: HostStatus::Unreachable,
            reason: format!("connect timeout ({}s)", limit.as_secs()),
        }),
    };
    let _ = std::fs::remove_dir_all(&dir);
    res
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
        let line = text
            .lines()
            .rev()
            .map(str::trim)
            .find(|l| !l.is_empty())
            .unwrap_or("no message");
        let last = line.rsplit(": ").next().unwrap_or(line).trim();
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

    #[test]
    fn the_master_gets_no_secrets_and_the_destination_after_dashdash() {
        crate::conn::child_env::note_secret_var("SHARK_TEST_SSH_SECRET");
        let host = Host {
            name: "h".into(),
            address: "10.0.0.1".into(),
            port: Some(2222),
            user: Some("u".into()),
            key_file: None,
            groups: vec![],
            tags: vec![],
            vars: Default::default(),
        };
        let opts = ConnectOptions {
            connect_timeout: Duration::from_secs(3),
            accept_new_host_keys: false,
            known_hosts: None,
            ssh_config: None,
            control_dir: "/tmp/x".into(),
        };
        let c = master_command(&host, &opts, Path::new("/tmp/x/0"));
        let removed: Vec<String> = c
            .get_envs()
            .filter(|(_, v)| v.is_none())
            .map(|(k, _)| k.to_string_lossy().into_owned())
            .collect();
        assert!(
            removed.contains(&"SHARK_MASTER_KEY".to_string()),
            "{removed:?}"
        );
        assert!(
            removed.contains(&"SHARK_TEST_SSH_SECRET".to_string()),
            "{removed:?}"
        );
        let args: Vec<String> = c
            .get_args()
            .map(|a| a.to_string_lossy().into_owned())
            .collect();
        assert_eq!(args[args.len() - 2..], ["--", "10.0.0.1"]);
        assert!(args.contains(&"StrictHostKeyChecking=yes".to_string()));
        assert!(args.contains(&"ConnectTimeout=3".to_string()));
    }
}
