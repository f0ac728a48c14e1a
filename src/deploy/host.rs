//! One host's job: connect (one multiplexed master), copy files and verify their checksums,
//! upload the script, run the command while streaming its output line by line, and at the
//! timeout (or Ctrl-C) kill it on the host and make sure nothing of it is left.

use super::copy;
use super::events::Observer;
use super::plan::{Action, Spec};
use super::remote::{self, RemotePaths, Run};
use super::ssh::{self, ConnectOptions};
use super::{Host, HostResult, HostStatus, Stream};
use openssh::{Session, Stdio};
use openssh_sftp_client::{Sftp, SftpOptions};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};
use tokio::io::{AsyncBufReadExt, AsyncRead};

/// Output lines kept per host in the state file (the live stream shows everything).
pub const MAX_LINES: usize = 10_000;
/// Output bytes kept per host.
pub const MAX_BYTES: usize = 4 << 20;
/// Longer lines are split.
const MAX_LINE: usize = 16 << 10;

/// What every host job of an execution shares.
pub struct Job {
    pub spec: Spec,
    pub connect: ConnectOptions,
    pub observer: Arc<dyn Observer>,
    pub cancel: crate::cancel::Cancel,
    /// Random per execution; with the host's index it names the remote temp files.
    pub token: String,
}

/// Run the plan on one host. Never fails: every outcome is a [`HostResult`].
pub async fn run(job: Arc<Job>, host: Host, index: usize, batch: usize) -> HostResult {
    let t0 = Instant::now();
    let mut r = HostResult::new(&host.name, batch);
    r.started_at = Some(crate::state::now_rfc3339());
    job.observer.host_started(&host.name);
    let cap = Capture {
        host: host.name.clone(),
        observer: job.observer.clone(),
        inner: Mutex::new(Kept::default()),
    };
    let session = tokio::select! {
        s = ssh::connect(&host, &job.connect) => s,
        _ = job.cancel.cancelled() => {
            r.status = HostStatus::Interrupted;
            r.reason = Some("interrupted while connecting".into());
            r.duration = t0.elapsed();
            return r;
        }
    };
    match session {
        Err(f) => {
            r.status = f.status;
            r.reason = Some(f.reason);
        }
        Ok((session, guard)) => {
            tracing::debug!(host = %host.name, ms = t0.elapsed().as_millis() as u64, "connected");
            let session = Arc::new(session);
            let paths = RemotePaths::new(&format!("{}-{index}", job.token));
            work(&job, &session, &paths, &cap, &mut r).await;
            tracing::debug!(host = %host.name, ms = t0.elapsed().as_millis() as u64, "ran");
            if let Ok(s) = Arc::try_unwrap(session)
                && let Ok(Ok(())) = tokio::time::timeout(Duration::from_secs(5), s.close()).await
            {
                guard.disarm();
            }
            tracing::debug!(host = %host.name, ms = t0.elapsed().as_millis() as u64, "closed");
        }
    }
    let kept = cap.into_kept();
    r.output = kept.lines;
    r.truncated = kept.truncated;
    r.duration = t0.elapsed();
    r
}

async fn work(
    job: &Job,
    session: &Arc<Session>,
    paths: &RemotePaths,
    cap: &Capture,
    r: &mut HostResult,
) {
    let sudo = job.spec.options.sudo;
    let script = match &job.spec.action {
        Action::Script { body, .. } => Some(body),
        _ => None,
    };
    if !job.spec.copies.is_empty() || script.is_some() {
        let sftp = match Sftp::from_clonable_session(session.clone(), SftpOptions::default()).await
        {
            Ok(s) => s,
            Err(e) => {
                r.status = HostStatus::Error;
                r.reason = Some(format!(
                    "sftp unavailable on the host: {}",
                    ssh::error_text(&e)
                ));
                return;
            }
        };
        let res = transfer(job, session, &sftp, paths, script.map(|s| s.as_bytes()), r).await;
        let _ = tokio::time::timeout(Duration::from_secs(5), sftp.close()).await;
        if let Err(reason) = res {
            r.status = HostStatus::Error;
            r.reason = Some(reason);
            return;
        }
    }
    let run = match &job.spec.action {
        Action::Command { command } => Run::Command(command),
        Action::Script { body, .. } => Run::Script {
            interpreter: body
                .strip_prefix("#!")
                .and_then(|rest| rest.lines().next())
                .map(str::trim)
                .filter(|i| !i.is_empty()),
        },
        Action::None => {
            r.status = HostStatus::Ok;
            return;
        }
    };
    execute(
        job,
        session,
        paths,
        remote::wrapper(paths, run, sudo),
        cap,
        r,
    )
    .await;
}

