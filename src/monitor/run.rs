//! `monitor run`: the foreground loop. A watch per namespace keeps the set of followed pods (by
//! uid: a pod recreated under its name is a new pod); one follower task per container streams
//! its lines (see `kube::Follower`); this loop matches them, keeps the alert state, buffers the
//! archive and, twice a second, commits positions, rule state and new alerts in one transaction.
//! Nothing here waits on S3 or Slack: archive windows go to the writer task behind a queue
//! (`archiver`), alerts to the delivery task through the state file (`delivery`).
//! Ctrl-C (or `monitor stop`) flushes open alerts and archive buffers and checkpoints.

use super::alerting::{Alerting, Fired, Origin};
use super::archive::{self, Buffer};
use super::archiver::{self, Done, Job, Queue};
use super::delivery::{self, Handoff};
use super::error::MonitorError;
use super::events::{Event, Observer, Summary};
use super::kube::{self as k, FollowFrom, Follower, Msg, Unit};
use super::matcher::{Matcher, RuleMask};
use super::position::{Pos, rfc3339};
use super::spec::{ArchiveLines, MonitorSpec};
use super::store::{AlertRow, MonitorStore, task_key};
use crate::cancel::Cancel;
use crate::state::{Lease, Store, now_ms, now_rfc3339};
use futures_util::StreamExt;
use k8s_openapi::api::core::v1::Pod;
use kube::api::{Api, ListParams};
use kube::runtime::{WatchStreamExt, watcher};
use std::collections::{HashMap, HashSet, VecDeque};
use std::sync::Arc;
use std::time::{Duration, Instant};
use tokio::sync::{mpsc, watch};

#[derive(Default)]
struct UnitState {
    /// the pod's uid ("" in checkpoints written before uids were kept: adopted by the pod found)
    uid: String,
    matched: Pos,
    archived: Pos,
    /// last line taken this run (or the resume point): anything at or before it is a repeat
    seen: Pos,
    restarts: i32,
    buf: Option<Buffer>,
    buf_last: Pos,
    /// archive jobs queued and not yet written or given up, in order: (seq, last line, done)
    outstanding: VecDeque<(u64, Pos, bool)>,
    /// the pod is gone: forget the checkpoint once the archive has what is buffered
    retiring: bool,
    dirty: bool,
}

struct ArchiveCfg<'a> {
    lines: ArchiveLines,
    window_ns: i64,
    queue: &'a Queue,
}

struct Runner<'a> {
    spec: MonitorSpec,
    ms: MonitorStore<'a>,
    obs: &'a dyn Observer,
    matcher: Matcher,
    alerting: Alerting,
    rules_dirty: bool,
    units: HashMap<String, UnitState>,
    archive: Option<ArchiveCfg<'a>>,
    slack: bool,
    summary: Summary,
    /// bytes held in archive buffers, all containers together (the queue counts its own)
    buffered: usize,
    /// archive jobs queued so far
    seq: u64,
}

const TICK: Duration = Duration::from_millis(500);
/// How long a stop waits for the archive writer to empty its queue.
const ARCHIVE_GRACE: Duration = Duration::from_secs(30);

fn pos_of(v: &serde_json::Value, k: &str) -> Option<Pos> {
    v.get(k)
        .and_then(|p| serde_json::from_value(p.clone()).ok())
}

