//! `monitor run`: the foreground loop. A watch per namespace keeps the set of followed pods;
//! one follower task per container streams its lines (see `kube::follow`); this loop matches
//! them, keeps the alert state, buffers the archive and, twice a second, commits positions,
//! rule state and new alerts in one transaction before handing the alerts to Slack delivery.
//! Ctrl-C (or `monitor stop`) flushes open alerts and archive buffers and checkpoints.

use super::alerting::{Alerting, Fired, Origin};
use super::archive::{self, Buffer};
use super::error::MonitorError;
use super::kube::{self as k, FollowFrom, Msg, Unit};
use super::matcher::{Matcher, RuleMask};
use super::position::Pos;
use super::slack;
use super::spec::{ArchiveLines, MonitorSpec};
use super::store::{AlertRow, MonitorStore, task_key};
use crate::cancel::Cancel;
use crate::conn::{Connection, Registry};
use crate::state::{Lease, Store, now_ms, now_rfc3339};
use futures_util::StreamExt;
use k8s_openapi::api::core::v1::Pod;
use kube::api::{Api, ListParams};
use kube::runtime::{WatchStreamExt, watcher};
use serde::Serialize;
use std::collections::{HashMap, HashSet};
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::mpsc;

/// What a run reports as it goes (NDJSON events with `-o json`).
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
    ArchiveExpired {
        deleted: usize,
    },
    Stopped {
        lines: u64,
        matches: u64,
        alerts: u64,
        objects: u64,
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
    /// stopped by Ctrl-C / SIGTERM (exit 130) rather than `monitor stop`
    pub interrupted: bool,
}

#[derive(Default)]
struct UnitState {
    matched: Pos,
    archived: Pos,
    /// last line taken this run (or the resume point): anything at or before it is a repeat
    seen: Pos,
    restarts: i32,
    buf: Option<Buffer>,
    buf_last: Pos,
    dirty: bool,
}

struct Archive {
    conn: Connection,
    s3: object_store::aws::AmazonS3,
    base: String,
    lines: ArchiveLines,
    window_ns: i64,
    retention: Option<Duration>,
}

struct Runner<'a> {
    spec: MonitorSpec,
    ms: MonitorStore<'a>,
    obs: &'a dyn Observer,
    matcher: Matcher,
    alerting: Alerting,
    rules_dirty: bool,
    units: HashMap<String, UnitState>,
    archive: Option<Archive>,
    slack: bool,
    summary: Summary,
    /// bytes held in archive buffers, all containers together
    buffered: usize,
}

const TICK: Duration = Duration::from_millis(500);

fn pos_of(v: &serde_json::Value, k: &str) -> Option<Pos> {
    v.get(k)
        .and_then(|p| serde_json::from_value(p.clone()).ok())
}

