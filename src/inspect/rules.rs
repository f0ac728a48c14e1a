//! Rule-based risk assessment: thresholds turn metrics, targets, alerts, health checks and
//! vulnerabilities into findings with a severity; findings give the score, the verdict and
//! the narrative used when no model is available.

use super::model::{Finding, HealthCheck, Metrics, Severity, Vulns};
use super::settings::Thresholds;

fn finding(
    sev: Severity,
    category: &str,
    subject: &str,
    message: String,
    suggestion: &str,
) -> Finding {
    Finding {
        severity: sev,
        category: category.into(),
        subject: subject.into(),
        message,
        suggestion: suggestion.into(),
    }
}

fn level(v: f64, warn: f64, crit: f64) -> Option<Severity> {
    if v >= crit {
        Some(Severity::Critical)
    } else if v >= warn {
        Some(Severity::Warning)
    } else {
        None
    }
}

pub fn evaluate(
    metrics: Option<&Metrics>,
    health: &[HealthCheck],
    vulns: Option<&Vulns>,
    t: &Thresholds,
) -> Vec<Finding> {
    let mut out = vec![];
    if let Some(m) = metrics {
        for i in &m.instances {
            let name = i.instance.as_str();
            if let Some(cpu) = i.cpu_pct
                && let Some(s) = level(cpu, t.cpu_warning, t.cpu_critical)
            {
                out.push(finding(
                    s,
                    "metrics",
                    name,
                    format!("CPU: {cpu:.1}% busy"),
                    "find the busiest processes (top, pidstat) and add capacity or move load",
                ));
            }
            if let Some(mem) = i.mem_pct
                && let Some(s) = level(mem, t.memory_warning, t.memory_critical)
            {
                out.push(finding(
                    s,
                    "metrics",
                    name,
                    format!("memory: {mem:.1}% used"),
                    "find the largest processes, check for leaks, add memory",
                ));
            }
            for d in &i.disks {
                if let Some(s) = level(d.used_pct, t.disk_warning, t.disk_critical) {
                    out.push(finding(
                        s,
                        "metrics",
                        &format!("{name} {}", d.mountpoint),
                        format!("disk: {:.1}% used", d.used_pct),
                        "remove old logs and data, or grow the filesystem",
                    ));
                }
            }
            if let (Some(l), Some(c)) = (i.load5, i.cores.filter(|c| *c > 0.0))
                && let Some(s) = level(l / c, t.load_per_core_warning, t.load_per_core_critical)
            {
                out.push(finding(
                    s,
                    "metrics",
                    name,
                    format!("load: {l:.2} over {c} cores ({:.2} per core)", l / c),
                    "look for runnable or I/O-blocked processes (vmstat, iostat)",
                ));
            }
            for (what, tr) in [("CPU", &i.cpu_trend), ("memory", &i.mem_trend)] {
                let (Some(tr), Some(now)) = (tr, if what == "CPU" { i.cpu_pct } else { i.mem_pct })
                else {
                    continue;
                };
                // a projection from less than an hour of data is noise
                let span_h = match (tr.points.first(), tr.points.last()) {
                    (Some(a), Some(b)) => (b.0 - a.0) / 3600.0,
                    _ => 0.0,
                };
                if tr.slope_per_hour > 0.0 && span_h >= 1.0 {
                    let hours = (100.0 - now) / tr.slope_per_hour;
                    if hours < t.exhaustion_warning_hours {
                        out.push(finding(
                            Severity::Warning,
                            "metrics",
                            name,
                            format!(
                                "{what} trend: rising {:.2}%/h, full in about {hours:.0} h",
                                tr.slope_per_hour
                            ),
                            "find what grows (a leak, a runaway job) before it runs out",
                        ));
                    }
                }
            }
        }
        for tg in m.targets.iter().filter(|t| t.health != "up") {
            out.push(finding(
                Severity::Warning,
                "targets",
                &format!("{} {}", tg.job, tg.instance),
                format!(
                    "scrape target down: {}",
                    if tg.last_error.is_empty() {
                        "no error given"
                    } else {
                        &tg.last_error
                    }
                ),
                "start the exporter or remove the target from prometheus.yml",
            ));
        }
        for a in &m.alerts {
            let sev = if a.severity.eq_ignore_ascii_case("critical")
                || a.severity.eq_ignore_ascii_case("page")
            {
                Severity::Critical
            } else {
                Severity::Warning
            };
            out.push(finding(
                sev,
                "alerts",
                &a.name,
                format!(
                    "alert firing since {}{}{}",
                    a.active_at,
                    if a.instance.is_empty() {
                        String::new()
                    } else {
                        format!(" on {}", a.instance)
                    },
                    if a.summary.is_empty() {
                        String::new()
                    } else {
                        format!(": {}", a.summary)
                    }
                ),
                "follow the alert's runbook",
            ));
        }
        if !m.errors.is_empty() {
            out.push(finding(Severity::Warning, "collection", &m.source, format!("metrics incomplete: {}", m.errors.join("; ")), "check Prometheus (shark conn test) and raise inspect.query_timeout if queries are slow"));
        }
    }
    for h in health {
        let sev = match h.status.as_str() {
            "down" => Severity::Critical,
            "warn" => Severity::Warning,
            _ => continue,
        };
        out.push(finding(
            sev,
            "health",
            &h.name,
            format!("{} {}: {}", h.kind, h.status, h.message),
            h.suggestion.as_deref().unwrap_or(""),
        ));
    }
    if let Some(v) = vulns {
        if v.critical > 0 {
            out.push(finding(
                Severity::Critical,
                "vulns",
                "scanners",
                format!("vulnerabilities: {} critical", v.critical),
                "upgrade the affected packages to the fixed versions listed",
            ));
        }
        if v.high > 0 {
            out.push(finding(
                Severity::Warning,
                "vulns",
                "scanners",
                format!("vulnerabilities: {} high", v.high),
                "plan upgrades of the affected packages",
            ));
        }
        if !v.errors.is_empty() {
            out.push(finding(
                Severity::Warning,
                "collection",
                "scanners",
                format!("scanner reports unreadable: {}", v.errors.join("; ")),
                "check the paths in inspect.vulns",
            ));
        }
    }
    out.sort_by(|a, b| {
        b.severity
            .cmp(&a.severity)
            .then(a.category.cmp(&b.category))
            .then(a.subject.cmp(&b.subject))
    });
    out
}

