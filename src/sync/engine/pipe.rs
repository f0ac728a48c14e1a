//! The pieces joining the binlog reader to the applier: a channel bounded in bytes (so a slow
//! sink makes the reader wait instead of memory grow) and the retry budget (consecutive
//! failures without progress).

use std::sync::Arc;
use std::time::Duration;
use tokio::sync::{OwnedSemaphorePermit, Semaphore, mpsc};

/// The sending half of a channel bounded in bytes.
pub struct Sender<T> {
    tx: mpsc::UnboundedSender<(T, OwnedSemaphorePermit)>,
    room: Arc<Semaphore>,
    cap: u32,
}

/// The receiving half; an item's bytes are given back when the item is dropped after use
/// (the permit travels with it).
pub struct Receiver<T> {
    rx: mpsc::UnboundedReceiver<(T, OwnedSemaphorePermit)>,
}

/// Room for `bytes` in a channel, taken before sending.
pub struct Room(OwnedSemaphorePermit);

/// The receiver is gone.
#[derive(Debug)]
pub struct Closed;

/// A channel holding at most `cap` bytes of items in flight (an item larger than `cap` takes
/// all of it).
pub fn channel<T>(cap: usize) -> (Sender<T>, Receiver<T>) {
    let cap = cap.clamp(1, u32::MAX as usize) as u32;
    let (tx, rx) = mpsc::unbounded_channel();
    (
        Sender {
            tx,
            room: Arc::new(Semaphore::new(cap as usize)),
            cap,
        },
        Receiver { rx },
    )
}

impl<T> Sender<T> {
    /// Wait for room for `bytes`.
    pub async fn reserve(&self, bytes: usize) -> Result<Room, Closed> {
        let n = bytes.clamp(1, self.cap as usize) as u32;
        self.room
            .clone()
            .acquire_many_owned(n)
            .await
            .map(Room)
            .map_err(|_| Closed)
    }

    /// Send an item into the room reserved for it.
    pub fn send(&self, room: Room, item: T) -> Result<(), Closed> {
        self.tx.send((item, room.0)).map_err(|_| Closed)
    }

    /// Bytes in flight now.
    pub fn used(&self) -> usize {
        self.cap as usize - self.room.available_permits()
    }

    pub fn capacity(&self) -> usize {
        self.cap as usize
    }

    /// Resolves once at most `bytes` are in flight.
    pub async fn drained_to(&self, bytes: usize) -> Result<(), Closed> {
        let want = self.cap as usize - bytes.min(self.cap as usize);
        if want == 0 {
            return Ok(());
        }
        self.reserve(want).await.map(drop)
    }
}

impl<T> Receiver<T> {
    /// The next item and its permit (drop it once the item's memory is released).
    pub async fn recv(&mut self) -> Option<(T, OwnedSemaphorePermit)> {
        self.rx.recv().await
    }

    pub fn is_empty(&self) -> bool {
        self.rx.is_empty()
    }
}

/// Consecutive failures without progress; progress (a checkpoint, a transaction read) resets
/// it, so a flaky but working link never runs out, while one that never gets anywhere stops.
#[derive(Debug, Clone)]
pub struct Budget {
    failures: u32,
    max: u32,
}

impl Budget {
    pub fn new(max: u32) -> Budget {
        Budget { failures: 0, max }
    }

    /// Count a failure: the wait before the next attempt, or None when the budget is spent.
    pub fn fail(&mut self) -> Option<Duration> {
        self.failures += 1;
        (self.failures < self.max).then(|| Duration::from_millis(500 * (1 << self.failures.min(6))))
    }

    pub fn progress(&mut self) {
        self.failures = 0;
    }

    /// "attempt N/M" of the failure just counted.
    pub fn attempt(&self) -> String {
        format!("attempt {}/{}", self.failures, self.max)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn bytes_bound_the_channel() {
        let (tx, mut rx) = channel::<u32>(100);
        let r = tx.reserve(60).await.unwrap();
        tx.send(r, 1).unwrap();
        assert_eq!(tx.used(), 60);
        // 60 + 60 > 100: waits until the first item is consumed
        let blocked = tokio::time::timeout(Duration::from_millis(50), tx.reserve(60)).await;
        assert!(blocked.is_err());
        let (v, permit) = rx.recv().await.unwrap();
        assert_eq!(v, 1);
        drop(permit);
        let r = tx.reserve(1000).await.unwrap(); // larger than the bound: takes all of it
        assert_eq!(tx.used(), 100);
        drop(r);
        tx.drained_to(0).await.unwrap();
    }

    #[test]
    fn budget_counts_consecutive_failures_only() {
        let mut b = Budget::new(3);
        assert!(b.fail().is_some());
        assert!(b.fail().is_some());
        b.progress();
        assert!(b.fail().is_some());
        assert!(b.fail().is_some());
        assert_eq!(b.attempt(), "attempt 2/3");
        assert!(b.fail().is_none());
    }
}
