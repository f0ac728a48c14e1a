//! MariaDB GTID positions: the `domain-server-seq` list a checkpoint carries beside its binlog
//! file and offset (what `@@gtid_binlog_pos` shows), kept up to date from the GTID events of the
//! stream, and the checks made before a task resumes on another server by GTID (its binlog
//! must hold everything after the checkpoint: not purged, not behind, `log_slave_updates` on).

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;
use std::str::FromStr;

/// MariaDB's GTID event (the start of an event group); unknown to the binlog crate.
pub const GTID_EVENT: u8 = 162;
/// MariaDB's GTID list event (the GTID state at the start of a binlog file).
pub const GTID_LIST_EVENT: u8 = 163;

/// One MariaDB GTID: replication domain, originating server, sequence number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Gtid {
    pub domain: u32,
    pub server: u32,
    pub seq: u64,
}

impl fmt::Display for Gtid {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}-{}-{}", self.domain, self.server, self.seq)
    }
}

impl FromStr for Gtid {
    type Err = String;
    fn from_str(s: &str) -> Result<Gtid, String> {
        let bad = || format!("'{s}' is not a MariaDB GTID (domain-server-sequence)");
        let mut it = s.trim().splitn(3, '-');
        let mut next = || it.next().ok_or_else(bad);
        let domain = next()?.parse().map_err(|_| bad())?;
        let server = next()?.parse().map_err(|_| bad())?;
        let seq = next()?.parse().map_err(|_| bad())?;
        Ok(Gtid {
            domain,
            server,
            seq,
        })
    }
}

/// A MariaDB GTID position: the last GTID of each replication domain, ordered by domain (the
/// form of `@@gtid_binlog_pos` and `@slave_connect_state`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct GtidSet(Vec<Gtid>);

impl GtidSet {
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn iter(&self) -> impl Iterator<Item = &Gtid> {
        self.0.iter()
    }

    /// The GTID of `domain`, if any.
    pub fn domain(&self, domain: u32) -> Option<&Gtid> {
        self.0.iter().find(|g| g.domain == domain)
    }

    /// Record `g` as the last transaction of its domain.
    pub fn apply(&mut self, g: Gtid) {
        match self.0.binary_search_by_key(&g.domain, |x| x.domain) {
            Ok(i) => self.0[i] = g,
            Err(i) => self.0.insert(i, g),
        }
    }

    /// Every domain of `other` is at or past `other`'s sequence number here.
    pub fn covers(&self, other: &GtidSet) -> bool {
        other
            .iter()
            .all(|o| self.domain(o.domain).is_some_and(|g| g.seq >= o.seq))
    }
}

impl fmt::Display for GtidSet {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, g) in self.0.iter().enumerate() {
            if i > 0 {
                f.write_str(",")?;
            }
            write!(f, "{g}")?;
        }
        Ok(())
    }
}

impl FromStr for GtidSet {
    type Err = String;
    fn from_str(s: &str) -> Result<GtidSet, String> {
        let mut set = GtidSet::default();
        for part in s
            .trim()
            .trim_matches(['[', ']'])
            .split(',')
            .map(str::trim)
            .filter(|p| !p.is_empty())
        {
            set.apply(part.parse()?);
        }
        Ok(set)
    }
}

impl Serialize for GtidSet {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.to_string())
    }
}

