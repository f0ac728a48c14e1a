//! The set of known connections: those stored in the state file (managed with `conn add|edit|rm`)
//! plus those declared elsewhere (the config file), handed in as data and read-only here. Secrets
//! are decrypted only when a caller asks for a connection by name.

use super::store::{self, ConnRow, ConnStore};
use super::{ConnError, Connection, Keyring, Kind, Origin, Secret, validate};
use crate::state::Store;
use std::collections::BTreeMap;

/// Connections declared outside the state file (the config file), already validated, with
/// their secrets in plaintext. `config` builds this; the registry only reads it.
#[derive(Debug, Clone, Default)]
pub struct Declared {
    /// Where they are declared, for messages (a path, or "(no config file)").
    pub source: String,
    /// By name.
    pub connections: BTreeMap<String, Connection>,
}

impl Declared {
    pub fn get(&self, name: &str) -> Option<&Connection> {
        self.connections.get(name)
    }

    pub fn contains(&self, name: &str) -> bool {
        self.connections.contains_key(name)
    }
}

impl AsRef<Declared> for Declared {
    fn as_ref(&self) -> &Declared {
        self
    }
}

/// What `conn add` supplies.
#[derive(Debug, Default)]
pub struct ConnInput {
    pub url: String,
    pub user: Option<String>,
    pub options: BTreeMap<String, String>,
    pub secret: Option<Secret>,
}

/// What `conn edit` changes; `None` leaves a field as it is.
#[derive(Debug, Default)]
pub struct ConnPatch {
    pub url: Option<String>,
    pub user: Option<String>,
    pub clear_user: bool,
    pub set_options: BTreeMap<String, String>,
    pub unset_options: Vec<String>,
    pub secret: Option<Secret>,
    pub clear_secret: bool,
}

/// A connection as shown to people and in JSON: the secret is `***` or absent.
#[derive(Debug, serde::Serialize)]
pub struct ConnView {
    pub name: String,
    pub kind: Kind,
    pub endpoint: String,
    pub user: Option<String>,
    pub options: BTreeMap<String, String>,
    pub secret: Option<&'static str>,
    pub origin: String,
}

impl From<&Connection> for ConnView {
    fn from(c: &Connection) -> ConnView {
        ConnView {
            name: c.name.clone(),
            kind: c.kind,
            endpoint: c.endpoint(),
            user: c.user.clone(),
            options: c.options.clone(),
            secret: c.has_secret.then_some("***"),
            origin: match &c.origin {
                Origin::State => "state".into(),
                Origin::Config(p) => format!("config {}", p.display()),
            },
        }
    }
}

pub struct Registry<'a> {
    store: &'a Store,
    rows: ConnStore<'a>,
    declared: &'a Declared,
}

