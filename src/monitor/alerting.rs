//! Thresholds, grouping and silences. Matches of one rule fall into groups (per container, pod,
//! namespace or the whole rule); `threshold` matches within `window` (by line timestamp) open an
//! alert; matches during the following `group_window` (wall clock) join it; then it is emitted
//! once with its count and sample lines, and the group stays silent for `silence`, counting what
//! it suppresses for the next alert. The whole state is serializable: it is checkpointed with
//! the positions of the lines that produced it. A group with nothing open is forgotten once its
//! window (and silence) has passed without a match, so the state stays as small as the set of
//! groups active within a window, whatever the pod churn.

use super::spec::{GroupBy, RuleSpec};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, VecDeque};

/// Sample lines kept per alert.
pub const SAMPLES: usize = 5;

/// Where a matched line came from.
#[derive(Debug, Clone)]
pub struct Origin<'a> {
    pub namespace: &'a str,
    pub pod: &'a str,
    pub container: &'a str,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct Open {
    pub opened_ms: i64,
    pub count: u64,
    pub first_ts: String,
    pub last_ts: String,
    pub samples: Vec<String>,
    pub namespace: Option<String>,
    pub pod: Option<String>,
    pub container: Option<String>,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct Group {
    /// timestamps (ns) and lines of recent matches below the threshold
    pub recent: VecDeque<(i64, String, String)>,
    pub open: Option<Open>,
    pub silenced_until_ms: i64,
    pub suppressed: u64,
    /// wall clock of the group's last match
    #[serde(default)]
    pub last_ms: i64,
}

/// An alert ready to be recorded and delivered.
#[derive(Debug, Clone, PartialEq)]
pub struct Fired {
    pub rule: usize,
    pub group_key: String,
    pub open: Open,
    pub suppressed: u64,
}

/// All groups of all rules of one monitor.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct Alerting {
    /// rule name → group key → state
    pub groups: BTreeMap<String, BTreeMap<String, Group>>,
}

pub fn group_key(by: GroupBy, o: &Origin<'_>) -> String {
    match by {
        GroupBy::Rule => String::new(),
        GroupBy::Namespace => o.namespace.to_string(),
        GroupBy::Pod => format!("{}/{}", o.namespace, o.pod),
        GroupBy::Container => format!("{}/{}/{}", o.namespace, o.pod, o.container),
    }
}

impl Alerting {
    /// Record one match of `rule` (index `ri`) at line timestamp `ts_ns` (`ts` as text).
    #[allow(clippy::too_many_arguments)]
    pub fn on_match(
        &mut self,
        ri: usize,
        rule: &RuleSpec,
        o: &Origin<'_>,
        ts_ns: i64,
        ts: &str,
        line: &str,
        now_ms: i64,
    ) {
        let key = group_key(rule.group_by, o);
        let g = self
            .groups
            .entry(rule.name.clone())
            .or_default()
            .entry(key)
            .or_default();
        let _ = ri;
        g.last_ms = now_ms;
        if now_ms < g.silenced_until_ms && g.open.is_none() {
            g.suppressed += 1;
            return;
        }
        if let Some(open) = &mut g.open {
            open.count += 1;
            open.last_ts = ts.to_string();
            if open.samples.len() < SAMPLES {
                open.samples.push(line.to_string());
            }
            return;
        }
        let window_ns = rule.window.0.as_nanos() as i64;
        g.recent
            .push_back((ts_ns, ts.to_string(), line.to_string()));
        while g
            .recent
            .front()
            .is_some_and(|(t, _, _)| *t < ts_ns - window_ns)
        {
            g.recent.pop_front();
        }
        if g.recent.len() as u64 >= rule.threshold as u64 {
            let recent: Vec<_> = g.recent.drain(..).collect();
            let keep = |s: Option<&str>, by: bool| if by { s.map(str::to_string) } else { None };
            g.open = Some(Open {
                opened_ms: now_ms,
                count: recent.len() as u64,
                first_ts: recent[0].1.clone(),
                last_ts: ts.to_string(),
                samples: recent
                    .iter()
                    .rev()
                    .take(SAMPLES)
                    .rev()
                    .map(|(_, _, l)| l.clone())
                    .collect(),
                namespace: keep(Some(o.namespace), rule.group_by != GroupBy::Rule),
                pod: keep(
                    Some(o.pod),
                    matches!(rule.group_by, GroupBy::Pod | GroupBy::Container),
                ),
                container: keep(Some(o.container), rule.group_by == GroupBy::Container),
            });
        } else if g.recent.len() > SAMPLES.max(rule.threshold as usize) {
            g.recent.pop_front();
        }
    }

