//! Secrets at rest: AES-256-GCM with a key derived by Argon2id from `SHARK_MASTER_KEY`, or from
//! a random key file created 0600 beside the state file. A key-check value in the state file
//! tells a wrong master key apart from a damaged secret. Plaintext lives in [`Secret`], which
//! never prints its content.

use super::ConnError;
use crate::state::Store;
use aes_gcm::aead::{Aead, KeyInit};
use aes_gcm::{Aes256Gcm, Nonce};
use std::fmt;
use std::path::{Path, PathBuf};
use zeroize::Zeroizing;

/// Environment variable holding the master key material.
pub const MASTER_KEY_ENV: &str = "SHARK_MASTER_KEY";
const FORMAT_V1: u8 = 1;
const KEY_CHECK: &[u8] = b"shark key check v1";

/// The Argon2id parameters every state file written before they were stored used (the argon2
/// 0.6 defaults), written down so a crate upgrade changing its defaults cannot lock them out:
/// memory in KiB, iterations, lanes, version.
pub const KDF_M_COST: u32 = 19 * 1024;
pub const KDF_T_COST: u32 = 2;
pub const KDF_P_COST: u32 = 1;
pub const KDF_VERSION: u32 = 0x13;
/// `meta` key of the parameters, stored beside `kdf_salt`.
const KDF_PARAMS_KEY: &str = "kdf_params";

/// Argon2id parameters as stored in the state file's `meta` (JSON).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct KdfParams {
    /// Always "argon2id".
    pub algorithm: String,
    /// Memory in KiB.
    pub m_cost: u32,
    /// Iterations.
    pub t_cost: u32,
    /// Lanes.
    pub p_cost: u32,
    /// Argon2 version number (0x13).
    pub version: u32,
}

impl KdfParams {
    /// What this build writes for a new state file (and assumes for one written before the
    /// parameters were stored).
    pub fn current() -> KdfParams {
        KdfParams {
            algorithm: "argon2id".into(),
            m_cost: KDF_M_COST,
            t_cost: KDF_T_COST,
            p_cost: KDF_P_COST,
            version: KDF_VERSION,
        }
    }

    fn argon2(&self) -> Result<argon2::Argon2<'static>, String> {
        if self.algorithm != "argon2id" {
            return Err(format!("unknown algorithm '{}'", self.algorithm));
        }
        let version = argon2::Version::try_from(self.version).map_err(|e| e.to_string())?;
        let params = argon2::Params::new(self.m_cost, self.t_cost, self.p_cost, Some(32))
            .map_err(|e| e.to_string())?;
        Ok(argon2::Argon2::new(
            argon2::Algorithm::Argon2id,
            version,
            params,
        ))
    }

    /// The parameters stored in `store` (writing today's down when there are none: a new
    /// file, or one written before they were stored, whose salt was used with exactly these).
    fn load(store: &Store) -> Result<KdfParams, ConnError> {
        let current = serde_json::to_vec(&KdfParams::current())
            .map_err(|e| ConnError::Key(format!("key parameters: {e}")))?;
        let stored = store
            .meta_get_or_insert(KDF_PARAMS_KEY, &current)
            .map_err(|e| ConnError::Key(e.to_string()))?;
        serde_json::from_slice(&stored).map_err(|e| {
            ConnError::Key(format!(
                "the key derivation parameters in {} (meta '{KDF_PARAMS_KEY}') are unreadable ({e}); restore the state file from a backup",
                store.path().display()
            ))
        })
    }
}

/// A plaintext secret. Debug and Display show `***`.
#[derive(Clone, PartialEq, Eq)]
pub struct Secret(Zeroizing<String>);

impl Secret {
    pub fn new(s: impl Into<String>) -> Secret {
        Secret(Zeroizing::new(s.into()))
    }
    /// The plaintext, for handing to a client library. Never log it.
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("***")
    }
}
impl fmt::Display for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("***")
    }
}

impl Secret {
    /// The first line of `input` (`--secret-stdin`); empty input is an error.
    pub fn from_first_line(input: &mut impl std::io::BufRead) -> Result<Secret, ConnError> {
        let mut line = String::new();
        input
            .read_line(&mut line)
            .map_err(|e| ConnError::Invalid(format!("--secret-stdin: cannot read stdin: {e}")))?;
        let s = line.trim_end_matches(['\n', '\r']);
        if s.is_empty() {
            return Err(ConnError::Invalid("--secret-stdin: stdin was empty".into()));
        }
        Ok(Secret::new(s))
    }

    /// The value of environment variable `var` (`--secret-env VAR`). The variable is noted so
    /// child processes do not inherit it (see `conn::child_env`).
    pub fn from_env(var: &str) -> Result<Secret, ConnError> {
        let v = std::env::var(var).map_err(|_| {
            ConnError::Invalid(format!("--secret-env {var}: the variable is not set"))
        })?;
        super::child_env::note_secret_var(var);
        Ok(Secret::new(v))
    }
}

