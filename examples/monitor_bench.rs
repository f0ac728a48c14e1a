//! Rule-matching throughput of `shark monitor`, driven by benches/monitor.sh:
//!
//!   monitor_bench generate FILE MB KEYWORDS_FILE   write a log of MB megabytes and the 50 keywords
//!   monitor_bench match FILE KEYWORDS_FILE         match it with 50 keywords + 5 regexes, one core
//!
//! `match` reads the file in 64 MiB blocks cut at line ends and prints one JSON line per mode:
//! `block` (the detector over whole 64 MiB blocks), `batch` (what `monitor run` does: up to 1024
//! queued lines copied into one block, matched in one pass, masks mapped back to lines) and
//! `line` (one `Matcher::line` call per line), with MB/s and matched lines.

use shark::monitor::matcher::Matcher;
use shark::monitor::{Dur, GroupBy, RuleSpec, Severity};
use std::io::{Read, Write};
use std::time::Instant;

const WORDS: &[&str] = &[
    "request",
    "served",
    "user",
    "session",
    "cache",
    "hit",
    "miss",
    "GET",
    "POST",
    "/api/v1/orders",
    "/healthz",
    "latency",
    "upstream",
    "backend",
    "db",
    "query",
    "rows",
    "took",
    "ms",
    "id",
    "connection",
    "pool",
    "worker",
    "job",
    "queued",
    "done",
    "retry",
    "token",
    "refreshed",
    "ok",
];

/// 50 keywords (10 per rule) that occur rarely, as alert keywords do.
fn keywords() -> Vec<String> {
    let base = [
        "OutOfMemoryError",
        "panic:",
        "FATAL",
        "segfault",
        "deadlock",
        "Traceback",
        "CrashLoopBackOff",
        "connection refused",
        "permission denied",
        "disk full",
    ];
    (0..50)
        .map(|i| {
            if i < base.len() {
                base[i].to_string()
            } else {
                format!(
                    "E{:04}_{}",
                    1000 + i * 37,
                    base[i % base.len()].replace(' ', "_")
                )
            }
        })
        .collect()
}

const REGEXES: [&str; 5] = [
    r"timeout after \d{4,}ms",
    r"status=5\d\d ",
    r"(?i)out of memory",
    r"exit code [1-9]\d*",
    r"user=\w+ denied",
];

fn rules(kw: &[String]) -> Vec<RuleSpec> {
    (0..5)
        .map(|r| RuleSpec {
            name: format!("r{r}"),
            include: kw[r * 10..r * 10 + 10].to_vec(),
            exclude: vec!["healthcheck-ignore".into()],
            regex: vec![REGEXES[r].to_string()],
            exclude_regex: vec![],
            ignore_case: false,
            severity: Severity::Warning,
            threshold: 1,
            window: Dur::secs(60),
            group_by: GroupBy::Container,
            group_window: Dur::secs(60),
            silence: None,
        })
        .collect()
}

fn generate(path: &str, mb: usize, kw_path: &str) {
    let kw = keywords();
    std::fs::write(kw_path, kw.join("\n") + "\n").unwrap();
    let mut out = std::io::BufWriter::with_capacity(1 << 20, std::fs::File::create(path).unwrap());
    let (mut x, mut written, mut n) = (0x2545F4914F6CDD1Du64, 0usize, 0u64);
    let mut rnd = || {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        x
    };
    let mut line = String::with_capacity(256);
    while written < mb << 20 {
        line.clear();
        n += 1;
        let r = rnd();
        line.push_str(&format!(
            "2026-12-01T10:{:02}:{:02}.{:06}Z {} ",
            (n / 60_000) % 60,
            (n / 1000) % 60,
            r % 1_000_000,
            ["INFO", "INFO", "INFO", "DEBUG", "WARN"][(r >> 20) as usize % 5]
        ));
        for k in 0..(6 + (r >> 24) % 12) {
            line.push_str(WORDS[((r >> (k * 3)) as usize + k as usize) % WORDS.len()]);
            line.push(' ');
        }
        line.push_str(&format!("req={:x}", rnd()));
        // ~1 line in 1000 matches a keyword, ~1 in 2000 a regex
        let p = rnd() % 2000;
        if p < 2 {
            line.push_str(&format!(" {}", kw[(rnd() % 50) as usize]));
        } else if p == 2 {
            line.push_str(&format!(" timeout after {}ms", 1000 + rnd() % 9000));
        }
        line.push('\n');
        out.write_all(line.as_bytes()).unwrap();
        written += line.len();
    }
    out.flush().unwrap();
    eprintln!("wrote {path}: {n} lines, {} MB", written >> 20);
}

