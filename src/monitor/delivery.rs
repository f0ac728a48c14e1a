//! Slack delivery of a run's alerts, in its own task. The queue is the state file itself: the
//! run loop records alerts as `pending` and wakes this task, which sends pending alerts oldest
//! first until none is left (so the queue in memory is bounded whatever the alert rate; what is
//! not sent at exit stays pending for the next run). Failed alerts of earlier runs with attempts
//! left are retried once at start.

use super::events::{Event, Observer};
use super::slack;
use super::store::{AlertRow, MonitorStore};
use crate::conn::Connection;
use std::sync::atomic::{AtomicBool, Ordering};
use tokio::sync::Notify;

/// How the run loop hands alerts over: `wake` after recording some, `close` when it is done.
#[derive(Default)]
pub struct Handoff {
    wake: Notify,
    closed: AtomicBool,
}

impl Handoff {
    pub fn wake(&self) {
        self.wake.notify_one();
    }
    pub fn close(&self) {
        self.closed.store(true, Ordering::SeqCst);
        self.wake.notify_one();
    }
}

pub async fn deliver_all(
    ms: &MonitorStore<'_>,
    monitor: &str,
    conn: &Connection,
    h: &Handoff,
    obs: &dyn Observer,
) {
    let client = match slack::client() {
        Ok(c) => c,
        Err(e) => {
            tracing::error!("slack client: {e}");
            return;
        }
    };
    let one = |a: AlertRow| {
        let client = &client;
        async move {
            let (status, attempts, error) = slack::deliver(client, conn, &a, |d, why| {
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
    };
    let failed = ms.alerts(monitor, Some("failed"), 1000).unwrap_or_default();
    for a in failed
        .into_iter()
        .filter(|a| a.attempts < 3 * slack::MAX_FAILURES)
        .rev()
    {
        one(a).await;
    }
    // ids only grow: an alert whose outcome could not be recorded is not sent twice
    let mut last = 0;
    loop {
        let closed = h.closed.load(Ordering::SeqCst);
        let pending = match ms.pending_alerts(monitor, last, 100) {
            Ok(p) => p,
            Err(e) => {
                tracing::error!("reading pending alerts: {e}");
                return;
            }
        };
        if pending.is_empty() {
            if closed {
                return;
            }
            h.wake.notified().await;
            continue;
        }
        for a in pending {
            last = a.id;
            one(a).await;
        }
    }
}