/// Encrypts and decrypts secrets for one state file.
pub struct Keyring {
    cipher: Aes256Gcm,
}

impl Keyring {
    /// Derive the key for `store` (creating the key file and salt on first use) and check it
    /// against the stored key-check value.
    pub fn load(store: &Store) -> Result<Keyring, ConnError> {
        let (material, source) = key_material(store.path())?;
        let salt = store
            .meta_get_or_insert("kdf_salt", &rand::random::<[u8; 16]>())
            .map_err(|e| ConnError::Key(e.to_string()))?;
        let params = KdfParams::load(store)?;
        let kdf = params.argon2().map_err(|e| {
            ConnError::Key(format!(
                "the key derivation parameters in {} are not usable ({e}); upgrade shark",
                store.path().display()
            ))
        })?;
        let mut key = Zeroizing::new([0u8; 32]);
        kdf.hash_password_into(&material, &salt, key.as_mut())
            .map_err(|e| ConnError::Key(format!("deriving the secrets key failed: {e}")))?;
        let cipher = Aes256Gcm::new_from_slice(key.as_ref())
            .map_err(|e| ConnError::Key(format!("secrets key: {e}")))?;
        let ring = Keyring { cipher };
        let check = ring.seal(KEY_CHECK);
        let stored = store
            .meta_get_or_insert("key_check", &check)
            .map_err(|e| ConnError::Key(e.to_string()))?;
        if ring.open_bytes(&stored).as_ref().map(|v| v.as_slice()) != Some(KEY_CHECK) {
            return Err(ConnError::Key(format!(
                "the secrets in {} were encrypted with a different key than {source}; \
                 set {MASTER_KEY_ENV} to the key used before (or restore the key file)",
                store.path().display()
            )));
        }
        Ok(ring)
    }

    /// Encrypt: version byte, 96-bit random nonce, ciphertext with tag.
    pub fn seal(&self, plaintext: &[u8]) -> Vec<u8> {
        let nonce_bytes: [u8; 12] = rand::random();
        let nonce = Nonce::from(nonce_bytes);
        let ct = self
            .cipher
            .encrypt(&nonce, plaintext)
            .expect("AES-GCM encryption of an in-memory buffer cannot fail");
        let mut out = Vec::with_capacity(1 + 12 + ct.len());
        out.push(FORMAT_V1);
        out.extend_from_slice(&nonce_bytes);
        out.extend_from_slice(&ct);
        out
    }

    pub fn seal_secret(&self, s: &Secret) -> Vec<u8> {
        self.seal(s.expose().as_bytes())
    }

    fn open_bytes(&self, blob: &[u8]) -> Option<Zeroizing<Vec<u8>>> {
        if blob.len() < 13 || blob[0] != FORMAT_V1 {
            return None;
        }
        let nonce_bytes: [u8; 12] = blob[1..13].try_into().ok()?;
        let nonce = Nonce::from(nonce_bytes);
        self.cipher
            .decrypt(&nonce, &blob[13..])
            .ok()
            .map(Zeroizing::new)
    }

    /// Decrypt a stored secret.
    pub fn open(&self, name: &str, blob: &[u8]) -> Result<Secret, ConnError> {
        let bytes = self.open_bytes(blob).ok_or_else(|| {
            ConnError::Key(format!(
                "the secret of connection '{name}' cannot be decrypted (damaged); set it again with `shark conn edit {name} --secret-stdin`"
            ))
        })?;
        let s = String::from_utf8(bytes.to_vec()).map_err(|_| {
            ConnError::Key(format!("the secret of connection '{name}' is not UTF-8"))
        })?;
        Ok(Secret::new(s))
    }
}

/// Path of the key file used when `SHARK_MASTER_KEY` is not set.
pub fn key_file_path(state: &Path) -> PathBuf {
    let mut p = state.as_os_str().to_owned();
    p.push(".key");
    PathBuf::from(p)
}

/// Where the secrets key of `state` comes from, for `shark state info`.
pub fn key_source(state: &Path) -> String {
    let key_file = key_file_path(state);
    if std::env::var_os(MASTER_KEY_ENV).is_some() {
        format!("${MASTER_KEY_ENV}")
    } else if key_file.exists() {
        key_file.display().to_string()
    } else {
        "(created on first secret)".to_string()
    }
}

