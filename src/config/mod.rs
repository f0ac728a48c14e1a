//! The TOML config file: where it is found, `${ENV}` expansion, and strict validation that
//! names the path of any unknown or bad key. Sections for engines are added as they land.

mod expand;

use crate::conn::{self, Connection, Declared, Kind, Origin, Secret};
use crate::exit::{Classify, ExitKind};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// Keys a `[connections.NAME]` table takes besides the kind's options.
const CONN_KEYS: [&str; 4] = ["kind", "url", "user", "password"];
/// Aliases of `password` for kinds whose secret is not a password.
const SECRET_ALIASES: [&str; 3] = ["token", "api_key", "secret"];

#[derive(Debug, thiserror::Error)]
#[error("config {path}: {message}")]
pub struct ConfigError {
    pub path: String,
    pub message: String,
}

impl Classify for ConfigError {
    fn exit_kind(&self) -> ExitKind {
        ExitKind::Usage
    }
}

/// Engine sections of the config file; each engine deserializes its own (strictly).
pub const SECTIONS: [&str; 4] = ["inspect", "monitors", "sync", "zk"];

/// The loaded configuration (empty when there is no file).
#[derive(Debug, Default)]
pub struct Config {
    pub path: Option<PathBuf>,
    /// `[connections.NAME]`, validated, for `conn::Registry::new(store, &config)`.
    pub connections: Declared,
    sections: BTreeMap<String, toml::Value>,
}

impl AsRef<Declared> for Config {
    fn as_ref(&self) -> &Declared {
        &self.connections
    }
}

impl Config {
    /// Deserialize an engine section (`[inspect]`, ...); its default when absent. Unknown keys
    /// are errors naming their full path.
    pub fn section<T: serde::de::DeserializeOwned + Default>(
        &self,
        name: &str,
    ) -> Result<T, ConfigError> {
        let Some(v) = self.sections.get(name) else {
            return Ok(T::default());
        };
        serde_path_to_error::deserialize(v.clone()).map_err(|e| ConfigError {
            path: self.path_display(),
            message: format!("{name}.{}: {}", e.path(), e.inner()),
        })
    }

    pub fn path_display(&self) -> String {
        self.path
            .as_ref()
            .map(|p| p.display().to_string())
            .unwrap_or_else(|| "(no config file)".into())
    }

    /// Find and load the config file: `explicit` (from --config / $SHARK_CONFIG) must exist;
    /// otherwise ./shark.toml, then $XDG_CONFIG_HOME/shark/shark.toml, if present.
    pub fn discover(explicit: Option<&Path>) -> Result<Config, ConfigError> {
        if let Some(p) = explicit {
            return Config::load(p);
        }
        let mut candidates = vec![PathBuf::from("shark.toml")];
        let xdg = std::env::var_os("XDG_CONFIG_HOME")
            .filter(|v| !v.is_empty())
            .map(PathBuf::from)
            .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".config")));
        if let Some(x) = xdg {
            candidates.push(x.join("shark").join("shark.toml"));
        }
        for c in candidates {
            if c.is_file() {
                return Config::load(&c);
            }
        }
        Ok(Config::default())
    }

    pub fn load(path: &Path) -> Result<Config, ConfigError> {
        let err = |message: String| ConfigError {
            path: path.display().to_string(),
            message,
        };
        let text = std::fs::read_to_string(path).map_err(|e| {
            err(format!(
                "cannot read it: {e}; check the path given to --config or $SHARK_CONFIG"
            ))
        })?;
        let mut cfg = Config::parse(&text).map_err(err)?;
        cfg.path = Some(path.to_path_buf());
        cfg.connections.source = cfg.path_display();
        for c in cfg.connections.connections.values_mut() {
            c.origin = Origin::Config(path.to_path_buf());
        }
        Ok(cfg)
    }

    /// Parse config text (without a path).
    pub fn parse(text: &str) -> Result<Config, String> {
        let mut table: toml::Table = text
            .parse()
            .map_err(|e: toml::de::Error| e.to_string().trim().replace('\n', " "))?;
        let secret_vars = secret_vars(&table);
        expand::expand_table(&mut table, "")?;
        let mut cfg = Config::default();
        cfg.connections.source = cfg.path_display();
        for (key, value) in table {
            match key.as_str() {
                "connections" => {
                    let conns = value
                        .as_table()
                        .ok_or("connections: expected a table of [connections.NAME]")?;
                    for (name, v) in conns {
                        let c = parse_conn(name, v)?;
                        cfg.connections.connections.insert(name.clone(), c);
                    }
                }
                s if SECTIONS.contains(&s) => {
                    if !value.is_table() {
                        return Err(format!("{s}: expected a table [{s}]"));
                    }
                    cfg.sections.insert(key, value);
                }
                other => {
                    return Err(format!(
                        "unknown key '{other}' (known top-level keys: connections, {})",
                        SECTIONS.join(", ")
                    ));
                }
            }
        }
        for var in secret_vars {
            conn::child_env::note_secret_var(&var);
        }
        Ok(cfg)
    }
}

