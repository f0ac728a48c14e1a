//! Self-contained HTML export: inline CSS and SVG charts, no scripts, no external resources.

use super::bytes;
use super::svg::{Series, colour, esc, gauge, severity_bars, trend, usage_bars};
use crate::inspect::model::Report;

const CSS: &str = "body{font-family:system-ui,-apple-system,Segoe UI,Helvetica,Arial,sans-serif;margin:24px auto;max-width:1100px;color:#222;padding:0 16px}\
h1{font-size:22px;margin-bottom:4px}h2{font-size:17px;margin-top:28px;border-bottom:1px solid #ddd;padding-bottom:4px}\
table{border-collapse:collapse;width:100%;font-size:13px;margin:8px 0}th,td{border:1px solid #ddd;padding:4px 6px;text-align:left;vertical-align:top}\
th{background:#f3f3f3}.badge{display:inline-block;padding:1px 8px;border-radius:10px;color:#fff;font-size:12px}\
.top{display:flex;gap:32px;align-items:center;flex-wrap:wrap}.meta{color:#555;font-size:13px}\
.analysis{white-space:pre-wrap;background:#f8f8f8;border-left:4px solid #1f77b4;padding:10px 14px;font-size:14px}\
.warnbox{background:#fff4e5;border-left:4px solid #ff7f0e;padding:6px 12px;font-size:13px}.charts{display:flex;gap:24px;flex-wrap:wrap}";

fn badge(word: &str) -> String {
    format!(
        r#"<span class="badge" style="background:{}">{}</span>"#,
        colour(word),
        esc(word)
    )
}

