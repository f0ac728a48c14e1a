//! Markdown export.

use super::{bytes, pct};
use crate::inspect::model::Report;

fn cell(s: &str) -> String {
    s.replace('|', "\\|").replace('\n', " ")
}

pub fn render(r: &Report) -> String {
    let mut s = format!(
        "# Inspection report #{} ({})\n\n{} · verdict **{}** · score **{}/100**{}\n\n",
        r.id,
        r.period,
        r.created_at,
        r.verdict.to_uppercase(),
        r.score,
        if r.partial {
            " · *partial: some data could not be collected*"
        } else {
            ""
        }
    );
    s.push_str(&format!(
        "## Analysis ({})\n\n{}\n\n",
        if r.analysis.source == "llm" {
            format!("AI, model {}", r.analysis.model.as_deref().unwrap_or("?"))
        } else {
            "rule-based".to_string()
        },
        r.analysis.text
    ));
    if let Some(e) = &r.analysis.llm_error {
        s.push_str(&format!("> AI analysis unavailable: {e}\n\n"));
    }
    s.push_str("## Findings\n\n");
    if r.findings.is_empty() {
        s.push_str("None.\n\n");
    } else {
        s.push_str(
            "| severity | category | subject | finding | suggestion |\n|---|---|---|---|---|\n",
        );
        for f in &r.findings {
            s.push_str(&format!(
                "| {} | {} | {} | {} | {} |\n",
                f.severity.as_str(),
                f.category,
                cell(&f.subject),
                cell(&f.message),
                cell(&f.suggestion)
            ));
        }
        s.push('\n');
    }
    if let Some(m) = &r.metrics {
        s.push_str(&format!("## Metrics ({})\n\n| instance | CPU | memory | load 1/5/15 | disks |\n|---|---|---|---|---|\n", m.source));
        for i in &m.instances {
            let disks: Vec<String> = i
                .disks
                .iter()
                .map(|d| {
                    format!(
                        "{} {:.1}% ({} free)",
                        d.mountpoint,
                        d.used_pct,
                        bytes(d.avail_bytes)
                    )
                })
                .collect();
            let load = |v: Option<f64>| v.map(|x| format!("{x:.2}")).unwrap_or_else(|| "–".into());
            s.push_str(&format!(
                "| {} | {} | {} | {}/{}/{} | {} |\n",
                cell(&i.instance),
                pct(i.cpu_pct),
                pct(i.mem_pct),
                load(i.load1),
                load(i.load5),
                load(i.load15),
                cell(&disks.join(", "))
            ));
        }
        s.push_str("\n| job | instance | health | last error |\n|---|---|---|---|\n");
        for t in &m.targets {
            s.push_str(&format!(
                "| {} | {} | {} | {} |\n",
                t.job,
                t.instance,
                t.health,
                cell(&t.last_error)
            ));
        }
        if !m.alerts.is_empty() {
            s.push_str("\n| firing alert | severity | instance | since |\n|---|---|---|---|\n");
            for a in &m.alerts {
                s.push_str(&format!(
                    "| {} | {} | {} | {} |\n",
                    a.name, a.severity, a.instance, a.active_at
                ));
            }
        }
        for e in &m.errors {
            s.push_str(&format!("\n*incomplete:* {}\n", cell(e)));
        }
        s.push('\n');
    }
    if !r.health.is_empty() {
        s.push_str("## Dependencies\n\n| name | kind | status | latency | message | suggestion |\n|---|---|---|---|---|---|\n");
        for h in &r.health {
            s.push_str(&format!(
                "| {} | {} | {} | {} | {} | {} |\n",
                h.name,
                h.kind,
                h.status,
                h.latency_ms
                    .map(|l| format!("{l} ms"))
                    .unwrap_or_else(|| "–".into()),
                cell(&h.message),
                cell(h.suggestion.as_deref().unwrap_or(""))
            ));
        }
        s.push('\n');
    }
    if let Some(v) = &r.vulns {
        s.push_str(&format!(
            "## Vulnerabilities\n\ncritical {} · high {} · medium {} · low {} · unknown {}\n\n",
            v.critical, v.high, v.medium, v.low, v.unknown
        ));
        if !v.top.is_empty() {
            s.push_str("| id | severity | package | installed | fixed in | target |\n|---|---|---|---|---|---|\n");
            for f in &v.top {
                s.push_str(&format!(
                    "| {} | {} | {} | {} | {} | {} |\n",
                    f.id,
                    f.severity,
                    f.package,
                    f.installed,
                    f.fixed.as_deref().unwrap_or("–"),
                    cell(&f.target)
                ));
            }
        }
        for e in &v.errors {
            s.push_str(&format!("\n*unreadable:* {}\n", cell(e)));
        }
    }
    s
}
