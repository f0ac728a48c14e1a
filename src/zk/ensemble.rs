//! The ensemble's state: every member's mode, zxid, connections, latency, outstanding requests,
//! znode and watch counts and synced followers (from `srvr` + `mntr` + `cons`, or the
//! AdminServer when those words are not whitelisted), and the verdict: quorum ok / degraded /
//! lost, exactly one leader or not.

use super::target::Target;
use super::words::{self, WordReply};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The whitelist line shown when a word is refused.
pub const WHITELIST_LINE: &str = "4lw.commands.whitelist=srvr,mntr,cons,ruok,stat,conf";

/// One member as seen now.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct Member {
    pub addr: String,
    /// leader, follower, observer, standalone, `not serving` (up but without quorum), down, unknown
    pub mode: String,
    pub zxid: Option<String>,
    pub connections: Option<u64>,
    pub latency_min: Option<f64>,
    pub latency_avg: Option<f64>,
    pub latency_max: Option<f64>,
    pub outstanding: Option<u64>,
    pub znodes: Option<u64>,
    pub watches: Option<u64>,
    /// Leader only: followers in sync / learners connected.
    pub followers_synced: Option<u64>,
    pub learners: Option<u64>,
    /// Client addresses from `cons` (when whitelisted).
    pub clients: Option<Vec<String>>,
    pub version: Option<String>,
    /// Where the numbers came from: "4lw", "srvr+adminserver", "srvr", "adminserver".
    pub source: String,
    pub error: Option<String>,
}

impl Member {
    pub fn serving(&self) -> bool {
        matches!(
            self.mode.as_str(),
            "leader" | "follower" | "observer" | "standalone"
        )
    }

    pub fn is_leader(&self) -> bool {
        matches!(self.mode.as_str(), "leader" | "standalone")
    }

    /// "min/avg/max" as ZooKeeper prints it.
    pub fn latency(&self) -> String {
        match (self.latency_min, self.latency_avg, self.latency_max) {
            (Some(a), Some(b), Some(c)) => format!("{a}/{b:.1}/{c}"),
            _ => "-".into(),
        }
    }
}

#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq, Eq, PartialOrd, Ord)]
#[serde(rename_all = "lowercase")]
pub enum Verdict {
    Ok,
    Degraded,
    Lost,
}

impl Verdict {
    pub fn as_str(self) -> &'static str {
        match self {
            Verdict::Ok => "ok",
            Verdict::Degraded => "degraded",
            Verdict::Lost => "lost",
        }
    }
}

/// The whole ensemble at one instant.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Snapshot {
    pub at: String,
    pub members: Vec<Member>,
    pub serving: usize,
    pub quorum: usize,
    pub leaders: usize,
    pub leader: Option<String>,
    pub verdict: Verdict,
    /// Why the verdict is not ok.
    pub problems: Vec<String>,
    /// What could not be read and how to fix it (whitelist, AdminServer).
    pub notes: Vec<String>,
}

impl Snapshot {
    /// One line: "ok: leader 127.0.0.1:2181, 3/3 serving".
    pub fn summary(&self) -> String {
        format!(
            "{}: leader {}, {}/{} serving",
            self.verdict.as_str(),
            self.leader.as_deref().unwrap_or("none"),
            self.serving,
            self.members.len()
        )
    }

    pub fn member(&self, addr: &str) -> Option<&Member> {
        self.members.iter().find(|m| m.addr == addr)
    }
}

/// Probe every member concurrently and judge the ensemble.
pub async fn snapshot(target: &Target) -> Snapshot {
    let http = words::admin_client();
    let futs = target
        .members
        .iter()
        .map(|m| probe_member(&m.addr, m.admin_port, http.as_ref()));
    let results = futures_util::future::join_all(futs).await;
    let mut members = vec![];
    let mut missing: BTreeMap<String, Vec<String>> = BTreeMap::new();
    let mut admin_used = false;
    for (m, miss) in results {
        for w in miss {
            missing.entry(w).or_default().push(m.addr.clone());
        }
        admin_used |= m.source.contains("adminserver");
        members.push(m);
    }
    let mut notes = vec![];
    if !missing.is_empty() {
        let words: Vec<&str> = missing.keys().map(String::as_str).collect();
        let what = if admin_used {
            "read from the AdminServer instead"
        } else if target.members.iter().any(|m| m.admin_port.is_some()) {
            "the AdminServer did not answer either, so watches, znodes and synced followers are unknown"
        } else {
            "watches and synced followers are unknown (set the connection option admin_port or admin_ports to read them from the AdminServer)"
        };
        notes.push(format!(
            "four-letter words not whitelisted: {} ({what}); to whitelist them add `{WHITELIST_LINE}` to zoo.cfg on every member and restart them one by one",
            words.join(", ")
        ));
    }
    judge(members, notes)
}

