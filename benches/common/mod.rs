//! Helpers shared by the hand-run benchmarks `benches/sync.rs` (MySQL → MongoDB) and
//! `benches/sync_matrix.rs` (MySQL ↔ Elasticsearch, MySQL → MySQL, Elasticsearch → Elasticsearch):
//! the servers of tests/infra/up.sh, the generated `orders` table and its rows, the raw keyset
//! read, timing and peak-RSS sampling of shark processes, and the number formatting of the
//! summaries. Each bench uses a part of it.
#![allow(dead_code)]

pub mod lag;

use mongodb::bson::Document;
use mysql_async::prelude::Queryable;
use mysql_async::{Row, Value};
use shark::sync::model::doc::{doc_id, row_doc};
use shark::sync::model::schema::{TableSchema, q};
use shark::sync::model::value::Origin;
use shark::sync::source::copy::keyset_where;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

pub type Res<T> = Result<T, Box<dyn std::error::Error + Send + Sync>>;

/// Page size of shark's full copy (the task default `--batch-rows`).
pub const PAGE: usize = 2000;

pub fn env_num(key: &str, default: u64) -> u64 {
    std::env::var(key)
        .ok()
        .and_then(|v| v.replace('_', "").parse().ok())
        .unwrap_or(default)
}

/// The servers: tests/infra/up.sh (idempotent) under `$SHARK_BENCH_INFRA` (default
/// `root/default_dir`) with the components of `skip` left out; `envs` go to up.sh as well.
/// Returns the env file's keys, plus `DIR` (the run directory).
pub fn infra(
    root: &Path,
    default_dir: &str,
    skip: &str,
    envs: &[(&str, String)],
) -> Res<HashMap<String, String>> {
    let dir = std::env::var_os("SHARK_BENCH_INFRA")
        .map(PathBuf::from)
        .unwrap_or_else(|| root.join(default_dir));
    let mut cmd = Command::new("bash");
    cmd.arg(root.join("tests/infra/up.sh"))
        .arg(&dir)
        .env("SHARK_INFRA_SKIP", skip);
    for (k, v) in envs {
        cmd.env(k, v);
    }
    let status = cmd.stdout(Stdio::null()).status()?;
    if !status.success() {
        return Err(format!("tests/infra/up.sh {} failed", dir.display()).into());
    }
    let text = std::fs::read_to_string(dir.join("env"))?;
    let mut vars: HashMap<String, String> = text
        .lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| l.split_once('='))
        .map(|(k, v)| {
            (
                k.trim().to_string(),
                v.trim().trim_matches(['"', '\'']).to_string(),
            )
        })
        .collect();
    vars.insert("DIR".into(), dir.display().to_string());
    Ok(vars)
}

pub fn mysql_opts(port: u16, user: &str, pass: Option<&str>) -> mysql_async::Opts {
    // what shark's source connection uses: TCP, UTC session
    mysql_async::OptsBuilder::default()
        .ip_or_hostname("127.0.0.1")
        .tcp_port(port)
        .user(Some(user))
        .pass(pass)
        .prefer_socket(false)
        .init(vec!["SET time_zone = '+00:00'"])
        .into()
}

/// One generated row, the same formulas as the SQL generator (so the documents of the raw write
/// have the shape and sizes of the copied ones).
pub fn synth_row(seq: u64) -> Vec<Value> {
    use chrono::{Datelike, Timelike};
    let cust = seq * 7919 % 100_000;
    let cents = seq * 37 % 1_000_000;
    let at = chrono::NaiveDate::from_ymd_opt(2024, 1, 1)
        .and_then(|d| d.and_hms_opt(0, 0, 0))
        .unwrap_or_default()
        + chrono::TimeDelta::seconds((seq * 7919 % 31_536_000) as i64);
    let note = (!seq.is_multiple_of(10)).then(|| {
        format!(
            "order {seq} for customer {cust} {}",
            "x".repeat((seq % 40) as usize)
        )
    });
    vec![
        Value::Int(seq as i64),
        Value::Int(cust as i64),
        Value::Int((seq % 5) as i64),
        Value::Int((seq % 100) as i64),
        Value::Bytes(format!("SKU-{:06}", seq % 50_000).into_bytes()),
        Value::Bytes(format!("{}.{:02}", cents / 100, cents % 100).into_bytes()),
        Value::Date(
            at.year() as u16,
            at.month() as u8,
            at.day() as u8,
            at.hour() as u8,
            at.minute() as u8,
            at.second() as u8,
            0,
        ),
        note.map_or(Value::NULL, |n| Value::Bytes(n.into_bytes())),
    ]
}

pub fn synth_doc(schema: &TableSchema, seq: u64) -> Document {
    let mut d = row_doc(schema, None, synth_row(seq), Origin::Query);
    let id = doc_id(schema, &d);
    d.insert("_id", id);
    d
}

