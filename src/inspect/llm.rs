//! AI analysis through any OpenAI-compatible chat-completions endpoint: the prompt is built
//! from the findings (cut to a character budget), each request has a timeout, 429/5xx and
//! timeouts are retried with backoff (honouring Retry-After). Failure is returned as an error
//! string; the caller keeps the rule-based narrative.

use super::model::Report;
use crate::conn::Connection;
use crate::conn::probe::http::join;
use crate::conn::redact::{self, Redactor};

/// Bytes of a chat-completions answer read at most.
const MAX_ANSWER: usize = 4 * 1024 * 1024;
use std::time::Duration;

pub struct LlmParams {
    pub timeout: Duration,
    pub retries: u32,
    pub max_prompt_chars: usize,
    pub max_tokens: u32,
}

const SYSTEM: &str = "You are a senior site reliability engineer writing the risk assessment of a \
periodic infrastructure inspection. Use only the data given. Answer in plain text: first a \
one-paragraph risk assessment, then a numbered list of concrete remediation steps, most urgent \
first. Do not invent hosts, numbers or vulnerabilities that are not in the data.";

/// The user message: the report's findings and key figures as compact text.
pub fn prompt(r: &Report, max_chars: usize) -> String {
    let mut p = format!(
        "Inspection report ({} period), rule-based score {}/100, verdict {}.\n",
        r.period, r.score, r.verdict
    );
    if let Some(m) = &r.metrics {
        for i in &m.instances {
            p.push_str(&format!(
                "Instance {}: cpu {}%, memory {}%, load5 {}, disks: {}\n",
                i.instance,
                fmt(i.cpu_pct),
                fmt(i.mem_pct),
                fmt(i.load5),
                i.disks
                    .iter()
                    .map(|d| format!("{} {:.0}%", d.mountpoint, d.used_pct))
                    .collect::<Vec<_>>()
                    .join(", ")
            ));
        }
    }
    p.push_str("Findings:\n");
    for f in &r.findings {
        p.push_str(&format!(
            "- [{}] {} {}: {}\n",
            f.severity.as_str(),
            f.category,
            f.subject,
            f.message
        ));
    }
    if r.findings.is_empty() {
        p.push_str("- none\n");
    }
    if let Some(v) = &r.vulns {
        for f in v.top.iter().take(5) {
            p.push_str(&format!(
                "Vulnerable package: {} {} ({}, fix: {})\n",
                f.package,
                f.installed,
                f.severity,
                f.fixed.as_deref().unwrap_or("none yet")
            ));
        }
    }
    if p.len() > max_chars {
        let cut = p.floor_char_boundary(max_chars.saturating_sub(40));
        p.truncate(cut);
        p.push_str("\n[... truncated to fit the prompt budget]");
    }
    p
}

fn fmt(v: Option<f64>) -> String {
    v.map(|x| format!("{x:.1}")).unwrap_or_else(|| "?".into())
}

/// Ask the model. Ok(text) or Err(why it failed, secret-free).
pub async fn analyse(
    conn: &Connection,
    user_prompt: &str,
    p: &LlmParams,
) -> Result<String, String> {
    let model = conn.option("model").unwrap_or_default().to_string();
    let timeout = conn
        .option("timeout")
        .and_then(|t| humantime::parse_duration(t).ok())
        .unwrap_or(p.timeout);
    let max_tokens = conn
        .option("max_tokens")
        .and_then(|t| t.parse().ok())
        .unwrap_or(p.max_tokens);
    let http = reqwest::Client::builder()
        .timeout(timeout)
        .connect_timeout(timeout)
        .build()
        .map_err(|e| e.to_string())?;
    let body = serde_json::json!({
        "model": model,
        "messages": [{"role": "system", "content": SYSTEM}, {"role": "user", "content": user_prompt}],
        "max_tokens": max_tokens,
        "temperature": 0.2,
    });
    let url = join(&conn.url, "/chat/completions");
    let redactor = Redactor::for_conn(conn);
    let attempts = p.retries.max(1);
    let mut last = String::new();
    for attempt in 1..=attempts {
        let mut req = http.post(&url).json(&body);
        if let Some(k) = &conn.secret {
            req = req.bearer_auth(k.expose());
        }
        let wait = match req.send().await {
            Err(e) => {
                let e = e.without_url();
                last = if e.is_timeout() {
                    format!("no answer within {}s", timeout.as_secs())
                } else {
                    redactor.excerpt(&e.to_string())
                };
                if !(e.is_timeout() || e.is_connect()) {
                    return Err(last);
                }
                None
            }
            Ok(resp) => {
                let status = resp.status();
                let retry_after = crate::conn::probe::http::retry_after_secs(&resp);
                let limit = if status.is_success() {
                    MAX_ANSWER
                } else {
                    redact::MAX_ERROR_BODY
                };
                let (bytes, more) = redact::read_capped(resp, limit)
                    .await
                    .map_err(|e| redactor.excerpt(&e.without_url().to_string()))?;
                let text = String::from_utf8_lossy(&bytes);
                if status.is_success() {
                    if more {
                        return Err(format!(
                            "the answer is larger than {} MiB",
                            MAX_ANSWER >> 20
                        ));
                    }
                    let v: serde_json::Value = serde_json::from_str(&text)
                        .map_err(|e| format!("answer is not JSON: {e}"))?;
                    let content = v["choices"][0]["message"]["content"]
                        .as_str()
                        .unwrap_or("")
                        .trim()
                        .to_string();
                    if content.is_empty() {
                        return Err("the model returned an empty answer".into());
                    }
                    return Ok(content);
                }
                // the server's words, never the key it may echo back
                let msg = serde_json::from_str::<serde_json::Value>(&text)
                    .ok()
                    .and_then(|v| v["error"]["message"].as_str().map(str::to_string))
                    .unwrap_or_else(|| text.into_owned());
                last = format!("HTTP {status}: {}", redactor.excerpt(&msg));
                if status.as_u16() == 401 || status.as_u16() == 403 {
                    return Err(format!(
                        "{last}; fix the key with `shark conn edit {} --secret-stdin`",
                        conn.name
                    ));
                }
                if !(status.as_u16() == 429 || status.is_server_error()) {
                    return Err(last);
                }
                retry_after
            }
        };
        if attempt < attempts {
            let backoff = wait
                .map(Duration::from_secs)
                .unwrap_or(Duration::from_millis(500 * (1 << (attempt - 1))))
                .min(Duration::from_secs(30));
            tracing::info!(attempt, error = %last, "LLM request failed; retrying in {:?}", backoff);
            tokio::time::sleep(backoff).await;
        }
    }
    Err(format!("{last} (after {attempts} attempt(s))"))
}