fn run_match(path: &str, kw_path: &str) {
    let kw: Vec<String> = std::fs::read_to_string(kw_path)
        .unwrap()
        .lines()
        .map(str::to_string)
        .collect();
    assert_eq!(kw.len(), 50, "50 keywords expected");
    let m = Matcher::new(&rules(&kw)).unwrap();
    for mode in ["block", "batch", "line"] {
        let mut f = std::fs::File::open(path).unwrap();
        let mut buf = vec![0u8; 64 << 20];
        let (mut carry, mut total, mut matched) = (0usize, 0u64, 0u64);
        let t = Instant::now();
        loop {
            let n = f.read(&mut buf[carry..]).unwrap();
            if n == 0 && carry == 0 {
                break;
            }
            let filled = carry + n;
            let end = if n == 0 {
                filled
            } else {
                buf[..filled]
                    .iter()
                    .rposition(|&b| b == b'\n')
                    .map_or(filled, |p| p + 1)
            };
            let block = &buf[..end];
            if mode == "block" {
                m.block(block, |_, _| matched += 1);
            } else if mode == "batch" {
                // what `monitor run` does: lines arrive one by one as strings; up to 1024 queued
                // lines are copied into one block, matched in one pass, masks mapped back
                let lines: Vec<&[u8]> = block.split(|&b| b == b'\n').collect();
                let mut joined = Vec::with_capacity(1024 * 160);
                let mut starts = Vec::with_capacity(1024);
                for chunk in lines.chunks(1024) {
                    joined.clear();
                    starts.clear();
                    for l in chunk {
                        starts.push(joined.len());
                        joined.extend_from_slice(l);
                        joined.push(b'\n');
                    }
                    let mut masks = vec![0u64; starts.len()];
                    let base = joined.as_ptr() as usize;
                    m.block(&joined, |l, mask| {
                        if let Ok(i) = starts.binary_search(&(l.as_ptr() as usize - base)) {
                            masks[i] = mask;
                        }
                    });
                    matched += masks.iter().filter(|&&x| x != 0).count() as u64;
                }
            } else {
                for l in block.split(|&b| b == b'\n') {
                    if m.line(l) != 0 {
                        matched += 1;
                    }
                }
            }
            total += end as u64;
            buf.copy_within(end..filled, 0);
            carry = filled - end;
            if n == 0 {
                break;
            }
        }
        let s = t.elapsed().as_secs_f64();
        println!(
            "{{\"mode\":\"{mode}\",\"bytes\":{total},\"seconds\":{s:.3},\"mb_per_s\":{:.1},\"matched_lines\":{matched}}}",
            total as f64 / 1e6 / s
        );
    }
}

fn main() {
    let a: Vec<String> = std::env::args().collect();
    match a.get(1).map(String::as_str) {
        Some("generate") if a.len() == 5 => generate(&a[2], a[3].parse().unwrap(), &a[4]),
        Some("match") if a.len() == 4 => run_match(&a[2], &a[3]),
        _ => {
            eprintln!(
                "usage: monitor_bench generate FILE MB KEYWORDS_FILE | match FILE KEYWORDS_FILE"
            );
            std::process::exit(2);
        }
    }
}
