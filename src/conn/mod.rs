//! Connections: named endpoints of every kind shark talks to, their validation, storage
//! (state file or config file) with encrypted secrets, `conn test`, and the clients engines
//! share: Elasticsearch/OpenSearch ([`es`]), Slack ([`slack`]), S3 and Kubernetes ([`clients`]).

mod check;
pub mod child_env;
pub mod clients;
mod error;
pub mod es;
mod kind;
pub mod probe;
pub mod redact;
mod registry;
pub mod secret;
pub mod slack;
pub mod store;
mod tester;

pub use check::{Check, Status, TestReport};
pub use error::ConnError;
pub use kind::{Kind, OptionSpec};
pub use registry::{ConnInput, ConnPatch, ConnView, Declared, Registry};
pub use secret::{Keyring, Secret};
pub use store::{ConnRow, ConnStore};
pub use tester::{Tested, test_all};

use std::collections::BTreeMap;
use std::path::PathBuf;

/// Where a connection is defined.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Origin {
    State,
    Config(PathBuf),
}

/// A resolved connection, ready for an engine to use.
#[derive(Debug, Clone)]
pub struct Connection {
    pub name: String,
    pub kind: Kind,
    /// Never contains a password.
    pub url: String,
    pub user: Option<String>,
    pub options: BTreeMap<String, String>,
    pub secret: Option<Secret>,
    pub has_secret: bool,
    pub origin: Origin,
}

impl Connection {
    pub fn option(&self, key: &str) -> Option<&str> {
        self.options.get(key).map(String::as_str)
    }

    /// A boolean option: "true"/"1"/"yes" are true.
    pub fn flag(&self, key: &str) -> Option<bool> {
        self.option(key)
            .map(|v| matches!(v.to_ascii_lowercase().as_str(), "true" | "1" | "yes" | "on"))
    }

    /// One connection per host of a URL that lists several (`mysql://u@h1:3306,h2:3306/`), in
    /// their order; the connection itself when it names one host.
    pub fn hosts(&self) -> Vec<Connection> {
        split_hosts(&self.url)
            .into_iter()
            .map(|url| Connection {
                url,
                ..self.clone()
            })
            .collect()
    }

    /// `HOST:PORT` of a one-host URL (its authority without user), for messages and checkpoints.
    pub fn host(&self) -> String {
        authority(&self.url)
            .map(|(_, hosts, _)| hosts)
            .unwrap_or_else(|| self.url.clone())
    }

    /// The endpoint as shown to people: the URL for most kinds, `***` for a Slack webhook.
    pub fn endpoint(&self) -> String {
        match self.kind {
            Kind::Slack => "***".to_string(),
            Kind::Kubernetes => format!(
                "{} (context {})",
                self.option("kubeconfig").unwrap_or("default kubeconfig"),
                self.option("context").unwrap_or("current")
            ),
            _ => self.url.clone(),
        }
    }
}

/// Check a name, URL, user and options against what `kind` accepts. Returns the URL with any
/// password removed and the password found in it (config files may carry one; the CLI may not).
pub fn validate(
    name: &str,
    kind: Kind,
    url: &str,
    options: &BTreeMap<String, String>,
    where_: &str,
) -> Result<(String, Option<Secret>), ConnError> {
    if name.is_empty()
        || !name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))
    {
        return Err(ConnError::Invalid(format!(
            "{where_}: connection name '{name}' may only contain letters, digits, '-', '_' and '.'"
        )));
    }
    for key in options.keys() {
        if !kind.options().iter().any(|o| o.name == key) {
            let known: Vec<&str> = kind.options().iter().map(|o| o.name).collect();
            return Err(ConnError::Invalid(format!(
                "{where_}: unknown option '{key}' for a {kind} connection (known: {})",
                if known.is_empty() {
                    "none".to_string()
                } else {
                    known.join(", ")
                }
            )));
        }
    }
    for o in kind.options().iter().filter(|o| o.required) {
        if !options.contains_key(o.name) {
            return Err(ConnError::Invalid(format!(
                "{where_}: a {kind} connection needs option '{}' ({})",
                o.name, o.help
            )));
        }
    }
    if url.is_empty() {
        if kind.needs_url() {
            return Err(ConnError::Invalid(format!(
                "{where_}: a {kind} connection needs a URL like {}",
                kind.url_example().unwrap_or("")
            )));
        }
        return Ok((String::new(), None));
    }
    match kind {
        Kind::Zookeeper => {
            for hp in url.split(',') {
                let ok = hp
                    .rsplit_once(':')
                    .is_some_and(|(h, p)| !h.is_empty() && p.parse::<u16>().is_ok());
                if !ok {
                    return Err(ConnError::Invalid(format!(
                        "{where_}: '{hp}' is not HOST:PORT; a zookeeper URL looks like {}",
                        kind.url_example().unwrap_or("")
                    )));
                }
            }
            Ok((url.to_string(), None))
        }
        // multi-host seed lists are not URLs the url crate accepts
        Kind::Mongodb => split_mongo_password(url).ok_or_else(|| {
            ConnError::Invalid(format!(
                "{where_}: '{url}' is not a MongoDB URL; expected {}",
                kind.url_example().unwrap_or("")
            ))
        }),
        // several MySQL hosts (a primary and its replicas): each checked as a URL of its own
        Kind::Mysql if split_hosts(url).len() > 1 => {
            let mut password = None;
            let mut clean = vec![];
            for one in split_hosts(url) {
                if authority(&one).is_some_and(|(_, h, _)| h.is_empty()) {
                    return Err(ConnError::Invalid(format!(
                        "{where_}: '{url}' has an empty host in its list; expected {}",
                        kind.url_example().unwrap_or("")
                    )));
                }
                let (c, p) = validate(name, kind, &one, options, where_)?;
                password = password.or(p);
                clean.push(c);
            }
            Ok((join_hosts(&clean), password))
        }
        Kind::Slack | Kind::Kubernetes => Err(ConnError::Invalid(format!(
            "{where_}: a {kind} connection takes no URL ({})",
            if kind == Kind::Slack {
                "the webhook URL is a secret: pass it with --secret-stdin or --secret-env"
            } else {
                "use options kubeconfig and context"
            }
        ))),
        _ => {
            let mut parsed = url::Url::parse(url).map_err(|e| {
                ConnError::Invalid(format!(
                    "{where_}: '{url}' is not a valid URL ({e}); expected {}",
                    kind.url_example().unwrap_or("")
                ))
            })?;
            let expected: &[&str] = match kind {
                Kind::Mysql => &["mysql", "mariadb"],
                Kind::Mongodb => &["mongodb", "mongodb+srv"],
                Kind::Redis => &["redis", "rediss"],
                _ => &["http", "https"],
            };
            if !expected.contains(&parsed.scheme()) {
                return Err(ConnError::Invalid(format!(
                    "{where_}: a {kind} URL starts with {}:// (got '{}://')",
                    expected[0],
                    parsed.scheme()
                )));
            }
            let password = parsed.password().map(|p| Secret::new(percent_decode(p)));
            if password.is_some() {
                let _ = parsed.set_password(None);
            }
            let mut clean = parsed.to_string();
            if parsed.scheme() == "mariadb" {
                clean = clean.replacen("mariadb://", "mysql://", 1);
            }
            Ok((clean, password))
        }
    }
}

