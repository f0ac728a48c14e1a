//! `shark inspect` against real Prometheus + node_exporter + Alertmanager, live and stopped
//! dependencies, Trivy/Grype fixtures and the stub OpenAI-compatible API (which can fail).

mod common;
use common::{Env, infra};
use std::path::Path;
use std::sync::Mutex;

/// The stub LLM's failure queue is shared: tests that talk to it take turns.
static LLM: Mutex<()> = Mutex::new(());

fn fixture(name: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
        .display()
        .to_string()
}

fn json(out: &str) -> serde_json::Value {
    serde_json::from_str(out).unwrap_or_else(|e| panic!("not JSON ({e}): {out}"))
}

fn llm_control(path: &str, body: &str) {
    let url = format!("{}/{path}", infra().get("SHARK_T_LLM_CONTROL_URL"));
    let ok = std::process::Command::new("curl")
        .args(["-fsS", "-m", "5", "-d", body, &url])
        .output()
        .unwrap();
    assert!(ok.status.success(), "{ok:?}");
}

#[test]
fn metrics_show_the_node_the_down_target_and_the_firing_alert() {
    let e = Env::new();
    e.add_prometheus();
    let (out, _) = e.expect(
        0,
        &["inspect", "run", "--no-checks", "--no-llm", "-o", "json"],
        None,
    );
    let r = json(&out);
    let m = &r["metrics"];
    let node = m["instances"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["cpu_pct"].is_number())
        .unwrap_or_else(|| panic!("no node instance: {out}"));
    assert!(node["mem_pct"].as_f64().unwrap() > 0.0, "{out}");
    assert!(node["cores"].as_f64().unwrap() >= 1.0, "{out}");
    assert!(
        node["disks"]
            .as_array()
            .unwrap()
            .iter()
            .any(|d| d["mountpoint"] == "/"),
        "root filesystem missing: {out}"
    );
    assert!(
        node["cpu_trend"]["points"]
            .as_array()
            .is_some_and(|p| !p.is_empty()),
        "no trend: {out}"
    );
    let dead = infra().get("SHARK_T_PROM_DEAD_TARGET");
    assert!(
        m["targets"]
            .as_array()
            .unwrap()
            .iter()
            .any(|t| t["instance"] == dead && t["health"] == "down"),
        "{out}"
    );
    assert!(
        m["alerts"]
            .as_array()
            .unwrap()
            .iter()
            .any(|a| a["name"] == "TargetDown"),
        "{out}"
    );
    let findings = r["findings"].as_array().unwrap();
    assert!(
        findings
            .iter()
            .any(|f| f["category"] == "targets" && f["subject"].as_str().unwrap().contains(dead)),
        "{out}"
    );
    assert!(
        findings
            .iter()
            .any(|f| f["category"] == "alerts" && f["subject"] == "TargetDown"),
        "{out}"
    );
    assert_eq!(r["partial"], false, "{out}");
    assert_eq!(r["analysis"]["source"], "rules");
    // the report is stored and listed
    let (out, _) = e.expect(0, &["inspect", "reports", "-o", "json"], None);
    assert_eq!(json(&out).as_array().unwrap().len(), 1);
}

/// A real redis-server of our own that the test can stop.
struct OwnRedis {
    child: std::process::Child,
    port: u16,
}

