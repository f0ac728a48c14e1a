//! Hosts and Ansible-style inventories: INI (`[group]`, `[group:vars]`, `[group:children]`, host
//! ranges `web[01:03]`) and YAML (`all: {hosts, vars, children}`). Host variables
//! `ansible_host`, `ansible_port`, `ansible_user` and `ansible_ssh_private_key_file` (or the short
//! `host`, `port`, `user`, `key`) set how to connect; `tags` (comma list or YAML list) labels hosts.

use super::DeployError;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap};
use std::path::Path;

/// One host of the inventory, with everything needed to reach it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Host {
    pub name: String,
    /// Address or ssh_config alias passed to ssh (default: the name).
    pub address: String,
    pub port: Option<u16>,
    pub user: Option<String>,
    pub key_file: Option<String>,
    /// Every group the host belongs to, parents of its groups included (not `all`).
    #[serde(default)]
    pub groups: Vec<String>,
    #[serde(default)]
    pub tags: Vec<String>,
    /// Other inventory variables, kept for reference.
    #[serde(default)]
    pub vars: BTreeMap<String, String>,
}

impl Host {
    /// Refuse a host ssh would misread: an address (or a name used as the address) starting
    /// with `-` would be taken as an ssh option (`-oProxyCommand=...`), and a control character
    /// has no place in a host name.
    pub fn check(&self) -> Result<(), String> {
        let name = self.name.escape_debug();
        if self.name.is_empty() || self.name.chars().any(char::is_control) {
            return Err(format!(
                "host '{name}': a host name must be non-empty, without control characters"
            ));
        }
        let a = &self.address;
        if a.starts_with('-') {
            return Err(format!(
                "host '{name}': the address '{a}' starts with '-', which ssh would read as an option; refused"
            ));
        }
        if a.is_empty() || a.chars().any(|c| c.is_control() || c.is_whitespace()) {
            return Err(format!(
                "host '{name}': the address '{}' is empty or contains whitespace or a control character",
                a.escape_debug()
            ));
        }
        Ok(())
    }

    /// A host from its name and the variables that apply to it.
    pub fn from_vars(
        name: &str,
        mut vars: BTreeMap<String, String>,
        groups: Vec<String>,
    ) -> Result<Host, String> {
        let mut take = |keys: &[&str]| -> Option<String> {
            let mut found = None;
            for k in keys {
                if let Some(v) = vars.remove(*k) {
                    found.get_or_insert(v);
                }
            }
            found.filter(|v| !v.is_empty())
        };
        let address = take(&["ansible_host", "ansible_ssh_host", "host", "address"])
            .unwrap_or_else(|| name.to_string());
        let port = match take(&["ansible_port", "ansible_ssh_port", "port"]) {
            Some(p) => Some(
                p.parse::<u16>()
                    .map_err(|_| format!("host {name}: port '{p}' is not a port number"))?,
            ),
            None => None,
        };
        let user = take(&["ansible_user", "ansible_ssh_user", "user"]);
        let key_file = take(&[
            "ansible_ssh_private_key_file",
            "ansible_private_key_file",
            "key_file",
            "key",
        ]);
        let tags = take(&["tags"])
            .map(|t| {
                t.split(',')
                    .map(|s| s.trim().to_string())
                    .filter(|s| !s.is_empty())
                    .collect()
            })
            .unwrap_or_default();
        let host = Host {
            name: name.to_string(),
            address,
            port,
            user,
            key_file,
            groups,
            tags,
            vars,
        };
        host.check()?;
        Ok(host)
    }
}

/// Read an inventory file (INI or YAML, by extension or content).
pub fn load(path: &Path) -> Result<Vec<Host>, DeployError> {
    let text = std::fs::read_to_string(path).map_err(|e| DeployError::Read {
        path: path.to_path_buf(),
        source: e,
    })?;
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or("")
        .to_ascii_lowercase();
    let yaml = match ext.as_str() {
        "yml" | "yaml" => true,
        "ini" | "cfg" | "hosts" => false,
        _ => looks_like_yaml(&text),
    };
    let raw = if yaml {
        parse_yaml(&text)
    } else {
        parse_ini(&text)
    }
    .map_err(|(line, msg)| DeployError::Inventory {
        path: path.to_path_buf(),
        line,
        msg,
    })?;
    raw.resolve().map_err(|msg| DeployError::Inventory {
        path: path.to_path_buf(),
        line: 0,
        msg,
    })
}

