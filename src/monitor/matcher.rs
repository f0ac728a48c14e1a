//! Rule matching. A detector (one Aho-Corasick automaton over every include keyword of every
//! rule, one regex alternation over every rule's regexes) finds candidate lines; only those are
//! checked rule by rule (that rule's keywords and case, its regexes, its excludes). Most log lines
//! match nothing, so the cost per byte is the detector's, for a whole block as for one line.
//! Rules mean one line: a rule's own regexes run on the candidate line alone, and the detector's
//! alternation runs in multi-line mode, so `^` and `$` anchor at line starts and ends inside a
//! block as they do on a single line.

use super::error::MonitorError;
use super::spec::RuleSpec;
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use regex::bytes::{Regex, RegexBuilder};

/// Which rules matched a line: bit i = rule i (at most 64 rules per monitor).
pub type RuleMask = u64;

pub const MAX_RULES: usize = 64;

struct CompiledRule {
    include: Option<AhoCorasick>,
    exclude: Option<AhoCorasick>,
    regex: Vec<Regex>,
    exclude_regex: Vec<Regex>,
}

fn compile(r: &RuleSpec, xs: &[String]) -> Result<Vec<Regex>, MonitorError> {
    xs.iter()
        .map(|x| {
            RegexBuilder::new(x)
                .case_insensitive(r.ignore_case)
                .build()
                .map_err(|e| MonitorError::invalid(format!("rule '{}': regex '{x}': {e}", r.name)))
        })
        .collect()
}

pub struct Matcher {
    detect_kw: Option<AhoCorasick>,
    detect_re: Option<Regex>,
    rules: Vec<CompiledRule>,
}

fn ac(words: &[String], ignore_case: bool) -> Result<Option<AhoCorasick>, MonitorError> {
    if words.is_empty() {
        return Ok(None);
    }
    AhoCorasickBuilder::new()
        .ascii_case_insensitive(ignore_case)
        .match_kind(MatchKind::LeftmostFirst)
        .build(words)
        .map(Some)
        .map_err(|e| MonitorError::invalid(format!("keywords: {e}")))
}

impl Matcher {
    pub fn new(rules: &[RuleSpec]) -> Result<Matcher, MonitorError> {
        if rules.len() > MAX_RULES {
            return Err(MonitorError::invalid(format!(
                "{} rules; a monitor takes at most {MAX_RULES} (split it in two)",
                rules.len()
            )));
        }
        let mut compiled = Vec::with_capacity(rules.len());
        let mut all_kw: Vec<String> = Vec::new();
        let mut any_ci = false;
        let mut alternation: Vec<String> = Vec::new();
        for r in rules {
            let regex = compile(r, &r.regex)?;
            for x in &r.regex {
                alternation.push(if r.ignore_case {
                    format!("(?i:{x})")
                } else {
                    format!("(?:{x})")
                });
            }
            all_kw.extend(r.include.iter().cloned());
            any_ci |= r.ignore_case && !r.include.is_empty();
            compiled.push(CompiledRule {
                include: ac(&r.include, r.ignore_case)?,
                exclude: ac(&r.exclude, r.ignore_case)?,
                regex,
                exclude_regex: compile(r, &r.exclude_regex)?,
            });
        }
        all_kw.sort();
        all_kw.dedup();
        let detect_re = if alternation.is_empty() {
            None
        } else {
            // multi-line: a block holds many lines, and `^`/`$` mean a line's start and end
            Some(
                RegexBuilder::new(&alternation.join("|"))
                    .multi_line(true)
                    .build()
                    .map_err(|e| MonitorError::invalid(format!("regexes: {e}")))?,
            )
        };
        Ok(Matcher {
            detect_kw: ac(&all_kw, any_ci)?,
            detect_re,
            rules: compiled,
        })
    }

    /// The rules one line (without its newline) matches.
    pub fn line(&self, line: &[u8]) -> RuleMask {
        let hit = self.detect_kw.as_ref().is_some_and(|a| a.is_match(line))
            || self.detect_re.as_ref().is_some_and(|r| r.is_match(line));
        if hit { self.exact(line) } else { 0 }
    }

    fn exact(&self, line: &[u8]) -> RuleMask {
        let mut mask = 0;
        for (i, r) in self.rules.iter().enumerate() {
            let inc = r.include.as_ref().is_some_and(|a| a.is_match(line))
                || r.regex.iter().any(|x| x.is_match(line));
            if inc
                && !r.exclude.as_ref().is_some_and(|a| a.is_match(line))
                && !r.exclude_regex.iter().any(|x| x.is_match(line))
            {
                mask |= 1 << i;
            }
        }
        mask
    }

