//! `shark sync` matrix benchmark (issue 12): full-copy rows/s of MySQL → Elasticsearch,
//! MySQL → MySQL, Elasticsearch → MySQL and Elasticsearch → Elasticsearch, each next to the raw
//! read rate of its source and the raw write rate of its sink measured against the same servers
//! in the same run; binlog CDC events/s into both new sinks; the commit-to-visible lag of a
//! follower into each under a paced writer; peak RSS. Run by hand, never from the tests:
//!
//! ```text
//! benches/sync_matrix.sh               # builds, starts MariaDB + osmem-server, runs this, stops them
//! cargo bench --bench sync_matrix      # the same against servers of tests/infra/up.sh (started
//!                                      # here if needed under target/bench-matrix-infra, left running)
//! ```
//!
//! Servers (tests/infra/up.sh): the source MariaDB (`SHARK_T_MYSQL_PORT`, ROW binlog), the target
//! MariaDB (`SHARK_T_MYSQL_TARGET_PORT`) and osmem-server (`SHARK_T_ES_URL`, in-memory,
//! OpenSearch-compatible). The output names their versions and the machine's load.
//!
//! What it measures, in order:
//! 1. generates `bench.orders` in the source MariaDB (8 columns, the table of benches/sync.rs)
//!    and the source index `bench-src` in osmem with the same rows as documents (the mapping
//!    shark derives for the table, `_bulk` of 1000, refreshed), and empty `bench.lag_es`,
//!    `bench.lag_my` for step 5;
//! 2. raw limits, pass 1: raw read of the source table (shark's keyset-paged prepared SELECT,
//!    pages of 2000, rows kept as driver values); raw read of the source index (PIT +
//!    `search_after` on `_id`, pages of 2000, each answer parsed as JSON; a scroll when the
//!    server has no PIT); raw write into the target MariaDB (multi-row `INSERT` of 2000 rows, one
//!    transaction each, text protocol as shark's MySQL sink writes); raw `_bulk` index of 1000
//!    documents per request into osmem (shark's document shape); then, for the CDC comparison,
//!    raw upserts of M rows into the target MariaDB (`INSERT ... ON DUPLICATE KEY UPDATE`, 2000
//!    per transaction: what shark's MySQL sink sends) and a raw `_bulk` re-index of M existing
//!    ids. Only the calls are timed (statements and bodies are built before);
//! 3. `shark sync run NAME --once` (release binary, scratch state file) for each direction →
//!    rows/s (wall time of the process, so shark's start-up, connections and state-file commits
//!    are included), CPU time, peak RSS (VmHWM polled every 20 ms); row counts checked in the sink;
//! 4. M row UPDATEs of `bench.orders`, then `shark sync run NAME --once` of the MySQL → ES and
//!    MySQL → MySQL tasks → binlog row events/s, twice: over the wall time of the process (what
//!    a `--once` catch-up costs), and over that time less the wall time of the same command
//!    run again right after with nothing to catch up (start-up, connections, schema load, head
//!    position: what the catch-up spent before its first event) — the apply rate a follower
//!    sustains, compared with the raw upsert rate (MySQL → MySQL: target ≥ 80 %, issue 20);
//! 5. CDC lag into each sink: `shark sync run NAME` (following) of a task over `bench.lag_es`
//!    (→ osmem) or `bench.lag_my` (→ target MariaDB) while a paced writer issues single-row
//!    autocommit INSERTs at `SHARK_BENCH_LAG_RATE`/s for `SHARK_BENCH_LAG_SECS`; a poller asks the
//!    sink every 2 ms for the ids the writer has committed and not yet seen (osmem: `_mget` of up
//!    to 256 ids, the realtime GET of several ids at once, so no refresh is needed; MySQL:
//!    `SELECT id ... WHERE id BETWEEN ? AND ?`). Lag = first poll that sees the row minus the
//!    moment its INSERT returned to the writer; p50/p95/p99/max and rows not seen within 30 s;
//! 6. raw limits, pass 2 (the servers' rates drift with the machine's load, which another user
//!    may share: each limit is the mean of the two passes, which bracket shark's runs);
//! 7. a summary: per direction shark rows/s, the two raw limits, which side limits, ratio =
//!    shark / min(raw read of the source, raw write of the sink) with the target ≥ 80 %. ES → ES
//!    reads and writes the same server, so its ratio to the serial bound 1/(1/read + 1/write)
//!    is shown as well.
//!
//! Env: `SHARK_BENCH_ROWS` (200000), `SHARK_BENCH_UPDATES` (the rows), `SHARK_BENCH_LAG_RATE` (500
//! statements/s), `SHARK_BENCH_LAG_SECS` (20; 0 skips step 5), `SHARK_BENCH_INFRA` (run
//! directory of tests/infra, default target/bench-matrix-infra), `SHARK_BENCH_SHARK` (binary to
//! time, default the release `shark` cargo built for this bench).

mod common;
use common::lag::{self, LagRun};
use common::{
    Measured, PAGE, Res, Shark, create_orders, env_num, fmt_rate, load, mysql_opts, orders_ddl,
    percentile, rate, raw_read, step, synth_doc, synth_row, verdict,
};
use mysql_async::prelude::Queryable;
use serde_json::{Value as Json, json};
use shark::sync::model::schema::{self, TableSchema};
use shark::sync::sink::es_mapping;
use shark::sync::source::es_value::to_source;
use std::path::PathBuf;
use std::time::{Duration, Instant};

