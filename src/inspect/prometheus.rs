//! Metrics from Prometheus: per-instance CPU, memory, disk per mount, load and their trend over
//! the report period, scrape targets and firing alerts. Every query has a timeout; a failed
//! query leaves its part empty and is listed in `errors` so the report is marked partial.

use super::model::{Alert, Disk, Instance, Metrics, Target, Trend};
use crate::conn::Connection;
use crate::conn::probe::http::{join, with_auth};
use crate::conn::redact::{self, Redactor};
use std::collections::BTreeMap;
use std::time::Duration;

/// Bytes of one query answer read at most.
const MAX_ANSWER: usize = 64 * 1024 * 1024;

const FS_FILTER: &str = r#"fstype!~"tmpfs|overlay|squashfs|ramfs|devtmpfs|nsfs|autofs|fuse.*",mountpoint!~"/(proc|sys|run|dev)($|/.*)""#;

pub fn cpu_expr() -> &'static str {
    r#"100 * (1 - avg by (instance) (rate(node_cpu_seconds_total{mode="idle"}[5m])))"#
}
pub fn mem_expr() -> &'static str {
    "100 * (1 - node_memory_MemAvailable_bytes / node_memory_MemTotal_bytes)"
}

/// Series of an instant query: labels and value.
type Samples = Vec<(BTreeMap<String, String>, f64)>;
/// Puts one sample into its instance.
type Apply = dyn Fn(&mut Instance, &BTreeMap<String, String>, f64);

struct Prom<'a> {
    conn: &'a Connection,
    http: reqwest::Client,
}

impl Prom<'_> {
    async fn get(&self, path: &str, query: &[(&str, String)]) -> Result<serde_json::Value, String> {
        let req = with_auth(
            self.http.get(join(&self.conn.url, path)).query(query),
            self.conn,
        );
        let r = Redactor::for_conn(self.conn);
        let resp = req.send().await.map_err(|e| {
            let e = e.without_url();
            if e.is_timeout() {
                format!("{path}: timed out")
            } else {
                format!("{path}: {}", r.excerpt(&e.to_string()))
            }
        })?;
        let status = resp.status();
        let limit = if status.is_success() {
            MAX_ANSWER
        } else {
            redact::MAX_ERROR_BODY
        };
        let (bytes, more) = redact::read_capped(resp, limit)
            .await
            .map_err(|e| format!("{path}: {}", r.excerpt(&e.without_url().to_string())))?;
        if more && status.is_success() {
            return Err(format!(
                "{path}: the answer is larger than {} MiB",
                MAX_ANSWER >> 20
            ));
        }
        let body = String::from_utf8_lossy(&bytes);
        let v: serde_json::Value = serde_json::from_str(&body)
            .map_err(|_| format!("{path}: HTTP {status}, not JSON: {}", r.excerpt(&body)))?;
        if v["status"] != "success" {
            return Err(format!(
                "{path}: {} {}",
                v["errorType"].as_str().unwrap_or("error"),
                r.excerpt(v["error"].as_str().unwrap_or(""))
            ));
        }
        Ok(v["data"].clone())
    }

    /// Instant query: (labels, value) per series.
    async fn instant(&self, expr: &str) -> Result<Samples, String> {
        let data = self
            .get("/api/v1/query", &[("query", expr.to_string())])
            .await?;
        Ok(data["result"]
            .as_array()
            .map(|a| {
                a.iter()
                    .filter_map(|s| {
                        let labels = labels(&s["metric"]);
                        let v = s["value"][1].as_str()?.parse::<f64>().ok()?;
                        v.is_finite().then_some((labels, v))
                    })
                    .collect()
            })
            .unwrap_or_default())
    }

    /// Start of the range: the period's start, or the oldest sample Prometheus holds when that is
    /// later (a young server), so the chart's resolution is spent where there is data.
    async fn range_start(&self, end: f64, period: Duration) -> f64 {
        let start = end - period.as_secs_f64();
        match self
            .instant("min(prometheus_tsdb_lowest_timestamp_seconds)")
            .await
        {
            Ok(v) if !v.is_empty() && v[0].1 > start && v[0].1 < end => v[0].1,
            _ => start,
        }
    }

    /// Range query: samples per instance.
    async fn range(
        &self,
        expr: &str,
        start: f64,
        end: f64,
    ) -> Result<BTreeMap<String, Vec<(f64, f64)>>, String> {
        // about 120 points; a young server's few minutes still get several points
        let step = ((end - start) / 120.0).max(1.0);
        let data = self
            .get(
                "/api/v1/query_range",
                &[
                    ("query", expr.to_string()),
                    ("start", start.to_string()),
                    ("end", end.to_string()),
                    ("step", step.to_string()),
                ],
            )
            .await?;
        let mut out = BTreeMap::new();
        for s in data["result"].as_array().into_iter().flatten() {
            let inst = s["metric"]["instance"].as_str().unwrap_or("").to_string();
            let pts: Vec<(f64, f64)> = s["values"]
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(|p| {
                    Some((
                        p[0].as_f64()?,
                        p[1].as_str()?
                            .parse::<f64>()
                            .ok()
                            .filter(|v| v.is_finite())?,
                    ))
                })
                .collect();
            out.insert(inst, pts);
        }
        Ok(out)
    }
}

