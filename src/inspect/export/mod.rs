//! Report exports: Markdown for chat and tickets, JSON for machines, and a self-contained HTML
//! page (inline CSS and SVG charts, no external resources).

mod html;
mod markdown;
mod svg;

use super::model::Report;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Markdown,
    Html,
    Json,
}

impl std::str::FromStr for Format {
    type Err = String;
    fn from_str(s: &str) -> Result<Format, String> {
        match s {
            "md" | "markdown" => Ok(Format::Markdown),
            "html" => Ok(Format::Html),
            "json" => Ok(Format::Json),
            _ => Err(format!("unknown format '{s}' (md, html, json)")),
        }
    }
}

pub fn render(r: &Report, f: Format) -> String {
    match f {
        Format::Markdown => markdown::render(r),
        Format::Html => html::render(r),
        Format::Json => serde_json::to_string_pretty(r).unwrap_or_default() + "\n",
    }
}

fn pct(v: Option<f64>) -> String {
    v.map(|x| format!("{x:.1}%")).unwrap_or_else(|| "–".into())
}

fn bytes(v: Option<f64>) -> String {
    let Some(b) = v else { return "–".into() };
    let units = ["B", "KiB", "MiB", "GiB", "TiB", "PiB"];
    let mut x = b;
    let mut u = 0;
    while x >= 1024.0 && u < units.len() - 1 {
        x /= 1024.0;
        u += 1;
    }
    format!("{x:.1} {}", units[u])
}