const DB: &str = "bench";
const TABLE: &str = "orders";
/// Source tables of the lag followers (step 5).
const LAG_ES: &str = "lag_es";
const LAG_MY: &str = "lag_my";
/// The source index (the rows of `bench.orders` as documents).
const ES_SRC: &str = "bench-src";
/// Scratch targets of the raw writes.
const ES_RAW: &str = "bench-raw";
const RAW_DB: &str = "bench_raw";
/// Target databases in the target MariaDB (MySQL → MySQL, ES → MySQL, the MySQL lag follower)
/// and the `--target-db` of ES → ES (its index is `bench_ee.bench-src`).
const MM_DB: &str = "bench_mm";
const EM_DB: &str = "bench_em";
const LAG_DB: &str = "bench_lag";
const EE_DB: &str = "bench_ee";
/// Documents per raw `_bulk` request (shark's default `_bulk` bound).
const ES_BULK: usize = 1000;
const TARGET_COPY_RATIO: f64 = 0.80;
/// MySQL → MySQL CDC apply against the raw upsert rate of the target (issue 20).
const TARGET_CDC_RATIO: f64 = 0.80;
/// SPEC §10's lag target (stated for the MongoDB sink), applied to both sinks here.
const TARGET_LAG_P95_MS: f64 = 100.0;

// ---- osmem / Elasticsearch over plain HTTP ------------------------------------------------------

struct Es {
    http: reqwest::Client,
    url: String,
}

impl Es {
    fn new(url: &str) -> Res<Es> {
        let _ = rustls::crypto::ring::default_provider().install_default();
        Ok(Es {
            http: reqwest::Client::builder()
                .timeout(Duration::from_secs(300))
                .build()?,
            url: url.trim_end_matches('/').to_string(),
        })
    }

    /// (status, body as JSON); `ndjson` bodies go with their content type.
    async fn call(
        &self,
        method: reqwest::Method,
        path: &str,
        body: Option<String>,
    ) -> Res<(u16, Json)> {
        let mut req = self.http.request(method, format!("{}{path}", self.url));
        if let Some(b) = body {
            let ct = if path.contains("_bulk") {
                "application/x-ndjson"
            } else {
                "application/json"
            };
            req = req.header("Content-Type", ct).body(b);
        }
        let resp = req.send().await?;
        let status = resp.status().as_u16();
        let bytes = resp.bytes().await?;
        let v = serde_json::from_slice(&bytes)
            .unwrap_or_else(|_| Json::String(String::from_utf8_lossy(&bytes).into_owned()));
        Ok((status, v))
    }

    /// A call that must succeed (2xx).
    async fn ok(&self, method: reqwest::Method, path: &str, body: Option<Json>) -> Res<Json> {
        let what = format!("{method} {path}");
        let (st, v) = self.call(method, path, body.map(|b| b.to_string())).await?;
        if !(200..300).contains(&st) {
            return Err(format!("{what}: HTTP {st}: {v}").into());
        }
        Ok(v)
    }

    async fn bulk(&self, ndjson: String) -> Res<()> {
        let (st, v) = self
            .call(reqwest::Method::POST, "/_bulk", Some(ndjson))
            .await?;
        if st != 200 || v["errors"] != json!(false) {
            let s = v.to_string();
            return Err(format!("_bulk: HTTP {st}: {}", &s[..s.len().min(600)]).into());
        }
        Ok(())
    }

    async fn drop_index(&self, index: &str) -> Res<()> {
        let (st, v) = self
            .call(reqwest::Method::DELETE, &format!("/{index}"), None)
            .await?;
        if st != 200 && st != 404 {
            return Err(format!("DELETE /{index}: HTTP {st}: {v}").into());
        }
        Ok(())
    }

    async fn create_index(&self, index: &str, body: &Json) -> Res<()> {
        self.drop_index(index).await?;
        self.ok(
            reqwest::Method::PUT,
            &format!("/{index}"),
            Some(body.clone()),
        )
        .await?;
        Ok(())
    }

    async fn count(&self, index: &str) -> Res<u64> {
        self.ok(reqwest::Method::POST, &format!("/{index}/_refresh"), None)
            .await?;
        let v = self
            .ok(reqwest::Method::GET, &format!("/{index}/_count"), None)
            .await?;
        v["count"]
            .as_u64()
            .ok_or_else(|| format!("/{index}/_count: {v}").into())
    }

    /// "name (distribution version)" from `GET /`.
    async fn version(&self) -> Res<String> {
        let v = self.ok(reqwest::Method::GET, "/", None).await?;
        Ok(format!(
            "{} ({} {}, cluster {})",
            if v["tagline"].as_str().unwrap_or("").contains("OpenSearch")
                && v["cluster_name"] == "osmem"
            {
                "osmem-server"
            } else {
                "server"
            },
            v["version"]["distribution"]
                .as_str()
                .unwrap_or("elasticsearch"),
            v["version"]["number"].as_str().unwrap_or("?"),
            v["cluster_name"].as_str().unwrap_or("?")
        ))
    }
}

/// `_bulk` index body of generated rows `from..=to` into `index`, `qty_bump` changing `qty` (the
/// re-index of step 2 writes other values over existing ids).
fn bulk_body(index: &str, schema: &TableSchema, from: u64, to: u64, qty_bump: bool) -> Res<String> {
    let mut out = String::new();
    for seq in from..=to {
        let mut d = synth_doc(schema, seq);
        if qty_bump {
            d.insert("qty", ((seq + 1) % 100) as i32);
        }
        let src = to_source(&d, &[])?;
        out.push_str(&json!({"index": {"_index": index, "_id": seq.to_string()}}).to_string());
        out.push('\n');
        out.push_str(&src);
        out.push('\n');
    }
    Ok(out)
}