    /// Close the alerts whose group window has passed (all of them with `flush`).
    pub fn due(&mut self, rules: &[RuleSpec], now_ms: i64, flush: bool) -> Vec<Fired> {
        let mut out = Vec::new();
        for (ri, rule) in rules.iter().enumerate() {
            let Some(groups) = self.groups.get_mut(&rule.name) else {
                continue;
            };
            for (key, g) in groups.iter_mut() {
                let ready = g
                    .open
                    .as_ref()
                    .is_some_and(|o| flush || now_ms - o.opened_ms >= rule.group_window.ms());
                if ready && let Some(open) = g.open.take() {
                    out.push(Fired {
                        rule: ri,
                        group_key: key.clone(),
                        open,
                        suppressed: std::mem::take(&mut g.suppressed),
                    });
                    g.silenced_until_ms = now_ms + rule.silence.map_or(0, |s| s.ms());
                }
            }
            // forget groups idle for a window (after their silence): below-threshold matches
            // have left the window by then, and what was suppressed goes unreported
            let window_ms = rule.window.ms().max(rule.group_window.ms());
            groups.retain(|_, g| {
                g.open.is_some() || now_ms - g.last_ms.max(g.silenced_until_ms) < window_ms
            });
        }
        self.groups.retain(|_, g| !g.is_empty());
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::monitor::spec::{Dur, Severity};

    fn rule(threshold: u32, silence: Option<u64>) -> RuleSpec {
        RuleSpec {
            name: "r".into(),
            include: vec!["E".into()],
            exclude: vec![],
            regex: vec![],
            exclude_regex: vec![],
            ignore_case: false,
            severity: Severity::Critical,
            threshold,
            window: Dur::secs(60),
            group_by: GroupBy::Pod,
            group_window: Dur::secs(10),
            silence: silence.map(Dur::secs),
        }
    }

    const S: i64 = 1_000_000_000;

    #[test]
    fn storm_is_one_alert_with_a_count_then_silence() {
        let r = rule(3, Some(100));
        let rules = [r.clone()];
        let o = Origin {
            namespace: "prod",
            pod: "web-1",
            container: "app",
        };
        let o2 = Origin {
            namespace: "prod",
            pod: "web-1",
            container: "sidecar",
        };
        let mut a = Alerting::default();
        a.on_match(0, &r, &o, S, "t1", "E1", 0);
        a.on_match(0, &r, &o2, 2 * S, "t2", "E2", 0);
        assert!(a.due(&rules, 20_000, false).is_empty(), "below threshold");
        for i in 3..=50 {
            a.on_match(0, &r, &o, i * S, "t", &format!("E{i}"), 1_000);
        }
        assert!(
            a.due(&rules, 5_000, false).is_empty(),
            "group window still open"
        );
        let fired = a.due(&rules, 11_000, false);
        assert_eq!(fired.len(), 1);
        assert_eq!(fired[0].open.count, 50);
        assert_eq!(fired[0].open.samples, vec!["E1", "E2", "E3", "E4", "E5"]);
        assert_eq!(fired[0].group_key, "prod/web-1");
        // silenced: counted, not alerted
        a.on_match(0, &r, &o, 60 * S, "t", "E", 50_000);
        assert!(a.due(&rules, 60_000, true).is_empty());
        // state survives a checkpoint round trip
        let a2: Alerting = serde_json::from_str(&serde_json::to_string(&a).unwrap()).unwrap();
        assert_eq!(a, a2);
    }

    #[test]
    fn old_matches_leave_the_window() {
        let r = rule(2, None);
        let rules = [r.clone()];
        let o = Origin {
            namespace: "n",
            pod: "p",
            container: "c",
        };
        let mut a = Alerting::default();
        a.on_match(0, &r, &o, 0, "t", "E", 0);
        a.on_match(0, &r, &o, 120 * S, "t", "E", 0);
        // (the wall clock stays within the window: an idle group would be forgotten)
        assert!(a.due(&rules, 1_000, true).is_empty());
        a.on_match(0, &r, &o, 121 * S, "t", "E", 0);
        assert_eq!(a.due(&rules, 1_000, true).len(), 1);
    }

    #[test]
    fn idle_groups_are_forgotten_after_their_window() {
        let r = rule(5, Some(10));
        let rules = [r.clone()];
        let mut a = Alerting::default();
        for i in 0..1000 {
            let pod = format!("p{i}");
            let o = Origin {
                namespace: "n",
                pod: &pod,
                container: "c",
            };
            a.on_match(0, &r, &o, i * S, "t", "E", 1_000);
        }
        assert!(a.due(&rules, 2_000, false).is_empty());
        assert_eq!(
            a.groups["r"].len(),
            1000,
            "below threshold, within the window"
        );
        assert!(a.due(&rules, 1_000 + 60_001, false).is_empty());
        assert!(a.groups.is_empty(), "{:?}", a.groups.keys());
    }
}
