//! Test harness: the real servers of tests/infra (started once per test run and shared by every
//! test binary), a fresh state file per test, and helpers to run the `shark` binary.
//!
//! Rules for tests that share the servers:
//! - a test that stops a server or purges binlogs holds [`lock_servers`]`(Exclusive)`; a test
//!   that needs them undisturbed holds it `Shared` (a flock in the infra run directory, so it
//!   holds across the test binaries `cargo test` runs in parallel);
//! - databases are named with [`unique_name`], so two runs or two tests never share one;
//! - environment goes to the child command (`Env::shark`, `Env::spawn`), never through
//!   `std::env::set_var` (tests run on threads of one process).
#![allow(dead_code)]

use assert_cmd::Command;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::{Child, Stdio};
use std::sync::OnceLock;
use std::sync::atomic::{AtomicU32, Ordering};
use std::time::{Duration, Instant};

/// Environment of the running test servers (the `SHARK_T_*` keys of tests/infra/up.sh).
pub struct Infra {
    vars: HashMap<String, String>,
}

impl Infra {
    pub fn get(&self, key: &str) -> &str {
        self.vars.get(key).unwrap_or_else(|| {
            panic!("tests/infra did not provide {key}; was its component skipped?")
        })
    }
}

/// The shared servers. `tests/run.sh` starts them and exports SHARK_TEST_INFRA; a plain
/// `cargo test` starts them itself (tests/infra/up.sh is idempotent and locked) under
/// target/shark-infra, where they stay for the next run until `tests/infra/down.sh` stops them.
pub fn infra() -> &'static Infra {
    static INFRA: OnceLock<Infra> = OnceLock::new();
    INFRA.get_or_init(|| {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let dir = infra_dir();
        let env_file = dir.join("env");
        let status = std::process::Command::new("bash")
            .arg(root.join("tests/infra/up.sh"))
            .arg(&dir)
            .stdout(std::process::Stdio::null())
            .status()
            .expect("running tests/infra/up.sh");
        assert!(
            status.success(),
            "tests/infra/up.sh {} failed (run tests/infra/install.sh first?)",
            dir.display()
        );
        let text = std::fs::read_to_string(&env_file).expect("reading the infra env file");
        let vars = text
            .lines()
            .filter_map(|l| l.split_once('='))
            .map(|(k, v)| {
                (
                    k.trim().to_string(),
                    v.trim().trim_matches(['"', '\'']).to_string(),
                )
            })
            .collect();
        Infra { vars }
    })
}

/// The run directory of the test servers (`$SHARK_TEST_INFRA`, default target/shark-infra).
pub fn infra_dir() -> PathBuf {
    std::env::var_os("SHARK_TEST_INFRA")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("target/shark-infra"))
}

/// How a test uses the shared servers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lock {
    /// Needs the servers as they are (running, binlogs kept); runs alongside other such tests.
    Shared,
    /// Disturbs them (stops a server, purges binlogs): runs alone.
    Exclusive,
}

/// Held for the length of a test; released when dropped (or when the process dies).
pub struct ServersLock(std::fs::File);

/// Take the cross-process lock on the shared servers: a flock on `tests.lock` in the infra run
/// directory, held by every test binary. Blocks the calling thread until granted.
pub fn lock_servers(how: Lock) -> ServersLock {
    let dir = infra_dir();
    std::fs::create_dir_all(&dir).expect("creating the infra run directory");
    let path = dir.join("tests.lock");
    let f = std::fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&path)
        .unwrap_or_else(|e| panic!("opening {}: {e}", path.display()));
    match how {
        Lock::Shared => f.lock_shared(),
        Lock::Exclusive => f.lock(),
    }
    .unwrap_or_else(|e| panic!("locking {}: {e}", path.display()));
    ServersLock(f)
}

/// A name no other test (of this or another process) uses: `prefix_PID_N`, for scratch
/// databases and collections.
pub fn unique_name(prefix: &str) -> String {
    static NEXT: AtomicU32 = AtomicU32::new(0);
    format!(
        "{prefix}_{}_{}",
        std::process::id(),
        NEXT.fetch_add(1, Ordering::Relaxed)
    )
}

/// Wait until `cond` holds, polling every 100 ms; panics naming `what` after `timeout`.
pub fn wait_for(what: &str, timeout: Duration, mut cond: impl FnMut() -> bool) {
    let t0 = Instant::now();
    while !cond() {
        assert!(t0.elapsed() < timeout, "timed out waiting for {what}");
        std::thread::sleep(Duration::from_millis(100));
    }
}

/// A `shark` process in the background (see `Env::spawn`), killed if the test ends first.
pub struct Running {
    child: Child,
    stderr: PathBuf,
}

impl Running {
    pub fn id(&self) -> u32 {
        self.child.id()
    }

    /// Send a signal by name (`INT`, `TERM`) with kill(1).
    pub fn signal(&self, sig: &str) {
        let _ = std::process::Command::new("kill")
            .args([format!("-{sig}"), self.id().to_string()])
            .status();
    }

    pub fn kill(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }

    /// Wait for the exit code (None when killed by a signal).
    pub fn wait(&mut self) -> Option<i32> {
        self.child.wait().expect("waiting for shark").code()
    }