/// Run monitor `name` until cancelled or stopped from another terminal.
pub async fn run(
    store: &Store,
    reg: &Registry<'_>,
    declared: &super::Declared,
    name: &str,
    run_id: Option<i64>,
    cancel: Cancel,
    obs: &dyn Observer,
) -> Result<Summary, MonitorError> {
    let ms = MonitorStore::new(store)?;
    let spec = super::spec_of(store, declared, name)?;
    if declared.get(name).is_some() {
        // a stored monitor's connections were checked by `monitor add`
        super::check_conns(reg, &spec)?;
    }
    let matcher = Matcher::new(&spec.rules)?;
    let container_re = spec
        .containers
        .as_deref()
        .map(regex::Regex::new)
        .transpose()
        .map_err(|e| MonitorError::invalid(e.to_string()))?;
    let lease = Lease::acquire(
        store,
        &task_key(name),
        run_id,
        &format!("monitor stop {name}"),
    )?;
    let kconn = reg.get(&spec.kube)?;
    let client = k::client(&kconn, spec.context.as_deref()).await?;
    let slack_conn = spec.slack.as_deref().map(|s| reg.get(s)).transpose()?;
    let archive = match &spec.archive {
        Some(a) => {
            let conn = reg.get(&a.conn)?;
            Some(Archive {
                s3: archive::store(&conn)?,
                base: archive::base(&conn, &a.prefix),
                conn,
                lines: a.lines,
                window_ns: a.window.0.as_nanos() as i64,
                retention: a.retention.map(|r| r.0),
            })
        }
        None => None,
    };

    // where every known container stands, and the rule state that goes with it
    let mut units = HashMap::new();
    let mut alerting = Alerting::default();
    for (unit, p) in ms.positions(name)? {
        if unit == "~rules" {
            alerting = serde_json::from_value(p).map_err(|e| MonitorError::Corrupt {
                name: name.to_string(),
                path: store.path().display().to_string(),
                reason: format!("rule state checkpoint: {e}"),
            })?;
            continue;
        }
        let matched = pos_of(&p, "matched").unwrap_or_default();
        let archived = pos_of(&p, "archived").unwrap_or(matched);
        let seen = if archive.is_some() {
            matched.min(archived)
        } else {
            matched
        };
        units.insert(
            unit,
            UnitState {
                matched,
                archived,
                seen,
                restarts: p.get("restarts").and_then(|v| v.as_i64()).unwrap_or(0) as i32,
                ..Default::default()
            },
        );
    }

    // the API must answer (and accept the selector) before anything is followed
    let apis: Vec<Api<Pod>> = if spec.namespaces.is_empty() {
        vec![Api::all(client.clone())]
    } else {
        spec.namespaces
            .iter()
            .map(|n| Api::namespaced(client.clone(), n))
            .collect()
    };
    let mut lp = ListParams::default().limit(1);
    if let Some(s) = &spec.selector {
        lp = lp.labels(s);
    }
    for api in &apis {
        api.list(&lp)
            .await
            .map_err(|e| k::error(&spec.kube, "listing pods", &e))?;
    }

    obs.event(&Event::Started {
        monitor: name.to_string(),
        resumed_containers: units.len(),
        at: now_rfc3339(),
    });

    let mut runner = Runner {
        ms: MonitorStore::new(store)?,
        obs,
        matcher,
        alerting,
        rules_dirty: false,
        units,
        archive,
        slack: slack_conn.is_some(),
        summary: Summary::default(),
        buffered: 0,
        spec,
    };

    // alerts recorded but not delivered by an earlier run go first
    let (alert_tx, alert_rx) = mpsc::unbounded_channel::<AlertRow>();
    if runner.slack {
        for a in ms
            .alerts(name, Some("pending"), 1000)?
            .into_iter()
            .chain(ms.alerts(name, Some("failed"), 1000)?)
            .filter(|a| a.status == "pending" || a.attempts < 3 * slack::MAX_FAILURES)
            .rev()
        {
            let _ = alert_tx.send(a);
        }
    }

    let main = async {
        let r = runner
            .main_loop(
                &client,
                &apis,
                container_re.as_ref(),
                &lease,
                &cancel,
                &alert_tx,
            )
            .await;
        drop(alert_tx);
        r
    };
    let delivery = async {
        let Some(conn) = &slack_conn else { return };
        let deliver = deliver_all(&ms, conn, alert_rx, obs);
        tokio::select! {
            _ = deliver => {}
            // after Ctrl-C, delivery gets a grace period; what is left stays pending for the next run
            _ = async { cancel.cancelled().await; tokio::time::sleep(Duration::from_secs(15)).await } => {}
        }
    };
    let (r, ()) = tokio::join!(main, delivery);
    let stopped_by = r?;
    let mut summary = runner.summary.clone();
    summary.interrupted = stopped_by == "interrupted";
    obs.event(&Event::Stopped {
        lines: summary.lines,
        matches: summary.matches,
        alerts: summary.alerts,
        objects: summary.objects,
        reason: stopped_by.to_string(),
    });
    Ok(summary)
}

async fn deliver_all(
    ms: &MonitorStore<'_>,
    conn: &Connection,
    mut rx: mpsc::UnboundedReceiver<AlertRow>,
    obs: &dyn Observer,
) {
    let client = match slack::client() {
        Ok(c) => c,
        Err(e) => {
            tracing::error!("slack client: {e}");
            return;
        }
    };
    while let Some(a) = rx.recv().await {
        let (status, attempts, error) = slack::deliver(&client, conn, &a, |d, why| {
            obs.event(&Event::AlertRetry {
                id: a.id,
                wait_s: d.as_secs_f64(),
                reason: why.to_string(),
            })
        })
        .await;
        if let Err(e) = ms.alert_status(a.id, &status, attempts, error.as_deref()) {
            tracing::error!("recording the delivery of alert {}: {e}", a.id);
        }
        obs.event(&Event::AlertDelivery {
            id: a.id,
            status,
            attempts,
            error,
        });
    }
}

struct Followed {
    uid: String,
    cancel: Cancel,
}

