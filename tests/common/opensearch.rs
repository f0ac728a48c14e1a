//! The real OpenSearch cluster of tests/infra (3 nodes os1..os3, `SHARK_T_OS_*`) and its
//! Elasticsearch 7.17 twin (es1..es3, `SHARK_T_ES7_*`): a minimal HTTP
//! client for setup and for reading results independently of shark, one node stopped, killed and
//! restarted through tests/infra/os-node.sh, the lock that keeps tests that disturb the cluster
//! apart, and a proxy that passes requests to the cluster but holds or replaces some answers
//! (what a real cluster cannot be made to do on demand: answer late, never, or with a 503).
//!
//! Tests that change cluster-wide settings, kill nodes or leave the cluster yellow/red hold
//! [`lock_cluster`]`(Exclusive)` and use a [`Cleanup`] to put everything back even on panic;
//! tests that only work in indices of their own hold it `Shared`.

use super::{Lock, ServersLock, infra, lock_file};
use serde_json::{Value, json};
use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// Minimal HTTP/1.1 client: (status, body). One request per connection, no TLS.
pub fn http(method: &str, url: &str, body: Option<&Value>) -> (u16, String) {
    let text = body.map(|b| b.to_string());
    http_raw(method, url, text.as_deref(), "application/json")
}

/// [`http`] with a body as text and its content type (`application/x-ndjson` for `_bulk`).
pub fn http_raw(method: &str, url: &str, body: Option<&str>, ctype: &str) -> (u16, String) {
    let rest = url.strip_prefix("http://").expect("http:// URL");
    let (hostport, path) = rest.split_at(rest.find('/').unwrap_or(rest.len()));
    let path = if path.is_empty() { "/" } else { path };
    let mut s = TcpStream::connect(hostport).unwrap_or_else(|e| panic!("connect {url}: {e}"));
    s.set_read_timeout(Some(Duration::from_secs(120))).unwrap();
    let b = body.unwrap_or("");
    write!(
        s,
        "{method} {path} HTTP/1.1\r\nHost: {hostport}\r\nContent-Type: {ctype}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{b}",
        b.len()
    )
    .unwrap();
    let mut out = Vec::new();
    s.read_to_end(&mut out).unwrap();
    // bytes until the body is whole: a chunk boundary may fall inside a multi-byte character
    let status = std::str::from_utf8(&out[9..12]).unwrap().parse().unwrap();
    let split = out
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .unwrap_or(out.len());
    let head = String::from_utf8_lossy(&out[..split]).to_ascii_lowercase();
    let body = out.get(split + 4..).unwrap_or_default();
    let body = if head.contains("transfer-encoding: chunked") {
        dechunk(body)
    } else {
        body.to_vec()
    };
    let body = String::from_utf8(body)
        .unwrap_or_else(|e| panic!("{method} {url}: body is not UTF-8: {e}"));
    (status, body)
}

fn dechunk(mut s: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    while let Some(eol) = s.windows(2).position(|w| w == b"\r\n") {
        let len = std::str::from_utf8(&s[..eol]).unwrap_or("0");
        let n = usize::from_str_radix(len.trim(), 16).unwrap_or(0);
        if n == 0 {
            break;
        }
        let rest = &s[eol + 2..];
        out.extend_from_slice(&rest[..n]);
        s = &rest[n + 2..];
    }
    out
}

/// One of the clusters as tests/infra/up.sh started it.
pub struct Os {
    /// HTTP of the first node.
    pub url: String,
    /// HTTP of every node, in node order.
    pub urls: Vec<String>,
    /// The cluster's `path.repo`: fs snapshot repositories go below it.
    pub repo: PathBuf,
    /// Node names: "os" or "es" and 1..3.
    pub prefix: &'static str,
    /// What `GET /` says: "2.19.6", "7.17.29".
    pub version: String,
    /// "opensearch" or "elasticsearch", as `es-shards status` names the flavour.
    pub flavour: &'static str,
    run_dir: PathBuf,
}

