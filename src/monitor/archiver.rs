//! The archive writer of a run: its own task behind a queue, so that a slow or failing S3 delays
//! archiving and nothing else (matching, alerting and checkpoints go on). Jobs (one container's
//! buffered window each) are written in the order they were queued; a failing write is retried
//! with back-off (1 s up to 10 s) and blocks the jobs behind it, so a container's objects are
//! written in order and its archived position only moves over written (or given up) windows.
//! The run loop bounds memory: when buffers plus queue exceed the cap it gives up the oldest
//! queued window ([`Queue::drop_oldest`]) and reports it. Retention runs here too, hourly.

use super::archive::{self, Buffer, Flushed};
use super::kube::Unit;
use super::position::Pos;
use crate::cancel::Cancel;
use crate::conn::Connection;
use object_store::aws::AmazonS3;
use std::collections::VecDeque;
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;
use tokio::sync::{Notify, mpsc};

/// One window of one container, to be written.
pub struct Job {
    /// queue order, for the run loop's bookkeeping
    pub seq: u64,
    pub unit: Unit,
    pub buf: Buffer,
    /// position of the window's last line
    pub last: Pos,
}

/// What the writer reports back to the run loop.
pub enum Done {
    Written {
        seq: u64,
        unit: Unit,
        last: Pos,
        flushed: Flushed,
    },
    /// A write failed; it is retried after `wait`.
    Failed {
        reason: String,
        wait: Duration,
    },
    Expired {
        deleted: usize,
    },
    ExpireFailed {
        reason: String,
    },
}

#[derive(Default)]
struct State {
    jobs: VecDeque<Job>,
    closed: bool,
}

/// Jobs waiting for the writer.
#[derive(Default)]
pub struct Queue {
    state: Mutex<State>,
    /// bytes of queued jobs and of the one being written; read on every archived line, so
    /// kept outside the lock
    bytes: AtomicUsize,
    notify: Notify,
}

impl Queue {
    fn lock(&self) -> std::sync::MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(|p| p.into_inner())
    }

    pub fn push(&self, job: Job) {
        let mut s = self.lock();
        self.bytes.fetch_add(job.buf.data.len(), Ordering::Relaxed);
        s.jobs.push_back(job);
        drop(s);
        self.notify.notify_one();
    }

    /// Give up the oldest queued job (not the one being written).
    pub fn drop_oldest(&self) -> Option<Job> {
        let mut s = self.lock();
        let j = s.jobs.pop_front()?;
        self.bytes.fetch_sub(j.buf.data.len(), Ordering::Relaxed);
        Some(j)
    }

    /// Bytes queued or being written.
    pub fn bytes(&self) -> usize {
        self.bytes.load(Ordering::Relaxed)
    }

    /// No more jobs will come: the writer ends once the queue is empty.
    pub fn close(&self) {
        self.lock().closed = true;
        self.notify.notify_one();
    }

    async fn next(&self) -> Option<Job> {
        loop {
            {
                let mut s = self.lock();
                if let Some(j) = s.jobs.pop_front() {
                    return Some(j);
                }
                if s.closed {
                    return None;
                }
            }
            self.notify.notified().await;
        }
    }

    fn written(&self, bytes: usize) {
        self.bytes.fetch_sub(bytes, Ordering::Relaxed);
    }
}

/// Where the writer writes.
pub struct Target {
    pub conn: Connection,
    pub s3: AmazonS3,
    pub base: String,
    pub retention: Option<Duration>,
}

/// Write queued jobs until the queue is closed and empty, or `cancel` (then what is left stays
/// unwritten: those lines are read again by the next run).
pub async fn writer(q: &Queue, t: &Target, done: mpsc::Sender<Done>, cancel: Cancel) {
    let mut next_expire = tokio::time::Instant::now();
    loop {
        if let Some(r) = t.retention
            && tokio::time::Instant::now() >= next_expire
        {
            next_expire += Duration::from_secs(3600);
            let d = match archive::expire(&t.s3, &t.conn, &t.base, r).await {
                Ok(n) => (n > 0).then_some(Done::Expired { deleted: n }),
                Err(e) => Some(Done::ExpireFailed {
                    reason: e.to_string(),
                }),
            };
            if let Some(d) = d {
                let _ = done.send(d).await;
            }
        }
        let job = tokio::select! {
            _ = cancel.cancelled() => return,
            j = q.next() => j,
            // wake up for retention even when nothing is written
            _ = tokio::time::sleep_until(next_expire), if t.retention.is_some() => continue,
        };
        let Some(job) = job else { return };
        let bytes = job.buf.data.len();
        let mut wait = Duration::from_secs(1);
        let gz = {
            let data = job.buf.data.clone();
            tokio::task::spawn_blocking(move || archive::gzip(&data))
                .await
                .unwrap_or_default()
        };
        let key = archive::key(&t.base, &job.unit, job.buf.first);
        loop {
            let r = tokio::select! {
                _ = cancel.cancelled() => return,
                r = archive::upload(&t.s3, &t.conn, &key, gz.clone(), archive::MULTIPART_THRESHOLD) => r,
            };
            match r {
                Ok(multipart) => {
                    q.written(bytes);
                    let flushed = Flushed {
                        key: key.clone(),
                        lines: job.buf.lines,
                        bytes,
                        gzip_bytes: gz.len(),
                        multipart,
                    };
                    let _ = done
                        .send(Done::Written {
                            seq: job.seq,
                            unit: job.unit.clone(),
                            last: job.last,
                            flushed,
                        })
                        .await;
                    break;
                }
                Err(e) => {
                    let _ = done
                        .send(Done::Failed {
                            reason: e.to_string(),
                            wait,
                        })
                        .await;
                    tokio::select! {
                        _ = cancel.cancelled() => return,
                        _ = tokio::time::sleep(wait) => {}
                    }
                    wait = (wait * 2).min(Duration::from_secs(10));
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn job(seq: u64, n: usize) -> Job {
        Job {
            seq,
            unit: Unit {
                namespace: "n".into(),
                pod: "p".into(),
                container: "c".into(),
                uid: "u".into(),
            },
            buf: Buffer {
                window_start: 0,
                first: Pos::default(),
                lines: 1,
                data: vec![b'x'; n],
            },
            last: Pos::default(),
        }
    }

    #[tokio::test]
    async fn oldest_queued_job_is_given_up_and_bytes_add_up() {
        let q = Queue::default();
        q.push(job(1, 10));
        q.push(job(2, 20));
        q.push(job(3, 30));
        assert_eq!(q.bytes(), 60);
        let first = q.next().await.unwrap();
        assert_eq!(first.seq, 1);
        assert_eq!(q.bytes(), 60, "the job being written still counts");
        assert_eq!(q.drop_oldest().unwrap().seq, 2);
        assert_eq!(q.bytes(), 40);
        q.written(10);
        q.close();
        assert_eq!(q.next().await.unwrap().seq, 3);
        assert!(q.next().await.is_none());
    }
}