fn key_material(state: &Path) -> Result<(Zeroizing<Vec<u8>>, String), ConnError> {
    if let Some(v) = std::env::var_os(MASTER_KEY_ENV).filter(|v| !v.is_empty()) {
        use std::os::unix::ffi::OsStrExt;
        return Ok((
            Zeroizing::new(v.as_bytes().to_vec()),
            format!("${MASTER_KEY_ENV}"),
        ));
    }
    let path = key_file_path(state);
    let shown = format!("key file {}", path.display());
    match std::fs::read(&path) {
        Ok(bytes) => {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(&path)
                .map(|m| m.permissions().mode())
                .unwrap_or(0o600);
            if mode & 0o077 != 0 {
                return Err(ConnError::Key(format!(
                    "{shown} is accessible by others (mode {:o}); run `chmod 600 {}`",
                    mode & 0o777,
                    path.display()
                )));
            }
            if bytes.is_empty() {
                return Err(ConnError::Key(format!(
                    "{shown} is empty; restore it or set {MASTER_KEY_ENV}"
                )));
            }
            Ok((Zeroizing::new(bytes), shown))
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            let key: [u8; 32] = rand::random();
            let hex: String = key.iter().map(|b| format!("{b:02x}")).collect();
            write_new_key_file(&path, hex.as_bytes())?;
            tracing::info!(path = %path.display(), "created a new secrets key file; back it up with the state file");
            Ok((Zeroizing::new(hex.into_bytes()), shown))
        }
        Err(e) => Err(ConnError::Key(format!("cannot read {shown}: {e}"))),
    }
}

fn write_new_key_file(path: &Path, content: &[u8]) -> Result<(), ConnError> {
    use std::io::Write;
    use std::os::unix::fs::OpenOptionsExt;
    let mut f = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(path)
        .map_err(|e| ConnError::Key(format!("cannot create key file {}: {e}", path.display())))?;
    f.write_all(content)
        .and_then(|_| f.sync_all())
        .map_err(|e| ConnError::Key(format!("cannot write key file {}: {e}", path.display())))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn written_down_parameters_are_the_ones_earlier_builds_used() {
        let p = KdfParams::current();
        assert_eq!(p.m_cost, argon2::Params::DEFAULT_M_COST);
        assert_eq!(p.t_cost, argon2::Params::DEFAULT_T_COST);
        assert_eq!(p.p_cost, argon2::Params::DEFAULT_P_COST);
        assert_eq!(p.version, argon2::Version::default() as u32);
        // a key derived with the crate's defaults (what earlier builds did) is the same key
        let (mut a, mut b) = ([0u8; 32], [0u8; 32]);
        argon2::Argon2::default()
            .hash_password_into(b"material", b"saltsaltsaltsalt", &mut a)
            .unwrap();
        p.argon2()
            .unwrap()
            .hash_password_into(b"material", b"saltsaltsaltsalt", &mut b)
            .unwrap();
        assert_eq!(a, b);
    }

    #[test]
    fn stored_parameters_are_used_and_files_without_them_get_todays() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s.db");
        std::fs::write(key_file_path(&path), b"k3y").unwrap();
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(key_file_path(&path), std::fs::Permissions::from_mode(0o600))
            .unwrap();
        let store = Store::open(&path).unwrap();
        // a file written by a build with other parameters: its salt, parameters and key check
        let other = KdfParams {
            m_cost: 8 * 1024,
            t_cost: 1,
            ..KdfParams::current()
        };
        let salt = [7u8; 16];
        let mut key = [0u8; 32];
        other
            .argon2()
            .unwrap()
            .hash_password_into(b"k3y", &salt, &mut key)
            .unwrap();
        let ring = Keyring {
            cipher: Aes256Gcm::new_from_slice(&key).unwrap(),
        };
        let sealed = ring.seal(b"pw");
        store.meta_get_or_insert("kdf_salt", &salt).unwrap();
        store
            .meta_get_or_insert(KDF_PARAMS_KEY, &serde_json::to_vec(&other).unwrap())
            .unwrap();
        store
            .meta_get_or_insert("key_check", &ring.seal(KEY_CHECK))
            .unwrap();
        let loaded = Keyring::load(&store).unwrap();
        assert_eq!(loaded.open("x", &sealed).unwrap().expose(), "pw");
        // a file from before the parameters were stored gets today's written down
        let path2 = dir.path().join("t.db");
        std::fs::copy(key_file_path(&path), key_file_path(&path2)).unwrap();
        let store2 = Store::open(&path2).unwrap();
        store2.meta_get_or_insert("kdf_salt", &salt).unwrap();
        Keyring::load(&store2).unwrap();
        let stored: KdfParams =
            serde_json::from_slice(&store2.meta_get(KDF_PARAMS_KEY).unwrap().unwrap()).unwrap();
        assert_eq!(stored, KdfParams::current());
    }

    #[test]
    fn secret_never_prints() {
        let s = Secret::new("hunter2");
        assert_eq!(format!("{s} {s:?}"), "*** ***");
    }
}
