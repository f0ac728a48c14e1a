//! Kubernetes side of a run: a client without a read timeout (log streams stay quiet for as
//! long as a container writes nothing) but with TCP keepalive, the start-up RBAC check, and one
//! follower per container. A follower reopens its stream with `sinceTime` and skips what it
//! already delivered; whenever a stream ends it looks at the pod: gone or recreated (another uid)
//! ends the follower, a new container instance (restart count up) is read from its previous
//! instance's last position to its end first, then followed. A stream silent past the idle
//! deadline is reopened; failures back off per container up to [`MAX_BACKOFF`] and are reported
//! once as [`Msg::CannotFollow`].

use super::error::MonitorError;
use super::position::{Pos, Sequencer, split_line};
use crate::cancel::Cancel;
use crate::conn::Connection;
use crate::conn::clients::{self, KubeTimeouts};
use futures_util::AsyncBufReadExt;
use k8s_openapi::api::authorization::v1::{
    ResourceAttributes, SelfSubjectAccessReview, SelfSubjectAccessReviewSpec,
};
use k8s_openapi::api::core::v1::Pod;
use kube::api::{Api, LogParams, PostParams};
use std::sync::Arc;
use std::time::{Duration, Instant};
use tokio::sync::{mpsc, watch};

/// Longest wait between two attempts to open a container's stream.
pub const MAX_BACKOFF: Duration = Duration::from_secs(30);
/// Failed opens in a row before a container is reported as not followed.
pub const FAILURES_BEFORE_REPORT: u32 = 5;
/// Longest wait for a stream to open (connect, TLS, response head) or a pod to be read: the
/// client has no read timeout (streams stay quiet as long as their container), so a request
/// that hangs before any byte is cut here.
pub const OPEN_TIMEOUT: Duration = Duration::from_secs(20);