/// Index generated rows `from..=to` into `index`, `ES_BULK` per request; only the requests are
/// timed.
async fn es_write(
    es: &Es,
    index: &str,
    schema: &TableSchema,
    from: u64,
    to: u64,
    qty_bump: bool,
) -> Res<Duration> {
    let mut spent = Duration::ZERO;
    let mut seq = from;
    while seq <= to {
        let end = (seq + ES_BULK as u64 - 1).min(to);
        let body = bulk_body(index, schema, seq, end, qty_bump)?;
        let t = Instant::now();
        es.bulk(body).await?;
        spent += t.elapsed();
        seq = end + 1;
    }
    Ok(spent)
}

/// Raw read of a whole index: PIT + `search_after` sorted on `_id` (what shark's ES source does
/// on OpenSearch), `PAGE` hits per page, each answer parsed; a scroll when there is no PIT.
/// Returns (documents, "pit" | "scroll").
async fn es_read(es: &Es, index: &str) -> Res<(u64, &'static str)> {
    let (st, v) = es
        .call(
            reqwest::Method::POST,
            &format!("/{index}/_search/point_in_time?keep_alive=1m"),
            None,
        )
        .await?;
    let mut total = 0u64;
    if st == 200
        && let Some(pit) = v["pit_id"].as_str()
    {
        let mut after: Option<Json> = None;
        loop {
            let mut body = json!({
                "size": PAGE, "sort": [{"_id": "asc"}], "track_total_hits": false,
                "pit": {"id": pit, "keep_alive": "1m"},
            });
            if let Some(a) = &after {
                body["search_after"] = a.clone();
            }
            let page = es.ok(reqwest::Method::POST, "/_search", Some(body)).await?;
            let hits = page["hits"]["hits"].as_array().ok_or("no hits")?;
            total += hits.len() as u64;
            after = hits.last().map(|h| h["sort"].clone());
            if hits.len() < PAGE {
                break;
            }
        }
        let _ = es
            .call(
                reqwest::Method::DELETE,
                "/_search/point_in_time",
                Some(json!({"pit_id": [pit]}).to_string()),
            )
            .await;
        return Ok((total, "pit"));
    }
    let mut page = es
        .ok(
            reqwest::Method::POST,
            &format!("/{index}/_search?scroll=1m"),
            Some(json!({"size": PAGE, "sort": ["_doc"]})),
        )
        .await?;
    loop {
        let n = page["hits"]["hits"].as_array().map_or(0, Vec::len);
        if n == 0 {
            break;
        }
        total += n as u64;
        let sid = page["_scroll_id"]
            .as_str()
            .ok_or("no _scroll_id")?
            .to_string();
        page = es
            .ok(
                reqwest::Method::POST,
                "/_search/scroll",
                Some(json!({"scroll": "1m", "scroll_id": sid})),
            )
            .await?;
    }
    Ok((total, "scroll"))
}

// ---- the target MariaDB -------------------------------------------------------------------------

/// Multi-row INSERTs of generated rows `from..=to` into `RAW_DB.TABLE`, `PAGE` rows per
/// statement, each in its own transaction; `upsert` adds `ON DUPLICATE KEY UPDATE` of every
/// non-key column (and changes `qty`, so the rows do change). Only the statements are timed.
async fn mysql_write(c: &mut mysql_async::Conn, from: u64, to: u64, upsert: bool) -> Res<Duration> {
    const COLS: [&str; 8] = [
        "id",
        "customer_id",
        "status",
        "qty",
        "sku",
        "amount",
        "created_at",
        "note",
    ];
    let suffix = if upsert {
        let set: Vec<String> = COLS[1..]
            .iter()
            .map(|c| format!("`{c}` = VALUES(`{c}`)"))
            .collect();
        format!(" ON DUPLICATE KEY UPDATE {}", set.join(", "))
    } else {
        String::new()
    };
    let mut spent = Duration::ZERO;
    let mut seq = from;
    while seq <= to {
        let end = (seq + PAGE as u64 - 1).min(to);
        let mut sql = format!(
            "INSERT INTO {RAW_DB}.{TABLE} (`{}`) VALUES ",
            COLS.join("`, `")
        );
        for s in seq..=end {
            let mut row = synth_row(s);
            if upsert {
                row[3] = mysql_async::Value::Int(((s + 1) % 100) as i64);
            }
            if s > seq {
                sql.push(',');
            }
            sql.push('(');
            let vals: Vec<String> = row.iter().map(|v| v.as_sql(false)).collect();
            sql.push_str(&vals.join(","));
            sql.push(')');
        }
        sql.push_str(&suffix);
        let t = Instant::now();
        c.query_drop("START TRANSACTION").await?;
        c.query_drop(sql).await?;
        c.query_drop("COMMIT").await?;
        spent += t.elapsed();
        seq = end + 1;
    }
    Ok(spent)
}

async fn mysql_count(c: &mut mysql_async::Conn, table: &str) -> Res<u64> {
    let n: Option<u64> = c
        .query_first(format!("SELECT COUNT(*) FROM {table}"))
        .await?;
    Ok(n.unwrap_or(0))
}

async fn mysql_version(c: &mut mysql_async::Conn) -> Res<String> {
    let v: Option<String> = c.query_first("SELECT VERSION()").await?;
    Ok(v.unwrap_or_default())
}

// ---- raw limits ----------------------------------------------------------------------------------

/// One pass of the raw limits (step 2 / step 6), rates per second.
struct Raw {
    mysql_read: f64,
    es_read: f64,
    es_read_how: &'static str,
    mysql_write: f64,
    es_write: f64,
    mysql_upsert: f64,
    es_reindex: f64,
}

