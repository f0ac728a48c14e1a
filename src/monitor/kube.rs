//! Kubernetes side of a run: a client without a read timeout (log streams stay quiet for as
//! long as a container writes nothing), the pod watch, and one follower per container that
//! reconnects with `sinceTime` and skips what it already delivered.

use super::error::MonitorError;
use super::position::{Pos, Sequencer, split_line};
use crate::cancel::Cancel;
use crate::conn::Connection;
use crate::conn::clients::{self, KubeTimeouts};
use futures_util::AsyncBufReadExt;
use k8s_openapi::api::core::v1::Pod;
use kube::api::{Api, LogParams};
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::mpsc;

/// A kube client for `conn` (context overridable), with no read timeout.
pub async fn client(
    conn: &Connection,
    context: Option<&str>,
) -> Result<kube::Client, MonitorError> {
    let t = KubeTimeouts {
        connect: Duration::from_secs(10),
        read: None,
    };
    Ok(clients::kube(conn, context, t).await?.0)
}

/// Map a kube error: unreachable/refused → exit 3, anything else → exit 4.
pub fn error(conn: &str, what: &str, e: &kube::Error) -> MonitorError {
    let reason = e.to_string();
    let connect = match e {
        kube::Error::Api(s) => s.code == 401 || s.code == 403,
        kube::Error::HyperError(_) | kube::Error::Service(_) => true,
        _ => false,
    };
    if connect {
        MonitorError::KubeConnect {
            conn: conn.to_string(),
            what: what.to_string(),
            reason,
        }
    } else {
        MonitorError::Kube {
            conn: conn.to_string(),
            what: what.to_string(),
            reason,
        }
    }
}

/// One followed container.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Unit {
    pub namespace: String,
    pub pod: String,
    pub container: String,
}

impl Unit {
    pub fn key(&self) -> String {
        format!("{}/{}/{}", self.namespace, self.pod, self.container)
    }
}

/// What followers send to the run loop.
pub enum Msg {
    Line {
        unit: Arc<Unit>,
        pos: Pos,
        ts: String,
        text: String,
    },
    /// The follower stopped for good (pod gone).
    Gone { unit: Arc<Unit> },
    /// A stream ended or failed and will be reopened.
    Reconnect { unit: Arc<Unit>, reason: String },
}

/// How a follower starts.
pub struct FollowFrom {
    /// skip lines at or before this position (None: the container's whole log)
    pub after: Option<Pos>,
    /// read the previous (terminated) instance first: the container restarted while nobody
    /// was following it
    pub previous_first: bool,
}

/// Follow one container until cancelled or its pod is gone. Every line is sent once, in order,
/// with its position; a stream that ends (rotation, restart, API server going away, a cut
/// connection) is reopened from the last position.
pub async fn follow(
    api: Api<Pod>,
    unit: Arc<Unit>,
    from: FollowFrom,
    tx: mpsc::Sender<Msg>,
    cancel: Cancel,
) {
    let mut after = from.after;
    let mut previous = from.previous_first;
    let mut backoff = Duration::from_millis(200);
    loop {
        let lp = LogParams {
            container: Some(unit.container.clone()),
            follow: !previous,
            previous,
            timestamps: true,
            // the API takes whole seconds; kube rounds, so give it the second rounded down
            since_time: after
                .and_then(|p| k8s_openapi::jiff::Timestamp::from_second(p.since_secs()).ok()),
            ..Default::default()
        };
        let opened = tokio::select! {
            _ = cancel.cancelled() => return,
            r = api.log_stream(&unit.pod, &lp) => r,
        };
        let reason = match opened {
            Ok(stream) => {
                let mut stream = std::pin::pin!(stream);
                let mut seq = Sequencer::default();
                let mut buf = Vec::with_capacity(512);
                let mut delivered = false;
                let reason = loop {
                    buf.clear();
                    let r = tokio::select! {
                        _ = cancel.cancelled() => return,
                        r = stream.read_until(b'\n', &mut buf) => r,
                    };
                    match r {
                        Ok(0) => break "stream ended".to_string(),
                        // a line cut short by a dropped connection is read again whole
                        Ok(_) if buf.last() != Some(&b'\n') => {
                            break "stream cut mid-line".to_string();
                        }
                        Ok(_) => {
                            let text = String::from_utf8_lossy(&buf[..buf.len() - 1]);
                            let text = text.strip_suffix('\r').unwrap_or(&text);
                            let Some((ts_ns, ts, msg)) = split_line(text) else {
                                tracing::warn!(unit = %unit.key(), "line without a timestamp skipped");
                                continue;
                            };
                            let pos = seq.next(ts_ns);
                            if after.is_some_and(|a| pos <= a) {
                                continue;
                            }
                            after = Some(pos);
                            delivered = true;
                            let m = Msg::Line {
                                unit: unit.clone(),
                                pos,
                                ts: ts.to_string(),
                                text: msg.to_string(),
                            };
                            if tx.send(m).await.is_err() {
                                return;
                            }
                        }
                        Err(e) => break format!("stream error: {e}"),
                    }
                };
                if delivered {
                    backoff = Duration::from_millis(200);
                }
                if previous {
                    previous = false;
                    continue;
                }
                reason
            }
            Err(kube::Error::Api(s)) if s.code == 404 => {
                let _ = tx.send(Msg::Gone { unit: unit.clone() }).await;
                return;
            }
            Err(kube::Error::Api(s)) if previous && s.code == 400 => {
                // no previous instance to read (any more)
                previous = false;
                continue;
            }
            Err(e) => format!("cannot open the log stream: {e}"),
        };
        let _ = tx
            .send(Msg::Reconnect {
                unit: unit.clone(),
                reason,
            })
            .await;
        tokio::select! {
            _ = cancel.cancelled() => return,
            _ = tokio::time::sleep(backoff) => {}
        }
        backoff = (backoff * 2).min(Duration::from_secs(5));
    }
}