/// Run monitor `name` until cancelled or stopped from another terminal.
pub async fn run(
    store: &Store,
    reg: &crate::conn::Registry<'_>,
    declared: &super::Declared,
    name: &str,
    run_id: Option<i64>,
    cancel: Cancel,
    obs: &dyn Observer,
) -> Result<Summary, MonitorError> {
    let ms = MonitorStore::new(store)?;
    let spec = super::spec_of(store, declared, name)?;
    spec.validate()?;
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
    let target = match &spec.archive {
        Some(a) => {
            let conn = reg.get(&a.conn)?;
            Some(archiver::Target {
                s3: archive::store(&conn)?,
                base: archive::base(&conn, &a.prefix),
                conn,
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
        let seen = if target.is_some() {
            matched.min(archived)
        } else {
            matched
        };
        units.insert(
            unit,
            UnitState {
                uid: p["uid"].as_str().unwrap_or_default().to_string(),
                matched,
                archived,
                seen,
                restarts: p.get("restarts").and_then(|v| v.as_i64()).unwrap_or(0) as i32,
                ..Default::default()
            },
        );
    }

    // the API must answer, allow what a monitor does and accept the selector before anything
    // is followed
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
    if spec.namespaces.is_empty() {
        k::check_access(&client, &spec.kube, None).await?;
    }
    for ns in &spec.namespaces {
        k::check_access(&client, &spec.kube, Some(ns)).await?;
    }

    obs.event(&Event::Started {
        monitor: name.to_string(),
        resumed_containers: units.len(),
        at: now_rfc3339(),
    });

    let queue = Queue::default();
    let handoff = Handoff::default();
    let (done_tx, done_rx) = mpsc::channel::<Done>(64);
    let writer_cancel = Cancel::new();
    let mut runner = Runner {
        ms: MonitorStore::new(store)?,
        obs,
        matcher,
        alerting,
        rules_dirty: false,
        units,
        archive: spec.archive.as_ref().map(|a| ArchiveCfg {
            lines: a.lines,
            window_ns: a.window.0.as_nanos() as i64,
            queue: &queue,
        }),
        slack: slack_conn.is_some(),
        summary: Summary::default(),
        buffered: 0,
        seq: 0,
        spec,
    };

    let main = async {
        let r = runner
            .main_loop(
                &client,
                &apis,
                container_re.as_ref(),
                &lease,
                &cancel,
                &handoff,
                done_rx,
                &writer_cancel,
            )
            .await;
        handoff.close();
        queue.close();
        writer_cancel.cancel();
        r
    };
    let writer = async {
        if let Some(t) = &target {
            archiver::writer(&queue, t, done_tx, writer_cancel.clone()).await;
        }
    };
    let delivery = async {
        let Some(conn) = &slack_conn else { return };
        let deliver = delivery::deliver_all(&ms, name, conn, &handoff, obs);
        tokio::select! {
            _ = deliver => {}
            // after Ctrl-C, delivery gets a grace period; what is left stays pending for the next run
            _ = async { cancel.cancelled().await; tokio::time::sleep(Duration::from_secs(15)).await } => {}
        }
    };
    let (r, (), ()) = tokio::join!(main, writer, delivery);
    let stopped_by = r?;
    let mut summary = runner.summary.clone();
    summary.interrupted = stopped_by == "interrupted";
    obs.event(&Event::Stopped {
        lines: summary.lines,
        matches: summary.matches,
        alerts: summary.alerts,
        objects: summary.objects,
        not_archived: summary.not_archived,
        reason: stopped_by.to_string(),
    });
    Ok(summary)
}

/// A followed pod: its uid, the cancel of its followers, and per container the channel telling
/// its follower the restart count the watch saw.
struct Followed {
    uid: String,
    cancel: Cancel,
    restarts: HashMap<String, watch::Sender<i32>>,
}

type Pods = HashMap<(String, String), (usize, Followed)>;

/// What pod events need besides the runner.
struct Ctx<'c> {
    client: &'c kube::Client,
    container_re: Option<&'c regex::Regex>,
    tx: &'c mpsc::Sender<Msg>,
    followers_cancel: &'c Cancel,
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
        handoff: &Handoff,
        mut done_rx: mpsc::Receiver<Done>,
        writer_cancel: &Cancel,
    ) -> Result<&'static str, MonitorError> {
        let start_ns = chrono::Utc::now().timestamp_nanos_opt().unwrap_or(0);
        let first_from = Pos {
            ts: start_ns - self.spec.since.map_or(0, |s| s.0.as_nanos() as i64),
            n: 0,
        };
        let followers_cancel = cancel.child();
        let (tx, mut rx) = mpsc::channel::<Msg>(4096);
        let cx = Ctx {
            client,
            container_re,
            tx: &tx,
            followers_cancel: &followers_cancel,
        };
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
        let mut pods: Pods = HashMap::new();
        let mut listing: HashMap<usize, HashSet<(String, String)>> = HashMap::new();
        let mut init_done: HashSet<usize> = HashSet::new();
        // watches failing since (one line per outage, not one per retry)
        let mut down: HashMap<usize, Instant> = HashMap::new();
        let mut tick = tokio::time::interval(TICK);
        // no archive: the writer's end of the channel is gone from the start
        let mut writer_gone = false;
        let reason = loop {
            tokio::select! {
                _ = cancel.cancelled() => break "interrupted",
                ev = watch.next() => {
                    let Some((wi, ev)) = ev else { break "watch ended" };
                    if ev.is_ok() && let Some(since) = down.remove(&wi) {
                        tracing::warn!(
                            "monitor {}: the Kubernetes API answers again ({}) after {:.1}s",
                            self.spec.name, self.watched(wi), since.elapsed().as_secs_f64()
                        );
                    }
                    match ev {
                        Ok(watcher::Event::Init) => { listing.insert(wi, HashSet::new()); }
                        Ok(watcher::Event::InitApply(p)) | Ok(watcher::Event::Apply(p)) => {
                            let key = pod_key(&p);
                            if let Some(l) = listing.get_mut(&wi) { l.insert(key.clone()); }
                            let initial = init_done.len() < apis.len();
                            self.pod_applied(&cx, &p, wi, &mut pods, initial.then_some(first_from), &mut rx);
                        }
                        Ok(watcher::Event::InitDone) => {
                            let first = init_done.len() < apis.len();
                            init_done.insert(wi);
                            if let Some(seen) = listing.remove(&wi) {
                                let gone: Vec<_> = pods.iter().filter(|(k, (w, _))| *w == wi && !seen.contains(*k)).map(|(k, _)| k.clone()).collect();
                                for k in gone { self.pod_gone(&k, &mut pods, false); }
                            }
                            if first && init_done.len() == apis.len() {
                                // checkpoints of containers whose pods went away while stopped
                                let stale: Vec<String> = self.units.keys().filter(|k| {
                                    let mut p = k.splitn(3, '/');
                                    let key = (p.next().unwrap_or_default().to_string(), p.next().unwrap_or_default().to_string());
                                    !pods.contains_key(&key)
                                }).cloned().collect();
                                for k in stale { self.retire(&k); }
                            }
                        }
                        Ok(watcher::Event::Delete(p)) => self.pod_gone(&pod_key(&p), &mut pods, false),
                        Err(e) => {
                            if let std::collections::hash_map::Entry::Vacant(v) = down.entry(wi) {
                                v.insert(Instant::now());
                                tracing::warn!(
                                    "monitor {}: the pod watch of {} failed ({e}); retrying until the API answers",
                                    self.spec.name, self.watched(wi)
                                );
                            }
                        }
                    }
                }
                m = rx.recv() => {
                    // lines coming in: the API answers again
                    if let Some(m) = m && self.on_batch(m, &mut rx) {
                        for (wi, since) in down.drain() {
                            tracing::warn!(
                                "monitor {}: the Kubernetes API answers again ({}) after {:.1}s",
                                self.spec.name, self.watched(wi), since.elapsed().as_secs_f64()
                            );
                        }
                    }
                }
                d = done_rx.recv(), if !writer_gone => match d {
                    Some(d) => self.on_done(d),
                    None => writer_gone = true,
                },
                _ = tick.tick() => {
                    lease.check()?;
                    if lease.stop_requested() { break "stopped"; }
                    self.tick(false, handoff)?;
                }
            }
        };
        // stop following, take what already arrived, then flush everything and checkpoint
        followers_cancel.cancel();
        drop(tx);
        while let Some(m) = rx.recv().await {
            let _ = self.on_batch(m, &mut rx);
        }
        self.tick(true, handoff)?;
        if let Some(a) = &self.archive {
            // give the writer a while to empty its queue; what it cannot write is read again
            // by the next run (the checkpoint stays before it)
            a.queue.close();
            let grace = tokio::time::sleep(ARCHIVE_GRACE);
            tokio::pin!(grace);
            loop {
                tokio::select! {
                    d = done_rx.recv() => match d {
                        Some(d) => self.on_done(d),
                        None => break,
                    },
                    _ = &mut grace => {
                        writer_cancel.cancel();
                        break;
                    }
                }
            }
            self.tick(true, handoff)?;
        }
        Ok(reason)
    }

    /// What watch `wi` covers, for messages.
    fn watched(&self, wi: usize) -> String {
        match self.spec.namespaces.get(wi) {
            Some(ns) => format!("namespace {ns}"),
            None => "all namespaces".into(),
        }
    }

    fn pod_applied(
        &mut self,
        cx: &Ctx<'_>,
        p: &Pod,
        wi: usize,
        pods: &mut Pods,
        initial_from: Option<Pos>,
        rx: &mut mpsc::Receiver<Msg>,
    ) {
        let (ns, name) = pod_key(p);
        let uid = p.metadata.uid.clone().unwrap_or_default();
        let key = (ns.clone(), name.clone());
        let followed_uid = pods.get(&key).map(|(_, f)| f.uid.clone());
        if followed_uid.as_deref() == Some(uid.as_str()) {
            // a restart while followed: the follower reads the previous instance to its end
            // when its stream ends; the count only wakes it if it is waiting
            if let Some((_, f)) = pods.get(&key) {
                for (c, s) in &f.restarts {
                    if let Some(n) = k::restarts_of(p, c) {
                        s.send_if_modified(|v| std::mem::replace(v, n) != n);
                    }
                }
            }
            return;
        }
        if followed_uid.is_some() {
            // recreated under the same name (e.g. a StatefulSet rollout): a new pod
            self.pod_gone(&key, pods, true);
        }
        // checkpoints of another pod of this name (recreated while followed or while stopped)
        // are not this pod's: lines the old one already delivered are taken first, then its
        // state goes, and this pod is read from its beginning
        let prefix = format!("{ns}/{name}/");
        let other: Vec<String> = self
            .units
            .iter()
            .filter(|(k, st)| k.starts_with(&prefix) && !st.uid.is_empty() && st.uid != uid)
            .map(|(k, _)| k.clone())
            .collect();
        let replaced = !other.is_empty();
        if replaced {
            while let Ok(m) = rx.try_recv() {
                let _ = self.on_batch(m, rx);
            }
        }
        for k in other {
            // the predecessor's buffered lines still go to the archive; its state and
            // checkpoint row go now (the key is this pod's from here on)
            self.flush_unit(&k);
            self.forget(&k);
        }
        let initial_from = if replaced { None } else { initial_from };
        let containers: Vec<String> = p
            .spec
            .as_ref()
            .map(|s| s.containers.iter().map(|c| c.name.clone()).collect())
            .unwrap_or_default();
        let containers: Vec<String> = containers
            .into_iter()
            .filter(|c| cx.container_re.is_none_or(|r| r.is_match(c)))
            .collect();
        let pod_cancel = cx.followers_cancel.child();
        let api: Api<Pod> = Api::namespaced(cx.client.clone(), &ns);
        let mut hints = HashMap::new();
        for c in &containers {
            let unit = Arc::new(Unit {
                namespace: ns.clone(),
                pod: name.clone(),
                container: c.clone(),
                uid: uid.clone(),
            });
            let now_restarts = k::restarts_of(p, c).unwrap_or(0);
            let from = match self.units.get_mut(&unit.key()) {
                Some(st) => {
                    st.uid = uid.clone();
                    st.retiring = false;
                    let previous_first = st.restarts < now_restarts && st.seen != Pos::default();
                    if !previous_first {
                        st.restarts = now_restarts;
                        st.dirty = true;
                    }
                    FollowFrom {
                        after: (st.seen != Pos::default()).then_some(st.seen),
                        previous_first,
                        restarts: now_restarts,
                    }
                }
                None => {
                    let st = UnitState {
                        uid: uid.clone(),
                        restarts: now_restarts,
                        ..Default::default()
                    };
                    self.units.insert(unit.key(), st);
                    FollowFrom {
                        after: initial_from,
                        previous_first: false,
                        restarts: now_restarts,
                    }
                }
            };
            let (hint_tx, hint_rx) = watch::channel(now_restarts);
            hints.insert(c.clone(), hint_tx);
            tokio::spawn(
                Follower {
                    api: api.clone(),
                    unit,
                    from,
                    idle: self.spec.stream_idle(),
                    tx: cx.tx.clone(),
                    cancel: pod_cancel.clone(),
                    restarts: hint_rx,
                }
                .run(),
            );
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
                    restarts: hints,
                },
            ),
        );
    }

    /// A pod left the selection: its followers end by themselves once its log is gone (so its
    /// last lines are still read), or at once when another pod took its name (`replaced`: the
    /// API serves logs by name, so they would read the new pod).
    fn pod_gone(&mut self, key: &(String, String), pods: &mut Pods, replaced: bool) {
        if let Some((_, f)) = pods.remove(key) {
            self.obs.event(&Event::PodGone {
                namespace: key.0.clone(),
                pod: key.1.clone(),
            });
            if replaced {
                f.cancel.cancel();
            }
        }
    }

    /// Take `first` and whatever else is already queued (up to 1024 lines), match all their
    /// lines in one pass over one block (the detector's cost per byte, not per call), then
    /// process them in order. Returns whether there were lines.
    fn on_batch(&mut self, first: Msg, rx: &mut mpsc::Receiver<Msg>) -> bool {
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
        let any = !starts.is_empty();
        let mut masks = masks.into_iter();
        for m in batch {
            let mask = match &m {
                Msg::Line { .. } => masks.next().unwrap_or(0),
                _ => 0,
            };
            self.on_msg(m, mask);
        }
        any
    }

    /// The state of `unit` if it is the pod this run follows under that name.
    fn state_of(&mut self, unit: &Unit) -> Option<&mut UnitState> {
        self.units
            .get_mut(&unit.key())
            .filter(|st| st.uid == unit.uid)
    }

    /// One message; `mask` = the rules its line matched.
    fn on_msg(&mut self, m: Msg, mask: RuleMask) {
        let (unit, pos, ts, text) = match m {
            Msg::Line {
                unit,
                pos,
                ts,
                text,
            } => (unit, pos, ts, text),
            Msg::Gone { unit } => {
                tracing::debug!(unit = %unit.key(), "log gone");
                // a late 404 of a pod whose name another pod took is not that pod's end
                if self.state_of(&unit).is_some() {
                    self.retire(&unit.key());
                }
                return;
            }
            Msg::Instance { unit, restarts } => {
                if let Some(st) = self.state_of(&unit) {
                    st.restarts = restarts;
                    st.dirty = true;
                }
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
            Msg::CannotFollow { unit, reason } => {
                self.obs.event(&Event::CannotFollow {
                    namespace: unit.namespace.clone(),
                    pod: unit.pod.clone(),
                    container: unit.container.clone(),
                    reason,
                });
                return;
            }
            Msg::Following { unit } => {
                self.obs.event(&Event::FollowResumed {
                    namespace: unit.namespace.clone(),
                    pod: unit.pod.clone(),
                    container: unit.container.clone(),
                });
                return;
            }
        };
        let Some(st) = self.state_of(&unit) else {
            return;
        };
        if pos <= st.seen {
            return;
        }
        st.seen = pos;
        st.dirty = true;
        let fresh = pos > st.matched;
        if fresh {
            st.matched = pos;
        }
        self.summary.lines += 1;
        if fresh && mask != 0 {
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
        let key = unit.key();
        let st = self.units.get_mut(&key).expect("unit state");
        if pos <= st.archived {
            return;
        }
        let take = lines_mode == ArchiveLines::All || mask != 0;
        if !take {
            if st.buf.is_none() && st.outstanding.is_empty() {
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
            self.flush_unit(&key);
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
            self.flush_unit(&key);
        }
        self.bound_memory();
    }

    /// Keep archive buffers and queue under the cap: while S3 is behind, give up the oldest
    /// queued window; otherwise write out the biggest buffer early.
    fn bound_memory(&mut self) {
        let Some(a) = &self.archive else { return };
        let q = a.queue;
        while self.buffered + q.bytes() > archive::MAX_TOTAL_BUFFER {
            match q.drop_oldest() {
                Some(j) => self.given_up(j),
                None => {
                    let biggest = self
                        .units
                        .iter()
                        .filter_map(|(k, st)| st.buf.as_ref().map(|b| (b.data.len(), k.clone())))
                        .max();
                    if let Some((_, k)) = biggest {
                        self.flush_unit(&k);
                    }
                    return;
                }
            }
        }
    }

    /// A window the archive gave up: reported, counted, and the position moves over it.
    fn given_up(&mut self, j: Job) {
        self.summary.not_archived += j.buf.lines;
        let (first, last) = (j.buf.first, j.last);
        self.obs.event(&Event::ArchiveDropped {
            namespace: j.unit.namespace.clone(),
            pod: j.unit.pod.clone(),
            container: j.unit.container.clone(),
            lines: j.buf.lines,
            first_ts: rfc3339(first.ts),
            last_ts: rfc3339(last.ts),
        });
        self.job_done(&j.unit, j.seq);
    }

    /// Archive job `seq` of `unit` is written or given up: the archived position moves over
    /// every finished job at the front of the unit's queue.
    fn job_done(&mut self, unit: &Unit, seq: u64) {
        let key = unit.key();
        let Some(st) = self.state_of(unit) else {
            return;
        };
        if let Some(e) = st.outstanding.iter_mut().find(|e| e.0 == seq) {
            e.2 = true;
        }
        while st.outstanding.front().is_some_and(|e| e.2) {
            let (_, last, _) = st.outstanding.pop_front().expect("front");
            st.archived = st.archived.max(last);
            st.dirty = true;
        }
        if st.retiring && st.outstanding.is_empty() && st.buf.is_none() {
            self.forget(&key);
        }
    }

    fn on_done(&mut self, d: Done) {
        match d {
            Done::Written {
                seq,
                unit,
                last: _,
                flushed: f,
            } => {
                self.summary.objects += 1;
                self.obs.event(&Event::ArchiveFlush {
                    namespace: unit.namespace.clone(),
                    pod: unit.pod.clone(),
                    container: unit.container.clone(),
                    key: f.key,
                    lines: f.lines,
                    bytes: f.bytes,
                    gzip_bytes: f.gzip_bytes,
                    multipart: f.multipart,
                });
                self.job_done(&unit, seq);
            }
            Done::Failed { reason, wait } => self.obs.event(&Event::ArchiveError {
                reason: format!("{reason}; retrying in {:.0}s", wait.as_secs_f64()),
            }),
            Done::Expired { deleted } => self.obs.event(&Event::ArchiveExpired { deleted }),
            Done::ExpireFailed { reason } => self.obs.event(&Event::ArchiveError { reason }),
        }
    }

    /// A container whose pod is gone: queue its archive buffer; its checkpoint is forgotten
    /// once the archive has it.
    fn retire(&mut self, key: &str) {
        self.flush_unit(key);
        let Some(st) = self.units.get_mut(key) else {
            return;
        };
        st.retiring = true;
        if st.outstanding.is_empty() {
            self.forget(key);
        }
    }

    fn forget(&mut self, key: &str) {
        self.units.remove(key);
        if let Err(e) = self
            .ms
            .store
            .checkpoint_clear(&task_key(&self.spec.name), Some(key))
        {
            tracing::warn!("forgetting the checkpoint of {key}: {e}");
        }
    }

    /// Hand one container's archive buffer to the writer.
    fn flush_unit(&mut self, key: &str) {
        let Some(a) = &self.archive else { return };
        let q = a.queue;
        let Some(st) = self.units.get_mut(key) else {
            return;
        };
        let Some(buf) = st.buf.take() else { return };
        self.seq += 1;
        st.outstanding.push_back((self.seq, st.buf_last, false));
        self.buffered = self.buffered.saturating_sub(buf.data.len());
        let mut parts = key.splitn(3, '/');
        let unit = Unit {
            namespace: parts.next().unwrap_or_default().to_string(),
            pod: parts.next().unwrap_or_default().to_string(),
            container: parts.next().unwrap_or_default().to_string(),
            uid: st.uid.clone(),
        };
        q.push(Job {
            seq: self.seq,
            unit,
            buf,
            last: st.buf_last,
        });
    }

    /// Close due alerts, queue ended archive windows (all of both with `all`), commit.
    fn tick(&mut self, all: bool, handoff: &Handoff) -> Result<(), MonitorError> {
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
                self.flush_unit(&k);
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
                (
                    k.clone(),
                    serde_json::json!({"matched": st.matched, "archived": archived,
                        "restarts": st.restarts, "uid": st.uid}),
                )
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
        for a in &rows {
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
        }
        if self.slack && !rows.is_empty() {
            handoff.wake();
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
