//! Inline SVG charts for the HTML export: a score gauge, horizontal usage bars with threshold
//! marks, a trend line chart and a severity bar chart. Pure functions returning markup.

/// Colour for a severity or status word.
pub fn colour(word: &str) -> &'static str {
    match word {
        "critical" | "down" | "FAIL" => "#d62728",
        "high" | "warning" | "warn" => "#ff7f0e",
        "medium" => "#e7ba52",
        "low" | "info" => "#1f77b4",
        "ok" | "up" => "#2ca02c",
        _ => "#7f7f7f",
    }
}

pub fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// A semicircle gauge for the 0–100 score.
pub fn gauge(score: i64, verdict: &str) -> String {
    let frac = (score.clamp(0, 100) as f64) / 100.0;
    let angle = std::f64::consts::PI * (1.0 - frac);
    let (x, y) = (100.0 + 80.0 * angle.cos(), 100.0 - 80.0 * angle.sin());
    format!(
        r##"<svg class="chart" width="200" height="120" viewBox="0 0 200 120" role="img" aria-label="score {score}">
<path d="M20 100 A80 80 0 0 1 180 100" fill="none" stroke="#e6e6e6" stroke-width="18"/>
<path d="M20 100 A80 80 0 0 1 {x:.1} {y:.1}" fill="none" stroke="{c}" stroke-width="18"/>
<text x="100" y="95" text-anchor="middle" font-size="30" font-weight="bold" fill="#222">{score}</text>
<text x="100" y="115" text-anchor="middle" font-size="12" fill="#555">{v}</text>
</svg>"##,
        c = colour(verdict),
        v = esc(&verdict.to_uppercase())
    )
}

/// Horizontal bars: (label, percent, warn, crit).
pub fn usage_bars(rows: &[(String, f64, f64, f64)]) -> String {
    let h = 26 * rows.len() + 10;
    let mut s = format!(
        r#"<svg class="chart" width="560" height="{h}" viewBox="0 0 560 {h}" role="img" aria-label="resource usage">"#
    );
    for (i, (label, v, warn, crit)) in rows.iter().enumerate() {
        let y = 5 + 26 * i;
        let w = (v.clamp(0.0, 100.0) * 3.2).round();
        let c = if v >= crit {
            colour("critical")
        } else if v >= warn {
            colour("warning")
        } else {
            colour("ok")
        };
        s.push_str(&format!(
            r##"<text x="0" y="{ty}" font-size="12" fill="#333">{l}</text><rect x="190" y="{y}" width="320" height="18" fill="#eee"/><rect x="190" y="{y}" width="{w}" height="18" fill="{c}"/><line x1="{wx:.0}" x2="{wx:.0}" y1="{y}" y2="{y2}" stroke="#ff7f0e" stroke-dasharray="3,2"/><line x1="{cx:.0}" x2="{cx:.0}" y1="{y}" y2="{y2}" stroke="#d62728" stroke-dasharray="3,2"/><text x="516" y="{ty}" font-size="12" fill="#333">{v:.1}%</text>"##,
            ty = y + 13,
            l = esc(label),
            wx = 190.0 + warn * 3.2,
            cx = 190.0 + crit * 3.2,
            y2 = y + 18,
        ));
    }
    s.push_str("</svg>");
    s
}

/// One line of a trend chart: name, colour, (unix seconds, percent) points.
pub type Series<'a> = (String, &'a str, &'a [(f64, f64)]);

/// A line chart of percent series.
pub fn trend(series: &[Series<'_>]) -> String {
    let (w, h, pad) = (560.0, 180.0, 30.0);
    let pts: Vec<&(f64, f64)> = series.iter().flat_map(|s| s.2.iter()).collect();
    if pts.is_empty() {
        return String::new();
    }
    let t0 = pts.iter().map(|p| p.0).fold(f64::MAX, f64::min);
    let t1 = pts
        .iter()
        .map(|p| p.0)
        .fold(f64::MIN, f64::max)
        .max(t0 + 1.0);
    let mut s = format!(
        r##"<svg class="chart" width="{w}" height="{h}" viewBox="0 0 {w} {h}" role="img" aria-label="trend"><rect x="{pad}" y="5" width="{iw}" height="{ih}" fill="#fafafa" stroke="#ddd"/>"##,
        iw = w - pad - 5.0,
        ih = h - pad - 5.0
    );
    for g in [0.0, 50.0, 100.0] {
        let y = 5.0 + (h - pad - 5.0) * (1.0 - g / 100.0);
        s.push_str(&format!(
            r##"<text x="2" y="{:.0}" font-size="10" fill="#777">{g:.0}%</text>"##,
            y + 3.0
        ));
    }
    for (i, (name, c, p)) in series.iter().enumerate() {
        let line: Vec<String> = p
            .iter()
            .map(|(t, v)| {
                let x = pad + (w - pad - 5.0) * (t - t0) / (t1 - t0);
                let y = 5.0 + (h - pad - 5.0) * (1.0 - v.clamp(0.0, 100.0) / 100.0);
                format!("{x:.1},{y:.1}")
            })
            .collect();
        s.push_str(&format!(
            r#"<polyline fill="none" stroke="{c}" stroke-width="2" points="{}"/>"#,
            line.join(" ")
        ));
        if line.len() < 30 {
            for xy in &line {
                let (x, y) = xy.split_once(',').unwrap_or(("0", "0"));
                s.push_str(&format!(r#"<circle cx="{x}" cy="{y}" r="3" fill="{c}"/>"#));
            }
        }
        s.push_str(&format!(
            r#"<text x="{}" y="{}" font-size="11" fill="{c}">{}</text>"#,
            pad + 5.0 + 150.0 * i as f64,
            h - 8.0,
            esc(name)
        ));
    }
    s.push_str("</svg>");
    s
}

/// Vertical bars of counts per severity.
pub fn severity_bars(counts: &[(&str, u64)]) -> String {
    let max = counts.iter().map(|c| c.1).max().unwrap_or(0).max(1) as f64;
    let mut s = String::from(
        r#"<svg class="chart" width="360" height="170" viewBox="0 0 360 170" role="img" aria-label="vulnerabilities by severity">"#,
    );
    for (i, (sev, n)) in counts.iter().enumerate() {
        let bh = 120.0 * (*n as f64) / max;
        let x = 20 + 68 * i;
        s.push_str(&format!(
            r##"<rect x="{x}" y="{y:.1}" width="48" height="{bh:.1}" fill="{c}"/><text x="{tx}" y="{ny:.1}" text-anchor="middle" font-size="12" fill="#222">{n}</text><text x="{tx}" y="160" text-anchor="middle" font-size="11" fill="#555">{sev}</text>"##,
            y = 140.0 - bh,
            c = colour(sev),
            tx = x + 24,
            ny = 136.0 - bh,
        ));
    }
    s.push_str("</svg>");
    s
}