fn looks_like_yaml(text: &str) -> bool {
    text.lines()
        .map(str::trim)
        .find(|l| !l.is_empty() && !l.starts_with('#') && !l.starts_with(';'))
        .is_some_and(|l| l == "---" || (l.ends_with(':') && !l.starts_with('[')))
}

/// Groups, their hosts, children and variables, before resolution into [`Host`]s.
#[derive(Debug, Default)]
pub struct RawInventory {
    host_order: Vec<String>,
    host_vars: HashMap<String, BTreeMap<String, String>>,
    group_hosts: BTreeMap<String, Vec<String>>,
    group_vars: HashMap<String, BTreeMap<String, String>>,
    children: BTreeMap<String, Vec<String>>,
}

impl RawInventory {
    fn add_host(&mut self, group: &str, name: &str, vars: BTreeMap<String, String>) {
        if !self.host_vars.contains_key(name) {
            self.host_order.push(name.to_string());
        }
        self.host_vars
            .entry(name.to_string())
            .or_default()
            .extend(vars);
        let members = self.group_hosts.entry(group.to_string()).or_default();
        if !members.iter().any(|m| m == name) {
            members.push(name.to_string());
        }
    }

    fn add_child(&mut self, parent: &str, child: &str) {
        let c = self.children.entry(parent.to_string()).or_default();
        if !c.iter().any(|m| m == child) {
            c.push(child.to_string());
        }
        self.group_hosts.entry(child.to_string()).or_default();
    }

    /// Turn groups and variables into hosts: variables of `all`, then of groups from parents to
    /// children, then the host's own.
    pub fn resolve(self) -> Result<Vec<Host>, String> {
        let mut parents: HashMap<&str, Vec<&str>> = HashMap::new();
        for (p, cs) in &self.children {
            for c in cs {
                parents.entry(c.as_str()).or_default().push(p.as_str());
            }
        }
        fn depth<'a>(
            g: &'a str,
            parents: &HashMap<&'a str, Vec<&'a str>>,
            seen: &mut Vec<&'a str>,
        ) -> Result<usize, String> {
            if seen.contains(&g) {
                return Err(format!("group '{g}' is its own ancestor (children loop)"));
            }
            seen.push(g);
            let mut d = 0;
            for p in parents.get(g).into_iter().flatten() {
                d = d.max(1 + depth(p, parents, seen)?);
            }
            seen.pop();
            Ok(d)
        }
        let mut depths: HashMap<&str, usize> = HashMap::new();
        for g in self.group_hosts.keys().chain(self.children.keys()) {
            depths.insert(g.as_str(), depth(g, &parents, &mut vec![])?);
        }
        let mut hosts = Vec::new();
        for name in &self.host_order {
            // direct groups, then every ancestor
            let mut groups: Vec<&str> = self
                .group_hosts
                .iter()
                .filter(|(_, m)| m.iter().any(|h| h == name))
                .map(|(g, _)| g.as_str())
                .collect();
            let mut i = 0;
            while i < groups.len() {
                for p in parents.get(groups[i]).into_iter().flatten() {
                    if !groups.contains(p) {
                        groups.push(p);
                    }
                }
                i += 1;
            }
            groups.sort_by_key(|g| (depths.get(g).copied().unwrap_or(0), g.to_string()));
            let mut vars = self.group_vars.get("all").cloned().unwrap_or_default();
            for g in &groups {
                if let Some(v) = self.group_vars.get(*g) {
                    vars.extend(v.clone());
                }
            }
            if let Some(v) = self.host_vars.get(name) {
                vars.extend(v.clone());
            }
            let mut names: Vec<String> = groups
                .iter()
                .filter(|g| !matches!(**g, "all" | "ungrouped"))
                .map(|g| g.to_string())
                .collect();
            names.sort();
            hosts.push(Host::from_vars(name, vars, names)?);
        }
        Ok(hosts)
    }
}