/// The OpenSearch 2.19 cluster (os1..os3).
pub fn os() -> Os {
    cluster("OS", "os", "opensearch")
}

/// The Elasticsearch 7.17 cluster (es1..es3).
pub fn es7() -> Os {
    cluster("ES7", "es", "elasticsearch")
}

fn cluster(key: &str, prefix: &'static str, flavour: &'static str) -> Os {
    let i = infra();
    let k = |s: &str| i.get(&format!("SHARK_T_{key}_{s}")).to_string();
    Os {
        url: k("URL"),
        urls: k("URLS").split(',').map(str::to_string).collect(),
        repo: PathBuf::from(k("REPO")),
        prefix,
        version: k("VERSION"),
        flavour,
        run_dir: PathBuf::from(i.get("SHARK_T_RUN_DIR")),
    }
}

impl Os {
    /// The name of node `n` (1..3): os1, es2, ...
    pub fn name(&self, n: usize) -> String {
        format!("{}{n}", self.prefix)
    }

    /// A request to os1; panics unless the answer is 2xx. Returns the JSON body.
    pub fn ok(&self, method: &str, path: &str, body: Option<&Value>) -> Value {
        let (st, text) = http(method, &format!("{}{path}", self.url), body);
        assert!(
            (200..300).contains(&st),
            "{method} {path}: HTTP {st}: {text}"
        );
        serde_json::from_str(&text).unwrap_or(Value::Null)
    }

    /// `_cluster/health` with these query parameters (e.g. `wait_for_status=green&timeout=60s`);
    /// panics if the wait timed out.
    pub fn health(&self, query: &str) -> Value {
        let (st, text) = http(
            "GET",
            &format!("{}/_cluster/health?{query}", self.url),
            None,
        );
        assert_eq!(st, 200, "_cluster/health?{query}: HTTP {st}: {text}");
        serde_json::from_str(&text).unwrap()
    }

    /// Every shard copy (`_cat/shards`) of `index` (or all): index, shard, prirep, state, node,
    /// docs, unassigned.reason.
    pub fn shards(&self, index: Option<&str>) -> Vec<Value> {
        let path = match index {
            Some(i) => format!(
                "/_cat/shards/{i}?format=json&h=index,shard,prirep,state,node,docs,unassigned.reason"
            ),
            None => {
                "/_cat/shards?format=json&h=index,shard,prirep,state,node,docs,unassigned.reason"
                    .into()
            }
        };
        self.ok("GET", &path, None).as_array().unwrap().clone()
    }

    /// Persistent and transient cluster settings, flat.
    pub fn settings(&self) -> Value {
        self.ok("GET", "/_cluster/settings?flat_settings=true", None)
    }

    /// Create an index with these settings; `wait_for_active_shards=0` so that an index whose
    /// shards cannot be allocated is created too.
    pub fn create_index(&self, name: &str, settings: Value) {
        self.ok(
            "PUT",
            &format!("/{name}?wait_for_active_shards=0"),
            Some(&json!({ "settings": settings })),
        );
    }

    /// Index `n` documents of about `size` bytes each into `index` with `_bulk`, then refresh
    /// and flush.
    pub fn fill(&self, index: &str, n: usize, size: usize) {
        let pad = "x".repeat(size);
        for chunk in (0..n).collect::<Vec<_>>().chunks(500) {
            let mut body = String::new();
            for i in chunk {
                body.push_str(&format!("{{\"index\":{{\"_id\":\"{i}\"}}}}\n"));
                body.push_str(&format!("{{\"n\":{i},\"pad\":\"{pad}\"}}\n"));
            }
            let (st, text) = http_raw(
                "POST",
                &format!("{}/{index}/_bulk", self.url),
                Some(&body),
                "application/x-ndjson",
            );
            assert_eq!(st, 200, "{text}");
            assert!(text.contains("\"errors\":false"), "{text}");
        }
        self.ok("POST", &format!("/{index}/_refresh"), None);
        // committed segments: a peer recovery then copies files (throttled, with progress) rather
        // than replaying the translog
        self.ok("POST", &format!("/{index}/_flush"), None);
    }