/// A kube client for `conn` (context overridable): no read timeout, TCP keepalive.
pub async fn client(
    conn: &Connection,
    context: Option<&str>,
) -> Result<kube::Client, MonitorError> {
    let t = KubeTimeouts {
        connect: Duration::from_secs(10),
        read: None,
        keepalive: Some(Duration::from_secs(30)),
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

/// What a monitor needs RBAC for: (verb, resource, subresource).
const NEEDED: [(&str, &str, &str); 3] = [
    ("list", "pods", ""),
    ("watch", "pods", ""),
    ("get", "pods", "log"),
];

/// Ask the API server (SelfSubjectAccessReview) whether this user may list and watch pods and
/// read their logs in `namespace` (None: all namespaces). A cluster that cannot answer (no
/// authorization API) is not refused here: the first request will tell.
pub async fn check_access(
    client: &kube::Client,
    conn: &str,
    namespace: Option<&str>,
) -> Result<(), MonitorError> {
    let api: Api<SelfSubjectAccessReview> = Api::all(client.clone());
    for (verb, resource, sub) in NEEDED {
        let review = SelfSubjectAccessReview {
            spec: SelfSubjectAccessReviewSpec {
                resource_attributes: Some(ResourceAttributes {
                    namespace: namespace.map(str::to_string),
                    verb: Some(verb.into()),
                    resource: Some(resource.into()),
                    subresource: (!sub.is_empty()).then(|| sub.to_string()),
                    ..Default::default()
                }),
                ..Default::default()
            },
            ..Default::default()
        };
        let answer = match api.create(&PostParams::default(), &review).await {
            Ok(a) => a,
            Err(kube::Error::Api(s)) if (403..=405).contains(&s.code) => {
                tracing::debug!("cannot ask for access reviews ({}); not checked", s.message);
                return Ok(());
            }
            Err(e) => return Err(error(conn, "access review", &e)),
        };
        let st = answer.status.unwrap_or_default();
        if !st.allowed {
            let what = if sub.is_empty() {
                resource.to_string()
            } else {
                format!("{resource}/{sub}")
            };
            let place = namespace.map_or("across all namespaces".to_string(), |n| {
                format!("in namespace {n}")
            });
            let why = [
                st.reason.unwrap_or_default(),
                st.evaluation_error.unwrap_or_default(),
            ]
            .into_iter()
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>()
            .join("; ");
            return Err(MonitorError::Forbidden {
                conn: conn.to_string(),
                verb: verb.to_string(),
                what,
                place,
                reason: if why.is_empty() { "denied".into() } else { why },
            });
        }
    }
    Ok(())
}

/// One followed container of one pod (the pod by name and uid: a pod recreated under the same
/// name is another pod).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Unit {
    pub namespace: String,
    pub pod: String,
    pub container: String,
    pub uid: String,
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
    /// The follower stopped for good (pod gone, or recreated under its name).
    Gone { unit: Arc<Unit> },
    /// A stream ended or failed and will be reopened.
    Reconnect { unit: Arc<Unit>, reason: String },
    /// Every line of instances before this one (`restarts` = its restart count) was delivered:
    /// a later run need not read `previous`.
    Instance { unit: Arc<Unit>, restarts: i32 },
    /// The container's stream cannot be opened (403, repeated failures); retried with back-off.
    CannotFollow { unit: Arc<Unit>, reason: String },
    /// The stream is open again after a [`Msg::CannotFollow`].
    Following { unit: Arc<Unit> },
}

/// How a follower starts.
pub struct FollowFrom {
    /// skip lines at or before this position (None: the container's whole log)
    pub after: Option<Pos>,
    /// read the previous (terminated) instance first: the container restarted while nobody
    /// was following it
    pub previous_first: bool,
    /// restart count of the instance `after` is in
    pub restarts: i32,
}

/// One container's follower; [`Follower::run`] until cancelled or the pod is gone.
pub struct Follower {
    pub api: Api<Pod>,
    pub unit: Arc<Unit>,
    pub from: FollowFrom,
    /// reopen a stream that delivered nothing this long
    pub idle: Duration,
    pub tx: mpsc::Sender<Msg>,
    pub cancel: Cancel,
    /// the restart count the pod watch last saw (wakes a follower waiting to retry)
    pub restarts: watch::Receiver<i32>,
}

/// How one stream ended.
enum Outcome {
    /// cancelled, or the run loop is gone
    Stop,
    Ended {
        reason: String,
        delivered: bool,
        lasted: Duration,
    },
    OpenFailed(kube::Error),
}

/// The restart count and the pod's uid, as the API has them now.
struct PodNow {
    uid: String,
    restarts: Option<i32>,
}

impl Follower {
    /// Every line is sent once, in order, with its position. See the module doc.
    pub async fn run(mut self) {
        let mut after = self.from.after;
        let mut known = self.from.restarts;
        let mut previous = self.from.previous_first;
        let mut backoff = Duration::from_millis(200);
        let mut failures = 0u32;
        let mut reported = false;
        loop {
            let (reason, forbidden) = match self.stream(&mut after, previous, &mut reported).await {
                Outcome::Stop => return,
                Outcome::Ended {
                    reason,
                    delivered,
                    lasted,
                } => {
                    failures = 0;
                    if delivered || lasted > Duration::from_secs(10) {
                        backoff = Duration::from_millis(200);
                    }
                    if previous {
                        // the previous instance is read to its end: now the current one
                        previous = false;
                        self.instance(known).await;
                        continue;
                    }
                    (reason, false)
                }
                Outcome::OpenFailed(kube::Error::Api(s)) if previous && s.code == 400 => {
                    // no previous instance to read (any more)
                    previous = false;
                    self.instance(known).await;
                    continue;
                }
                Outcome::OpenFailed(e) => {
                    failures += 1;
                    let forbidden = matches!(&e, kube::Error::Api(s) if s.code == 403);
                    let why = match &e {
                        kube::Error::Api(s) => format!("HTTP {}: {}", s.code, s.message),
                        e => e.to_string(),
                    };
                    (format!("cannot open the log stream: {why}"), forbidden)
                }
            };
            // the stream ended or did not open: what became of the pod and the container?
            match self.pod_now().await {
                Ok(None) => {
                    self.send(Msg::Gone {
                        unit: self.unit.clone(),
                    })
                    .await;
                    return;
                }
                Ok(Some(p)) if p.uid != self.unit.uid => {
                    self.send(Msg::Gone {
                        unit: self.unit.clone(),
                    })
                    .await;
                    return;
                }
                Ok(Some(p)) => {
                    if let Some(n) = p.restarts
                        && n > known
                    {
                        // a new instance: the old one's last lines first, then the new one
                        known = n;
                        previous = true;
                        self.send(Msg::Reconnect {
                            unit: self.unit.clone(),
                            reason: format!(
                                "{reason}; the container restarted (restart {n}): reading the \
                                 previous instance to its end first"
                            ),
                        })
                        .await;
                        continue;
                    }
                }
                Err(()) => {
                    if self.cancel.is_cancelled() {
                        return;
                    }
                }
            }
            if failures > 0 && !reported && (forbidden || failures >= FAILURES_BEFORE_REPORT) {
                reported = true;
                let why = if forbidden {
                    format!(
                        "{reason}; grant get on pods/log in namespace {}",
                        self.unit.namespace
                    )
                } else {
                    reason.clone()
                };
                self.send(Msg::CannotFollow {
                    unit: self.unit.clone(),
                    reason: why,
                })
                .await;
            } else if failures <= 1 {
                self.send(Msg::Reconnect {
                    unit: self.unit.clone(),
                    reason,
                })
                .await;
            }
            tokio::select! {
                _ = self.cancel.cancelled() => return,
                _ = tokio::time::sleep(backoff) => {}
                // the watch saw a restart: look again now
                _ = changed(&mut self.restarts) => {}
            }
            backoff = (backoff * 2).min(MAX_BACKOFF);
        }
    }

    async fn send(&self, m: Msg) {
        let _ = self.tx.send(m).await;
    }

    /// Everything before instance `restarts` is delivered.
    async fn instance(&self, restarts: i32) {
        self.send(Msg::Instance {
            unit: self.unit.clone(),
            restarts,
        })
        .await;
    }

    /// The pod as the API has it now: Ok(None) = gone, Err = cannot tell (or cancelled).
    async fn pod_now(&self) -> Result<Option<PodNow>, ()> {
        let p = tokio::select! {
            _ = self.cancel.cancelled() => return Err(()),
            p = tokio::time::timeout(OPEN_TIMEOUT, self.api.get_opt(&self.unit.pod)) => {
                p.map_err(|_| ())?.map_err(|_| ())?
            }
        };
        Ok(p.map(|p| PodNow {
            uid: p.metadata.uid.clone().unwrap_or_default(),
            restarts: restarts_of(&p, &self.unit.container),
        }))
    }

    /// Open one stream (`previous`: the last terminated instance, read to its end) and deliver
    /// its lines after `after`. Once it is open, a `reported` failure is over.
    async fn stream(
        &self,
        after: &mut Option<Pos>,
        previous: bool,
        reported: &mut bool,
    ) -> Outcome {
        let lp = LogParams {
            container: Some(self.unit.container.clone()),
            follow: !previous,
            previous,
            timestamps: true,
            // the API takes whole seconds; kube rounds, so give it the second rounded down
            since_time: after
                .and_then(|p| k8s_openapi::jiff::Timestamp::from_second(p.since_secs()).ok()),
            ..Default::default()
        };
        let opened = tokio::select! {
            _ = self.cancel.cancelled() => return Outcome::Stop,
            r = tokio::time::timeout(OPEN_TIMEOUT, self.api.log_stream(&self.unit.pod, &lp)) => r,
        };
        let stream = match opened {
            Ok(Ok(s)) => s,
            Ok(Err(e)) => return Outcome::OpenFailed(e),
            Err(_) => {
                return Outcome::Ended {
                    reason: format!("no answer within {}s", OPEN_TIMEOUT.as_secs()),
                    delivered: false,
                    lasted: OPEN_TIMEOUT,
                };
            }
        };
        if std::mem::take(reported) {
            self.send(Msg::Following {
                unit: self.unit.clone(),
            })
            .await;
        }
        let t0 = Instant::now();
        let mut stream = std::pin::pin!(stream);
        let mut seq = Sequencer::default();
        let mut buf = Vec::with_capacity(512);
        let mut delivered = false;
        let reason = loop {
            buf.clear();
            let r = tokio::select! {
                _ = self.cancel.cancelled() => return Outcome::Stop,
                r = tokio::time::timeout(self.idle, stream.read_until(b'\n', &mut buf)) => r,
            };
            let r = match r {
                Ok(r) => r,
                Err(_) => {
                    break format!(
                        "no data for {}s; reopening",
                        self.idle.as_secs_f64().round()
                    );
                }
            };
            match r {
                Ok(0) => break "stream ended".to_string(),
                // a line cut short by a dropped connection is read again whole
                Ok(_) if buf.last() != Some(&b'\n') => break "stream cut mid-line".to_string(),
                Ok(_) => {
                    let text = String::from_utf8_lossy(&buf[..buf.len() - 1]);
                    let text = text.strip_suffix('\r').unwrap_or(&text);
                    let Some((ts_ns, ts, msg)) = split_line(text) else {
                        tracing::warn!(unit = %self.unit.key(), "line without a timestamp skipped");
                        continue;
                    };
                    let pos = seq.next(ts_ns);
                    if after.is_some_and(|a| pos <= a) {
                        continue;
                    }
                    *after = Some(pos);
                    delivered = true;
                    let m = Msg::Line {
                        unit: self.unit.clone(),
                        pos,
                        ts: ts.to_string(),
                        text: msg.to_string(),
                    };
                    if self.tx.send(m).await.is_err() {
                        return Outcome::Stop;
                    }
                }
                Err(e) => break format!("stream error: {e}"),
            }
        };
        Outcome::Ended {
            reason,
            delivered,
            lasted: t0.elapsed(),
        }
    }
}

/// Wait for the next value; never returns once the sender is gone.
async fn changed(rx: &mut watch::Receiver<i32>) {
    if rx.changed().await.is_err() {
        std::future::pending::<()>().await;
    }
}

/// The restart count of container `c` of pod `p`, if the status has it.
pub fn restarts_of(p: &Pod, c: &str) -> Option<i32> {
    p.status
        .as_ref()?
        .container_statuses
        .as_ref()?
        .iter()
        .find(|s| s.name == c)
        .map(|s| s.restart_count)
}