impl OwnRedis {
    fn start() -> OwnRedis {
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let mut child = std::process::Command::new("redis-server")
            .args([
                "--port",
                &port.to_string(),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
            ])
            .stdout(std::process::Stdio::null())
            .spawn()
            .expect("redis-server (tests/infra/install.sh redis)");
        for _ in 0..100 {
            if std::net::TcpStream::connect(("127.0.0.1", port)).is_ok() {
                return OwnRedis { child, port };
            }
            std::thread::sleep(std::time::Duration::from_millis(50));
        }
        let _ = child.kill();
        let _ = child.wait();
        panic!("redis-server did not start");
    }
    fn stop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Drop for OwnRedis {
    fn drop(&mut self) {
        self.stop();
    }
}

#[test]
fn live_dependencies_are_ok_and_a_stopped_one_is_down_with_a_suggestion() {
    let i = infra();
    let e = Env::new();
    // Health verdicts, not latency: a loaded test machine may answer slower than the default
    // warning threshold (500 ms), which would turn "ok" into "warn".
    std::fs::write(
        e.dir.path().join("shark.toml"),
        "[inspect.thresholds]\nlatency_warning_ms = 60000\n",
    )
    .unwrap();
    e.expect(
        0,
        &[
            "conn",
            "add",
            "db",
            "--kind",
            "mysql",
            "--url",
            &format!("mysql://shark@127.0.0.1:{}/", i.get("SHARK_T_MYSQL_PORT")),
            "--secret-stdin",
        ],
        Some("shark"),
    );
    e.expect(
        0,
        &[
            "conn",
            "add",
            "docs",
            "--kind",
            "mongodb",
            "--url",
            i.get("SHARK_T_MONGO_URI"),
        ],
        None,
    );
    e.expect(
        0,
        &[
            "conn",
            "add",
            "cache",
            "--kind",
            "redis",
            "--url",
            &format!("redis://127.0.0.1:{}", i.get("SHARK_T_REDIS_PORT")),
            "--secret-stdin",
        ],
        Some(i.get("SHARK_T_REDIS_PASSWORD")),
    );
    e.expect(
        0,
        &[
            "conn",
            "add",
            "zk",
            "--kind",
            "zookeeper",
            "--url",
            i.get("SHARK_T_ZK_CONNECT"),
        ],
        None,
    );
    e.expect(
        0,
        &[
            "conn",
            "add",
            "search",
            "--kind",
            "elasticsearch",
            "--url",
            i.get("SHARK_T_ES_URL"),
        ],
        None,
    );
    let mut own = OwnRedis::start();
    e.expect(
        0,
        &[
            "conn",
            "add",
            "sessions",
            "--kind",
            "redis",
            "--url",
            &format!("redis://127.0.0.1:{}", own.port),
        ],
        None,
    );
    let (out, _) = e.expect(
        0,
        &[
            "inspect",
            "run",
            "--prometheus",
            "",
            "--no-llm",
            "-o",
            "json",
        ],
        None,
    );
    let r = json(&out);
    let status = |r: &serde_json::Value, n: &str| {
        r["health"]
            .as_array()
            .unwrap()
            .iter()
            .find(|h| h["name"] == n)
            .unwrap_or_else(|| panic!("{n}: {r}"))["status"]
            .clone()
    };
    for n in ["db", "docs", "cache", "zk", "sessions"] {
        assert_eq!(status(&r, n), "ok", "{n}: {out}");
    }
    own.stop();
    let (out, _) = e.expect(
        0,
        &[
            "inspect",
            "run",
            "--prometheus",
            "",
            "--no-llm",
            "-o",
            "json",
        ],
        None,
    );
    let r = json(&out);
    let h = r["health"]
        .as_array()
        .unwrap()
        .iter()
        .find(|h| h["name"] == "sessions")
        .unwrap()
        .clone();
    assert_eq!(h["status"], "down", "{out}");
    assert!(
        h["suggestion"]
            .as_str()
            .unwrap()
            .contains("start the redis service"),
        "{out}"
    );
    assert_eq!(status(&r, "db"), "ok");
    assert_eq!(r["verdict"], "critical", "{out}");
    // diff of the two reports shows the dependency going down
    let (out, _) = e.expect(0, &["inspect", "diff", "-o", "json"], None);
    let d = json(&out);
    assert!(
        d["health"]
            .as_array()
            .unwrap()
            .iter()
            .any(|h| h[0] == "sessions" && h[1] == "ok" && h[2] == "down"),
        "{out}"
    );
    assert!(
        d["new_findings"]
            .as_array()
            .unwrap()
            .iter()
            .any(|f| f["subject"] == "sessions"),
        "{out}"
    );
}

#[test]
fn trivy_and_grype_counts_by_severity() {
    let e = Env::new();
    let (out, _) = e.expect(
        0,
        &[
            "inspect",
            "run",
            "--vulns",
            &fixture("trivy.json"),
            "--vulns",
            &fixture("grype.json"),
            "--no-llm",
            "-o",
            "json",
        ],
        None,
    );
    let v = &json(&out)["vulns"];
    assert_eq!(
        (
            v["critical"].as_u64(),
            v["high"].as_u64(),
            v["medium"].as_u64(),
            v["low"].as_u64(),
            v["unknown"].as_u64()
        ),
        (Some(3), Some(3), Some(4), Some(2), Some(1)),
        "{out}"
    );
    let top = v["top"].as_array().unwrap();
    assert_eq!(top[0]["severity"], "critical");
    assert!(
        top.iter().any(|f| f["id"] == "CVE-2024-5535"
            && f["fixed"] == "3.0.14-1~deb12u1"
            && f["package"] == "libssl3"),
        "{out}"
    );
    assert!(
        top.iter()
            .any(|f| f["id"] == "GHSA-9wx4-h78v-vm56" && f["fixed"] == "2.32.0"),
        "{out}"
    );
    // a directory works too, and a file that is not a scanner report is reported, not fatal
    let dir = e.dir.path().join("scans");
    std::fs::create_dir(&dir).unwrap();
    std::fs::copy(fixture("trivy.json"), dir.join("a.json")).unwrap();
    std::fs::write(dir.join("b.json"), "{\"hello\": 1}").unwrap();
    let (out, _) = e.expect(
        0,
        &[
            "inspect",
            "run",
            "--vulns",
            dir.to_str().unwrap(),
            "--no-llm",
            "-o",
            "json",
        ],
        None,
    );
    let r = json(&out);
    assert_eq!(r["vulns"]["critical"], 2, "{out}");
    assert_eq!(r["partial"], true);
    assert!(
        r["vulns"]["errors"][0]
            .as_str()
            .unwrap()
            .contains("neither a Trivy report"),
        "{out}"
    );
}

#[test]
fn llm_answer_is_the_analysis() {
    let _g = LLM.lock().unwrap_or_else(|p| p.into_inner());
    llm_control("reset", "{}");
    llm_control(
        "reply",
        r#"{"content": "Risk: moderate. 1. Restart the dead exporter."}"#,
    );
    let e = Env::new();
    e.add_prometheus();
    e.add_llm();
    let (out, _) = e.expect(0, &["inspect", "run", "--no-checks", "-o", "json"], None);
    let r = json(&out);
    assert_eq!(r["analysis"]["source"], "llm", "{out}");
    assert_eq!(
        r["analysis"]["text"],
        "Risk: moderate. 1. Restart the dead exporter."
    );
    assert_eq!(r["analysis"]["model"], infra().get("SHARK_T_LLM_MODEL"));
    // the prompt carried the findings
    let reqs = std::process::Command::new("curl")
        .args([
            "-fsS",
            &format!("{}/requests", infra().get("SHARK_T_LLM_CONTROL_URL")),
        ])
        .output()
        .unwrap();
    let reqs = String::from_utf8_lossy(&reqs.stdout);
    assert!(
        reqs.contains("TargetDown"),
        "prompt without findings: {reqs}"
    );
}

#[test]
fn llm_errors_keep_the_report_with_the_rule_based_narrative() {
    let _g = LLM.lock().unwrap_or_else(|p| p.into_inner());
    llm_control("reset", "{}");
    let e = Env::new();
    e.add_prometheus();
    e.add_llm();
    std::fs::write(
        e.dir.path().join("shark.toml"),
        "[inspect]\nllm_retries = 2\nllm_timeout = \"2s\"\n",
    )
    .unwrap();
    // 500s on every attempt
    llm_control("fail", r#"{"status": 500, "count": 2}"#);
    let (code, out, err) = e.run(
        &[
            "inspect",
            "run",
            "--no-checks",
            "--fail-on",
            "critical",
            "-o",
            "json",
        ],
        None,
    );
    let r = json(&out);
    assert_eq!(r["analysis"]["source"], "rules", "{out}");
    assert!(
        r["analysis"]["llm_error"]
            .as_str()
            .unwrap()
            .contains("HTTP 500"),
        "{out}"
    );
    assert!(
        r["analysis"]["text"]
            .as_str()
            .unwrap()
            .contains("Actions, most urgent first"),
        "{out}"
    );
    let want = if r["verdict"] == "critical" { 1 } else { 0 };
    assert_eq!(code, want, "exit code must follow --fail-on: {err}");
    // a time-out
    llm_control("fail", r#"{"status": 200, "delay": 6, "count": 2}"#);
    let (_, out, _) = e.run(&["inspect", "run", "--no-checks", "-o", "json"], None);
    let r = json(&out);
    assert!(
        r["analysis"]["llm_error"]
            .as_str()
            .unwrap()
            .contains("no answer within 2s"),
        "{out}"
    );
    // one 429 then success: retried
    llm_control("reset", "{}");
    llm_control("fail", r#"{"status": 429, "count": 1, "retry_after": 1}"#);
    let (out, _) = e.expect(0, &["inspect", "run", "--no-checks", "-o", "json"], None);
    assert_eq!(json(&out)["analysis"]["source"], "llm", "{out}");
    // every report was stored
    let (out, _) = e.expect(0, &["inspect", "reports", "-o", "json"], None);
    assert_eq!(json(&out).as_array().unwrap().len(), 3);
    llm_control("reset", "{}");
}

#[test]
fn fail_on_decides_the_exit_code() {
    let e = Env::new();
    // only vulnerabilities: critical findings
    e.expect(
        1,
        &[
            "inspect",
            "run",
            "--vulns",
            &fixture("grype.json"),
            "--no-llm",
            "--fail-on",
            "critical",
        ],
        None,
    );
    e.expect(
        1,
        &[
            "inspect",
            "run",
            "--vulns",
            &fixture("grype.json"),
            "--no-llm",
            "--fail-on",
            "warning",
        ],
        None,
    );
    e.expect(
        0,
        &[
            "inspect",
            "run",
            "--vulns",
            &fixture("grype.json"),
            "--no-llm",
        ],
        None,
    );
    let (out, _) = e.expect(
        0,
        &["history", "--command", "inspect run", "-o", "json"],
        None,
    );
    let runs = json(&out);
    assert_eq!(runs[1]["status"], "problems", "{out}");
    assert_eq!(runs[1]["exit_code"], 1);
}

#[test]
fn exports_markdown_json_and_html_with_charts_rendered_by_chromium() {
    let e = Env::new();
    e.add_prometheus();
    e.expect(
        0,
        &[
            "inspect",
            "run",
            "--no-checks",
            "--no-llm",
            "--vulns",
            &fixture("trivy.json"),
        ],
        None,
    );
    let (md, _) = e.expect(0, &["inspect", "export", "--format", "md"], None);
    assert!(
        md.starts_with("# Inspection report #1")
            && md.contains("## Vulnerabilities")
            && md.contains("TargetDown"),
        "{md}"
    );
    let (js, _) = e.expect(0, &["inspect", "export", "1", "--format", "json"], None);
    assert_eq!(json(&js)["id"], 1);
    let html = e.dir.path().join("report.html");
    e.expect(
        0,
        &[
            "inspect",
            "export",
            "1",
            "--format",
            "html",
            "-O",
            html.to_str().unwrap(),
        ],
        None,
    );
    let page = std::fs::read_to_string(&html).unwrap();
    assert!(
        page.matches("<svg").count() >= 4,
        "gauge, usage bars, trend and severity charts expected"
    );
    assert!(
        !page.contains("http://") || !page.contains("<script"),
        "self-contained"
    );
    assert!(
        !page.contains("<link") && !page.contains("<script"),
        "no external resources or scripts"
    );

    let shot = e.dir.path().join("shot.png");
    let profile = e.dir.path().join("chromium-profile");
    let out = std::process::Command::new("chromium")
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--hide-scrollbars",
            &format!("--user-data-dir={}", profile.display()),
            &format!("--screenshot={}", shot.display()),
            "--window-size=1200,1600",
            &format!("file://{}", html.display()),
        ])
        .output()
        .expect("chromium (tests/infra/install.sh chromium)");
    assert!(
        shot.exists(),
        "no screenshot: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let decoder = png::Decoder::new(std::io::BufReader::new(std::fs::File::open(&shot).unwrap()));
    let mut reader = decoder.read_info().unwrap();
    let mut buf = vec![0; reader.output_buffer_size()];
    let info = reader.next_frame(&mut buf).unwrap();
    let ch = info.color_type.samples();
    let near = |rgb: (u8, u8, u8), tol: i32| {
        buf[..info.buffer_size()]
            .chunks(ch)
            .filter(|p| {
                (p[0] as i32 - rgb.0 as i32).abs() < tol
                    && (p[1] as i32 - rgb.1 as i32).abs() < tol
                    && (p[2] as i32 - rgb.2 as i32).abs() < tol
            })
            .count()
    };
    let count = |rgb| near(rgb, 6);
    // the critical-severity bar (#d62728) and the CPU trend line (#17becf) are drawn
    assert!(
        count((0xd6, 0x27, 0x28)) > 500,
        "no critical bar pixels in the screenshot"
    );
    assert!(
        near((0x17, 0xbe, 0xcf), 40) > 100, // a 2 px anti-aliased line: blended shades count
        "no CPU trend line pixels in the screenshot"
    );
    assert!(
        count((0x2c, 0xa0, 0x2c)) + count((0xff, 0x7f, 0x0e)) > 500,
        "no usage bar pixels in the screenshot"
    );
}

#[test]
fn config_section_errors_name_the_key() {
    let e = Env::new();
    std::fs::write(
        e.dir.path().join("shark.toml"),
        "[inspect.thresholds]\ncpu_warnin = 70\n",
    )
    .unwrap();
    let (_, err) = e.expect(2, &["inspect", "run"], None);
    assert!(
        err.contains("inspect.thresholds") && err.contains("cpu_warnin"),
        "{err}"
    );
    std::fs::write(
        e.dir.path().join("shark.toml"),
        "[inspect]\nprometheus = \"nope\"\n",
    )
    .unwrap();
    let (_, err) = e.expect(2, &["inspect", "run"], None);
    assert!(
        err.contains("prometheus connection 'nope' does not exist"),
        "{err}"
    );
    std::fs::remove_file(e.dir.path().join("shark.toml")).unwrap();
    let (_, err) = e.expect(2, &["inspect", "run"], None);
    assert!(err.contains("nothing to inspect"), "{err}");
}

#[test]
fn notify_posts_the_summary_and_a_failed_delivery_keeps_the_report() {
    let slack = common::FakeSlack::start();
    let e = Env::new();
    e.expect(
        0,
        &[
            "conn",
            "add",
            "ops",
            "--kind",
            "slack",
            "--option",
            "channel=#ops-reports",
            "--secret-stdin",
        ],
        Some(&slack.webhook()),
    );
    let trivy = fixture("trivy.json");
    let run = |extra: &[&str]| {
        let mut args = vec!["inspect", "run", "--period", "weekly", "--vulns", &trivy];
        args.extend_from_slice(&["--no-checks", "--no-llm", "-o", "json"]);
        args.extend_from_slice(extra);
        let (code, out, err) = e.run(&args, None);
        (code, json(&out), err)
    };
    let (code, r, err) = run(&["--notify", "ops"]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(r["notify"]["status"], "sent", "{r}");
    let msgs = slack.messages();
    assert_eq!(msgs.len(), 1, "{msgs:?}");
    let m = &msgs[0];
    assert_eq!(m["channel"], "#ops-reports");
    let text = m["text"].as_str().unwrap();
    let verdict = r["verdict"].as_str().unwrap().to_uppercase();
    assert!(
        text.contains(&format!("[{verdict}]"))
            && text.contains(&format!("score {}/100", r["score"]))
            && text.contains("weekly"),
        "{text}"
    );
    let blocks = m["blocks"].to_string();
    assert!(blocks.contains("vulns"), "top findings missing: {blocks}");

    // Slack answering 500 (every retry): the report is stored, the failure recorded, exit 0
    slack.control(
        "POST",
        "fail",
        r#"{"status": 500, "count": 10, "body": "rollup_error"}"#,
    );
    let (code, r, err) = run(&["--notify", "ops"]);
    assert_eq!(code, 0, "{err}");
    assert!(
        err.contains("warning") && err.contains("could not be posted to ops"),
        "{err}"
    );
    assert!(!err.contains("monitor-test-secret"), "{err}");
    let n = &r["notify"];
    assert_eq!(n["status"], "failed", "{r}");
    assert!(n["error"].as_str().unwrap().contains("HTTP 500"), "{n}");
    assert!(n["attempts"].as_i64().unwrap() >= 2, "{n}");
    assert_eq!(slack.messages().len(), 1);
    let id = r["id"].as_i64().unwrap().to_string();
    let (out, _) = e.expect(0, &["inspect", "show", &id, "-o", "json"], None);
    assert_eq!(json(&out)["notify"]["status"], "failed", "{out}");
    let (out, _) = e.expect(0, &["inspect", "show", &id], None);
    assert!(out.contains("summary NOT posted to ops"), "{out}");
    // ... and in the run's log
    let (out, _) = e.expect(
        0,
        &["-o", "json", "history", "-c", "inspect run", "-n", "1"],
        None,
    );
    let run_id = json(&out)[0]["id"].as_i64().unwrap().to_string();
    let (out, _) = e.expect(0, &["-o", "json", "history", &run_id], None);
    let log = json(&out)["log"].to_string();
    assert!(
        log.contains("warn") && log.contains("could not be posted to ops"),
        "{out}"
    );

    // the connection must be a slack one, checked before anything is collected
    let (code, _, err) = run(&["--notify", "nope"]);
    assert_eq!(code, 2, "{err}");
    assert!(
        err.contains("notify connection 'nope' does not exist"),
        "{err}"
    );
}