    /// Scan a block of newline-separated lines; `f(line, mask)` for every line that matched a
    /// rule. Candidates are found over the whole block, not line by line.
    pub fn block(&self, buf: &[u8], mut f: impl FnMut(&[u8], RuleMask)) {
        let mut pos = 0;
        // cached next detector hits (start offsets) at or after `pos`
        let mut next_kw: Option<usize> = None;
        let mut next_re: Option<usize> = None;
        while pos < buf.len() {
            if next_kw.is_none_or(|p| p < pos) {
                next_kw = self
                    .detect_kw
                    .as_ref()
                    .and_then(|a| a.find(aho_corasick::Input::new(buf).span(pos..buf.len())))
                    .map(|m| m.start())
                    .or(Some(usize::MAX));
            }
            if next_re.is_none_or(|p| p < pos) {
                next_re = self
                    .detect_re
                    .as_ref()
                    .and_then(|r| r.find_at(buf, pos))
                    .map(|m| m.start())
                    .or(Some(usize::MAX));
            }
            let at = next_kw
                .unwrap_or(usize::MAX)
                .min(next_re.unwrap_or(usize::MAX));
            if at == usize::MAX || at >= buf.len() {
                return;
            }
            let start = buf[..at]
                .iter()
                .rposition(|&b| b == b'\n')
                .map_or(0, |p| p + 1)
                .max(pos);
            let end = memchr_nl(&buf[at..]).map_or(buf.len(), |p| at + p);
            let line = &buf[start..end];
            let mask = self.exact(line);
            if mask != 0 {
                f(line, mask);
            }
            pos = end + 1;
        }
    }
}

fn memchr_nl(b: &[u8]) -> Option<usize> {
    b.iter().position(|&c| c == b'\n')
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::monitor::spec::{Dur, GroupBy, Severity};

    fn rule(name: &str, inc: &[&str], exc: &[&str], re: &[&str], ci: bool) -> RuleSpec {
        RuleSpec {
            name: name.into(),
            include: inc.iter().map(|s| s.to_string()).collect(),
            exclude: exc.iter().map(|s| s.to_string()).collect(),
            regex: re.iter().map(|s| s.to_string()).collect(),
            exclude_regex: vec![],
            ignore_case: ci,
            severity: Severity::Warning,
            threshold: 1,
            window: Dur::secs(60),
            group_by: GroupBy::Container,
            group_window: Dur::secs(1),
            silence: None,
        }
    }

    #[test]
    fn lines_and_blocks_agree() {
        let m = Matcher::new(&[
            rule("err", &["ERROR", "FATAL"], &["healthz"], &[], false),
            rule("timeout", &[], &[], &[r"timeout after \d+ms"], false),
            rule("oom", &["outofmemory"], &[], &[], true),
        ])
        .unwrap();
        let text = "ok line\nERROR db down\nGET /healthz ERROR\nrequest timeout after 300ms\n\
                    java.lang.OutOfMemoryError\nerror lower case\nFATAL timeout after 5ms\n";
        let mut from_block = Vec::new();
        m.block(text.as_bytes(), |l, mask| {
            from_block.push((String::from_utf8_lossy(l).into_owned(), mask))
        });
        let from_lines: Vec<_> = text
            .lines()
            .map(|l| (l.to_string(), m.line(l.as_bytes())))
            .filter(|(_, m)| *m != 0)
            .collect();
        assert_eq!(from_block, from_lines);
        assert_eq!(
            from_lines,
            vec![
                ("ERROR db down".to_string(), 0b001),
                ("request timeout after 300ms".to_string(), 0b010),
                ("java.lang.OutOfMemoryError".to_string(), 0b100),
                ("FATAL timeout after 5ms".to_string(), 0b011),
            ]
        );
    }

    #[test]
    fn anchors_mean_line_start_and_end_inside_a_block() {
        let mut r = rule("anch", &[], &[], &["^panic:", r"timeout$"], false);
        r.exclude_regex = vec![r"^panic: test\b".into()];
        let m = Matcher::new(&[r]).unwrap();
        let text = "panic: boom\nnot panic: here\nrequest timeout\ntimeout later\n\
                    panic: test only\nlast timeout";
        let mut hits = Vec::new();
        m.block(text.as_bytes(), |l, _| {
            hits.push(String::from_utf8_lossy(l).into_owned())
        });
        assert_eq!(hits, vec!["panic: boom", "request timeout", "last timeout"]);
        for l in text.lines() {
            assert_eq!(
                m.line(l.as_bytes()) != 0,
                hits.iter().any(|h| h == l),
                "{l}"
            );
        }
    }
}
