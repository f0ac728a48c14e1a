//! A monitor's definition: what to follow (Kubernetes connection, namespaces, label selector,
//! container filter), the rules lines are matched against, where alerts go (Slack) and where
//! lines are archived (S3). Stored as JSON in the engine's `monitors` table; rules can also be
//! read from a TOML file (`[[rule]]` tables with the same keys).

use super::error::MonitorError;
use serde::{Deserialize, Serialize};
use std::fmt;
use std::time::Duration;

/// A duration written like `90s`, `5m`, `1h` (humantime), stored the same way.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Dur(pub Duration);

impl Dur {
    pub fn secs(s: u64) -> Dur {
        Dur(Duration::from_secs(s))
    }
    pub fn ms(&self) -> i64 {
        self.0.as_millis() as i64
    }
}

impl fmt::Display for Dur {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", humantime::format_duration(self.0))
    }
}

impl std::str::FromStr for Dur {
    type Err = String;
    fn from_str(s: &str) -> Result<Dur, String> {
        humantime::parse_duration(s.trim())
            .map(Dur)
            .map_err(|e| format!("'{s}' is not a duration like 30s, 5m or 1h ({e})"))
    }
}

impl Serialize for Dur {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.to_string())
    }
}

impl<'de> Deserialize<'de> for Dur {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Dur, D::Error> {
        let s = String::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Warning,
    Error,
    Critical,
}

impl Severity {
    /// Every value as spelled in definitions and on the command line.
    pub const WORDS: &'static [&'static str] = &["info", "warning", "error", "critical"];

    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
            Severity::Critical => "critical",
        }
    }
}

/// What makes matches fall into the same alert.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum GroupBy {
    /// one group per rule across everything followed
    Rule,
    Namespace,
    Pod,
    Container,
}

impl GroupBy {
    /// Every value as spelled in definitions and on the command line.
    pub const WORDS: &'static [&'static str] = &["rule", "namespace", "pod", "container"];

    pub fn as_str(self) -> &'static str {
        match self {
            GroupBy::Rule => "rule",
            GroupBy::Namespace => "namespace",
            GroupBy::Pod => "pod",
            GroupBy::Container => "container",
        }
    }
}

/// Which lines go to the archive.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ArchiveLines {
    All,
    Matched,
}

impl ArchiveLines {
    /// Every value as spelled in definitions and on the command line.
    pub const WORDS: &'static [&'static str] = &["all", "matched"];

    pub fn as_str(self) -> &'static str {
        match self {
            ArchiveLines::All => "all",
            ArchiveLines::Matched => "matched",
        }
    }
}

fn default_threshold() -> u32 {
    1
}
fn default_window() -> Dur {
    Dur::secs(300)
}
fn default_group_window() -> Dur {
    Dur::secs(60)
}
fn default_archive_lines() -> ArchiveLines {
    ArchiveLines::All
}
fn default_archive_window() -> Dur {
    Dur::secs(3600)
}
fn default_severity() -> Severity {
    Severity::Warning
}
fn default_group_by() -> GroupBy {
    GroupBy::Container
}

/// One rule. A line matches when it contains one of `include` or matches one of `regex`, and
/// contains none of `exclude` and matches none of `exclude_regex`. Regexes are matched against
/// one line at a time (without its newline): `^` and `$` anchor at the line's start and end. `threshold` matches within `window` open an alert; matches in the
/// following `group_window` join it (one Slack message with a count); after it is sent the group
/// is silent for `silence` (matches are counted and reported with the next alert).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RuleSpec {
    pub name: String,
    #[serde(default)]
    pub include: Vec<String>,
    #[serde(default)]
    pub exclude: Vec<String>,
    #[serde(default)]
    pub regex: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub exclude_regex: Vec<String>,
    #[serde(default)]
    pub ignore_case: bool,
    #[serde(default = "default_severity")]
    pub severity: Severity,
    #[serde(default = "default_threshold")]
    pub threshold: u32,
    #[serde(default = "default_window")]
    pub window: Dur,
    #[serde(default = "default_group_by")]
    pub group_by: GroupBy,
    #[serde(default = "default_group_window")]
    pub group_window: Dur,
    #[serde(default)]
    pub silence: Option<Dur>,
}

/// Where and how lines are archived.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ArchiveSpec {
    /// s3 connection
    pub conn: String,
    /// key prefix (after the connection's own prefix option)
    #[serde(default)]
    pub prefix: String,
    #[serde(default = "default_archive_lines")]
    pub lines: ArchiveLines,
    /// objects cover at most this much time (and are flushed when it ends)
    #[serde(default = "default_archive_window")]
    pub window: Dur,
    /// objects older than this are deleted (None: kept)
    #[serde(default)]
    pub retention: Option<Dur>,
}

/// A monitor definition.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MonitorSpec {
    pub name: String,
    /// kubernetes connection
    pub kube: String,
    /// kubeconfig context overriding the connection's
    #[serde(default)]
    pub context: Option<String>,
    /// namespaces to follow (empty: all)
    #[serde(default)]
    pub namespaces: Vec<String>,
    #[serde(default)]
    pub selector: Option<String>,
    /// regex on container names (None: every container)
    #[serde(default)]
    pub containers: Option<String>,
    /// on the first run, also read lines this far back (None: only lines written after start)
    #[serde(default)]
    pub since: Option<Dur>,
    #[serde(default)]
    pub rules: Vec<RuleSpec>,
    /// slack connection (None: alerts are only recorded and printed)
    #[serde(default)]
    pub slack: Option<String>,
    #[serde(default)]
    pub archive: Option<ArchiveSpec>,
    /// a log stream that delivers nothing this long is reopened (from its position), so a
    /// half-open connection (API server failover, a load balancer's idle timeout) cannot
    /// silently stop monitoring (None: the default, [`DEFAULT_STREAM_IDLE`])
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stream_idle: Option<Dur>,
}

