//! `inspect run --notify CONN`: a stored report's summary posted to a Slack connection (Block
//! Kit, like monitor's alerts) through [`crate::conn::slack`]. Delivery never fails the report:
//! its outcome is recorded in the report.

use super::model::{Notification, Report, Severity};
use crate::conn::Connection;
use crate::conn::slack::{self, truncate};
use serde_json::{Value, json};
use std::time::Duration;

/// Findings listed in the message (most severe first).
pub const TOP_FINDINGS: usize = 5;

/// The Slack message of a report: verdict, score, period, top findings, failed health checks.
pub fn payload(r: &Report) -> Value {
    let verdict = r.verdict.to_uppercase();
    let text = format!(
        "[{verdict}] shark inspect report #{} ({}): score {}/100, {} finding(s)",
        r.id,
        r.period,
        r.score,
        r.findings.len()
    );
    let field = |k: &str, v: &str| json!({"type": "mrkdwn", "text": format!("*{k}*\n{v}")});
    let mut blocks = vec![
        json!({"type": "header", "text": {"type": "plain_text", "text": truncate(&format!("{verdict} · inspect report #{} · score {}/100", r.id, r.score), 150)}}),
        json!({"type": "section", "fields": [
            field("Verdict", &r.verdict),
            field("Score", &format!("{}/100", r.score)),
            field("Period", &r.period),
            field("Findings", &r.findings.len().to_string()),
        ]}),
    ];
    let mut findings: Vec<_> = r.findings.iter().collect();
    findings.sort_by_key(|f| std::cmp::Reverse(f.severity));
    if !findings.is_empty() {
        let mut lines: String = findings
            .iter()
            .take(TOP_FINDINGS)
            .map(|f| {
                let mark = match f.severity {
                    Severity::Critical => "🔴",
                    Severity::Warning => "🟠",
                    Severity::Info => "🔵",
                };
                truncate(
                    &format!(
                        "{mark} *{}* {} {}: {}",
                        f.severity.as_str(),
                        f.category,
                        f.subject,
                        f.message
                    ),
                    400,
                ) + "\n"
            })
            .collect();
        if findings.len() > TOP_FINDINGS {
            lines.push_str(&format!("… and {} more\n", findings.len() - TOP_FINDINGS));
        }
        blocks.push(
            json!({"type": "section", "text": {"type": "mrkdwn", "text": truncate(&lines, 2900)}}),
        );
    }
    let failed: String = r
        .health
        .iter()
        .filter(|h| h.status != "ok")
        .map(|h| {
            truncate(
                &format!("✗ {} ({}) {}: {}", h.name, h.kind, h.status, h.message),
                300,
            ) + "\n"
        })
        .collect();
    if !failed.is_empty() {
        blocks.push(json!({"type": "section", "text": {"type": "mrkdwn", "text": format!("*Health checks*\n{}", truncate(&failed, 2800))}}));
    }
    let mut ctx = format!(
        "created {} · analysis {}",
        r.created_at,
        if r.analysis.source == "llm" {
            "AI"
        } else {
            "rule-based"
        }
    );
    if r.partial {
        ctx.push_str(" · partial (some data could not be collected)");
    }
    ctx.push_str(&format!(" · `shark inspect show {}`", r.id));
    blocks.push(json!({"type": "context", "elements": [{"type": "mrkdwn", "text": ctx}]}));
    json!({"text": text, "blocks": blocks})
}

/// Post the report's summary to `conn`; the outcome, never an error.
pub async fn send(
    conn: &Connection,
    r: &Report,
    mut on_wait: impl FnMut(Duration, &str),
) -> Notification {
    let d = match slack::client() {
        Ok(client) => slack::deliver(&client, conn, payload(r), 0, &mut on_wait).await,
        Err(e) => slack::Delivery {
            sent: false,
            attempts: 0,
            error: Some(e.to_string()),
        },
    };
    Notification {
        conn: conn.name.clone(),
        status: if d.sent { "sent" } else { "failed" }.into(),
        attempts: d.attempts,
        error: d.error,
        at: crate::state::now_rfc3339(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::inspect::model::{Analysis, Finding, HealthCheck};

    #[test]
    fn payload_has_verdict_score_top_findings_and_failed_checks() {
        let finding = |sev, subject: &str| Finding {
            severity: sev,
            category: "metrics".into(),
            subject: subject.into(),
            message: format!("{subject} is high"),
            suggestion: String::new(),
        };
        let mut findings = vec![finding(Severity::Info, "i0")];
        for i in 0..6 {
            findings.push(finding(Severity::Warning, &format!("w{i}")));
        }
        findings.push(finding(Severity::Critical, "disk"));
        let r = Report {
            id: 7,
            created_at: "t".into(),
            period: "weekly".into(),
            score: 42,
            verdict: "critical".into(),
            partial: false,
            metrics: None,
            health: vec![
                HealthCheck {
                    name: "db".into(),
                    kind: "mysql".into(),
                    status: "down".into(),
                    latency_ms: None,
                    message: "refused".into(),
                    suggestion: None,
                },
                HealthCheck {
                    name: "cache".into(),
                    kind: "redis".into(),
                    status: "ok".into(),
                    latency_ms: Some(1),
                    message: "fine".into(),
                    suggestion: None,
                },
            ],
            vulns: None,
            findings,
            analysis: Analysis {
                source: "rules".into(),
                model: None,
                text: String::new(),
                llm_error: None,
            },
            thresholds: Default::default(),
            notify: None,
        };
        let p = payload(&r);
        let text = p["text"].as_str().unwrap();
        assert!(
            text.contains("[CRITICAL]") && text.contains("42/100") && text.contains("weekly"),
            "{text}"
        );
        let blocks = p["blocks"].to_string();
        let crit = blocks.find("disk is high").unwrap();
        assert!(crit < blocks.find("w0 is high").unwrap(), "{blocks}");
        assert!(blocks.contains("and 3 more"), "{blocks}");
        assert!(!blocks.contains("i0 is high"), "{blocks}");
        assert!(blocks.contains("db (mysql) down: refused"), "{blocks}");
        assert!(!blocks.contains("cache (redis)"), "{blocks}");
    }
}