/// Parse an Ansible INI inventory. Errors carry the 1-based line number.
pub fn parse_ini(text: &str) -> Result<RawInventory, (usize, String)> {
    enum Section {
        Hosts(String),
        Vars(String),
        Children(String),
    }
    let mut inv = RawInventory::default();
    let mut section = Section::Hosts("ungrouped".into());
    for (i, raw) in text.lines().enumerate() {
        let n = i + 1;
        let line = raw.trim();
        if line.is_empty() || line.starts_with('#') || line.starts_with(';') {
            continue;
        }
        if let Some(head) = line.strip_prefix('[') {
            let head = head
                .strip_suffix(']')
                .ok_or((n, format!("unclosed section header '{line}'")))?
                .trim();
            section = match head.split_once(':') {
                None => Section::Hosts(head.to_string()),
                Some((g, "vars")) => Section::Vars(g.to_string()),
                Some((g, "children")) => Section::Children(g.to_string()),
                Some((_, other)) => {
                    return Err((
                        n,
                        format!("unknown section kind ':{other}' (use :vars or :children)"),
                    ));
                }
            };
            if let Section::Hosts(g) = &section {
                inv.group_hosts.entry(g.clone()).or_default();
            }
            continue;
        }
        match &section {
            Section::Hosts(g) => {
                let words = split_words(line).map_err(|e| (n, e))?;
                let (pattern, rest) = words.split_first().ok_or((n, "empty host line".into()))?;
                let mut vars = BTreeMap::new();
                for w in rest {
                    let (k, v) = w
                        .split_once('=')
                        .ok_or((n, format!("'{w}' is not KEY=VALUE")))?;
                    vars.insert(k.to_string(), v.to_string());
                }
                for name in expand_range(pattern).map_err(|e| (n, e))? {
                    inv.add_host(g, &name, vars.clone());
                }
            }
            Section::Vars(g) => {
                let (k, v) = line
                    .split_once('=')
                    .ok_or((n, format!("'{line}' is not KEY=VALUE")))?;
                let v = split_words(v.trim()).map_err(|e| (n, e))?.join(" ");
                inv.group_vars
                    .entry(g.clone())
                    .or_default()
                    .insert(k.trim().to_string(), v);
            }
            Section::Children(g) => {
                let child = line.split_whitespace().next().unwrap_or(line);
                inv.add_child(g, child);
            }
        }
    }
    Ok(inv)
}

/// Split on whitespace, honouring single and double quotes.
fn split_words(s: &str) -> Result<Vec<String>, String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut quote: Option<char> = None;
    let mut has = false;
    for c in s.chars() {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), c) => cur.push(c),
            (None, '\'' | '"') => {
                quote = Some(c);
                has = true
            }
            (None, c) if c.is_whitespace() => {
                if has || !cur.is_empty() {
                    out.push(std::mem::take(&mut cur));
                    has = false;
                }
            }
            (None, '#') if cur.is_empty() && !has => break,
            (None, c) => cur.push(c),
        }
    }
    if quote.is_some() {
        return Err(format!("unclosed quote in '{s}'"));
    }
    if has || !cur.is_empty() {
        out.push(cur);
    }
    Ok(out)
}

/// The most hosts one inventory pattern may expand to (`web[0:9999]` is 10,000 hosts): a typo
/// such as `h[0:99999999999]` is an error, not an attempt to allocate billions of names.
pub const MAX_RANGE_HOSTS: usize = 10_000;
/// The widest number a range bound may have (zero padding included).
const MAX_RANGE_DIGITS: usize = 20;