/// A URL's parts around its hosts: (`scheme://user@`, `h1:3306,h2:3306`, `/db?opts`).
fn authority(url: &str) -> Option<(String, String, String)> {
    let (scheme, rest) = url.split_once("://")?;
    let end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let (auth, tail) = rest.split_at(end);
    let (user, hosts) = match auth.rsplit_once('@') {
        Some((u, h)) => (format!("{u}@"), h),
        None => (String::new(), auth),
    };
    Some((
        format!("{scheme}://{user}"),
        hosts.to_string(),
        tail.to_string(),
    ))
}

/// One URL per host of a URL listing several hosts (`mysql://u@h1:3306,h2:3306/db` →
/// `mysql://u@h1:3306/db`, `mysql://u@h2:3306/db`); the URL itself when it names one.
pub fn split_hosts(url: &str) -> Vec<String> {
    match authority(url) {
        Some((head, hosts, tail)) if hosts.contains(',') => hosts
            .split(',')
            .map(|h| format!("{head}{}{tail}", h.trim()))
            .collect(),
        _ => vec![url.to_string()],
    }
}

/// The several-host URL of one-host URLs that differ only in their host.
fn join_hosts(urls: &[String]) -> String {
    let parts: Vec<_> = urls.iter().filter_map(|u| authority(u)).collect();
    match parts.first() {
        Some((head, _, tail)) if parts.len() == urls.len() => {
            let hosts: Vec<&str> = parts.iter().map(|p| p.1.as_str()).collect();
            format!("{head}{}{tail}", hosts.join(","))
        }
        _ => urls.join(","),
    }
}

/// `mongodb://user:pass@h1,h2/db?opts` -> (`mongodb://user@h1,h2/db?opts`, Some(pass)).
fn split_mongo_password(url: &str) -> Option<(String, Option<Secret>)> {
    let (scheme, rest) = url.split_once("://")?;
    if scheme != "mongodb" && scheme != "mongodb+srv" {
        return None;
    }
    let auth_end = rest.find('/').unwrap_or(rest.len());
    let (authority, tail) = rest.split_at(auth_end);
    if authority.is_empty() {
        return None;
    }
    match authority.rsplit_once('@') {
        Some((userinfo, hosts)) => match userinfo.split_once(':') {
            Some((user, pw)) => Some((
                format!("{scheme}://{user}@{hosts}{tail}"),
                Some(Secret::new(percent_decode(pw))),
            )),
            None => Some((url.to_string(), None)),
        },
        None => Some((url.to_string(), None)),
    }
}

fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%'
            && i + 2 < bytes.len()
            && let Some(b) = std::str::from_utf8(&bytes[i + 1..i + 3])
                .ok()
                .and_then(|h| u8::from_str_radix(h, 16).ok())
        {
            out.push(b);
            i += 3;
            continue;
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mysql_urls_may_list_several_hosts() {
        let (clean, pw) = validate(
            "c",
            Kind::Mysql,
            "mariadb://u:p%40ss@h1:3306,h2:3307/db?x=1",
            &BTreeMap::new(),
            "test",
        )
        .unwrap();
        assert_eq!(clean, "mysql://u@h1:3306,h2:3307/db?x=1");
        assert_eq!(pw.unwrap().expose(), "p@ss");
        assert_eq!(
            split_hosts(&clean),
            vec!["mysql://u@h1:3306/db?x=1", "mysql://u@h2:3307/db?x=1"]
        );
        assert_eq!(split_hosts("mysql://h1/"), vec!["mysql://h1/"]);
        let e = validate("c", Kind::Mysql, "mysql://h1,/", &BTreeMap::new(), "test");
        assert!(e.unwrap_err().to_string().contains("empty host"));
        let e = validate(
            "c",
            Kind::Mysql,
            "mysql://h1,h2:x/",
            &BTreeMap::new(),
            "test",
        );
        assert!(e.is_err());
    }
}