/// Copies (verified) and the script upload.
async fn transfer(
    job: &Job,
    session: &Session,
    sftp: &Sftp,
    paths: &RemotePaths,
    script: Option<&[u8]>,
    r: &mut HostResult,
) -> Result<(), String> {
    let sudo = job.spec.options.sudo;
    for (i, c) in job.spec.copies.iter().enumerate() {
        let target = if sudo {
            paths.staged(i)
        } else {
            c.dest.clone()
        };
        let n = copy::upload(sftp, &c.src, &target, c.mode, sudo).await?;
        if sudo {
            copy::helper(
                session,
                &remote::install_staged(&target, &c.dest, c.mode),
                Duration::from_secs(60),
            )
            .await
            .map_err(|e| format!("installing {} as root: {e}", c.dest))?;
        }
        let sum = copy::remote_sha256(session, &c.dest, sudo).await?;
        if sum != c.sha256 {
            return Err(format!(
                "checksum mismatch on {} (local {}, host {})",
                c.dest,
                &c.sha256[..12],
                &sum[..12]
            ));
        }
        r.bytes += n;
    }
    if let Some(body) = script {
        copy::upload_bytes(sftp, body, &paths.script(), 0o700).await?;
    }
    Ok(())
}

/// Run the wrapped command, streaming its output, within the timeout.
async fn execute(
    job: &Job,
    session: &Session,
    paths: &RemotePaths,
    cmd: String,
    cap: &Capture,
    r: &mut HostResult,
) {
    let mut child = match session
        .raw_command(&cmd)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .await
    {
        Ok(c) => c,
        Err(e) => {
            r.status = HostStatus::Error;
            r.reason = Some(format!("cannot start the command: {}", ssh::error_text(&e)));
            return;
        }
    };
    let out = child.stdout().take();
    let err = child.stderr().take();
    let work = async move {
        let pumps = async {
            tokio::join!(
                pump(out, Stream::Stdout, cap),
                pump(err, Stream::Stderr, cap)
            )
        };
        tokio::pin!(pumps);
        let wait = child.wait();
        tokio::pin!(wait);
        let mut drained = false;
        let status = loop {
            tokio::select! {
                st = &mut wait => break st,
                _ = &mut pumps, if !drained => drained = true,
            }
        };
        if !drained {
            // a background process may hold the pipes open: do not wait for it forever
            let _ = tokio::time::timeout(Duration::from_secs(2), &mut pumps).await;
        }
        status
    };
    tokio::pin!(work);
    let timeout = job.spec.options.timeout();
    let (status, stopped) = tokio::select! {
        st = &mut work => (Some(st), None),
        _ = sleep_opt(timeout) => (None, Some(HostStatus::Timeout)),
        _ = job.cancel.cancelled() => (None, Some(HostStatus::Interrupted)),
    };
    if let Some(why) = stopped {
        let limit = timeout.unwrap_or_default();
        let verdict = kill(session, paths, job.spec.options.sudo).await;
        let _ = tokio::time::timeout(Duration::from_secs(5), &mut work).await;
        r.status = why;
        r.reason = Some(match (why, verdict) {
            (HostStatus::Timeout, Ok(())) => format!(
                "killed on the host after {}",
                humantime::format_duration(limit)
            ),
            (_, Ok(())) => "interrupted; killed on the host".to_string(),
            (_, Err(e)) => format!("could not kill the command on the host: {e}"),
        });
        return;
    }
    match status.expect("finished") {
        Ok(st) => match st.code() {
            Some(0) => r.status = HostStatus::Ok,
            Some(code) => {
                r.status = HostStatus::Failed;
                r.exit_code = Some(code);
                r.reason = Some(if code == 125 && cap.saw("shark: cannot create") {
                    "could not create the pid file in /tmp".into()
                } else {
                    format!("exit {code}")
                });
            }
            None => {
                r.status = HostStatus::Failed;
                r.reason = Some("killed by a signal".into());
            }
        },
        Err(openssh::Error::RemoteProcessTerminated) => {
            r.status = HostStatus::Failed;
            r.reason = Some("killed by a signal (or the connection dropped)".into());
        }
        Err(e) => {
            r.status = HostStatus::Unreachable;
            r.reason = Some(format!("connection lost: {}", ssh::error_text(&e)));
        }
    }
}

