//! Test harness: the real servers of tests/infra (started once per test run and shared by every
//! test binary), a fresh state file per test, and helpers to run the `shark` binary.
#![allow(dead_code)]

use assert_cmd::Command;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

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
        let dir = std::env::var_os("SHARK_TEST_INFRA")
            .map(PathBuf::from)
            .unwrap_or_else(|| root.join("target/shark-infra"));
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