#[allow(clippy::too_many_arguments)]
async fn raw_pass(
    label: &str,
    src_opts: mysql_async::Opts,
    tgt: &mut mysql_async::Conn,
    es: &Es,
    schema: &TableSchema,
    mapping: &Json,
    rows: u64,
    updates: u64,
    t0: Instant,
) -> Res<Raw> {
    let t = Instant::now();
    let n = raw_read(src_opts, schema).await?;
    if n != rows {
        return Err(format!("raw read saw {n} rows, expected {rows}").into());
    }
    let mysql_read = rate(n, t.elapsed().as_secs_f64());
    let t = Instant::now();
    let (n, es_read_how) = es_read(es, ES_SRC).await?;
    if n != rows {
        return Err(format!("raw index read saw {n} documents, expected {rows}").into());
    }
    let es_read_rate = rate(n, t.elapsed().as_secs_f64());

    tgt.query_drop(format!("DROP DATABASE IF EXISTS {RAW_DB}"))
        .await?;
    tgt.query_drop(format!("CREATE DATABASE {RAW_DB}")).await?;
    tgt.query_drop(format!("USE {RAW_DB}")).await?;
    tgt.query_drop(orders_ddl(TABLE)).await?;
    let mysql_write_rate = rate(rows, mysql_write(tgt, 1, rows, false).await?.as_secs_f64());
    let mysql_upsert = rate(
        updates,
        mysql_write(tgt, 1, updates, true).await?.as_secs_f64(),
    );
    tgt.query_drop(format!("DROP DATABASE {RAW_DB}")).await?;

    es.create_index(ES_RAW, mapping).await?;
    let es_write_rate = rate(
        rows,
        es_write(es, ES_RAW, schema, 1, rows, false)
            .await?
            .as_secs_f64(),
    );
    let es_reindex = rate(
        updates,
        es_write(es, ES_RAW, schema, 1, updates, true)
            .await?
            .as_secs_f64(),
    );
    let indexed = es.count(ES_RAW).await?;
    if indexed != rows {
        return Err(format!("raw _bulk left {indexed} documents, expected {rows}").into());
    }
    es.drop_index(ES_RAW).await?;
    let r = Raw {
        mysql_read,
        es_read: es_read_rate,
        es_read_how,
        mysql_write: mysql_write_rate,
        es_write: es_write_rate,
        mysql_upsert,
        es_reindex,
    };
    step(
        t0,
        &format!(
            "raw {label}: read MySQL {} rows/s, read ES {} docs/s ({es_read_how}), write MySQL {} rows/s, \
             _bulk ES {} docs/s, upsert MySQL {} rows/s, re-index ES {} docs/s",
            fmt_rate(r.mysql_read),
            fmt_rate(r.es_read),
            fmt_rate(r.mysql_write),
            fmt_rate(r.es_write),
            fmt_rate(r.mysql_upsert),
            fmt_rate(r.es_reindex)
        ),
    );
    Ok(r)
}

// ---- CDC lag --------------------------------------------------------------------------------------

/// Where the lag poller looks for the rows.
enum LagSink<'a> {
    Es {
        es: &'a Es,
        index: String,
    },
    Mysql {
        opts: mysql_async::Opts,
        table: String,
    },
}

/// A connection of the poller (MySQL) or nothing (HTTP).
enum Probe<'a> {
    Es(&'a Es, String),
    Mysql(mysql_async::Conn, String),
}

impl LagSink<'_> {
    fn name(&self) -> &'static str {
        match self {
            LagSink::Es { .. } => "Elasticsearch (osmem)",
            LagSink::Mysql { .. } => "MySQL (target MariaDB)",
        }
    }

    async fn probe(&self) -> Res<Probe<'_>> {
        Ok(match self {
            LagSink::Es { es, index } => Probe::Es(es, index.clone()),
            LagSink::Mysql { opts, table } => {
                Probe::Mysql(mysql_async::Conn::new(opts.clone()).await?, table.clone())
            }
        })
    }
}

impl lag::Probe for Probe<'_> {
    async fn seen(&mut self, from: u64, to: u64) -> Res<Vec<u64>> {
        match self {
            Probe::Es(es, index) => {
                let ids: Vec<String> = (from..=to).map(|i| i.to_string()).collect();
                let v = es
                    .ok(
                        reqwest::Method::POST,
                        &format!("/{index}/_mget"),
                        Some(json!({ "ids": ids })),
                    )
                    .await?;
                Ok(v["docs"]
                    .as_array()
                    .map(|d| {
                        d.iter()
                            .filter(|x| x["found"] == json!(true))
                            .filter_map(|x| x["_id"].as_str()?.parse().ok())
                            .collect()
                    })
                    .unwrap_or_default())
            }
            Probe::Mysql(c, table) => Ok(c
                .exec(
                    format!("SELECT id FROM {table} WHERE id BETWEEN ? AND ?"),
                    (from, to),
                )
                .await?),
        }
    }
}

// ---- the directions ------------------------------------------------------------------------------

#[derive(Clone, Copy, PartialEq)]
enum Side {
    Mysql,
    Es,
}

struct Direction {
    task: &'static str,
    label: &'static str,
    source: Side,
    sink: Side,
}

const DIRECTIONS: [Direction; 4] = [
    Direction {
        task: "me",
        label: "MySQL -> Elasticsearch",
        source: Side::Mysql,
        sink: Side::Es,
    },
    Direction {
        task: "mm",
        label: "MySQL -> MySQL",
        source: Side::Mysql,
        sink: Side::Mysql,
    },
    Direction {
        task: "em",
        label: "Elasticsearch -> MySQL",
        source: Side::Es,
        sink: Side::Mysql,
    },
    Direction {
        task: "ee",
        label: "Elasticsearch -> Elasticsearch",
        source: Side::Es,
        sink: Side::Es,
    },
];