/// Kill the command's process group on the host and confirm nothing of it is left.
async fn kill(session: &Session, paths: &RemotePaths, sudo: bool) -> Result<(), String> {
    let out = copy::helper(session, &remote::kill(paths, sudo), Duration::from_secs(20)).await?;
    if out.trim_end().ends_with("gone") {
        Ok(())
    } else {
        Err("a process of the command is still running".into())
    }
}

async fn sleep_opt(d: Option<Duration>) {
    match d {
        Some(d) => tokio::time::sleep(d).await,
        None => std::future::pending().await,
    }
}

#[derive(Default)]
struct Kept {
    lines: Vec<(Stream, String)>,
    bytes: usize,
    truncated: bool,
}

/// Live lines to the observer, and a bounded copy for the state file.
struct Capture {
    host: String,
    observer: Arc<dyn Observer>,
    inner: Mutex<Kept>,
}

impl Capture {
    fn emit(&self, stream: Stream, raw: &[u8]) {
        let raw = raw.strip_suffix(b"\r").unwrap_or(raw);
        let text = String::from_utf8_lossy(raw);
        self.observer.line(&self.host, stream, &text);
        let mut k = self.inner.lock().unwrap_or_else(|p| p.into_inner());
        if k.lines.len() < MAX_LINES && k.bytes + text.len() <= MAX_BYTES {
            k.bytes += text.len();
            k.lines.push((stream, text.into_owned()));
        } else {
            k.truncated = true;
        }
    }

    fn saw(&self, needle: &str) -> bool {
        let k = self.inner.lock().unwrap_or_else(|p| p.into_inner());
        k.lines.iter().any(|(_, l)| l.contains(needle))
    }

    fn into_kept(self) -> Kept {
        self.inner.into_inner().unwrap_or_else(|p| p.into_inner())
    }
}

/// Read a stream line by line into the capture.
async fn pump<R: AsyncRead + Unpin>(reader: Option<R>, stream: Stream, cap: &Capture) {
    let Some(reader) = reader else { return };
    let mut reader = tokio::io::BufReader::new(reader);
    let mut line = Vec::new();
    while let Ok(buf) = reader.fill_buf().await {
        if buf.is_empty() {
            break;
        }
        if let Some(i) = buf.iter().position(|b| *b == b'\n') {
            line.extend_from_slice(&buf[..i]);
            reader.consume(i + 1);
            cap.emit(stream, &line);
            line.clear();
        } else {
            let n = buf.len();
            line.extend_from_slice(buf);
            reader.consume(n);
            if line.len() >= MAX_LINE {
                cap.emit(stream, &line);
                line.clear();
            }
        }
    }
    if !line.is_empty() {
        cap.emit(stream, &line);
    }
}