/// Variables expanded into a secret of a `[connections.NAME]` table: its `password`/`token`/
/// `api_key`/`secret` key, or the password part of its URL. Children must not inherit them
/// (`conn::child_env`); variables in other fields are not secrets.
fn secret_vars(table: &toml::Table) -> Vec<String> {
    let Some(conns) = table.get("connections").and_then(|c| c.as_table()) else {
        return vec![];
    };
    let mut out = vec![];
    for t in conns.values().filter_map(|v| v.as_table()) {
        for (k, v) in t {
            let Some(text) = v.as_str() else { continue };
            if k == "password" || SECRET_ALIASES.contains(&k.as_str()) {
                out.extend(expand::var_names(text));
            } else if k == "url" {
                out.extend(expand::var_names(url_password_part(text)));
            }
        }
    }
    out
}

/// The text between `user:` and `@` of a URL template (empty when it has no password).
fn url_password_part(url: &str) -> &str {
    let rest = url.split_once("://").map(|(_, r)| r).unwrap_or(url);
    // the authority ends at the first '/' after the last '@' (a password may contain '/')
    let Some(at) = rest.rfind('@') else { return "" };
    let userinfo = &rest[..at];
    userinfo.split_once(':').map(|(_, pw)| pw).unwrap_or("")
}