/// The `sync create` arguments after `--source`, and where the copy lands (for the count).
fn task_args(d: &Direction) -> (Vec<String>, Target) {
    let s = |x: &str| x.to_string();
    match (d.source, d.sink) {
        (Side::Mysql, Side::Es) => (
            vec![
                s("src"),
                s("--target"),
                s("es"),
                s("--tables"),
                format!("{DB}.{TABLE}"),
            ],
            Target::Index(format!("{DB}.{TABLE}")),
        ),
        (Side::Mysql, Side::Mysql) => (
            vec![
                s("src"),
                s("--target"),
                s("dst"),
                s("--tables"),
                format!("{DB}.{TABLE}"),
                s("--target-db"),
                s(MM_DB),
            ],
            Target::Table(format!("{MM_DB}.{TABLE}")),
        ),
        (Side::Es, Side::Mysql) => (
            vec![
                s("es"),
                s("--target"),
                s("dst"),
                s("--tables"),
                s(ES_SRC),
                s("--target-db"),
                s(EM_DB),
            ],
            Target::Table(format!("{EM_DB}.`{ES_SRC}`")),
        ),
        (Side::Es, Side::Es) => (
            vec![
                s("es"),
                s("--target"),
                s("es"),
                s("--tables"),
                s(ES_SRC),
                s("--target-db"),
                s(EE_DB),
            ],
            Target::Index(format!("{EE_DB}.{ES_SRC}")),
        ),
    }
}

enum Target {
    Index(String),
    Table(String),
}

struct CopyRun {
    measured: Measured,
    rate: f64,
}

struct CdcRun {
    task: &'static str,
    label: &'static str,
    sink: Side,
    events: u64,
    measured: Measured,
    /// Wall time of the same command with nothing to catch up (its fixed cost).
    empty_secs: f64,
    /// events / wall time of the catch-up, start-up included.
    rate: f64,
    /// events / (wall time - `empty_secs`): the rate of the apply itself.
    net: f64,
}

fn side_name(s: Side) -> &'static str {
    match s {
        Side::Mysql => "MySQL",
        Side::Es => "ES",
    }
}