impl<'de> Deserialize<'de> for GtidSet {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<GtidSet, D::Error> {
        let s = String::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

/// The GTID of a MariaDB GTID event (body: sequence u64, domain u32, flags; the server is the
/// event header's).
pub fn parse_gtid_event(body: &[u8], server: u32) -> Option<Gtid> {
    let seq = u64::from_le_bytes(body.get(0..8)?.try_into().ok()?);
    let domain = u32::from_le_bytes(body.get(8..12)?.try_into().ok()?);
    Some(Gtid {
        domain,
        server,
        seq,
    })
}

/// What a server says about itself before a task follows it.
#[derive(Debug, Clone)]
pub struct ServerInfo {
    pub server_id: u32,
    pub read_only: bool,
    pub log_slave_updates: bool,
    pub mariadb: bool,
    /// `@@gtid_binlog_pos` (MariaDB).
    pub gtid_binlog_pos: Option<GtidSet>,
}

/// Why a task cannot resume by GTID on a server.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    /// Its binlog lacks the transactions it replicated (`log_slave_updates` off).
    NoLogSlaveUpdates,
    /// It never wrote, or no longer holds, the transactions after `from` in these domains:
    /// purged (`oldest` is the first GTID its binlog still holds after the gap) or behind.
    Missing(Vec<String>),
}

/// Can a task whose checkpoint is at `from` resume by GTID on a server described by `info`,
/// whose oldest binlog starts at `oldest` (its GTID list event)?
pub fn can_resume(info: &ServerInfo, from: &GtidSet, oldest: &GtidSet) -> Result<(), Refusal> {
    if !info.log_slave_updates {
        return Err(Refusal::NoLogSlaveUpdates);
    }
    let have = info.gtid_binlog_pos.clone().unwrap_or_default();
    let mut missing = vec![];
    for g in from.iter() {
        match have.domain(g.domain) {
            None => missing.push(format!(
                "domain {}: its binlog has no transaction of this domain, the checkpoint is at {g}",
                g.domain
            )),
            Some(h) if h.seq < g.seq => missing.push(format!(
                "domain {}: its binlog ends at {h}, before the checkpoint's {g} (it lacks transactions already applied to the target)",
                g.domain
            )),
            Some(_) => {}
        }
        if let Some(o) = oldest.domain(g.domain)
            && o.seq > g.seq
        {
            missing.push(format!(
                "domain {}: transactions after {g} up to {o} were purged from its binlog",
                g.domain
            ));
        }
    }
    if missing.is_empty() {
        Ok(())
    } else {
        Err(Refusal::Missing(missing))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sets_parse_print_and_apply() {
        let mut s: GtidSet = "1-2-5, 0-11-3".parse().unwrap();
        assert_eq!(s.to_string(), "0-11-3,1-2-5");
        s.apply(Gtid {
            domain: 0,
            server: 12,
            seq: 4,
        });
        assert_eq!(s.to_string(), "0-12-4,1-2-5");
        assert_eq!("[0-1-2]".parse::<GtidSet>().unwrap().to_string(), "0-1-2");
        assert!("".parse::<GtidSet>().unwrap().is_empty());
        assert!("0-1".parse::<GtidSet>().is_err());
        assert!("0-x-1".parse::<GtidSet>().is_err());
        let json = serde_json::to_value(&s).unwrap();
        assert_eq!(json, serde_json::json!("0-12-4,1-2-5"));
        assert_eq!(serde_json::from_value::<GtidSet>(json).unwrap(), s);
        assert!(s.covers(&"0-11-4".parse().unwrap()));
        assert!(!s.covers(&"0-11-5".parse().unwrap()));
        assert!(!s.covers(&"2-1-1".parse().unwrap()));
    }

    #[test]
    fn gtid_event_bodies_decode() {
        let mut body = 77u64.to_le_bytes().to_vec();
        body.extend(3u32.to_le_bytes());
        body.push(1);
        assert_eq!(parse_gtid_event(&body, 9).unwrap().to_string(), "3-9-77");
        assert!(parse_gtid_event(&body[..10], 9).is_none());
    }

    #[test]
    fn resuming_elsewhere_needs_every_transaction_after_the_checkpoint() {
        let info = |pos: &str, lsu| ServerInfo {
            server_id: 12,
            read_only: false,
            log_slave_updates: lsu,
            mariadb: true,
            gtid_binlog_pos: Some(pos.parse().unwrap()),
        };
        let from: GtidSet = "0-11-10".parse().unwrap();
        let none = GtidSet::default();
        assert_eq!(can_resume(&info("0-12-15", true), &from, &none), Ok(()));
        assert_eq!(
            can_resume(&info("0-12-15", false), &from, &none),
            Err(Refusal::NoLogSlaveUpdates)
        );
        let Err(Refusal::Missing(m)) = can_resume(&info("0-11-8", true), &from, &none) else {
            panic!("a server behind the checkpoint is refused")
        };
        assert!(m[0].contains("0-11-8"), "{m:?}");
        let oldest: GtidSet = "0-12-13".parse().unwrap();
        let Err(Refusal::Missing(m)) = can_resume(&info("0-12-15", true), &from, &oldest) else {
            panic!("a purged gap is refused")
        };
        assert!(m[0].contains("purged") && m[0].contains("0-12-13"), "{m:?}");
        // the oldest file starting exactly at the checkpoint loses nothing
        let oldest: GtidSet = "0-11-10".parse().unwrap();
        assert_eq!(can_resume(&info("0-12-15", true), &from, &oldest), Ok(()));
    }
}
