//! Vulnerability findings imported from scanner reports: Trivy (`trivy ... -f json`) and Grype
//! (`grype ... -o json`) JSON, given as files or directories of *.json. Counts by severity and
//! the top findings, those with a fixed version first.

use super::model::{VulnFinding, Vulns};
use std::path::{Path, PathBuf};

/// How many findings the report keeps in `top`.
pub const TOP: usize = 20;

pub fn import(paths: &[String]) -> Vulns {
    let mut v = Vulns::default();
    let mut all: Vec<VulnFinding> = vec![];
    for p in paths {
        for file in expand(Path::new(p), &mut v.errors) {
            match std::fs::read_to_string(&file)
                .map_err(|e| e.to_string())
                .and_then(|t| parse(&t))
            {
                Ok((fmt, found)) => {
                    v.sources.push(format!(
                        "{} ({fmt}, {} finding(s))",
                        file.display(),
                        found.len()
                    ));
                    all.extend(found);
                }
                Err(e) => v.errors.push(format!("{}: {e}", file.display())),
            }
        }
    }
    all.sort_by(|a, b| {
        a.id.cmp(&b.id)
            .then(a.package.cmp(&b.package))
            .then(a.target.cmp(&b.target))
    });
    all.dedup_by(|a, b| {
        a.id == b.id && a.package == b.package && a.installed == b.installed && a.target == b.target
    });
    for f in &all {
        match f.severity.as_str() {
            "critical" => v.critical += 1,
            "high" => v.high += 1,
            "medium" => v.medium += 1,
            "low" => v.low += 1,
            _ => v.unknown += 1,
        }
    }
    all.sort_by_key(|f| (rank(&f.severity), f.fixed.is_none(), f.id.clone()));
    all.truncate(TOP);
    v.top = all;
    v
}

fn rank(sev: &str) -> u8 {
    match sev {
        "critical" => 0,
        "high" => 1,
        "medium" => 2,
        "low" => 3,
        _ => 4,
    }
}

fn expand(p: &Path, errors: &mut Vec<String>) -> Vec<PathBuf> {
    if p.is_dir() {
        let mut files: Vec<PathBuf> = std::fs::read_dir(p)
            .map(|rd| {
                rd.filter_map(|e| e.ok().map(|e| e.path()))
                    .filter(|f| f.extension().is_some_and(|x| x == "json"))
                    .collect()
            })
            .unwrap_or_default();
        files.sort();
        if files.is_empty() {
            errors.push(format!(
                "{}: no *.json reports in this directory",
                p.display()
            ));
        }
        files
    } else if p.exists() {
        vec![p.to_path_buf()]
    } else {
        errors.push(format!("{}: no such file or directory", p.display()));
        vec![]
    }
}

/// Normalise a scanner's severity word.
pub fn severity(s: &str) -> String {
    match s.to_ascii_lowercase().as_str() {
        "critical" => "critical",
        "high" => "high",
        "medium" | "moderate" => "medium",
        "low" | "negligible" => "low",
        _ => "unknown",
    }
    .to_string()
}

/// Parse one report; returns its format name and the findings.
pub fn parse(text: &str) -> Result<(&'static str, Vec<VulnFinding>), String> {
    let v: serde_json::Value = serde_json::from_str(text).map_err(|e| format!("not JSON: {e}"))?;
    let s = |x: &serde_json::Value| x.as_str().unwrap_or("").to_string();
    if let Some(results) = v.get("Results") {
        let artifact = s(&v["ArtifactName"]);
        let mut out = vec![];
        for r in results.as_array().into_iter().flatten() {
            let target = if r["Target"].is_string() {
                s(&r["Target"])
            } else {
                artifact.clone()
            };
            for f in r["Vulnerabilities"].as_array().into_iter().flatten() {
                out.push(VulnFinding {
                    id: s(&f["VulnerabilityID"]),
                    severity: severity(f["Severity"].as_str().unwrap_or("")),
                    package: s(&f["PkgName"]),
                    installed: s(&f["InstalledVersion"]),
                    fixed: f["FixedVersion"]
                        .as_str()
                        .filter(|x| !x.is_empty())
                        .map(str::to_string),
                    target: target.clone(),
                    title: s(&f["Title"]),
                });
            }
        }
        return Ok(("trivy", out));
    }
    if let Some(matches) = v.get("matches") {
        let target = s(&v["source"]["target"]["userInput"]);
        let mut out = vec![];
        for m in matches.as_array().into_iter().flatten() {
            let vuln = &m["vulnerability"];
            let fixed: Vec<String> = vuln["fix"]["versions"]
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(|x| x.as_str().map(str::to_string))
                .collect();
            out.push(VulnFinding {
                id: s(&vuln["id"]),
                severity: severity(vuln["severity"].as_str().unwrap_or("")),
                package: s(&m["artifact"]["name"]),
                installed: s(&m["artifact"]["version"]),
                fixed: (!fixed.is_empty()).then(|| fixed.join(", ")),
                target: target.clone(),
                title: s(&vuln["description"]).chars().take(160).collect(),
            });
        }
        return Ok(("grype", out));
    }
    Err("neither a Trivy report (no \"Results\") nor a Grype report (no \"matches\")".into())
}