    /// Documents in `index` as the cluster counts them.
    pub fn count(&self, index: &str) -> u64 {
        self.ok("GET", &format!("/{index}/_count"), None)["count"]
            .as_u64()
            .unwrap()
    }

    /// tests/infra/os-node.sh RUN_DIR ACTION NODE (stop, kill, start, status) for node `n`.
    pub fn node(&self, action: &str, n: usize) -> String {
        self.node_with(action, n, &[])
    }

    /// [`Os::node`] with node settings for this start only (`-Ethread_pool.write.queue_size=1`).
    pub fn node_with(&self, action: &str, n: usize, settings: &[&str]) -> String {
        let name = self.name(n);
        let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/infra/os-node.sh");
        let out = std::process::Command::new("bash")
            .arg(script)
            .arg(&self.run_dir)
            .args([action, name.as_str()])
            .args(settings)
            .output()
            .expect("running tests/infra/os-node.sh");
        assert!(
            out.status.success(),
            "os-node.sh {action} {name}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    /// Wait until os1 sees `n` nodes (after a kill, the cluster notices within seconds).
    pub fn wait_nodes(&self, n: usize) {
        let t0 = Instant::now();
        loop {
            let (st, text) = http(
                "GET",
                &format!("{}/_cat/nodes?format=json&h=name", self.url),
                None,
            );
            if st == 200
                && serde_json::from_str::<Value>(&text)
                    .ok()
                    .and_then(|v| v.as_array().map(Vec::len))
                    == Some(n)
            {
                return;
            }
            assert!(
                t0.elapsed() < Duration::from_secs(90),
                "cluster never showed {n} nodes: {text}"
            );
            std::thread::sleep(Duration::from_millis(100));
        }
    }
}

/// The cross-process lock on one cluster: a flock on `opensearch.lock` (`es7.lock`) in the infra
/// run directory. `Exclusive` for tests that change cluster-wide settings or stop nodes.
pub fn lock_cluster(c: &Os, how: Lock) -> ServersLock {
    let name = if c.prefix == "os" {
        "opensearch"
    } else {
        "es7"
    };
    lock_file(&format!("{name}.lock"), how)
}

/// Puts the cluster back when dropped (also when the test panics): every stopped node started
/// again, the indices and snapshot repositories named deleted, the cluster settings the test
/// may have touched reset, and the cluster green again.
pub struct Cleanup<'a> {
    pub os: &'a Os,
    pub indices: Vec<String>,
    pub repos: Vec<String>,
}

/// Cluster settings tests and shark change (reset to their defaults afterwards).
const TOUCHED: &[&str] = &[
    "cluster.routing.allocation.enable",
    "cluster.routing.rebalance.enable",
    "cluster.routing.allocation.cluster_concurrent_rebalance",
    "cluster.routing.allocation.node_concurrent_recoveries",
    "cluster.routing.allocation.exclude._name",
    "indices.recovery.max_bytes_per_sec",
];

impl Drop for Cleanup<'_> {
    fn drop(&mut self) {
        for n in 1..=3 {
            if self.os.node("status", n).starts_with("down") {
                self.os.node("start", n);
            }
        }
        let reset: serde_json::Map<String, Value> = TOUCHED
            .iter()
            .map(|k| (k.to_string(), Value::Null))
            .collect();
        let _ = http(
            "PUT",
            &format!("{}/_cluster/settings", self.os.url),
            Some(&json!({"persistent": reset, "transient": reset})),
        );
        for r in &self.repos {
            let _ = http("DELETE", &format!("{}/_snapshot/{r}/*", self.os.url), None);
            let _ = http("DELETE", &format!("{}/_snapshot/{r}", self.os.url), None);
        }
        for i in &self.indices {
            let _ = http("DELETE", &format!("{}/{i}", self.os.url), None);
        }
        let _ = http(
            "GET",
            &format!(
                "{}/_cluster/health?wait_for_status=green&wait_for_nodes=3&timeout=60s",
                self.os.url
            ),
            None,
        );
    }
}