impl<'a> Registry<'a> {
    /// `declared`: the connections declared outside the state file (e.g. `&config`, which
    /// implements `AsRef<Declared>`).
    pub fn new<D: AsRef<Declared> + ?Sized>(store: &'a Store, declared: &'a D) -> Registry<'a> {
        Registry {
            store,
            rows: ConnStore::new(store),
            declared: declared.as_ref(),
        }
    }

    /// The state file the stored connections live in.
    pub fn store(&self) -> &'a Store {
        self.store
    }

    /// One connection as listed (secret not decrypted), for `conn show`.
    pub fn show(&self, name: &str) -> Result<Connection, ConnError> {
        match self.list()?.into_iter().find(|c| c.name == name) {
            Some(c) => Ok(c),
            None => self.get(name),
        }
    }

    /// Every connection, config-declared first where a name exists in both. Secrets are not
    /// decrypted.
    pub fn list(&self) -> Result<Vec<Connection>, ConnError> {
        let mut out: BTreeMap<String, Connection> = BTreeMap::new();
        for row in self.rows.list()? {
            let c = from_row(&row, None)?;
            out.insert(c.name.clone(), c);
        }
        for (name, c) in &self.declared.connections {
            out.insert(name.clone(), c.clone());
        }
        Ok(out.into_values().collect())
    }

    /// One connection with its secret decrypted.
    pub fn get(&self, name: &str) -> Result<Connection, ConnError> {
        if let Some(c) = self.declared.get(name) {
            return Ok(c.clone());
        }
        let row = self.rows.get(name)?.ok_or_else(|| not_found(name))?;
        let ring = match row.secret {
            Some(_) => Some(Keyring::load(self.store)?),
            None => None,
        };
        from_row(&row, ring.as_ref())
    }

    /// Store a new connection in the state file.
    pub fn add(&self, name: &str, kind: Kind, input: ConnInput) -> Result<Connection, ConnError> {
        if self.declared.contains(name) {
            return Err(ConnError::Invalid(format!(
                "connection '{name}' is already declared in {}; pick another name",
                self.declared.source
            )));
        }
        let (url, in_url) = validate(name, kind, &input.url, &input.options, "conn add")?;
        if in_url.is_some() {
            return Err(password_in_url());
        }
        let secret = match &input.secret {
            Some(s) => Some(Keyring::load(self.store)?.seal_secret(s)),
            None => None,
        };
        if kind == Kind::Slack && secret.is_none() {
            return Err(ConnError::Invalid(
                "a slack connection needs its webhook URL: pass it with --secret-stdin or --secret-env VAR".into(),
            ));
        }
        let row = ConnRow {
            name: name.to_string(),
            kind: kind.as_str().to_string(),
            url,
            user: input.user.filter(|u| !u.is_empty()),
            options: input.options,
            secret,
            created_at: String::new(),
            updated_at: String::new(),
        };
        self.rows.insert(&row)?;
        let mut c = from_row(&row, None)?;
        c.secret = input.secret;
        Ok(c)
    }

    /// Change a stored connection.
    pub fn edit(&self, name: &str, patch: ConnPatch) -> Result<Connection, ConnError> {
        self.refuse_config(name)?;
        let mut row = self.rows.get(name)?.ok_or_else(|| not_found(name))?;
        let kind: Kind = row.kind.parse().map_err(ConnError::Invalid)?;
        if let Some(url) = patch.url {
            row.url = url;
        }
        if patch.clear_user {
            row.user = None;
        }
        if let Some(u) = patch.user {
            row.user = Some(u);
        }
        for k in &patch.unset_options {
            row.options.remove(k);
        }
        row.options.extend(patch.set_options);
        let (url, in_url) = validate(name, kind, &row.url, &row.options, "conn edit")?;
        if in_url.is_some() {
            return Err(password_in_url());
        }
        row.url = url;
        if patch.clear_secret {
            row.secret = None;
        }
        if let Some(s) = &patch.secret {
            row.secret = Some(Keyring::load(self.store)?.seal_secret(s));
        }
        self.rows.update(&row)?;
        from_row(&row, None)
    }

    /// Delete a stored connection.
    pub fn remove(&self, name: &str) -> Result<(), ConnError> {
        self.refuse_config(name)?;
        self.rows.delete(name)?;
        Ok(())
    }

    fn refuse_config(&self, name: &str) -> Result<(), ConnError> {
        if self.declared.contains(name) {
            return Err(ConnError::FromConfig {
                name: name.to_string(),
                path: self.declared.source.clone(),
            });
        }
        Ok(())
    }
}

fn password_in_url() -> ConnError {
    ConnError::Invalid(
        "the URL contains a password, which would show in the process list and shell history; \
         leave it out and pass the password with --secret-stdin or --secret-env VAR"
            .into(),
    )
}

fn not_found(name: &str) -> ConnError {
    ConnError::State(store::not_found(name))
}

fn from_row(row: &ConnRow, ring: Option<&Keyring>) -> Result<Connection, ConnError> {
    let kind: Kind = row.kind.parse().map_err(ConnError::Invalid)?;
    let secret = match (&row.secret, ring) {
        (Some(blob), Some(r)) => Some(r.open(&row.name, blob)?),
        _ => None,
    };
    Ok(Connection {
        name: row.name.clone(),
        kind,
        url: row.url.clone(),
        user: row.user.clone(),
        options: row.options.clone(),
        has_secret: row.secret.is_some(),
        secret,
        origin: Origin::State,
    })
}
