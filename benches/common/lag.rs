//! The CDC lag measurement shared by the sync benchmarks: a following `shark sync run TASK`, a
//! paced single-row writer on the source table and a poller on the sink that records when each
//! row first appears there. The sink side is a [`Probe`] (MongoDB, Elasticsearch, MySQL).

use super::{Res, Sampler, Shark, rate, step};
use mysql_async::prelude::Queryable;
use std::process::Stdio;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::time::{Duration, Instant};

/// How often the poller asks the sink.
pub const LAG_POLL: Duration = Duration::from_millis(2);
/// Most ids one poll asks for.
const LAG_WINDOW: u64 = 256;

/// The sink side of the measurement.
#[allow(async_fn_in_trait)]
pub trait Probe {
    /// The ids in `from..=to` the sink holds now (errors while the target does not exist yet).
    async fn seen(&mut self, from: u64, to: u64) -> Res<Vec<u64>>;
}

/// Result of one lag measurement.
pub struct Lag {
    pub sink: &'static str,
    pub rate: u64,
    pub statements: u64,
    /// achieved statements/s of the writer
    pub achieved: f64,
    /// lag of each statement whose row was seen, sorted, in ms
    pub lags_ms: Vec<f64>,
    /// round trip of the writer's INSERTs, sorted, in ms
    pub stmt_ms: Vec<f64>,
    pub missing: u64,
    pub follow_secs: f64,
    pub cpu_secs: f64,
    pub peak_rss_kb: u64,
}

/// One measurement: the follower `task` of `src_table` (`db.table`, columns `id, n, note, at`)
/// written at `per_sec` statements/s for `secs` seconds.
pub struct LagRun<'a> {
    pub shark: &'a Shark,
    pub task: &'a str,
    pub src_opts: mysql_async::Opts,
    pub src_table: String,
    pub per_sec: u64,
    pub secs: u64,
    pub t0: Instant,
}

/// The poller: every `LAG_POLL`, the ids the writer has committed (`acked`) above the highest
/// id up to which all were seen, at most `LAG_WINDOW` of them; records when each id 1..=n was
/// first seen. Stops when all were seen or `give_up` is set.
async fn poll_seen(
    mut probe: impl Probe,
    n: u64,
    acked: Arc<AtomicU64>,
    give_up: Arc<AtomicBool>,
) -> Res<Vec<Option<Instant>>> {
    let mut seen: Vec<Option<Instant>> = vec![None; n as usize + 1];
    let (mut low, mut count) = (0u64, 0u64);
    while count < n && !give_up.load(Ordering::Relaxed) {
        let high = acked.load(Ordering::Acquire).min(low + LAG_WINDOW);
        if high > low {
            let ids = probe.seen(low + 1, high).await?;
            let now = Instant::now();
            for id in ids {
                if (1..=n).contains(&id) && seen[id as usize].is_none() {
                    seen[id as usize] = Some(now);
                    count += 1;
                }
            }
            while low < n && seen[low as usize + 1].is_some() {
                low += 1;
            }
        }
        tokio::time::sleep(LAG_POLL).await;
    }
    Ok(seen)
}

