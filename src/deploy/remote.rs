//! The shell text shark sends to a host: the wrapper that records the command's process group
//! (so a timed-out command can be killed on the host), the kill-and-verify snippet, and checksum
//! commands. Everything user-supplied is single-quoted; scripts are uploaded, never pasted.

/// Remote paths of one host's job, derived from a random token: `/tmp/.shark-TOKEN.pid` holds
/// the process group of the running command, `.sh` the uploaded script, `.cN` staged copies.
#[derive(Debug, Clone)]
pub struct RemotePaths {
    base: String,
}

impl RemotePaths {
    pub fn new(token: &str) -> RemotePaths {
        RemotePaths {
            base: format!("/tmp/.shark-{token}"),
        }
    }
    #[cfg(test)]
    pub fn pid(&self) -> String {
        format!("{}.pid", self.base)
    }
    pub fn script(&self) -> String {
        format!("{}.sh", self.base)
    }
    pub fn staged(&self, n: usize) -> String {
        format!("{}.c{n}", self.base)
    }
}

/// What to run on the host.
pub enum Run<'a> {
    Command(&'a str),
    /// The uploaded script, run by the interpreter of its `#!` line (so a `noexec` /tmp does
    /// not matter), else by /bin/sh.
    Script {
        interpreter: Option<&'a str>,
    },
}

/// Quote for POSIX sh: `'...'`, with embedded quotes as `'\''`.
pub fn quote(s: &str) -> String {
    format!("'{}'", s.replace('\'', r"'\''"))
}

fn sudo(on: bool) -> &'static str {
    if on { "sudo -n -- " } else { "" }
}

/// The full remote command line. sshd runs it with the login shell as a new session, so the
/// wrapper's pid is the process group of everything the command starts; the wrapper writes it
/// to the pid file (refusing an existing file) before running the command.
pub fn wrapper(paths: &RemotePaths, run: Run<'_>, use_sudo: bool) -> String {
    let body = match run {
        // evaluated by the wrapper shell itself: one process less per host; `exit N` in the
        // command still runs the cleanup trap and keeps N
        Run::Command(c) if !use_sudo => format!("eval {}", quote(c)),
        Run::Command(c) => format!("{}/bin/sh -c {}", sudo(use_sudo), quote(c)),
        Run::Script {
            interpreter: Some(i),
        } => format!(
            "{}{} \"$P.sh\"",
            sudo(use_sudo),
            i.split_whitespace()
                .map(quote)
                .collect::<Vec<_>>()
                .join(" ")
        ),
        Run::Script { interpreter: None } => format!("{}/bin/sh \"$P.sh\"", sudo(use_sudo)),
    };
    let script = format!(
        "P={base}\n\
         (umask 077; set -C; echo $$ > \"$P.pid\") 2>/dev/null || {{ echo \"shark: cannot create $P.pid on this host\" >&2; exit 125; }}\n\
         trap 'rm -f \"$P.pid\" \"$P.sh\"' EXIT\n\
         {body} </dev/null",
        base = paths.base
    );
    format!("exec /bin/sh -c {}", quote(&script))
}

/// Kill the command's process group (TERM, then KILL after 3 s) and print `gone` once no process
/// of the group is left, `alive` if one survives 6 s.
pub fn kill(paths: &RemotePaths, use_sudo: bool) -> String {
    // the shell's builtin kill (dash has no `--`), or procps kill through sudo
    let k = |sig: &str| {
        if use_sudo {
            format!("sudo -n kill -s {sig} -- -$pg")
        } else {
            format!("kill -{sig} -$pg")
        }
    };
    let (term, zero, kill9) = (k("TERM"), k("0"), k("KILL"));
    let script = format!(
        "P={base}\n\
         pg=$(cat \"$P.pid\" 2>/dev/null) || {{ echo gone; exit 0; }}\n\
         [ -n \"$pg\" ] || {{ echo gone; exit 0; }}\n\
         {term} 2>/dev/null\n\
         i=0\n\
         while {zero} 2>/dev/null; do\n\
           i=$((i+1))\n\
           [ $i -eq 30 ] && {kill9} 2>/dev/null\n\
           [ $i -ge 60 ] && {{ echo alive; exit 1; }}\n\
           sleep 0.1\n\
         done\n\
         rm -f \"$P.pid\" \"$P.sh\"\n\
         echo gone",
        base = paths.base
    );
    format!("exec /bin/sh -c {}", quote(&script))
}

/// Print the SHA-256 of a remote file (sha256sum, or shasum on BSD-ish hosts).
pub fn sha256(path: &str, use_sudo: bool) -> String {
    let s = sudo(use_sudo);
    let q = quote(path);
    format!(
        "if command -v sha256sum >/dev/null 2>&1; then {s}sha256sum -- {q}; else {s}shasum -a 256 -- {q}; fi"
    )
}

/// Move a staged upload into place as root (`--sudo` copies), keeping the file mode.
pub fn install_staged(staged: &str, dest: &str, mode: u32) -> String {
    format!(
        "sudo -n -- install -m {mode:o} -- {s} {d}; rc=$?; rm -f {s}; exit $rc",
        s = quote(staged),
        d = quote(dest)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoting() {
        assert_eq!(quote("a'b"), r"'a'\''b'");
        let w = wrapper(&RemotePaths::new("t"), Run::Command("echo 'hi'"), false);
        assert!(w.starts_with("exec /bin/sh -c '"));
        assert!(w.contains("/tmp/.shark-t"));
    }

    #[test]
    fn script_interpreter() {
        let w = wrapper(
            &RemotePaths::new("t"),
            Run::Script {
                interpreter: Some("/usr/bin/env python3"),
            },
            true,
        );
        assert!(
            w.contains(r#"sudo -n -- '\''/usr/bin/env'\'' '\''python3'\'' "$P.sh""#),
            "{w}"
        );
    }

    #[test]
    fn wrapper_runs_locally() {
        // the wrapper is plain POSIX sh: run it here and check exit code, output and cleanup
        let token = format!("unit{}", std::process::id());
        let p = RemotePaths::new(&token);
        let w = wrapper(&p, Run::Command("echo \"it's $((1+2))\"; exit 7"), false);
        let out = std::process::Command::new("/bin/sh")
            .arg("-c")
            .arg(&w)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(7));
        assert_eq!(String::from_utf8_lossy(&out.stdout), "it's 3\n");
        assert!(!std::path::Path::new(&p.pid()).exists());
        for (cmd, code) in [("false", 1), ("true", 0), ("sh -c 'exit 4'", 4)] {
            let w = wrapper(&p, Run::Command(cmd), false);
            let st = std::process::Command::new("/bin/sh")
                .arg("-c")
                .arg(&w)
                .status()
                .unwrap();
            assert_eq!(st.code(), Some(code), "{cmd}");
            assert!(!std::path::Path::new(&p.pid()).exists());
        }
    }
}