pub fn render(r: &Report) -> String {
    let t = &r.thresholds;
    let mut b = String::new();
    b.push_str(&format!(
        r#"<div class="top"><div>{}</div><div><h1>Inspection report #{} ({})</h1><div class="meta">{} · verdict {} · score {}/100{}</div></div></div>"#,
        gauge(r.score, &r.verdict),
        r.id,
        esc(&r.period),
        esc(&r.created_at),
        badge(&r.verdict),
        r.score,
        if r.partial { r#" · <span class="badge" style="background:#7f7f7f">partial</span>"# } else { "" }
    ));
    b.push_str(&format!(
        r#"<h2>Analysis ({})</h2><div class="analysis">{}</div>"#,
        if r.analysis.source == "llm" {
            format!(
                "AI, model {}",
                esc(r.analysis.model.as_deref().unwrap_or("?"))
            )
        } else {
            "rule-based".into()
        },
        esc(&r.analysis.text)
    ));
    if let Some(e) = &r.analysis.llm_error {
        b.push_str(&format!(
            r#"<p class="warnbox">AI analysis unavailable: {}</p>"#,
            esc(e)
        ));
    }
    b.push_str("<h2>Findings</h2>");
    if r.findings.is_empty() {
        b.push_str("<p>None.</p>");
    } else {
        b.push_str("<table><tr><th>severity</th><th>category</th><th>subject</th><th>finding</th><th>suggestion</th></tr>");
        for f in &r.findings {
            b.push_str(&format!(
                "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
                badge(f.severity.as_str()),
                esc(&f.category),
                esc(&f.subject),
                esc(&f.message),
                esc(&f.suggestion)
            ));
        }
        b.push_str("</table>");
    }
    if let Some(m) = &r.metrics {
        b.push_str(&format!("<h2>Resources ({})</h2>", esc(&m.source)));
        for i in &m.instances {
            let mut rows = vec![];
            if let Some(c) = i.cpu_pct {
                rows.push(("CPU".to_string(), c, t.cpu_warning, t.cpu_critical));
            }
            if let Some(c) = i.mem_pct {
                rows.push(("memory".to_string(), c, t.memory_warning, t.memory_critical));
            }
            for d in &i.disks {
                rows.push((
                    format!("disk {}", d.mountpoint),
                    d.used_pct,
                    t.disk_warning,
                    t.disk_critical,
                ));
            }
            b.push_str(&format!(
                "<h3>{}</h3><div class=\"charts\">{}",
                esc(&i.instance),
                usage_bars(&rows)
            ));
            let mut series: Vec<Series<'_>> = vec![];
            if let Some(tr) = &i.cpu_trend {
                series.push((
                    format!("CPU avg {:.1}% max {:.1}%", tr.avg, tr.max),
                    "#17becf",
                    &tr.points,
                ));
            }
            if let Some(tr) = &i.mem_trend {
                series.push((
                    format!("memory avg {:.1}% max {:.1}%", tr.avg, tr.max),
                    "#9467bd",
                    &tr.points,
                ));
            }
            b.push_str(&trend(&series));
            b.push_str("</div>");
            let load = |v: Option<f64>| v.map(|x| format!("{x:.2}")).unwrap_or_else(|| "–".into());
            b.push_str(&format!(
                "<p class=\"meta\">load {}/{}/{} on {} cores · {}</p>",
                load(i.load1),
                load(i.load5),
                load(i.load15),
                i.cores.map(|c| c.to_string()).unwrap_or_else(|| "?".into()),
                i.disks
                    .iter()
                    .map(|d| format!("{} {} free", esc(&d.mountpoint), bytes(d.avail_bytes)))
                    .collect::<Vec<_>>()
                    .join(" · ")
            ));
        }
        b.push_str("<h3>Scrape targets</h3><table><tr><th>job</th><th>instance</th><th>health</th><th>last error</th></tr>");
        for tg in &m.targets {
            b.push_str(&format!(
                "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
                esc(&tg.job),
                esc(&tg.instance),
                badge(&tg.health),
                esc(&tg.last_error)
            ));
        }
        b.push_str("</table>");
        if !m.alerts.is_empty() {
            b.push_str("<h3>Firing alerts</h3><table><tr><th>alert</th><th>severity</th><th>instance</th><th>since</th><th>summary</th></tr>");
            for a in &m.alerts {
                b.push_str(&format!(
                    "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
                    esc(&a.name),
                    esc(&a.severity),
                    esc(&a.instance),
                    esc(&a.active_at),
                    esc(&a.summary)
                ));
            }
            b.push_str("</table>");
        }
        for e in &m.errors {
            b.push_str(&format!(r#"<p class="warnbox">incomplete: {}</p>"#, esc(e)));
        }
    }
    if !r.health.is_empty() {
        b.push_str("<h2>Dependencies</h2><table><tr><th>name</th><th>kind</th><th>status</th><th>latency</th><th>message</th><th>suggestion</th></tr>");
        for h in &r.health {
            b.push_str(&format!(
                "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
                esc(&h.name),
                esc(&h.kind),
                badge(&h.status),
                h.latency_ms
                    .map(|l| format!("{l} ms"))
                    .unwrap_or_else(|| "–".into()),
                esc(&h.message),
                esc(h.suggestion.as_deref().unwrap_or(""))
            ));
        }
        b.push_str("</table>");
    }
    if let Some(v) = &r.vulns {
        b.push_str("<h2>Vulnerabilities</h2>");
        b.push_str(&severity_bars(&[
            ("critical", v.critical),
            ("high", v.high),
            ("medium", v.medium),
            ("low", v.low),
            ("unknown", v.unknown),
        ]));
        if !v.top.is_empty() {
            b.push_str("<table><tr><th>id</th><th>severity</th><th>package</th><th>installed</th><th>fixed in</th><th>target</th></tr>");
            for f in &v.top {
                b.push_str(&format!(
                    "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
                    esc(&f.id),
                    badge(&f.severity),
                    esc(&f.package),
                    esc(&f.installed),
                    esc(f.fixed.as_deref().unwrap_or("–")),
                    esc(&f.target)
                ));
            }
            b.push_str("</table>");
        }
    }
    format!(
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>shark inspection report #{}</title><style>{CSS}</style></head><body>{b}<p class=\"meta\">generated by shark {}</p></body></html>\n",
        r.id,
        env!("CARGO_PKG_VERSION")
    )
}
