//! Tables for human output: comfy-table on a terminal, plain aligned columns otherwise
//! (so pipes and `grep` get stable text without box drawing).

use comfy_table::presets::{NOTHING, UTF8_FULL_CONDENSED};
use comfy_table::{ContentArrangement, Table as Comfy};

#[derive(Debug, Default, Clone)]
pub struct Table {
    headers: Vec<String>,
    rows: Vec<Vec<String>>,
}

impl Table {
    pub fn new<I, S>(headers: I) -> Table
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        Table {
            headers: headers.into_iter().map(Into::into).collect(),
            rows: vec![],
        }
    }

    pub fn row<I, S>(&mut self, cells: I) -> &mut Table
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        self.rows.push(cells.into_iter().map(Into::into).collect());
        self
    }

    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    pub fn render(&self, tty: bool, _color: bool) -> String {
        let mut t = Comfy::new();
        if tty {
            t.load_style(UTF8_FULL_CONDENSED)
                .set_content_arrangement(ContentArrangement::Dynamic);
        } else {
            t.load_style(NOTHING)
                .set_content_arrangement(ContentArrangement::Disabled);
        }
        t.set_header(self.headers.clone());
        for r in &self.rows {
            t.add_row(r.clone());
        }
        let s = t.to_string();
        if tty {
            s
        } else {
            // NOTHING preset pads with a leading space; strip it and trailing blanks
            s.lines()
                .map(|l| l.strip_prefix(' ').unwrap_or(l).trim_end())
                .collect::<Vec<_>>()
                .join("\n")
        }
    }
}