/// What [`FaultProxy`] does with a request that matches a rule.
#[derive(Clone, Debug)]
pub enum Fault {
    /// Pass it to the cluster, and give the client the answer only after this long.
    Late(Duration),
    /// Pass it to the cluster and never answer the client (until the proxy is dropped).
    Never,
    /// Do not pass it on: answer with this status and body instead.
    Answer(u16, String),
}

#[derive(Clone, Debug)]
struct Rule {
    method: String,
    path: String,
    fault: Fault,
    /// How many more requests it applies to.
    times: usize,
}

#[derive(Default)]
struct ProxyState {
    rules: Vec<Rule>,
    /// "METHOD /path" of every request seen, with whether the cluster had answered it.
    seen: Vec<(String, bool)>,
}

/// A loopback HTTP proxy in front of one node: passes every request through (one per
/// connection), except those matching a rule, whose answer it delays, withholds or replaces.
pub struct FaultProxy {
    pub url: String,
    state: Arc<Mutex<ProxyState>>,
    stop: Arc<std::sync::atomic::AtomicBool>,
}

impl FaultProxy {
    pub fn start(upstream: &str) -> FaultProxy {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let url = format!("http://{}", listener.local_addr().unwrap());
        let upstream = upstream
            .strip_prefix("http://")
            .expect("http:// upstream")
            .to_string();
        let state = Arc::new(Mutex::new(ProxyState::default()));
        let stop = Arc::new(std::sync::atomic::AtomicBool::new(false));
        let (st, sp) = (state.clone(), stop.clone());
        std::thread::spawn(move || {
            for conn in listener.incoming() {
                if sp.load(std::sync::atomic::Ordering::Relaxed) {
                    break;
                }
                let Ok(conn) = conn else { continue };
                let (st, sp, up) = (st.clone(), sp.clone(), upstream.clone());
                std::thread::spawn(move || serve(conn, &up, &st, &sp));
            }
        });
        FaultProxy { url, state, stop }
    }

    /// Apply `fault` to the next `times` requests `METHOD PATH` (path without query string).
    pub fn rule(&self, method: &str, path: &str, fault: Fault, times: usize) {
        self.state.lock().unwrap().rules.push(Rule {
            method: method.into(),
            path: path.into(),
            fault,
            times,
        });
    }

    /// How many requests `METHOD PATH` the cluster has answered so far.
    pub fn answered(&self, what: &str) -> usize {
        self.state
            .lock()
            .unwrap()
            .seen
            .iter()
            .filter(|(w, done)| w == what && *done)
            .count()
    }

    /// How many requests `METHOD PATH` arrived so far.
    pub fn seen(&self, what: &str) -> usize {
        self.state
            .lock()
            .unwrap()
            .seen
            .iter()
            .filter(|(w, _)| w == what)
            .count()
    }
}

impl Drop for FaultProxy {
    fn drop(&mut self) {
        self.stop.store(true, std::sync::atomic::Ordering::Relaxed);
        // wake the accept loop
        let _ = TcpStream::connect(self.url.trim_start_matches("http://"));
    }
}