impl Runner<'_> {
    #[allow(clippy::too_many_arguments)]
    async fn main_loop(
        &mut self,
        client: &kube::Client,
        apis: &[Api<Pod>],
        container_re: Option<&regex::Regex>,
        lease: &Lease,
        cancel: &Cancel,
        alert_tx: &mpsc::UnboundedSender<AlertRow>,
    ) -> Result<&'static str, MonitorError> {
        let start_ns = chrono::Utc::now().timestamp_nanos_opt().unwrap_or(0);
        let first_from = Pos {
            ts: start_ns - self.spec.since.map_or(0, |s| s.0.as_nanos() as i64),
            n: 0,
        };
        let followers_cancel = cancel.child();
        let (tx, mut rx) = mpsc::channel::<Msg>(4096);
        let mut cfg = watcher::Config::default();
        if let Some(s) = &self.spec.selector {
            cfg = cfg.labels(s);
        }
        let mut watch =
            futures_util::stream::select_all(apis.iter().enumerate().map(|(i, api)| {
                watcher(api.clone(), cfg.clone())
                    .default_backoff()
                    .map(move |e| (i, e))
                    .boxed()
            }));
        let mut pods: HashMap<(String, String), (usize, Followed)> = HashMap::new();
        let mut listing: HashMap<usize, HashSet<(String, String)>> = HashMap::new();
        let mut init_done: HashSet<usize> = HashSet::new();
        let mut tick = tokio::time::interval(TICK);
        let mut last_expire: Option<std::time::Instant> = None;
        let reason = loop {
            tokio::select! {
                _ = cancel.cancelled() => break "interrupted",
                ev = watch.next() => {
                    let Some((wi, ev)) = ev else { break "watch ended" };
                    match ev {
                        Ok(watcher::Event::Init) => { listing.insert(wi, HashSet::new()); }
                        Ok(watcher::Event::InitApply(p)) | Ok(watcher::Event::Apply(p)) => {
                            let key = pod_key(&p);
                            if let Some(l) = listing.get_mut(&wi) { l.insert(key.clone()); }
                            let initial = init_done.len() < apis.len();
                            self.pod_applied(client, &p, wi, container_re, &mut pods, initial.then_some(first_from), &tx, &followers_cancel);
                        }
                        Ok(watcher::Event::InitDone) => {
                            let first = init_done.len() < apis.len();
                            init_done.insert(wi);
                            if let Some(seen) = listing.remove(&wi) {
                                let gone: Vec<_> = pods.iter().filter(|(k, (w, _))| *w == wi && !seen.contains(*k)).map(|(k, _)| k.clone()).collect();
                                for k in gone { self.pod_gone(&k, &mut pods); }
                            }
                            if first && init_done.len() == apis.len() {
                                // checkpoints of containers whose pods went away while stopped
                                let stale: Vec<String> = self.units.keys().filter(|k| {
                                    let mut p = k.splitn(3, '/');
                                    let key = (p.next().unwrap_or_default().to_string(), p.next().unwrap_or_default().to_string());
                                    !pods.contains_key(&key)
                                }).cloned().collect();
                                for k in stale { self.retire(&k).await; }
                            }
                        }
                        Ok(watcher::Event::Delete(p)) => self.pod_gone(&pod_key(&p), &mut pods),
                        Err(e) => tracing::warn!("pod watch: {e}; retrying"),
                    }
                }
                m = rx.recv() => {
                    if let Some(m) = m { self.on_batch(m, &mut rx).await; }
                }
                _ = tick.tick() => {
                    lease.check()?;
                    if lease.stop_requested() { break "stopped"; }
                    self.tick(false, alert_tx).await?;
                    if let Some(a) = &self.archive && let Some(r) = a.retention
                        && last_expire.is_none_or(|t| t.elapsed() > Duration::from_secs(3600)) {
                        last_expire = Some(std::time::Instant::now());
                        match archive::expire(&a.s3, &a.conn, &a.base, r).await {
                            Ok(n) => if n > 0 { self.obs.event(&Event::ArchiveExpired { deleted: n }) },
                            Err(e) => self.obs.event(&Event::ArchiveError { reason: e.to_string() }),
                        }
                    }
                }
            }
        };
        // stop following, take what already arrived, then flush everything and checkpoint
        followers_cancel.cancel();
        drop(tx);
        while let Some(m) = rx.recv().await {
            self.on_batch(m, &mut rx).await;
        }
        self.tick(true, alert_tx).await?;
        Ok(reason)
    }

    #[allow(clippy::too_many_arguments)]
    fn pod_applied(
        &mut self,
        client: &kube::Client,
        p: &Pod,
        wi: usize,
        container_re: Option<&regex::Regex>,
        pods: &mut HashMap<(String, String), (usize, Followed)>,
        initial_from: Option<Pos>,
        tx: &mpsc::Sender<Msg>,
        followers_cancel: &Cancel,
    ) {
        let (ns, name) = pod_key(p);
        let uid = p.metadata.uid.clone().unwrap_or_default();
        let restarts: HashMap<String, i32> = p
            .status
            .as_ref()
            .and_then(|s| s.container_statuses.as_ref())
            .map(|cs| {
                cs.iter()
                    .map(|c| (c.name.clone(), c.restart_count))
                    .collect()
            })
            .unwrap_or_default();
        if let Some((_, f)) = pods.get(&(ns.clone(), name.clone())) {
            if f.uid == uid {
                // a restart while followed: the stream ends and is reopened by the follower;
                // remember the count so the next run does not read `previous` again
                for (c, n) in &restarts {
                    if let Some(st) = self.units.get_mut(&format!("{ns}/{name}/{c}")) {
                        st.restarts = *n;
                        st.dirty = true;
                    }
                }
                return;
            }
            // recreated under the same name: follow the new one
            f.cancel.cancel();
        }
        let containers: Vec<String> = p
            .spec
            .as_ref()
            .map(|s| s.containers.iter().map(|c| c.name.clone()).collect())
            .unwrap_or_default();
        let containers: Vec<String> = containers
            .into_iter()
            .filter(|c| container_re.is_none_or(|r| r.is_match(c)))
            .collect();
        let pod_cancel = followers_cancel.child();
        let api: Api<Pod> = Api::namespaced(client.clone(), &ns);
        for c in &containers {
            let unit = Arc::new(Unit {
                namespace: ns.clone(),
                pod: name.clone(),
                container: c.clone(),
            });
            let now_restarts = restarts.get(c).copied().unwrap_or(0);
            let from = match self.units.get_mut(&unit.key()) {
                Some(st) => {
                    let previous_first = st.restarts < now_restarts && st.seen != Pos::default();
                    st.restarts = now_restarts;
                    FollowFrom {
                        after: (st.seen != Pos::default()).then_some(st.seen),
                        previous_first,
                    }
                }
                None => {
                    let st = UnitState {
                        restarts: now_restarts,
                        ..Default::default()
                    };
                    self.units.insert(unit.key(), st);
                    FollowFrom {
                        after: initial_from,
                        previous_first: false,
                    }
                }
            };
            tokio::spawn(k::follow(
                api.clone(),
                unit,
                from,
                tx.clone(),
                pod_cancel.clone(),
            ));
        }
        self.obs.event(&Event::PodAdded {
            namespace: ns.clone(),
            pod: name.clone(),
            containers,
        });
        pods.insert(
            (ns, name),
            (
                wi,
                Followed {
                    uid,
                    cancel: pod_cancel,
                },
            ),
        );
    }

    /// A pod left the selection: its followers end by themselves once its log is gone (so its
    /// last lines are still read).
    fn pod_gone(
        &mut self,
        key: &(String, String),
        pods: &mut HashMap<(String, String), (usize, Followed)>,
    ) {
        if pods.remove(key).is_some() {
            self.obs.event(&Event::PodGone {
                namespace: key.0.clone(),
                pod: key.1.clone(),
            });
        }
    }

    /// Take `first` and whatever else is already queued (up to 1024 lines), match all their
    /// lines in one pass over one block (the detector's cost per byte, not per call), then
    /// process them in order.
    async fn on_batch(&mut self, first: Msg, rx: &mut mpsc::Receiver<Msg>) {
        let mut batch = vec![first];
        while batch.len() < 1024 {
            match rx.try_recv() {
                Ok(m) => batch.push(m),
                Err(_) => break,
            }
        }
        let mut block = Vec::new();
        let mut starts = Vec::new();
        for m in &batch {
            if let Msg::Line { text, .. } = m {
                starts.push(block.len());
                block.extend_from_slice(text.as_bytes());
                block.push(b'\n');
            }
        }
        let mut masks = vec![0; starts.len()];
        let base = block.as_ptr() as usize;
        self.matcher.block(&block, |line, mask| {
            if let Ok(i) = starts.binary_search(&(line.as_ptr() as usize - base)) {
                masks[i] = mask;
            }
        });
        let mut masks = masks.into_iter();
        for m in batch {
            let mask = match &m {
                Msg::Line { .. } => masks.next().unwrap_or(0),
                _ => 0,
            };
            self.on_msg(m, mask).await;
        }
    }

    /// One message; `mask` = the rules its line matched.
    async fn on_msg(&mut self, m: Msg, mask: RuleMask) {
        let (unit, pos, ts, text) = match m {
            Msg::Line {
                unit,
                pos,
                ts,
                text,
            } => (unit, pos, ts, text),
            Msg::Gone { unit } => {
                tracing::debug!(unit = %unit.key(), "log gone");
                self.retire(&unit.key()).await;
                return;
            }
            Msg::Reconnect { unit, reason } => {
                self.obs.event(&Event::Reconnect {
                    namespace: unit.namespace.clone(),
                    pod: unit.pod.clone(),
                    container: unit.container.clone(),
                    reason,
                });
                return;
            }
        };
        let key = unit.key();
        let st = self.units.entry(key.clone()).or_default();
        if pos <= st.seen {
            return;
        }
        st.seen = pos;
        st.dirty = true;
        self.summary.lines += 1;
        let fresh = pos > st.matched;
        if fresh {
            st.matched = pos;
            let now = now_ms();
            let o = Origin {
                namespace: &unit.namespace,
                pod: &unit.pod,
                container: &unit.container,
            };
            for (ri, rule) in self.spec.rules.iter().enumerate() {
                if mask & (1 << ri) == 0 {
                    continue;
                }
                self.summary.matches += 1;
                self.rules_dirty = true;
                self.obs.event(&Event::Match {
                    namespace: unit.namespace.clone(),
                    pod: unit.pod.clone(),
                    container: unit.container.clone(),
                    rule: rule.name.clone(),
                    severity: rule.severity.as_str().to_string(),
                    ts: ts.clone(),
                    line: text.clone(),
                });
                self.alerting
                    .on_match(ri, rule, &o, pos.ts, &ts, &text, now);
            }
        }
        let Some(a) = &self.archive else { return };
        let (lines_mode, window_ns) = (a.lines, a.window_ns);
        let st = self.units.get_mut(&key).expect("unit state");
        if pos <= st.archived {
            return;
        }
        let take = lines_mode == ArchiveLines::All || mask != 0;
        if !take {
            if st.buf.is_none() {
                st.archived = pos;
            }
            return;
        }
        let window_start = pos.ts.div_euclid(window_ns) * window_ns;
        if st
            .buf
            .as_ref()
            .is_some_and(|b| b.window_start != window_start)
        {
            self.flush_unit(&key).await;
        }
        let st = self.units.get_mut(&key).expect("unit state");
        let b = st.buf.get_or_insert_with(|| Buffer {
            window_start,
            first: pos,
            lines: 0,
            data: Vec::new(),
        });
        b.data.extend_from_slice(ts.as_bytes());
        b.data.push(b' ');
        b.data.extend_from_slice(text.as_bytes());
        b.data.push(b'\n');
        b.lines += 1;
        st.buf_last = pos;
        self.buffered += ts.len() + text.len() + 2;
        if b.data.len() >= archive::MAX_BUFFER {
            self.flush_unit(&key).await;
        } else if self.buffered > archive::MAX_TOTAL_BUFFER {
            // bound memory across containers: write out the biggest buffer early
            let biggest = self
                .units
                .iter()
                .filter_map(|(k, st)| st.buf.as_ref().map(|b| (b.data.len(), k.clone())))
                .max();
            if let Some((_, k)) = biggest {
                self.flush_unit(&k).await;
            }
        }
    }

    /// A container whose pod is gone: write its archive buffer and forget its checkpoint.
    async fn retire(&mut self, key: &str) {
        self.flush_unit(key).await;
        if self.units.get(key).is_some_and(|st| st.buf.is_none()) {
            self.units.remove(key);
            if let Err(e) = self
                .ms
                .store
                .checkpoint_clear(&task_key(&self.spec.name), Some(key))
            {
                tracing::warn!("forgetting the checkpoint of {key}: {e}");
            }
        }
    }

    /// Write one container's archive buffer; on failure it is kept and retried at the next tick.
    async fn flush_unit(&mut self, key: &str) {
        let Some(a) = &self.archive else { return };
        let Some(st) = self.units.get_mut(key) else {
            return;
        };
        let Some(buf) = st.buf.take() else { return };
        let mut parts = key.splitn(3, '/');
        let unit = Unit {
            namespace: parts.next().unwrap_or_default().to_string(),
            pod: parts.next().unwrap_or_default().to_string(),
            container: parts.next().unwrap_or_default().to_string(),
        };
        let (first, window_start, lines) = (buf.first, buf.window_start, buf.lines);
        let data = buf.data.clone();
        match archive::flush(&a.s3, &a.conn, &a.base, &unit, buf).await {
            Ok(f) => {
                self.buffered = self.buffered.saturating_sub(f.bytes);
                st.archived = st.buf_last;
                st.dirty = true;
                self.summary.objects += 1;
                self.obs.event(&Event::ArchiveFlush {
                    namespace: unit.namespace,
                    pod: unit.pod,
                    container: unit.container,
                    key: f.key,
                    lines: f.lines,
                    bytes: f.bytes,
                    gzip_bytes: f.gzip_bytes,
                    multipart: f.multipart,
                });
            }
            Err(e) => {
                st.buf = Some(Buffer {
                    window_start,
                    first,
                    lines,
                    data,
                });
                self.obs.event(&Event::ArchiveError {
                    reason: e.to_string(),
                });
            }
        }
    }

    /// Close due alerts, flush ended archive windows (all of both with `all`), commit.
    async fn tick(
        &mut self,
        all: bool,
        alert_tx: &mpsc::UnboundedSender<AlertRow>,
    ) -> Result<(), MonitorError> {
        let now = now_ms();
        let fired = self.alerting.due(&self.spec.rules, now, all);
        if !fired.is_empty() {
            self.rules_dirty = true;
        }
        if let Some(a) = &self.archive {
            let now_ns = now as i128 * 1_000_000;
            let grace = 1_000_000_000i128;
            let due: Vec<String> = self
                .units
                .iter()
                .filter(|(_, st)| {
                    st.buf.as_ref().is_some_and(|b| {
                        all || now_ns >= b.window_start as i128 + a.window_ns as i128 + grace
                    })
                })
                .map(|(k, _)| k.clone())
                .collect();
            for k in due {
                self.flush_unit(&k).await;
            }
        }
        let archive = self.archive.is_some();
        let mut positions: Vec<(String, serde_json::Value)> = self
            .units
            .iter_mut()
            .filter(|(_, st)| st.dirty)
            .map(|(k, st)| {
                st.dirty = false;
                let archived = if archive { st.archived } else { st.matched };
                (k.clone(), serde_json::json!({"matched": st.matched, "archived": archived, "restarts": st.restarts}))
            })
            .collect();
        if self.rules_dirty {
            self.rules_dirty = false;
            positions.push((
                "~rules".into(),
                serde_json::to_value(&self.alerting).unwrap_or_default(),
            ));
        }
        if positions.is_empty() && fired.is_empty() {
            return Ok(());
        }
        let rows: Vec<AlertRow> = fired.into_iter().map(|f| self.row(f)).collect();
        let rows = self.ms.commit(&self.spec.name, &positions, rows)?;
        for a in rows {
            self.summary.alerts += 1;
            self.obs.event(&Event::Alert {
                id: a.id,
                rule: a.rule.clone(),
                severity: a.severity.clone(),
                group: a.group_key.clone(),
                count: a.count,
                suppressed: a.suppressed,
                samples: a.samples.clone(),
            });
            if self.slack {
                let _ = alert_tx.send(a);
            }
        }
        Ok(())
    }

    fn row(&self, f: Fired) -> AlertRow {
        let rule = &self.spec.rules[f.rule];
        AlertRow {
            id: 0,
            monitor: self.spec.name.clone(),
            rule: rule.name.clone(),
            severity: rule.severity.as_str().to_string(),
            group_key: f.group_key,
            namespace: f.open.namespace,
            pod: f.open.pod,
            container: f.open.container,
            count: f.open.count as i64,
            suppressed: f.suppressed as i64,
            first_ts: f.open.first_ts,
            last_ts: f.open.last_ts,
            samples: f.open.samples,
            status: if self.slack { "pending" } else { "recorded" }.to_string(),
            attempts: 0,
            last_error: None,
            created_at: now_rfc3339(),
            sent_at: None,
        }
    }
}

fn pod_key(p: &Pod) -> (String, String) {
    (
        p.metadata.namespace.clone().unwrap_or_default(),
        p.metadata.name.clone().unwrap_or_default(),
    )
}
