//! Environment hygiene for child processes (zk node commands, ssh, …): the master key and every
//! environment variable a secret was read from in this process are removed before a child is
//! spawned, so a command shark runs for the user never inherits a credential.

use std::collections::BTreeSet;
use std::sync::Mutex;

static SECRET_VARS: Mutex<BTreeSet<String>> = Mutex::new(BTreeSet::new());

/// Remember that `var` held a secret (`--secret-env VAR`, `${VAR}` in a config secret field).
pub fn note_secret_var(var: &str) {
    SECRET_VARS
        .lock()
        .unwrap_or_else(|p| p.into_inner())
        .insert(var.to_string());
}

/// The variables a child must not inherit: the master key and every noted secret variable.
pub fn secret_vars() -> Vec<String> {
    let mut v: Vec<String> = SECRET_VARS
        .lock()
        .unwrap_or_else(|p| p.into_inner())
        .iter()
        .cloned()
        .collect();
    v.push(super::secret::MASTER_KEY_ENV.to_string());
    v
}

/// Remove every secret variable from `cmd`'s environment (works for `tokio::process::Command`
/// through `as_std_mut()`).
pub fn scrub(cmd: &mut std::process::Command) -> &mut std::process::Command {
    for var in secret_vars() {
        cmd.env_remove(var);
    }
    cmd
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn noted_variables_and_the_master_key_are_removed() {
        note_secret_var("SHARK_TEST_CHILD_SECRET");
        let mut cmd = std::process::Command::new("env");
        scrub(&mut cmd);
        let removed: Vec<String> = cmd
            .get_envs()
            .filter(|(_, v)| v.is_none())
            .map(|(k, _)| k.to_string_lossy().into_owned())
            .collect();
        assert!(removed.contains(&"SHARK_TEST_CHILD_SECRET".to_string()));
        assert!(removed.contains(&"SHARK_MASTER_KEY".to_string()));
    }
}
