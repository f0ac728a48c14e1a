//! Rendering an error chain: one line by default (each cause appended once, so what failed,
//! why and what to do read as one sentence), the whole `caused by:` chain with `-v`.

pub fn render_error(err: &anyhow::Error, verbose: u8) -> String {
    let mut line = err.to_string();
    let mut chain = vec![];
    for cause in err.chain().skip(1) {
        let text = cause.to_string();
        chain.push(text.clone());
        if !line.contains(&text) {
            line = format!("{line}: {text}");
        }
    }
    if verbose == 0 || chain.is_empty() {
        return format!("error: {line}");
    }
    let mut out = format!("error: {}", err);
    for c in chain {
        out.push_str(&format!("\n  caused by: {c}"));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use anyhow::Context;

    #[test]
    fn one_line_without_duplicates() {
        let e: anyhow::Error = std::io::Error::other("disk full").into();
        let e = e
            .context("saving checkpoint: disk full")
            .context("sync orders");
        assert_eq!(
            render_error(&e, 0),
            "error: sync orders: saving checkpoint: disk full"
        );
        let v = render_error(&e, 1);
        assert!(v.contains("\n  caused by: saving checkpoint: disk full"));
        let r: Result<(), _> = Err(std::io::Error::other("x"));
        assert!(render_error(&r.context("y").unwrap_err(), 0).ends_with("y: x"));
    }
}