    /// The exit code once it exits within `timeout`; None if still running.
    pub fn wait_timeout(&mut self, timeout: Duration) -> Option<Option<i32>> {
        let t0 = Instant::now();
        loop {
            if let Some(st) = self.child.try_wait().expect("polling shark") {
                return Some(st.code());
            }
            if t0.elapsed() >= timeout {
                return None;
            }
            std::thread::sleep(Duration::from_millis(10));
        }
    }

    /// What it wrote to stderr so far.
    pub fn stderr(&self) -> String {
        std::fs::read_to_string(&self.stderr).expect("reading the stderr file")
    }
}

impl Drop for Running {
    fn drop(&mut self) {
        self.kill();
    }
}

/// A scratch state file and the `shark` command bound to it.
pub struct Env {
    pub dir: tempfile::TempDir,
}

impl Env {
    pub fn new() -> Env {
        Env {
            dir: tempfile::tempdir().expect("tempdir"),
        }
    }

    pub fn state(&self) -> PathBuf {
        self.dir.path().join("shark.db")
    }

    /// `shark` with this env's state file, no config file, no master key from the caller.
    pub fn shark(&self) -> Command {
        let mut c = Command::cargo_bin("shark").expect("shark binary");
        c.env("SHARK_STATE", self.state())
            .env_remove("SHARK_CONFIG")
            .env_remove("SHARK_MASTER_KEY")
            .env_remove("RUST_LOG")
            .env("XDG_CONFIG_HOME", self.dir.path().join("config"))
            .current_dir(self.dir.path());
        c
    }

    /// Start `shark args` in the background with this env's state file; stdout is discarded,
    /// stderr kept for `Running::stderr`.
    pub fn spawn(&self, args: &[&str]) -> Running {
        static NEXT: AtomicU32 = AtomicU32::new(0);
        let stderr = self.dir.path().join(format!(
            "spawn-{}.stderr",
            NEXT.fetch_add(1, Ordering::Relaxed)
        ));
        let mut c = std::process::Command::new(assert_cmd::cargo::cargo_bin("shark"));
        c.args(args)
            .env("SHARK_STATE", self.state())
            .env_remove("SHARK_MASTER_KEY")
            .env_remove("SHARK_CONFIG")
            .env_remove("RUST_LOG")
            .env("XDG_CONFIG_HOME", self.dir.path().join("config"))
            .current_dir(self.dir.path())
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(std::fs::File::create(&stderr).expect("creating a stderr file"));
        Running {
            child: c.spawn().expect("starting shark"),
            stderr,
        }
    }

    /// Run shark with `args` and a secret on stdin; returns (exit code, stdout, stderr).
    pub fn run(&self, args: &[&str], stdin: Option<&str>) -> (i32, String, String) {
        let mut c = self.shark();
        c.args(args);
        if let Some(s) = stdin {
            c.write_stdin(s.to_string());
        }
        let out = c.output().expect("running shark");
        (
            out.status.code().unwrap_or(-1),
            String::from_utf8_lossy(&out.stdout).into_owned(),
            String::from_utf8_lossy(&out.stderr).into_owned(),
        )
    }

    /// Like `run` but asserts the exit code, printing the output when it differs.
    pub fn expect(&self, code: i32, args: &[&str], stdin: Option<&str>) -> (String, String) {
        let (c, out, err) = self.run(args, stdin);
        assert_eq!(
            c, code,
            "shark {args:?} exited {c}\nstdout:\n{out}\nstderr:\n{err}"
        );
        (out, err)
    }
}

impl Env {
    /// Add mysql connection `name` to the test MariaDB as the `shark` user.
    pub fn add_mysql(&self, name: &str) {
        let url = format!(
            "mysql://shark@127.0.0.1:{}/",
            infra().get("SHARK_T_MYSQL_PORT")
        );
        self.expect(
            0,
            &[
                "conn",
                "add",
                name,
                "--kind",
                "mysql",
                "--url",
                &url,
                "--secret-stdin",
            ],
            Some("shark"),
        );
    }

    /// Add mongodb connection `name` to the test MongoDB-compatible server.
    pub fn add_mongo(&self, name: &str) {
        self.expect(
            0,
            &[
                "conn",
                "add",
                name,
                "--kind",
                "mongodb",
                "--url",
                infra().get("SHARK_T_MONGO_URI"),
            ],
            None,
        );
    }

    /// Add connection `ai` to the stub OpenAI-compatible API.
    pub fn add_llm(&self) {
        let i = infra();
        self.expect(
            0,
            &[
                "conn",
                "add",
                "ai",
                "--kind",
                "llm",
                "--url",
                i.get("SHARK_T_LLM_BASE_URL"),
                "--model",
                i.get("SHARK_T_LLM_MODEL"),
                "--secret-stdin",
            ],
            Some(i.get("SHARK_T_LLM_KEY")),
        );
    }

    /// Add connection `prom` to the test Prometheus.
    pub fn add_prometheus(&self) {
        self.expect(
            0,
            &[
                "conn",
                "add",
                "prom",
                "--kind",
                "prometheus",
                "--url",
                infra().get("SHARK_T_PROM_URL"),
            ],
            None,
        );
    }
}