/// How long a log stream may stay silent before it is reopened, unless a monitor says otherwise.
pub const DEFAULT_STREAM_IDLE: Duration = Duration::from_secs(120);

impl MonitorSpec {
    /// The idle deadline of this monitor's log streams.
    pub fn stream_idle(&self) -> Duration {
        self.stream_idle.map_or(DEFAULT_STREAM_IDLE, |d| d.0)
    }
}

/// The `[[rule]]` tables of a rules file.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RulesFile {
    rule: Vec<RuleSpec>,
}

/// Parse a TOML rules file (`[[rule]]` tables).
pub fn parse_rules_file(path: &str, text: &str) -> Result<Vec<RuleSpec>, MonitorError> {
    let table: toml::Table = text.parse().map_err(|e: toml::de::Error| {
        MonitorError::invalid(format!("rules file {path}: {}", one_line(&e.to_string())))
    })?;
    let f: RulesFile =
        serde_path_to_error::deserialize(toml::Value::Table(table)).map_err(|e| {
            MonitorError::invalid(format!(
                "rules file {path}: {}: {}",
                e.path(),
                one_line(&e.inner().to_string())
            ))
        })?;
    Ok(f.rule)
}

fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn valid_name(s: &str) -> bool {
    !s.is_empty()
        && s.chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))
}

impl MonitorSpec {
    /// Check everything that can be checked without a server: names, regexes, thresholds.
    pub fn validate(&self) -> Result<(), MonitorError> {
        let bad = |m: String| {
            Err(MonitorError::invalid(format!(
                "monitor '{}': {m}",
                self.name
            )))
        };
        if !valid_name(&self.name) {
            return bad("a monitor name may only contain letters, digits, '-', '_' and '.'".into());
        }
        if self.rules.is_empty() {
            return bad("no rules; give --include/--regex or --rules FILE".into());
        }
        if let Some(c) = &self.containers
            && let Err(e) = regex::Regex::new(c)
        {
            return bad(format!(
                "--containers '{c}' is not a valid regex: {}",
                one_line(&e.to_string())
            ));
        }
        let mut seen = std::collections::HashSet::new();
        for r in &self.rules {
            if !valid_name(&r.name) {
                return bad(format!(
                    "rule name '{}' may only contain letters, digits, '-', '_' and '.'",
                    r.name
                ));
            }
            if !seen.insert(&r.name) {
                return bad(format!("two rules are named '{}'", r.name));
            }
            if r.include.is_empty() && r.regex.is_empty() {
                return bad(format!(
                    "rule '{}' has neither include keywords nor regexes",
                    r.name
                ));
            }
            if r.include.iter().chain(&r.exclude).any(|k| k.is_empty()) {
                return bad(format!("rule '{}' has an empty keyword", r.name));
            }
            for x in r.regex.iter().chain(&r.exclude_regex) {
                if let Err(e) = regex::RegexBuilder::new(x)
                    .case_insensitive(r.ignore_case)
                    .build()
                {
                    return bad(format!(
                        "rule '{}': regex '{x}' is invalid: {}",
                        r.name,
                        one_line(&e.to_string())
                    ));
                }
            }
            if r.threshold == 0 {
                return bad(format!("rule '{}': threshold must be at least 1", r.name));
            }
            if r.window.0.is_zero() && r.threshold > 1 {
                return bad(format!(
                    "rule '{}': a threshold above 1 needs a window",
                    r.name
                ));
            }
        }
        if let Some(a) = &self.archive {
            if a.window.0 < Duration::from_secs(1) {
                return bad("the archive window must be at least 1s".into());
            }
            if a.retention.is_some() && a.prefix.trim_matches('/').is_empty() {
                return bad(
                    "archive retention needs a prefix of the monitor's own (--archive-prefix), so that \
                     it deletes only this monitor's objects"
                        .into(),
                );
            }
        }
        if self
            .stream_idle
            .is_some_and(|d| d.0 < Duration::from_secs(1))
        {
            return bad("--stream-idle must be at least 1s".into());
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_listed_word_is_a_value_and_every_value_is_listed() {
        fn check<T: serde::de::DeserializeOwned + Serialize>(words: &[&str], all: &[T]) {
            for w in words {
                serde_json::from_value::<T>(serde_json::Value::String(w.to_string())).unwrap();
            }
            let spelled: Vec<String> = all
                .iter()
                .map(|v| {
                    serde_json::to_value(v)
                        .unwrap()
                        .as_str()
                        .unwrap()
                        .to_string()
                })
                .collect();
            assert_eq!(spelled, words);
        }
        use ArchiveLines as A;
        use GroupBy as G;
        use Severity as S;
        check(
            Severity::WORDS,
            &[S::Info, S::Warning, S::Error, S::Critical],
        );
        check(
            GroupBy::WORDS,
            &[G::Rule, G::Namespace, G::Pod, G::Container],
        );
        check(ArchiveLines::WORDS, &[A::All, A::Matched]);
    }

    #[test]
    fn rules_file_is_strict_and_fills_defaults() {
        let r = parse_rules_file(
            "r.toml",
            "[[rule]]\nname = \"errors\"\ninclude = [\"ERROR\"]\nwindow = \"2m\"\n",
        )
        .unwrap();
        assert_eq!(r[0].threshold, 1);
        assert_eq!(r[0].window, Dur::secs(120));
        assert_eq!(r[0].group_by, GroupBy::Container);
        let e =
            parse_rules_file("r.toml", "[[rule]]\nname = \"x\"\nincldue = [\"a\"]\n").unwrap_err();
        assert!(e.to_string().contains("incldue"), "{e}");
    }
}