/// `DROP DATABASE db; CREATE DATABASE db` and the 8-column table `db.table` (BIGINT key, INT,
/// TINYINT, SMALLINT, VARCHAR, DECIMAL(12,2), DATETIME, nullable TEXT) with `rows` rows from
/// MariaDB's SEQUENCE engine (the formulas of [`synth_row`]), then `ANALYZE TABLE`.
pub async fn create_orders(c: &mut mysql_async::Conn, db: &str, table: &str, rows: u64) -> Res<()> {
    c.query_drop(format!("DROP DATABASE IF EXISTS {db}"))
        .await?;
    c.query_drop(format!("CREATE DATABASE {db}")).await?;
    c.query_drop(format!("USE {db}")).await?;
    c.query_drop(orders_ddl(table)).await?;
    // in chunks, so no single transaction (and binlog event group) is huge
    let chunk = 200_000;
    let mut from = 1;
    while from <= rows {
        let to = (from + chunk - 1).min(rows);
        c.query_drop(format!(
            "INSERT INTO {table}
             SELECT seq, seq * 7919 % 100000, seq % 5, seq % 100,
                    CONCAT('SKU-', LPAD(seq % 50000, 6, '0')),
                    (seq * 37 % 1000000) / 100,
                    TIMESTAMP('2024-01-01 00:00:00') + INTERVAL (seq * 7919 % 31536000) SECOND,
                    IF(seq % 10 = 0, NULL,
                       CONCAT('order ', seq, ' for customer ', seq * 7919 % 100000, ' ', REPEAT('x', seq % 40)))
             FROM seq_{from}_to_{to}"
        ))
        .await?;
        from = to + 1;
    }
    c.query_drop(format!("ANALYZE TABLE {table}")).await?;
    Ok(())
}

/// The `CREATE TABLE` of the generated table (unqualified name: the session's database).
pub fn orders_ddl(table: &str) -> String {
    format!(
        "CREATE TABLE {table} (
           id BIGINT NOT NULL PRIMARY KEY,
           customer_id INT NOT NULL,
           status TINYINT NOT NULL,
           qty SMALLINT NOT NULL,
           sku VARCHAR(32) NOT NULL,
           amount DECIMAL(12,2) NOT NULL,
           created_at DATETIME NOT NULL,
           note TEXT NULL
         ) ENGINE=InnoDB"
    )
}

/// Raw read: shark's keyset SELECT (prepared, binary protocol), rows kept as driver values.
pub async fn raw_read(opts: mysql_async::Opts, schema: &TableSchema) -> Res<u64> {
    let mut c = mysql_async::Conn::new(opts).await?;
    let table = format!("{}.{}", q(&schema.db), q(&schema.table));
    let cols = schema
        .columns
        .iter()
        .map(|c| q(&c.name))
        .collect::<Vec<_>>()
        .join(", ");
    let order = schema
        .key_names()
        .iter()
        .map(|n| q(n))
        .collect::<Vec<_>>()
        .join(", ");
    let mut last: Option<Vec<Value>> = None;
    let mut total = 0u64;
    loop {
        let (sql, params) = match &last {
            Some(k) => {
                let (w, p) = keyset_where(schema, k);
                (
                    format!("SELECT {cols} FROM {table} WHERE {w} ORDER BY {order} LIMIT {PAGE}"),
                    p,
                )
            }
            None => (
                format!("SELECT {cols} FROM {table} ORDER BY {order} LIMIT {PAGE}"),
                vec![],
            ),
        };
        let rows: Vec<Row> = c.exec(sql, params).await?;
        total += rows.len() as u64;
        if let Some(r) = rows.last() {
            last = Some(
                schema
                    .key
                    .iter()
                    .map(|i| r.as_ref(*i).cloned().unwrap_or(Value::NULL))
                    .collect(),
            );
        }
        let n = std::hint::black_box(rows).len();
        if n < PAGE {
            break;
        }
    }
    c.disconnect().await?;
    Ok(total)
}

/// Wall time, CPU time and peak RSS of one child process.
pub struct Measured {
    pub secs: f64,
    pub cpu_secs: f64,
    pub peak_rss_kb: u64,
}

pub fn proc_sample(pid: u32) -> Option<(u64, f64)> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    let hwm = status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())?;
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    // fields after the ")" of the command name: state is field 3, utime 14, stime 15
    let rest = stat.rsplit_once(')')?.1;
    let f: Vec<&str> = rest.split_whitespace().collect();
    let ticks: u64 = f.get(11)?.parse::<u64>().ok()? + f.get(12)?.parse::<u64>().ok()?;
    Some((hwm, ticks as f64 / 100.0))
}

pub struct Shark {
    pub bin: PathBuf,
    pub dir: PathBuf,
}

impl Shark {
    pub fn cmd(&self, args: &[&str]) -> Command {
        let mut c = Command::new(&self.bin);
        c.args(args)
            .env("SHARK_STATE", self.dir.join("shark.db"))
            .env("XDG_CONFIG_HOME", self.dir.join("config"))
            .env_remove("SHARK_CONFIG")
            .env_remove("SHARK_MASTER_KEY")
            .env_remove("RUST_LOG")
            .current_dir(&self.dir);
        c
    }