/// Read one HTTP request (head + Content-Length body) from `c`.
fn read_request(c: &mut TcpStream) -> Option<Vec<u8>> {
    let mut buf = Vec::new();
    let mut tmp = [0u8; 8192];
    loop {
        if let Some(end) = buf.windows(4).position(|w| w == b"\r\n\r\n") {
            let head = String::from_utf8_lossy(&buf[..end]).to_ascii_lowercase();
            let len: usize = head
                .lines()
                .find_map(|l| l.strip_prefix("content-length:"))
                .and_then(|v| v.trim().parse().ok())
                .unwrap_or(0);
            while buf.len() < end + 4 + len {
                let n = c.read(&mut tmp).ok()?;
                if n == 0 {
                    return None;
                }
                buf.extend_from_slice(&tmp[..n]);
            }
            return Some(buf);
        }
        let n = c.read(&mut tmp).ok()?;
        if n == 0 {
            return None;
        }
        buf.extend_from_slice(&tmp[..n]);
    }
}

/// Serve the requests of one client connection (HTTP/1.1 keep-alive), one at a time.
fn serve(
    mut c: TcpStream,
    upstream: &str,
    state: &Mutex<ProxyState>,
    stop: &std::sync::atomic::AtomicBool,
) {
    while let Some(req) = read_request(&mut c) {
        if !serve_one(&mut c, req, upstream, state, stop) {
            return;
        }
    }
}

/// Answer one request; false when the connection is done with.
fn serve_one(
    c: &mut TcpStream,
    req: Vec<u8>,
    upstream: &str,
    state: &Mutex<ProxyState>,
    stop: &std::sync::atomic::AtomicBool,
) -> bool {
    let line = String::from_utf8_lossy(&req[..req.iter().position(|b| *b == b'\r').unwrap_or(0)])
        .into_owned();
    let mut words = line.split(' ');
    let method = words.next().unwrap_or("").to_string();
    let path = words
        .next()
        .unwrap_or("")
        .split('?')
        .next()
        .unwrap_or("")
        .to_string();
    let what = format!("{method} {path}");
    let fault = {
        let mut st = state.lock().unwrap();
        st.seen.push((what.clone(), false));
        let rule = st
            .rules
            .iter_mut()
            .find(|r| r.times > 0 && r.method == method && r.path == path);
        rule.map(|r| {
            r.times -= 1;
            r.fault.clone()
        })
    };
    let answer = match &fault {
        Some(Fault::Answer(status, body)) => format!(
            "HTTP/1.1 {status} Injected\r\ncontent-type: application/json\r\ncontent-length: {}\r\n\r\n{body}",
            body.len()
        )
        .into_bytes(),
        _ => {
            // one request per upstream connection: ask it to close, read to the end
            let text = String::from_utf8_lossy(&req).into_owned();
            let text = text.replacen("\r\n", "\r\nConnection: close\r\n", 1);
            let Ok(mut u) = TcpStream::connect(upstream) else {
                return false;
            };
            if u.write_all(text.as_bytes()).is_err() {
                return false;
            }
            let mut out = Vec::new();
            let _ = u.read_to_end(&mut out);
            // the client may keep its connection: drop the upstream's `connection: close`
            // (the body stays as it came: it may be gzip)
            match out.windows(4).position(|w| w == b"\r\n\r\n") {
                Some(end) => {
                    let head = String::from_utf8_lossy(&out[..end]).into_owned();
                    let head: Vec<&str> = head
                        .split("\r\n")
                        .filter(|l| !l.to_ascii_lowercase().starts_with("connection:"))
                        .collect();
                    let mut v = head.join("\r\n").into_bytes();
                    v.extend_from_slice(&out[end..]);
                    v
                }
                None => out,
            }
        }
    };
    {
        let mut st = state.lock().unwrap();
        if let Some(s) = st.seen.iter_mut().rev().find(|(w, d)| *w == what && !*d) {
            s.1 = true;
        }
    }
    let until = match fault {
        Some(Fault::Late(d)) => Some(Instant::now() + d),
        Some(Fault::Never) => None,
        _ => Some(Instant::now()),
    };
    loop {
        if until.is_some_and(|u| Instant::now() >= u)
            || stop.load(std::sync::atomic::Ordering::Relaxed)
        {
            break;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    !stop.load(std::sync::atomic::Ordering::Relaxed) && c.write_all(&answer).is_ok()
}