fn labels(m: &serde_json::Value) -> BTreeMap<String, String> {
    m.as_object()
        .map(|o| {
            o.iter()
                .map(|(k, v)| (k.clone(), v.as_str().unwrap_or("").to_string()))
                .collect()
        })
        .unwrap_or_default()
}

/// Summarise samples: min/avg/max and a least-squares slope per hour.
pub fn trend(points: Vec<(f64, f64)>) -> Option<Trend> {
    if points.is_empty() {
        return None;
    }
    let n = points.len() as f64;
    let (min, max) = points
        .iter()
        .fold((f64::MAX, f64::MIN), |(a, b), p| (a.min(p.1), b.max(p.1)));
    let avg = points.iter().map(|p| p.1).sum::<f64>() / n;
    let tx = points.iter().map(|p| p.0).sum::<f64>() / n;
    let cov: f64 = points.iter().map(|p| (p.0 - tx) * (p.1 - avg)).sum();
    let var: f64 = points.iter().map(|p| (p.0 - tx).powi(2)).sum();
    let slope = if var > 0.0 { cov / var * 3600.0 } else { 0.0 };
    Some(Trend {
        min,
        avg,
        max,
        slope_per_hour: slope,
        points,
    })
}

/// Collect everything; never fails as a whole (errors are recorded in the result).
pub async fn collect(conn: &Connection, period: Duration, timeout: Duration) -> Metrics {
    let http = match reqwest::Client::builder()
        .timeout(timeout)
        .connect_timeout(timeout)
        .build()
    {
        Ok(h) => h,
        Err(e) => {
            return Metrics {
                source: conn.name.clone(),
                instances: vec![],
                targets: vec![],
                alerts: vec![],
                errors: vec![e.to_string()],
            };
        }
    };
    let p = Prom { conn, http };
    let mut errors = vec![];
    let mut inst: BTreeMap<String, Instance> = BTreeMap::new();
    let disk_expr = format!(
        "100 * (1 - node_filesystem_avail_bytes{{{FS_FILTER}}} / node_filesystem_size_bytes{{{FS_FILTER}}})"
    );
    let avail_expr = format!("node_filesystem_avail_bytes{{{FS_FILTER}}}");
    let cores_expr = r#"count by (instance) (node_cpu_seconds_total{mode="idle"})"#;
    let active = [("state", "active".to_string())];
    let end = chrono::Utc::now().timestamp() as f64;
    let start = p.range_start(end, period).await;
    let (cpu, mem, disk, avail, l1, l5, l15, cores, cpu_r, mem_r, targets, alerts) = tokio::join!(
        p.instant(cpu_expr()),
        p.instant(mem_expr()),
        p.instant(&disk_expr),
        p.instant(&avail_expr),
        p.instant("node_load1"),
        p.instant("node_load5"),
        p.instant("node_load15"),
        p.instant(cores_expr),
        p.range(cpu_expr(), start, end),
        p.range(mem_expr(), start, end),
        p.get("/api/v1/targets", &active),
        p.get("/api/v1/alerts", &[]),
    );
    let mut put = |res: Result<Samples, String>, what: &str, f: &Apply| match res {
        Ok(series) => {
            for (l, v) in series {
                let name = l.get("instance").cloned().unwrap_or_default();
                let e = inst.entry(name.clone()).or_insert_with(|| Instance {
                    instance: name,
                    ..Default::default()
                });
                f(e, &l, v);
            }
        }
        Err(e) => errors.push(format!("{what}: {e}")),
    };
    put(cpu, "cpu", &|i, _, v| i.cpu_pct = Some(v));
    put(mem, "memory", &|i, _, v| i.mem_pct = Some(v));
    put(l1, "load1", &|i, _, v| i.load1 = Some(v));
    put(l5, "load5", &|i, _, v| i.load5 = Some(v));
    put(l15, "load15", &|i, _, v| i.load15 = Some(v));
    put(cores, "cores", &|i, _, v| i.cores = Some(v));
    put(disk, "disk", &|i, l, v| {
        let mp = l.get("mountpoint").cloned().unwrap_or_default();
        if !i.disks.iter().any(|d| d.mountpoint == mp) {
            i.disks.push(Disk {
                mountpoint: mp,
                used_pct: v,
                avail_bytes: None,
            });
        }
    });
    put(avail, "disk available", &|i, l, v| {
        let mp = l.get("mountpoint").map(String::as_str).unwrap_or("");
        if let Some(d) = i.disks.iter_mut().find(|d| d.mountpoint == mp) {
            d.avail_bytes = Some(v);
        }
    });
    for (res, what, is_cpu) in [(cpu_r, "cpu trend", true), (mem_r, "memory trend", false)] {
        match res {
            Ok(by_inst) => {
                for (name, pts) in by_inst {
                    if let Some(i) = inst.get_mut(&name) {
                        let t = trend(pts);
                        if is_cpu {
                            i.cpu_trend = t
                        } else {
                            i.mem_trend = t
                        }
                    }
                }
            }
            Err(e) => errors.push(format!("{what}: {e}")),
        }
    }
    let targets = match targets {
        Ok(d) => d["activeTargets"]
            .as_array()
            .into_iter()
            .flatten()
            .map(|t| Target {
                job: t["labels"]["job"].as_str().unwrap_or("").to_string(),
                instance: t["labels"]["instance"].as_str().unwrap_or("").to_string(),
                health: t["health"].as_str().unwrap_or("unknown").to_string(),
                last_error: t["lastError"].as_str().unwrap_or("").to_string(),
            })
            .collect(),
        Err(e) => {
            errors.push(format!("targets: {e}"));
            vec![]
        }
    };
    let alerts = match alerts {
        Ok(d) => d["alerts"]
            .as_array()
            .into_iter()
            .flatten()
            .filter(|a| a["state"] == "firing")
            .map(|a| Alert {
                name: a["labels"]["alertname"].as_str().unwrap_or("").to_string(),
                severity: a["labels"]["severity"].as_str().unwrap_or("").to_string(),
                state: a["state"].as_str().unwrap_or("").to_string(),
                instance: a["labels"]["instance"].as_str().unwrap_or("").to_string(),
                summary: a["annotations"]["summary"]
                    .as_str()
                    .or(a["annotations"]["description"].as_str())
                    .unwrap_or("")
                    .to_string(),
                active_at: a["activeAt"].as_str().unwrap_or("").to_string(),
            })
            .collect(),
        Err(e) => {
            errors.push(format!("alerts: {e}"));
            vec![]
        }
    };
    Metrics {
        source: conn.name.clone(),
        instances: inst.into_values().collect(),
        targets,
        alerts,
        errors,
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn trend_slope_is_per_hour() {
        let t = super::trend(vec![(0.0, 10.0), (1800.0, 15.0), (3600.0, 20.0)]).unwrap();
        assert!((t.slope_per_hour - 10.0).abs() < 1e-9);
        assert_eq!((t.min, t.max), (10.0, 20.0));
        assert!((t.avg - 15.0).abs() < 1e-9);
    }
}