    pub fn ok(&self, args: &[&str], stdin: Option<&str>) -> Res<String> {
        use std::io::Write;
        let mut child = self
            .cmd(args)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()?;
        if let Some(mut i) = child.stdin.take() {
            i.write_all(stdin.unwrap_or("").as_bytes())?;
        }
        let out = child.wait_with_output()?;
        if !out.status.success() {
            return Err(format!(
                "shark {args:?}: {}\n{}{}",
                out.status,
                String::from_utf8_lossy(&out.stdout),
                String::from_utf8_lossy(&out.stderr)
            )
            .into());
        }
        Ok(String::from_utf8_lossy(&out.stdout).into_owned())
    }

    /// Run and measure; output goes to DIR/<label>.log.
    pub fn measured(&self, label: &str, args: &[&str]) -> Res<Measured> {
        let log = self.dir.join(format!("{label}.log"));
        let out = std::fs::File::create(&log)?;
        let t = Instant::now();
        let mut child = self
            .cmd(args)
            .stdin(Stdio::null())
            .stdout(out.try_clone()?)
            .stderr(out)
            .spawn()?;
        let (mut peak, mut cpu) = (0, 0.0);
        let status = loop {
            if let Some((h, c)) = proc_sample(child.id()) {
                peak = peak.max(h);
                cpu = c;
            }
            if let Some(s) = child.try_wait()? {
                break s;
            }
            std::thread::sleep(Duration::from_millis(20));
        };
        let secs = t.elapsed().as_secs_f64();
        if !status.success() {
            let text = std::fs::read_to_string(&log).unwrap_or_default();
            return Err(format!("shark {args:?}: {status}\n{text}").into());
        }
        Ok(Measured {
            secs,
            cpu_secs: cpu,
            peak_rss_kb: peak,
        })
    }

    /// Binlog row events task `task` has applied so far (`sync status -o json`).
    pub fn events(&self, task: &str) -> u64 {
        self.ok(&["sync", "status", task, "-o", "json"], None)
            .ok()
            .and_then(|s| serde_json::from_str::<serde_json::Value>(&s).ok())
            .and_then(|v| {
                // `status -o json` lists the tasks shown
                let t = if v.is_array() { &v[0] } else { &v };
                t["binlog"]["progress"]["events"].as_u64()
            })
            .unwrap_or(0)
    }
}

/// Polls VmHWM and CPU time of a process every 20 ms on its own thread until stopped.
pub struct Sampler {
    stop: std::sync::Arc<std::sync::atomic::AtomicBool>,
    thread: std::thread::JoinHandle<(u64, f64)>,
}

impl Sampler {
    pub fn start(pid: u32) -> Sampler {
        use std::sync::atomic::Ordering;
        let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
        let flag = stop.clone();
        let thread = std::thread::spawn(move || {
            let (mut peak, mut cpu) = (0, 0.0);
            while !flag.load(Ordering::Relaxed) {
                if let Some((h, c)) = proc_sample(pid) {
                    peak = peak.max(h);
                    cpu = c;
                }
                std::thread::sleep(Duration::from_millis(20));
            }
            (peak, cpu)
        });
        Sampler { stop, thread }
    }

    /// (peak RSS kB, CPU seconds) as last seen.
    pub fn finish(self) -> (u64, f64) {
        self.stop.store(true, std::sync::atomic::Ordering::Relaxed);
        self.thread.join().unwrap_or((0, 0.0))
    }
}

pub fn percentile(sorted: &[f64], p: f64) -> f64 {
    if sorted.is_empty() {
        return f64::NAN;
    }
    let i = ((p / 100.0) * sorted.len() as f64).ceil() as usize;
    sorted[i.clamp(1, sorted.len()) - 1]
}

/// The 1-minute load average and the CPU count, for the record.
pub fn load() -> String {
    let avg = std::fs::read_to_string("/proc/loadavg")
        .ok()
        .and_then(|s| s.split_whitespace().next().map(str::to_string))
        .unwrap_or_else(|| "?".into());
    let cpus = std::thread::available_parallelism().map_or(0, |n| n.get());
    format!("load {avg} on {cpus} CPUs")
}

pub fn step(start: Instant, msg: &str) {
    eprintln!("[{:>6.1}s] {msg}", start.elapsed().as_secs_f64());
}

pub fn rate(n: u64, secs: f64) -> f64 {
    n as f64 / secs.max(1e-9)
}

pub fn fmt_rate(r: f64) -> String {
    let s = format!("{:.0}", r);
    let mut out = String::new();
    for (i, ch) in s.chars().enumerate() {
        if i > 0 && (s.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(ch);
    }
    out
}

pub fn verdict(ok: bool) -> &'static str {
    if ok { "PASS" } else { "MISS" }
}