impl LagRun<'_> {
    /// Run it against the sink `sink` (a name for the report) seen through `probe`.
    pub async fn measure(&self, sink: &'static str, mut probe: impl Probe) -> Res<Lag> {
        let (shark, task, per_sec) = (self.shark, self.task, self.per_sec);
        let n = per_sec * self.secs;
        let log = shark.dir.join(format!("follow-{task}.log"));
        let out = std::fs::File::create(&log)?;
        let started = Instant::now();
        let mut child = shark
            .cmd(&["sync", "run", task])
            .stdin(Stdio::null())
            .stdout(out.try_clone()?)
            .stderr(out)
            .spawn()?;
        let sampler = Sampler::start(child.id());
        let result = async {
            let mut c = mysql_async::Conn::new(self.src_opts.clone()).await?;
            // a probe row (id 0): the follower is streaming once the sink has it (the target
            // does not exist before the follower's copy: errors mean "not yet")
            c.query_drop(format!(
                "INSERT INTO {} VALUES (0, 0, 'probe', NOW(6))",
                self.src_table
            ))
            .await?;
            let deadline = Instant::now() + Duration::from_secs(300);
            while probe.seen(0, 0).await.unwrap_or_default().is_empty() {
                if Instant::now() > deadline {
                    return Err::<_, Box<dyn std::error::Error + Send + Sync>>(
                        format!("the follower {task} did not apply the probe row within 300 s")
                            .into(),
                    );
                }
                if let Ok(Some(st)) = child.try_wait() {
                    let text = std::fs::read_to_string(&log).unwrap_or_default();
                    return Err(
                        format!("shark sync run {task} (follow) ended early: {st}\n{text}").into(),
                    );
                }
                tokio::time::sleep(Duration::from_millis(50)).await;
            }
            step(
                self.t0,
                &format!(
                    "{task}: follower streaming after {:.1}s; writing {n} single-row INSERTs at {per_sec}/s",
                    started.elapsed().as_secs_f64()
                ),
            );
            tokio::time::sleep(Duration::from_secs(1)).await;

            let give_up = Arc::new(AtomicBool::new(false));
            let acked_max = Arc::new(AtomicU64::new(0));
            let poller = poll_seen(probe, n, acked_max.clone(), give_up.clone());
            let writer = async {
                let stmt = c
                    .prep(format!(
                        "INSERT INTO {} (id, n, note, at) VALUES (?, ?, ?, NOW(6))",
                        self.src_table
                    ))
                    .await?;
                let mut sent = Vec::with_capacity(n as usize);
                let mut acked = Vec::with_capacity(n as usize);
                let w0 = tokio::time::Instant::now();
                for i in 1..=n {
                    tokio::time::sleep_until(
                        w0 + Duration::from_secs_f64((i - 1) as f64 / per_sec as f64),
                    )
                    .await;
                    let t = Instant::now();
                    c.exec_drop(&stmt, (i, i % 100, format!("statement {i}")))
                        .await?;
                    acked.push(Instant::now());
                    sent.push(t);
                    acked_max.store(i, Ordering::Release);
                }
                Ok::<_, Box<dyn std::error::Error + Send + Sync>>((sent, acked))
            };
            // the writer and the poller run side by side; what has not arrived 30 s after the
            // last statement counts as missing
            tokio::pin!(poller);
            let (w, early) = tokio::select! {
                w = writer => (w, None),
                p = &mut poller => (Err("the poller ended before the writer".into()), Some(p)),
            };
            let (sent, acked) = match (w, early) {
                (Ok(x), None) => x,
                (Err(e), Some(Err(p))) => return Err(format!("{e}: {p}").into()),
                (Err(e), _) => return Err(e),
                (Ok(_), Some(_)) => unreachable!(),
            };
            let seen = tokio::select! {
                r = &mut poller => r?,
                _ = tokio::time::sleep(Duration::from_secs(30)) => {
                    give_up.store(true, Ordering::Relaxed);
                    poller.await?
                }
            };
            c.disconnect().await?;
            let write_secs = sent
                .last()
                .zip(sent.first())
                .map_or(0.0, |(l, f)| l.duration_since(*f).as_secs_f64());
            let mut lags_ms = Vec::with_capacity(n as usize);
            let mut missing = 0;
            for (i, ack) in acked.iter().enumerate() {
                match seen[i + 1] {
                    Some(at) => {
                        lags_ms.push(at.saturating_duration_since(*ack).as_secs_f64() * 1000.0)
                    }
                    None => missing += 1,
                }
            }
            let mut stmt_ms: Vec<f64> = sent
                .iter()
                .zip(&acked)
                .map(|(s, a)| a.duration_since(*s).as_secs_f64() * 1000.0)
                .collect();
            lags_ms.sort_by(f64::total_cmp);
            stmt_ms.sort_by(f64::total_cmp);
            Ok(Lag {
                sink,
                rate: per_sec,
                statements: n,
                achieved: rate(n.saturating_sub(1), write_secs),
                lags_ms,
                stmt_ms,
                missing,
                follow_secs: 0.0,
                cpu_secs: 0.0,
                peak_rss_kb: 0,
            })
        }
        .await;
        // an intended end (`sync stop`, exit 0); a signal if that does not end it
        let _ = shark.ok(&["sync", "stop", task], None);
        let deadline = Instant::now() + Duration::from_secs(60);
        let status = loop {
            if let Some(st) = child.try_wait()? {
                break Some(st);
            }
            if Instant::now() > deadline {
                let _ = child.kill();
                let _ = child.wait();
                break None;
            }
            tokio::time::sleep(Duration::from_millis(20)).await;
        };
        let follow_secs = started.elapsed().as_secs_f64();
        let (peak, cpu) = sampler.finish();
        let mut lag = result?;
        if !status.is_some_and(|s| s.success()) {
            let text = std::fs::read_to_string(&log).unwrap_or_default();
            return Err(format!(
                "shark sync run {task} (follow) did not stop cleanly: {status:?}\n{text}"
            )
            .into());
        }
        lag.follow_secs = follow_secs;
        lag.cpu_secs = cpu;
        lag.peak_rss_kb = peak;
        Ok(lag)
    }
}