fn parse_conn(name: &str, v: &toml::Value) -> Result<Connection, String> {
    let at = format!("connections.{name}");
    let t = v
        .as_table()
        .ok_or_else(|| format!("{at}: expected a table"))?;
    let kind_s = t
        .get("kind")
        .and_then(|k| k.as_str())
        .ok_or_else(|| format!("{at}.kind: missing (one of: {})", Kind::NAMES.join(", ")))?;
    let kind: Kind = kind_s.parse().map_err(|e| format!("{at}.kind: {e}"))?;
    let mut url = String::new();
    let mut user = None;
    let mut secret = None;
    let mut options = BTreeMap::new();
    for (k, val) in t {
        let scalar = match val {
            toml::Value::String(s) => s.clone(),
            toml::Value::Integer(i) => i.to_string(),
            toml::Value::Boolean(b) => b.to_string(),
            toml::Value::Float(f) => f.to_string(),
            _ => return Err(format!("{at}.{k}: expected a string, number or boolean")),
        };
        match k.as_str() {
            "kind" => {}
            "url" => url = scalar,
            "user" => user = Some(scalar),
            k if k == "password" || SECRET_ALIASES.contains(&k) => {
                secret = Some(Secret::new(scalar))
            }
            other => {
                if !kind.options().iter().any(|o| o.name == other) {
                    let mut known: Vec<&str> = CONN_KEYS.to_vec();
                    known.extend(kind.options().iter().map(|o| o.name));
                    return Err(format!(
                        "{at}.{other}: unknown key for a {kind} connection (known: {})",
                        known.join(", ")
                    ));
                }
                options.insert(other.to_string(), scalar);
            }
        }
    }
    let (clean, in_url) =
        conn::validate(name, kind, &url, &options, &at).map_err(|e| e.to_string())?;
    let secret = secret.or(in_url);
    Ok(Connection {
        name: name.to_string(),
        kind,
        url: clean,
        user,
        options,
        has_secret: secret.is_some(),
        secret,
        origin: Origin::Config(PathBuf::new()),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn config_errors_exit_2() {
        // a struct, not an enum: every config error is a usage error
        let ConfigError { path, message } = ConfigError {
            path: "shark.toml".into(),
            message: "bad".into(),
        };
        let e = ConfigError { path, message };
        assert_eq!(e.exit_kind().code(), 2);
    }

    #[test]
    fn unknown_keys_are_named_with_their_path() {
        let e =
            Config::parse("[connections.db]\nkind='mysql'\nurl='mysql://a@h:3306/'\npasword='x'\n")
                .unwrap_err();
        assert!(e.contains("connections.db.pasword"), "{e}");
        let e = Config::parse("[conections.db]\nkind='mysql'\n").unwrap_err();
        assert!(e.contains("unknown key 'conections'"), "{e}");
    }

    #[test]
    fn variables_expanded_into_secrets_are_kept_from_children() {
        // SAFETY: variables no other test reads
        unsafe {
            std::env::set_var("SHARK_TEST_CFG_SECRET_A", "pa");
            std::env::set_var("SHARK_TEST_CFG_SECRET_B", "pb");
            std::env::set_var("SHARK_TEST_CFG_PLAIN_U", "u");
        }
        Config::parse(
            "[connections.a]\nkind='redis'\nurl='redis://${SHARK_TEST_CFG_PLAIN_U}:${SHARK_TEST_CFG_SECRET_B}@h:1'\n\
             [connections.b]\nkind='llm'\nurl='http://h:1/v1'\nmodel='m'\ntoken='${SHARK_TEST_CFG_SECRET_A}'\n",
        )
        .unwrap();
        let vars = crate::conn::child_env::secret_vars();
        assert!(vars.contains(&"SHARK_TEST_CFG_SECRET_A".to_string()));
        assert!(vars.contains(&"SHARK_TEST_CFG_SECRET_B".to_string()));
        assert!(!vars.contains(&"SHARK_TEST_CFG_PLAIN_U".to_string()));
    }

    #[test]
    fn env_is_expanded_and_password_in_url_becomes_the_secret() {
        // SAFETY: single-threaded use of a variable no other test reads
        unsafe { std::env::set_var("SHARK_TEST_CFG_PW", "s3cr3t") };
        let c = Config::parse(
            "[connections.db]\nkind='mysql'\nurl='mysql://a:p%40ss@h:3306/'\n[connections.s3]\nkind='s3'\nurl='http://h:1'\nbucket='b'\npassword='${SHARK_TEST_CFG_PW}'\n",
        )
        .unwrap();
        let db = c.connections.get("db").unwrap();
        assert_eq!(db.url, "mysql://a@h:3306/");
        assert_eq!(db.secret.as_ref().unwrap().expose(), "p@ss");
        assert_eq!(
            c.connections
                .get("s3")
                .unwrap()
                .secret
                .as_ref()
                .unwrap()
                .expose(),
            "s3cr3t"
        );
        let e = Config::parse(
            "[connections.x]\nkind='redis'\nurl='redis://h:1'\npassword='${SHARK_NOPE_UNSET}'\n",
        )
        .unwrap_err();
        assert!(
            e.contains("connections.x.password") && e.contains("SHARK_NOPE_UNSET"),
            "{e}"
        );
    }
}