/// Expand one Ansible host range: `web[01:03]` (zero padding kept), `db-[a:c]`, `n[0:10:5]`.
/// At most [`MAX_RANGE_HOSTS`] names per pattern, nested ranges included.
pub fn expand_range(pattern: &str) -> Result<Vec<String>, String> {
    let Some(open) = pattern.find('[') else {
        return Ok(vec![pattern.to_string()]);
    };
    let close = pattern[open..]
        .find(']')
        .map(|c| c + open)
        .ok_or(format!("unclosed range in '{pattern}'"))?;
    let (head, body, tail) = (
        &pattern[..open],
        &pattern[open + 1..close],
        &pattern[close + 1..],
    );
    let parts: Vec<&str> = body.split(':').collect();
    let (a, b, step) = match parts.as_slice() {
        [a, b] => (*a, *b, 1usize),
        [a, b, s] => (
            *a,
            *b,
            s.parse()
                .map_err(|_| format!("bad range step in '{pattern}'"))?,
        ),
        _ => return Err(format!("bad range '[{body}]' (use [01:10] or [a:f])")),
    };
    if step == 0 {
        return Err(format!("range step 0 in '{pattern}'"));
    }
    let too_many = || {
        format!(
            "range '{pattern}' expands to more than {MAX_RANGE_HOSTS} hosts (the limit per inventory pattern); split it or check the bounds"
        )
    };
    let mut items = Vec::new();
    if let (Ok(x), Ok(y)) = (a.parse::<u64>(), b.parse::<u64>()) {
        if a.len().max(b.len()) > MAX_RANGE_DIGITS {
            return Err(format!("range bound too long in '{pattern}'"));
        }
        let width = if a.starts_with('0') && a.len() > 1 {
            a.len()
        } else {
            0
        };
        if x > y {
            return Err(format!("range start after end in '{pattern}'"));
        }
        if (y - x) / step as u64 >= MAX_RANGE_HOSTS as u64 {
            return Err(too_many());
        }
        for v in (x..=y).step_by(step) {
            items.push(format!("{v:0width$}"));
        }
    } else if a.len() == 1 && b.len() == 1 {
        let (x, y) = (a.as_bytes()[0], b.as_bytes()[0]);
        if x > y {
            return Err(format!("range start after end in '{pattern}'"));
        }
        for v in (x..=y).step_by(step) {
            items.push((v as char).to_string());
        }
    } else {
        return Err(format!("bad range '[{body}]' (use [01:10] or [a:f])"));
    }
    let rests = expand_range(tail)?;
    if items.len().saturating_mul(rests.len()) > MAX_RANGE_HOSTS {
        return Err(too_many());
    }
    let mut out = Vec::with_capacity(items.len() * rests.len());
    for it in items {
        for rest in &rests {
            out.push(format!("{head}{it}{rest}"));
        }
    }
    Ok(out)
}

