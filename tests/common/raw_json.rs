//! Reading Elasticsearch answers as the server sent them, independently of shark: `_source`
//! texts byte for byte (serde_json's `RawValue` slices the answer, so numbers no double holds
//! read too), their top-level fields' texts, and JSON text without the whitespace between
//! tokens.

use serde_json::value::RawValue;
use std::collections::BTreeMap;

/// Every hit of a search answer as (`_id`, `_source` text); panics when a shard failed.
pub fn hit_sources(answer: &str) -> Vec<(String, String)> {
    #[derive(serde::Deserialize)]
    struct Hit<'a> {
        #[serde(rename = "_id")]
        id: String,
        #[serde(borrow, rename = "_source")]
        source: &'a RawValue,
    }
    #[derive(serde::Deserialize)]
    struct Hits<'a> {
        #[serde(borrow)]
        hits: Vec<Hit<'a>>,
    }
    #[derive(serde::Deserialize)]
    struct Answer<'a> {
        #[serde(default, rename = "_shards")]
        shards: serde_json::Value,
        #[serde(borrow)]
        hits: Hits<'a>,
    }
    let a: Answer = serde_json::from_str(answer).unwrap_or_else(|e| panic!("{e}: {answer}"));
    assert_eq!(a.shards["failed"], 0, "{answer}");
    a.hits
        .hits
        .into_iter()
        .map(|h| (h.id, h.source.get().to_string()))
        .collect()
}

/// The top-level fields of a `_source` text, each as its JSON text.
pub fn fields(source: &str) -> BTreeMap<String, String> {
    let f: BTreeMap<String, &RawValue> =
        serde_json::from_str(source).unwrap_or_else(|e| panic!("{e}: {source}"));
    f.into_iter()
        .map(|(k, v)| (k, v.get().to_string()))
        .collect()
}

/// JSON text without the whitespace between tokens (strings untouched): what a bulk line
/// carries, and what a server that re-serializes `_source` keeps of it.
pub fn minified(json: &str) -> String {
    let mut out = String::new();
    let (mut in_str, mut esc) = (false, false);
    for c in json.chars() {
        if in_str {
            match (esc, c) {
                (true, _) => esc = false,
                (false, '\\') => esc = true,
                (false, '"') => in_str = false,
                _ => {}
            }
        } else if c == '"' {
            in_str = true;
        } else if c.is_whitespace() {
            continue;
        }
        out.push(c);
    }
    out
}
