//! Host selection for `--hosts`: a comma list of terms. A term is `all`, a host name, a group,
//! or a glob (`web*`); `TERM:LABEL` keeps the hosts of TERM that carry LABEL as a tag or group
//! (`db:primary`); `!TERM` removes hosts. The result keeps inventory order.

use super::{DeployError, Host};

/// Pick the hosts `pattern` names, in inventory order.
pub fn select<'a>(hosts: &'a [Host], pattern: &str) -> Result<Vec<&'a Host>, DeployError> {
    let err = |msg: String| DeployError::Select {
        pattern: pattern.to_string(),
        msg,
    };
    let mut chosen = vec![false; hosts.len()];
    let mut any_include = false;
    for term in pattern.split(',').map(str::trim).filter(|t| !t.is_empty()) {
        let (exclude, term) = match term.strip_prefix('!') {
            Some(t) => (true, t),
            None => (false, term),
        };
        let mut parts = term.split(':');
        let base = parts.next().unwrap_or_default();
        let labels: Vec<&str> = parts.collect();
        let mut hit = false;
        for (i, h) in hosts.iter().enumerate() {
            if matches_base(h, base) && labels.iter().all(|l| has_label(h, l)) {
                hit = true;
                chosen[i] = !exclude;
            }
        }
        if !exclude {
            any_include = true;
            if !hit {
                return Err(err(format!("no host, group or tag matches '{term}'")));
            }
        }
    }
    if !any_include {
        return Err(err("name at least one host, group or `all`".into()));
    }
    Ok(hosts
        .iter()
        .zip(chosen)
        .filter(|(_, c)| *c)
        .map(|(h, _)| h)
        .collect())
}

fn matches_base(h: &Host, base: &str) -> bool {
    base == "all" || base == "*" || glob(base, &h.name) || h.groups.iter().any(|g| glob(base, g))
}

fn has_label(h: &Host, label: &str) -> bool {
    h.tags.iter().any(|t| glob(label, t)) || h.groups.iter().any(|g| glob(label, g))
}

/// `*` matches any run of characters, `?` one character; everything else literally.
fn glob(pattern: &str, s: &str) -> bool {
    let (p, s): (Vec<char>, Vec<char>) = (pattern.chars().collect(), s.chars().collect());
    let (mut pi, mut si, mut star, mut mark) = (0, 0, None, 0);
    while si < s.len() {
        if pi < p.len() && (p[pi] == '?' || p[pi] == s[si]) {
            pi += 1;
            si += 1;
        } else if pi < p.len() && p[pi] == '*' {
            star = Some(pi);
            mark = si;
            pi += 1;
        } else if let Some(st) = star {
            pi = st + 1;
            mark += 1;
            si = mark;
        } else {
            return false;
        }
    }
    p[pi..].iter().all(|c| *c == '*')
}

/// Sort names so that `h2` comes before `h10`.
pub fn natural_key(s: &str) -> Vec<(String, u64)> {
    let mut out = Vec::new();
    let mut text = String::new();
    let mut num = String::new();
    for c in s.chars() {
        if c.is_ascii_digit() {
            num.push(c);
        } else {
            if !num.is_empty() {
                out.push((std::mem::take(&mut text), num.parse().unwrap_or(u64::MAX)));
                num.clear();
            }
            text.push(c);
        }
    }
    out.push((text, num.parse().unwrap_or(0)));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn host(name: &str, groups: &[&str], tags: &[&str]) -> Host {
        Host {
            name: name.into(),
            address: name.into(),
            port: None,
            user: None,
            key_file: None,
            groups: groups.iter().map(|s| s.to_string()).collect(),
            tags: tags.iter().map(|s| s.to_string()).collect(),
            vars: Default::default(),
        }
    }

    #[test]
    fn terms() {
        let hs = vec![
            host("web1", &["web"], &[]),
            host("web2", &["web"], &["canary"]),
            host("db1", &["db"], &["primary"]),
            host("db2", &["db"], &[]),
        ];
        let names = |p: &str| -> Vec<String> {
            select(&hs, p)
                .unwrap()
                .iter()
                .map(|h| h.name.clone())
                .collect()
        };
        assert_eq!(names("web,db:primary"), ["web1", "web2", "db1"]);
        assert_eq!(names("all,!web2"), ["web1", "db1", "db2"]);
        assert_eq!(names("web*:canary"), ["web2"]);
        assert_eq!(names("db2"), ["db2"]);
        assert!(select(&hs, "nope").is_err());
        assert!(select(&hs, "!web1").is_err());
    }

    #[test]
    fn natural_order() {
        let mut v = vec!["h10", "h2", "h1"];
        v.sort_by_key(|s| natural_key(s));
        assert_eq!(v, ["h1", "h2", "h10"]);
    }
}