/// 100 minus 25 per critical and 8 per warning finding, floored at 0.
pub fn score(findings: &[Finding]) -> i64 {
    let lost: i64 = findings
        .iter()
        .map(|f| match f.severity {
            Severity::Critical => 25,
            Severity::Warning => 8,
            Severity::Info => 0,
        })
        .sum();
    (100 - lost).max(0)
}

pub fn verdict(findings: &[Finding]) -> &'static str {
    match findings.iter().map(|f| f.severity).max() {
        Some(Severity::Critical) => "critical",
        Some(Severity::Warning) => "warning",
        _ => "ok",
    }
}

/// A plain-language summary with prioritised actions, from the findings alone.
pub fn narrative(
    findings: &[Finding],
    score: i64,
    verdict: &str,
    metrics: Option<&Metrics>,
    health: &[HealthCheck],
    vulns: Option<&Vulns>,
) -> String {
    let mut s = format!("Overall: {} (score {score}/100).", verdict.to_uppercase());
    if let Some(m) = metrics {
        let down = m.targets.iter().filter(|t| t.health != "up").count();
        s.push_str(&format!(
            " Prometheus: {} instance(s), {}/{} targets up, {} alert(s) firing.",
            m.instances.len(),
            m.targets.len() - down,
            m.targets.len(),
            m.alerts.len()
        ));
    }
    if !health.is_empty() {
        let ok = health.iter().filter(|h| h.status == "ok").count();
        s.push_str(&format!(" Dependencies: {ok}/{} healthy.", health.len()));
    }
    if let Some(v) = vulns {
        s.push_str(&format!(
            " Vulnerabilities: {} critical, {} high, {} medium, {} low.",
            v.critical, v.high, v.medium, v.low
        ));
    }
    if findings.is_empty() {
        s.push_str(" Nothing needs attention.");
        return s;
    }
    s.push_str("\n\nActions, most urgent first:");
    for (n, f) in findings
        .iter()
        .filter(|f| f.severity != Severity::Info)
        .take(10)
        .enumerate()
    {
        s.push_str(&format!(
            "\n{}. [{}] {}: {} — {}",
            n + 1,
            f.severity.as_str(),
            f.subject,
            f.message,
            f.suggestion
        ));
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::inspect::model::Instance;

    fn metrics(points: Vec<(f64, f64)>) -> Metrics {
        let tr = crate::inspect::prometheus::trend(points);
        Metrics {
            source: "p".into(),
            instances: vec![Instance {
                instance: "n".into(),
                mem_pct: Some(50.0),
                mem_trend: tr,
                ..Default::default()
            }],
            targets: vec![],
            alerts: vec![],
            errors: vec![],
        }
    }

    #[test]
    fn exhaustion_needs_an_hour_of_data() {
        let t = Thresholds::default();
        // +20 %/h over 10 minutes: too short to project
        let short = metrics(vec![(0.0, 46.7), (600.0, 50.0)]);
        assert!(evaluate(Some(&short), &[], None, &t).is_empty());
        // +10 %/h over 2 hours, 50 % used: full in ~5 h
        let long = metrics(vec![(0.0, 30.0), (7200.0, 50.0)]);
        let f = evaluate(Some(&long), &[], None, &t);
        assert_eq!(f.len(), 1, "{f:?}");
        assert!(f[0].message.contains("full in about 5 h"), "{f:?}");
    }
}