/// Parse an Ansible YAML inventory (`all: {hosts: {...}, vars: {...}, children: {...}}`).
pub fn parse_yaml(text: &str) -> Result<RawInventory, (usize, String)> {
    use serde_norway::Value;
    let doc: Value = serde_norway::from_str(text).map_err(|e| {
        (
            e.location().map(|l| l.line()).unwrap_or(0),
            format!("not valid YAML: {e}"),
        )
    })?;
    let mut inv = RawInventory::default();
    let Value::Mapping(top) = doc else {
        if doc.is_null() {
            return Ok(inv);
        }
        return Err((
            1,
            "the top level must be a mapping of groups (e.g. `all:`)".into(),
        ));
    };
    fn scalar(v: &Value) -> String {
        match v {
            Value::String(s) => s.clone(),
            Value::Bool(b) => b.to_string(),
            Value::Number(n) => n.to_string(),
            Value::Sequence(s) => s.iter().map(scalar).collect::<Vec<_>>().join(","),
            Value::Null => String::new(),
            other => serde_norway::to_string(other)
                .unwrap_or_default()
                .trim()
                .to_string(),
        }
    }
    fn vars_of(v: &Value, what: &str) -> Result<BTreeMap<String, String>, (usize, String)> {
        match v {
            Value::Null => Ok(BTreeMap::new()),
            Value::Mapping(m) => Ok(m.iter().map(|(k, v)| (scalar(k), scalar(v))).collect()),
            _ => Err((0, format!("{what}: expected a mapping of variables"))),
        }
    }
    fn group(inv: &mut RawInventory, name: &str, v: &Value) -> Result<(), (usize, String)> {
        inv.group_hosts.entry(name.to_string()).or_default();
        let m = match v {
            Value::Null => return Ok(()),
            Value::Mapping(m) => m,
            _ => return Err((0, format!("group '{name}': expected hosts/vars/children"))),
        };
        for (k, val) in m {
            match scalar(k).as_str() {
                "hosts" => match val {
                    Value::Null => {}
                    Value::Mapping(hosts) => {
                        for (h, hv) in hosts {
                            let hv = vars_of(hv, &format!("host '{}'", scalar(h)))?;
                            for hname in expand_range(&scalar(h)).map_err(|e| (0, e))? {
                                inv.add_host(name, &hname, hv.clone());
                            }
                        }
                    }
                    _ => return Err((0, format!("group '{name}': hosts must be a mapping"))),
                },
                "vars" => {
                    let vars = vars_of(val, &format!("group '{name}' vars"))?;
                    inv.group_vars
                        .entry(name.to_string())
                        .or_default()
                        .extend(vars);
                }
                "children" => match val {
                    Value::Null => {}
                    Value::Mapping(children) => {
                        for (c, cv) in children {
                            let c = scalar(c);
                            inv.add_child(name, &c);
                            group(inv, &c, cv)?;
                        }
                    }
                    _ => return Err((0, format!("group '{name}': children must be a mapping"))),
                },
                other => {
                    return Err((
                        0,
                        format!(
                            "group '{name}': unknown key '{other}' (expected hosts, vars, children)"
                        ),
                    ));
                }
            }
        }
        Ok(())
    }
    for (k, v) in &top {
        group(&mut inv, &scalar(k), v)?;
    }
    Ok(inv)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ini_groups_vars_children_ranges() {
        let inv = parse_ini(
            "lonely ansible_host=10.0.0.9\n[web]\nweb[01:02].ex ansible_user=deploy tags=blue,canary\n\
             [db]\ndb1 ansible_host=10.0.0.5 ansible_port=2222 tags=primary\ndb2\n\
             [db:vars]\nansible_user=postgres\n[prod:children]\nweb\ndb\n[prod:vars]\nansible_user=ops\n\
             [all:vars]\nansible_ssh_private_key_file=/k\n",
        )
        .unwrap()
        .resolve()
        .unwrap();
        let names: Vec<_> = inv.iter().map(|h| h.name.as_str()).collect();
        assert_eq!(names, ["lonely", "web01.ex", "web02.ex", "db1", "db2"]);
        let db1 = &inv[3];
        assert_eq!(db1.address, "10.0.0.5");
        assert_eq!(db1.port, Some(2222));
        assert_eq!(db1.user.as_deref(), Some("postgres")); // child group beats parent
        assert_eq!(db1.key_file.as_deref(), Some("/k"));
        assert_eq!(db1.groups, ["db", "prod"]);
        assert_eq!(db1.tags, ["primary"]);
        assert_eq!(inv[1].user.as_deref(), Some("deploy")); // host var beats groups
        assert_eq!(inv[1].tags, ["blue", "canary"]);
        assert_eq!(inv[0].groups, Vec::<String>::new());
    }

    #[test]
    fn yaml_inventory() {
        let inv = parse_yaml(
            "all:\n  vars:\n    ansible_user: root\n  hosts:\n    a1:\n      ansible_host: 10.0.0.1\n  children:\n    web:\n      hosts:\n        w[1:2]:\n          tags: [blue, canary]\n      vars:\n        ansible_port: 2200\n",
        )
        .unwrap()
        .resolve()
        .unwrap();
        assert_eq!(inv.len(), 3);
        assert_eq!(inv[1].name, "w1");
        assert_eq!(inv[1].port, Some(2200));
        assert_eq!(inv[1].user.as_deref(), Some("root"));
        assert_eq!(inv[1].tags, ["blue", "canary"]);
        assert_eq!(inv[1].groups, ["web"]);
    }

    #[test]
    fn ranges_and_errors() {
        assert_eq!(expand_range("n[8:10]").unwrap(), ["n8", "n9", "n10"]);
        assert_eq!(expand_range("x[a:c]y").unwrap(), ["xay", "xby", "xcy"]);
        assert!(expand_range("n[3:1]").is_err());
        assert_eq!(expand_range("n[0:9999]").unwrap().len(), MAX_RANGE_HOSTS);
        for huge in [
            "h[0:99999999999]",
            "h[0:10000]",
            "h[0:18446744073709551615]",
            "a[0:999]b[0:999]",
            "h[0000000000000000000000001:2]",
        ] {
            let e = expand_range(huge).unwrap_err();
            assert!(e.contains(huge), "{e}");
        }
        assert_eq!(
            expand_range("h[0:99999999999:10000000]").unwrap().len(),
            10_000
        );
        let e = parse_ini("[web]\n-oProxyCommand=evil\n")
            .unwrap()
            .resolve()
            .unwrap_err();
        assert!(e.contains("starts with '-'"), "{e}");
        assert!(parse_ini("[web\nh1").is_err());
        assert!(parse_ini("[web]\nh1 noequals").is_err());
        assert!(parse_yaml("all:\n  hostz: {}\n").is_err());
    }
}