#[tokio::main]
async fn main() -> Res<()> {
    // `cargo bench` passes --bench; anything else (cargo test --all-targets) must not run this
    if !std::env::args().any(|a| a == "--bench") {
        eprintln!(
            "benches/sync_matrix.rs runs by hand: `cargo bench --bench sync_matrix` or benches/sync_matrix.sh"
        );
        return Ok(());
    }
    let t0 = Instant::now();
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let rows = env_num("SHARK_BENCH_ROWS", 200_000);
    let updates = env_num("SHARK_BENCH_UPDATES", rows).min(rows);
    let lag_rate = env_num("SHARK_BENCH_LAG_RATE", 500);
    let lag_secs = env_num("SHARK_BENCH_LAG_SECS", 20);
    let load_before = load();
    let bin = std::env::var_os("SHARK_BENCH_SHARK")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_BIN_EXE_shark")));

    // the servers: the MariaDB instances and osmem-server only
    let vars = common::infra(
        &root,
        "target/bench-matrix-infra",
        "mongo,zookeeper,redis,prometheus,s3,opensearch,es7,llm,slack,kube",
        &[],
    )?;
    let key = |k: &str| {
        vars.get(k)
            .cloned()
            .ok_or_else(|| format!("{k} missing from {}/env", vars["DIR"]))
    };
    let src_port: u16 = key("SHARK_T_MYSQL_PORT")?.parse()?;
    let tgt_port: u16 = key("SHARK_T_MYSQL_TARGET_PORT")?.parse()?;
    let es_url = key("SHARK_T_ES_URL")?;
    let es = Es::new(&es_url)?;
    let mut src = mysql_async::Conn::new(mysql_opts(src_port, "root", None)).await?;
    let mut tgt = mysql_async::Conn::new(mysql_opts(tgt_port, "root", None)).await?;
    let versions = format!(
        "source MariaDB {} (:{src_port}), target MariaDB {} (:{tgt_port}), {} at {es_url}",
        mysql_version(&mut src).await?,
        mysql_version(&mut tgt).await?,
        es.version().await?
    );
    step(
        t0,
        &format!(
            "servers up ({}): {versions}; shark = {}, {load_before}",
            vars["DIR"],
            bin.display()
        ),
    );

    // 1. the source table and the source index
    for db in [MM_DB, EM_DB, LAG_DB, RAW_DB] {
        tgt.query_drop(format!("DROP DATABASE IF EXISTS {db}"))
            .await?;
    }
    for index in [
        ES_SRC.to_string(),
        ES_RAW.to_string(),
        format!("{DB}.{TABLE}"),
        format!("{DB}.{LAG_ES}"),
        format!("{EE_DB}.{ES_SRC}"),
    ] {
        es.drop_index(&index).await?;
    }
    let t = Instant::now();
    create_orders(&mut src, DB, TABLE, rows).await?;
    for lag in [LAG_ES, LAG_MY] {
        src.query_drop(format!(
            "CREATE TABLE {DB}.{lag} (
               id BIGINT NOT NULL PRIMARY KEY,
               n INT NOT NULL,
               note VARCHAR(64) NOT NULL,
               at DATETIME(6) NOT NULL
             ) ENGINE=InnoDB"
        ))
        .await?;
    }
    step(
        t0,
        &format!(
            "generated {DB}.{TABLE}: {rows} rows in {:.1}s",
            t.elapsed().as_secs_f64()
        ),
    );
    let schema = schema::load(&mut src, DB, TABLE, Default::default())
        .await?
        .ok_or("generated table not found")?;
    // the source index: the mapping shark derives for the table, the documents it would write
    let mapping = es_mapping::derive(&schema, None);
    let t = Instant::now();
    es.create_index(ES_SRC, &mapping).await?;
    es_write(&es, ES_SRC, &schema, 1, rows, false).await?;
    let indexed = es.count(ES_SRC).await?;
    if indexed != rows {
        return Err(format!("source index holds {indexed} documents, expected {rows}").into());
    }
    step(
        t0,
        &format!(
            "generated index {ES_SRC}: {rows} documents in {:.1}s (refreshed)",
            t.elapsed().as_secs_f64()
        ),
    );
    let src_opts = mysql_opts(src_port, "shark", Some("shark"));

    // 2. raw limits, pass 1
    let raw1 = raw_pass(
        "pass 1",
        src_opts.clone(),
        &mut tgt,
        &es,
        &schema,
        &mapping,
        rows,
        updates,
        t0,
    )
    .await?;

    // 3. shark full copies
    let dir = PathBuf::from(&vars["DIR"]).join("shark-bench-matrix");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir)?;
    let shark = Shark { bin, dir };
    let src_url = format!("mysql://shark@127.0.0.1:{src_port}/");
    let tgt_url = format!("mysql://shark@127.0.0.1:{tgt_port}/");
    for (name, url) in [("src", &src_url), ("dst", &tgt_url)] {
        shark.ok(
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
        )?;
    }
    shark.ok(
        &[
            "conn",
            "add",
            "es",
            "--kind",
            "elasticsearch",
            "--url",
            &es_url,
        ],
        None,
    )?;
    let mut copies = Vec::new();
    for d in &DIRECTIONS {
        let (args, target) = task_args(d);
        let mut a = vec!["sync", "create", d.task, "--source"];
        a.extend(args.iter().map(String::as_str));
        shark.ok(&a, None)?;
        let m = shark.measured(
            &format!("copy-{}", d.task),
            &["sync", "run", d.task, "--once"],
        )?;
        let copied = match &target {
            Target::Index(i) => es.count(i).await?,
            Target::Table(t) => mysql_count(&mut tgt, t).await?,
        };
        if copied != rows {
            return Err(
                format!("{}: the sink holds {copied} rows, expected {rows}", d.label).into(),
            );
        }
        let r = rate(rows, m.secs);
        step(
            t0,
            &format!(
                "shark {}: {} rows/s ({:.1}s, peak RSS {:.1} MB)",
                d.label,
                fmt_rate(r),
                m.secs,
                m.peak_rss_kb as f64 / 1024.0
            ),
        );
        copies.push(CopyRun {
            measured: m,
            rate: r,
        });
    }

    // 4. binlog CDC: M row updates, then a --once catch-up of each MySQL-source task
    let t = Instant::now();
    let mut changed = 0u64;
    let mut id = 0u64;
    while id < updates {
        let to = (id + PAGE as u64).min(updates);
        src.query_drop(format!(
            "UPDATE {DB}.{TABLE} SET qty = (qty + 1) % 100, amount = amount + 0.01 WHERE id > {id} AND id <= {to}"
        ))
        .await?;
        changed += src.affected_rows();
        id = to;
    }
    step(
        t0,
        &format!("{changed} row updates in {:.1}s", t.elapsed().as_secs_f64()),
    );
    let want_qty: Option<i64> = src
        .query_first(format!("SELECT qty FROM {DB}.{TABLE} WHERE id = {updates}"))
        .await?;
    let mut cdcs = Vec::new();
    for d in DIRECTIONS.iter().filter(|d| d.source == Side::Mysql) {
        let before = shark.events(d.task);
        let m = shark.measured(
            &format!("cdc-{}", d.task),
            &["sync", "run", d.task, "--once"],
        )?;
        let events = shark.events(d.task).saturating_sub(before);
        // the same command with nothing to catch up: start-up, connections, schema load and
        // the head position, i.e. what the catch-up spent before its first event
        let empty = shark.measured(
            &format!("cdc-empty-{}", d.task),
            &["sync", "run", d.task, "--once"],
        )?;
        // the last updated row has its new value in the sink
        let got: Option<i64> = match d.sink {
            Side::Es => es
                .ok(
                    reqwest::Method::GET,
                    &format!("/{DB}.{TABLE}/_doc/{updates}"),
                    None,
                )
                .await?["_source"]["qty"]
                .as_i64(),
            Side::Mysql => {
                tgt.query_first(format!(
                    "SELECT qty FROM {MM_DB}.{TABLE} WHERE id = {updates}"
                ))
                .await?
            }
        };
        if got != want_qty {
            return Err(format!(
                "{}: after the CDC run row {updates} has qty {got:?} in the sink, {want_qty:?} in the source",
                d.label
            )
            .into());
        }
        let r = rate(events, m.secs);
        let applying = (m.secs - empty.secs).max(1e-3);
        let net = rate(events, applying);
        step(
            t0,
            &format!(
                "shark CDC {}: {events} events in {:.2}s = {} events/s; a run with nothing to \
                 catch up takes {:.2}s, so {:.2}s applying = {} events/s",
                d.label,
                m.secs,
                fmt_rate(r),
                empty.secs,
                applying,
                fmt_rate(net)
            ),
        );
        cdcs.push(CdcRun {
            task: d.task,
            label: d.label,
            sink: d.sink,
            events,
            measured: m,
            empty_secs: empty.secs,
            rate: r,
            net,
        });
    }

    // 5. CDC lag of a follower into each sink
    let mut lags = Vec::new();
    if lag_rate > 0 && lag_secs > 0 {
        for (task, table, target, sink) in [
            (
                "lag_es",
                LAG_ES,
                "es",
                LagSink::Es {
                    es: &es,
                    index: format!("{DB}.{LAG_ES}"),
                },
            ),
            (
                "lag_my",
                LAG_MY,
                "dst",
                LagSink::Mysql {
                    opts: mysql_opts(tgt_port, "root", None),
                    table: format!("{LAG_DB}.{LAG_MY}"),
                },
            ),
        ] {
            let tables = format!("{DB}.{table}");
            let mut a = vec![
                "sync", "create", task, "--source", "src", "--target", target, "--tables", &tables,
            ];
            if target == "dst" {
                a.extend(["--target-db", LAG_DB]);
            }
            shark.ok(&a, None)?;
            let run = LagRun {
                shark: &shark,
                task,
                src_opts: src_opts.clone(),
                src_table: format!("{DB}.{table}"),
                per_sec: lag_rate,
                secs: lag_secs,
                t0,
            };
            let lag = run.measure(sink.name(), sink.probe().await?).await?;
            step(
                t0,
                &format!(
                    "CDC lag into {} at {}/s: p50 {:.1} ms, p95 {:.1} ms, {} missing",
                    lag.sink,
                    lag.rate,
                    percentile(&lag.lags_ms, 50.0),
                    percentile(&lag.lags_ms, 95.0),
                    lag.missing
                ),
            );
            lags.push(lag);
        }
    }

    // 6. raw limits, pass 2, with shark's targets gone (as in pass 1)
    for db in [MM_DB, EM_DB, LAG_DB] {
        tgt.query_drop(format!("DROP DATABASE IF EXISTS {db}"))
            .await?;
    }
    for index in [
        format!("{DB}.{TABLE}"),
        format!("{DB}.{LAG_ES}"),
        format!("{EE_DB}.{ES_SRC}"),
    ] {
        es.drop_index(&index).await?;
    }
    let raw2 = raw_pass(
        "pass 2",
        src_opts.clone(),
        &mut tgt,
        &es,
        &schema,
        &mapping,
        rows,
        updates,
        t0,
    )
    .await?;
    es.drop_index(ES_SRC).await?;
    src.disconnect().await?;
    tgt.disconnect().await?;

    // 7. summary
    let load_after = load();
    let mean = |f: fn(&Raw) -> f64| (f(&raw1) + f(&raw2)) / 2.0;
    let read_of = |s: Side| match s {
        Side::Mysql => mean(|r| r.mysql_read),
        Side::Es => mean(|r| r.es_read),
    };
    let write_of = |s: Side| match s {
        Side::Mysql => mean(|r| r.mysql_write),
        Side::Es => mean(|r| r.es_write),
    };
    let mb = |kb: u64| kb as f64 / 1024.0;
    println!();
    println!(
        "shark sync matrix benchmark: {rows} rows ({DB}.{TABLE}, 8 columns) / {rows} documents (index {ES_SRC}), \
         {changed} row updates, page {PAGE}, ES _bulk {ES_BULK}"
    );
    println!("servers: {versions}");
    println!("machine: {load_before} before, {load_after} after (1-min load average)");
    let rule = "-".repeat(118);
    println!("{rule}");
    println!(
        "{:<50} {:>12} {:>12} {:>12}",
        "raw limits (same servers, same run)", "pass 1 /s", "pass 2 /s", "mean /s"
    );
    let raw_line = |name: &str, f: fn(&Raw) -> f64| {
        println!(
            "{name:<50} {:>12} {:>12} {:>12}",
            fmt_rate(f(&raw1)),
            fmt_rate(f(&raw2)),
            fmt_rate(mean(f))
        );
    };
    raw_line("raw read MySQL (keyset SELECT, pages of 2000)", |r| {
        r.mysql_read
    });
    raw_line(
        &format!(
            "raw read ES ({} on _id, pages of 2000)",
            if raw1.es_read_how == "pit" {
                "PIT + search_after"
            } else {
                "scroll"
            }
        ),
        |r| r.es_read,
    );
    raw_line("raw write MySQL (INSERT 2000 rows/transaction)", |r| {
        r.mysql_write
    });
    raw_line("raw write ES (_bulk index, 1000 docs/request)", |r| {
        r.es_write
    });
    raw_line(
        &format!("raw upsert MySQL (ON DUPLICATE KEY, 2000/txn; {updates})"),
        |r| r.mysql_upsert,
    );
    raw_line(
        &format!("raw re-index ES (_bulk over existing ids; {updates})"),
        |r| r.es_reindex,
    );
    println!("{rule}");
    println!(
        "{:<31} {:>10} {:>7} {:>10} {:>10} {:>11} {:>7} {:>7} {:>5} {:>7} {:>9}",
        "full copy (sync run --once)",
        "shark /s",
        "wall s",
        "raw read",
        "raw write",
        "limit by",
        "ratio",
        "target",
        "",
        "cpu s",
        "peak RSS"
    );
    let mut ratios = Vec::new();
    for (d, c) in DIRECTIONS.iter().zip(&copies) {
        let (read, write) = (read_of(d.source), write_of(d.sink));
        let limit = read.min(write);
        let by = if read <= write {
            format!("{} read", side_name(d.source))
        } else {
            format!("{} write", side_name(d.sink))
        };
        let ratio = c.rate / limit;
        ratios.push((d.label, ratio));
        println!(
            "{:<31} {:>10} {:>7.1} {:>10} {:>10} {:>11} {:>6.1}% {:>7} {:>5} {:>7.1} {:>6.1} MB",
            d.label,
            fmt_rate(c.rate),
            c.measured.secs,
            fmt_rate(read),
            fmt_rate(write),
            by,
            ratio * 100.0,
            ">= 80%",
            verdict(ratio >= TARGET_COPY_RATIO),
            c.measured.cpu_secs,
            mb(c.measured.peak_rss_kb)
        );
    }
    println!("{rule}");
    for c in &cdcs {
        let (raw, raw_name) = match c.sink {
            Side::Es => (mean(|r| r.es_reindex), "raw re-index ES"),
            Side::Mysql => (mean(|r| r.mysql_upsert), "raw upsert MySQL"),
        };
        println!(
            "CDC catch-up {:<30} {} row events in {:.2} s = {} events/s; start-up {:.2} s (the same run with nothing to catch up), apply {} events/s; {raw_name} {} /s -> {:.1} % (apply), {:.1} % (wall); cpu {:.1} s, peak RSS {:.1} MB",
            format!("{} ({}):", c.label, c.task),
            c.events,
            c.measured.secs,
            fmt_rate(c.rate),
            c.empty_secs,
            fmt_rate(c.net),
            fmt_rate(raw),
            c.net / raw * 100.0,
            c.rate / raw * 100.0,
            c.measured.cpu_secs,
            mb(c.measured.peak_rss_kb)
        );
    }
    for l in &lags {
        println!(
            "CDC lag into {}: {} single-row INSERTs at {}/s (achieved {:.0}/s), commit -> visible \
             p50 {:.1} ms, p95 {:.1} ms, p99 {:.1} ms, max {:.1} ms; {} not seen within 30 s; \
             follower cpu {:.1} s in {:.1} s, peak RSS {:.1} MB; INSERT round trip p50 {:.2} ms",
            l.sink,
            l.statements,
            l.rate,
            l.achieved,
            percentile(&l.lags_ms, 50.0),
            percentile(&l.lags_ms, 95.0),
            percentile(&l.lags_ms, 99.0),
            l.lags_ms.last().copied().unwrap_or(f64::NAN),
            l.missing,
            l.cpu_secs,
            l.follow_secs,
            mb(l.peak_rss_kb),
            percentile(&l.stmt_ms, 50.0)
        );
    }
    println!("{rule}");
    let check = |name: &str, value: String, target: &str, ok: Option<bool>| {
        let v = ok.map(verdict).unwrap_or("");
        println!("{name:<70} {value:>14} {target:>12}   {v}");
    };
    for (label, ratio) in &ratios {
        check(
            &format!("full copy {label} / min(raw read, raw write)"),
            format!("{:.1} %", ratio * 100.0),
            ">= 80 %",
            Some(*ratio >= TARGET_COPY_RATIO),
        );
    }
    // ES → ES reads and writes one server: min(read, write) overstates what it can do for both
    // at once; its serial bound (one server doing one then the other) is shown for comparison
    if let Some((d, c)) = DIRECTIONS
        .iter()
        .zip(&copies)
        .find(|(d, _)| d.source == Side::Es && d.sink == Side::Es)
    {
        let serial = 1.0 / (1.0 / read_of(Side::Es) + 1.0 / write_of(Side::Es));
        check(
            &format!("  {} / serial bound 1/(1/read + 1/write)", d.label),
            format!("{:.1} %", c.rate / serial * 100.0),
            "-",
            None,
        );
    }
    for c in &cdcs {
        let raw = match c.sink {
            Side::Es => mean(|r| r.es_reindex),
            Side::Mysql => mean(|r| r.mysql_upsert),
        };
        // issue 20: MySQL → MySQL CDC at 0.8 × the raw upsert rate
        let target = (c.sink == Side::Mysql).then_some(TARGET_CDC_RATIO);
        check(
            &format!("CDC {} apply / raw write of the same kind", c.label),
            format!("{:.1} %", c.net / raw * 100.0),
            if target.is_some() { ">= 80 %" } else { "-" },
            target.map(|t| c.net / raw >= t),
        );
        check(
            &format!("  {} wall (start-up included) / raw write", c.label),
            format!("{:.1} %", c.rate / raw * 100.0),
            "-",
            None,
        );
    }
    for l in &lags {
        let p95 = percentile(&l.lags_ms, 95.0);
        check(
            &format!("CDC lag p95 into {} at {}/s", l.sink, l.rate),
            format!("{p95:.1} ms"),
            "< 100 ms",
            Some(p95 < TARGET_LAG_P95_MS && l.missing == 0),
        );
    }
    let peak = copies
        .iter()
        .map(|c| c.measured.peak_rss_kb)
        .chain(cdcs.iter().map(|c| c.measured.peak_rss_kb))
        .chain(lags.iter().map(|l| l.peak_rss_kb))
        .max()
        .unwrap_or(0);
    check(
        "peak RSS of shark (all runs)",
        format!("{:.1} MB", mb(peak)),
        "-",
        None,
    );
    println!(
        "(shark timings are wall time of the whole `shark sync run` process: start-up, connections, \
         schema/mapping set-up and state-file commits included; raw limits time only the calls; \
         CPU = utime+stime, RSS = VmHWM; lag = first 2 ms poll seeing the row minus the INSERT's return)"
    );
    step(t0, "done");
    Ok(())
}
