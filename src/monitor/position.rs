//! Where a container's stream stands, for resuming without loss or repeat. Kubernetes log lines
//! carry an RFC 3339 timestamp (`timestamps=true`) and are in time order within a container;
//! several lines can share one timestamp. A position is (timestamp in ns, how many lines with
//! exactly that timestamp were consumed). A reconnect asks for `sinceTime` = the position's
//! second (rounded down: the API takes whole seconds) and skips what the position covers.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Pos {
    pub ts: i64,
    pub n: u32,
}

impl Pos {
    /// The `sinceTime` to ask for: the position's whole second.
    pub fn since_secs(&self) -> i64 {
        self.ts.div_euclid(1_000_000_000)
    }
}

/// Split a `timestamps=true` line into (timestamp ns, timestamp text, message).
pub fn split_line(line: &str) -> Option<(i64, &str, &str)> {
    let (ts, msg) = line.split_once(' ').unwrap_or((line, ""));
    let t = chrono::DateTime::parse_from_rfc3339(ts).ok()?;
    Some((t.timestamp_nanos_opt()?, ts, msg))
}

/// Assigns positions to the lines of one stream, in order.
#[derive(Debug, Default, Clone)]
pub struct Sequencer {
    last: Pos,
}

impl Sequencer {
    /// The position of the next line with timestamp `ts`.
    pub fn next(&mut self, ts: i64) -> Pos {
        if ts == self.last.ts {
            self.last.n += 1;
        } else {
            self.last = Pos { ts, n: 1 };
        }
        self.last
    }
}

/// Format a nanosecond timestamp as RFC 3339 with nanoseconds (UTC).
pub fn rfc3339(ts: i64) -> String {
    chrono::DateTime::from_timestamp_nanos(ts).to_rfc3339_opts(chrono::SecondsFormat::Nanos, true)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn equal_timestamps_are_told_apart_and_resume_skips_exactly() {
        let lines = [
            "2026-12-01T10:00:00.5Z a",
            "2026-12-01T10:00:00.5Z b",
            "2026-12-01T10:00:01Z c",
        ];
        let mut s = Sequencer::default();
        let pos: Vec<Pos> = lines
            .iter()
            .map(|l| s.next(split_line(l).unwrap().0))
            .collect();
        assert_eq!(pos[0].n, 1);
        assert_eq!(pos[1].n, 2);
        assert!(pos[1] > pos[0] && pos[2] > pos[1]);
        // resuming after "a": a stream from the whole second sees a again and skips it
        let ck = pos[0];
        let mut s = Sequencer::default();
        let kept: Vec<&str> = lines
            .iter()
            .filter(|l| s.next(split_line(l).unwrap().0) > ck)
            .map(|l| split_line(l).unwrap().2)
            .collect();
        assert_eq!(kept, vec!["b", "c"]);
        assert_eq!(
            ck.since_secs(),
            split_line(lines[0]).unwrap().0 / 1_000_000_000
        );
    }
}