/// Compute the verdict from member states.
pub fn judge(members: Vec<Member>, notes: Vec<String>) -> Snapshot {
    let voters = members.iter().filter(|m| m.mode != "observer").count();
    let quorum = voters / 2 + 1;
    let serving = members.iter().filter(|m| m.serving()).count();
    let serving_voters = members
        .iter()
        .filter(|m| m.serving() && m.mode != "observer")
        .count();
    let leaders: Vec<&Member> = members.iter().filter(|m| m.is_leader()).collect();
    let mut problems = vec![];
    for m in &members {
        if !m.serving() {
            problems.push(format!(
                "{} is {}{}",
                m.addr,
                m.mode,
                m.error
                    .as_ref()
                    .map(|e| format!(" ({e})"))
                    .unwrap_or_default()
            ));
        }
    }
    let mut verdict = Verdict::Ok;
    if leaders.len() != 1 {
        verdict = Verdict::Lost;
        problems.push(if leaders.is_empty() {
            "no leader: the ensemble is not serving; bring members back until a majority runs"
                .into()
        } else {
            format!(
                "{} leaders ({}): split brain; check the server.N lines of every zoo.cfg",
                leaders.len(),
                leaders
                    .iter()
                    .map(|m| m.addr.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            )
        });
    } else if serving_voters < quorum {
        verdict = Verdict::Lost;
        problems.push(format!(
            "quorum lost: {serving_voters} of {voters} voting members serve, {quorum} needed"
        ));
    } else if serving < members.len() {
        verdict = Verdict::Degraded;
        problems.push(format!(
            "{} of {} members serve: one more failure {} the quorum",
            serving,
            members.len(),
            if serving_voters - 1 < quorum {
                "loses"
            } else {
                "still keeps"
            }
        ));
    } else if let Some(l) = leaders.first()
        && let Some(synced) = l.followers_synced
        && (synced as usize) < serving_voters.saturating_sub(1)
    {
        verdict = Verdict::Degraded;
        problems.push(format!(
            "leader {} has {synced} synced followers of {}",
            l.addr,
            serving_voters - 1
        ));
    }
    Snapshot {
        at: crate::state::now_rfc3339(),
        serving,
        quorum,
        leaders: leaders.len(),
        leader: (leaders.len() == 1).then(|| leaders[0].addr.clone()),
        verdict,
        problems,
        notes,
        members,
    }
}

fn num<T: std::str::FromStr>(kv: &BTreeMap<String, String>, k: &str) -> Option<T> {
    kv.get(k).and_then(|v| v.parse().ok())
}

fn jnum(v: &serde_json::Value, k: &str) -> Option<u64> {
    v.get(k).and_then(|x| x.as_u64())
}

fn jf(v: &serde_json::Value, k: &str) -> Option<f64> {
    v.get(k).and_then(|x| x.as_f64())
}

/// Probe one member; returns it and the words it refused.
async fn probe_member(
    addr: &str,
    admin_port: Option<u16>,
    http: Option<&reqwest::Client>,
) -> (Member, Vec<String>) {
    let mut m = Member {
        addr: addr.to_string(),
        mode: "unknown".into(),
        ..Member::default()
    };
    let mut missing = vec![];
    let mut srvr_ok = false;
    match words::four_letter(addr, "srvr").await {
        Err(e) => {
            m.mode = "down".into();
            m.error = Some(e.to_string());
            return (m, missing);
        }
        Ok(WordReply::NotWhitelisted) => missing.push("srvr".to_string()),
        Ok(WordReply::Answer(text)) => {
            if text.contains("not currently serving") {
                m.mode = "not serving".into();
                m.source = "srvr".into();
                return (m, missing);
            }
            srvr_ok = true;
            let kv = words::parse_srvr(&text);
            m.mode = kv.get("Mode").cloned().unwrap_or_else(|| "unknown".into());
            m.zxid = kv.get("Zxid").cloned();
            m.connections = num(&kv, "Connections");
            m.outstanding = num(&kv, "Outstanding");
            m.znodes = num(&kv, "Node count");
            m.version = kv.get("Zookeeper version").map(|v| clean_version(v));
            if let Some(l) = kv.get("Latency min/avg/max") {
                let p: Vec<f64> = l.split('/').filter_map(|x| x.parse().ok()).collect();
                if p.len() == 3 {
                    (m.latency_min, m.latency_avg, m.latency_max) =
                        (Some(p[0]), Some(p[1]), Some(p[2]));
                }
            }
            m.source = "srvr".into();
        }
    }
    let mut have_mntr = false;
    match words::four_letter(addr, "mntr").await {
        Ok(WordReply::Answer(text)) if !text.contains("not currently serving") => {
            let kv = words::parse_mntr(&text);
            m.watches = num(&kv, "zk_watch_count");
            m.znodes = num(&kv, "zk_znode_count").or(m.znodes);
            m.followers_synced = num(&kv, "zk_synced_followers");
            m.learners = num(&kv, "zk_learners");
            m.outstanding = num(&kv, "zk_outstanding_requests").or(m.outstanding);
            m.connections = num(&kv, "zk_num_alive_connections").or(m.connections);
            have_mntr = true;
        }
        Ok(WordReply::NotWhitelisted) => missing.push("mntr".to_string()),
        _ => {}
    }
    match words::four_letter(addr, "cons").await {
        Ok(WordReply::Answer(text)) => m.clients = Some(words::parse_cons(&text)),
        Ok(WordReply::NotWhitelisted) => missing.push("cons".to_string()),
        Err(_) => {}
    }
    if (!have_mntr || !srvr_ok)
        && let (Some(port), Some(http)) = (admin_port, http)
    {
        let host = addr.rsplit_once(':').map(|(h, _)| h).unwrap_or(addr);
        match words::admin_command(http, host, port, "monitor").await {
            Ok(v) => {
                if let Some(state) = v.get("server_state").and_then(|s| s.as_str()) {
                    m.mode = state.to_string();
                }
                m.watches = jnum(&v, "watch_count");
                m.znodes = jnum(&v, "znode_count").or(m.znodes);
                m.followers_synced = jnum(&v, "synced_followers");
                m.learners = jnum(&v, "learners");
                m.outstanding = jnum(&v, "outstanding_requests").or(m.outstanding);
                m.connections = jnum(&v, "num_alive_connections").or(m.connections);
                if !srvr_ok {
                    (m.latency_min, m.latency_avg, m.latency_max) = (
                        jf(&v, "min_latency"),
                        jf(&v, "avg_latency"),
                        jf(&v, "max_latency"),
                    );
                    m.version = v.get("version").and_then(|s| s.as_str()).map(clean_version);
                    if let Ok(s) = words::admin_command(http, host, port, "stat").await
                        && let Some(z) = s
                            .pointer("/server_stats/last_processed_zxid")
                            .and_then(|z| z.as_i64())
                    {
                        m.zxid = Some(format!("0x{z:x}"));
                    }
                }
                m.source = if srvr_ok {
                    "srvr+adminserver"
                } else {
                    "adminserver"
                }
                .into();
            }
            Err(e) => m.error = Some(e),
        }
    } else if have_mntr {
        m.source = "4lw".into();
    }
    (m, missing)
}

fn clean_version(v: &str) -> String {
    // Debian's build leaves a literal ${mvngit.commit.id} in the version
    v.split([',', '-']).next().unwrap_or(v).trim().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(addr: &str, mode: &str) -> Member {
        Member {
            addr: addr.into(),
            mode: mode.into(),
            ..Member::default()
        }
    }

    #[test]
    fn verdicts() {
        let s = judge(
            vec![m("a", "leader"), m("b", "follower"), m("c", "follower")],
            vec![],
        );
        assert_eq!((s.verdict, s.leader.as_deref()), (Verdict::Ok, Some("a")));
        let s = judge(
            vec![m("a", "down"), m("b", "leader"), m("c", "follower")],
            vec![],
        );
        assert_eq!(s.verdict, Verdict::Degraded);
        let s = judge(
            vec![m("a", "down"), m("b", "not serving"), m("c", "down")],
            vec![],
        );
        assert_eq!(s.verdict, Verdict::Lost);
        let s = judge(
            vec![m("a", "leader"), m("b", "leader"), m("c", "follower")],
            vec![],
        );
        assert_eq!((s.verdict, s.leaders), (Verdict::Lost, 2));
        let s = judge(vec![m("a", "standalone")], vec![]);
        assert_eq!(s.verdict, Verdict::Ok);
        let mut l = m("a", "leader");
        l.followers_synced = Some(1);
        let s = judge(vec![l, m("b", "follower"), m("c", "follower")], vec![]);
        assert_eq!(s.verdict, Verdict::Degraded);
    }
}
