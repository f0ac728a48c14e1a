//! `${VAR}` and `${VAR:-default}` expansion in config string values; `$$` is a literal `$`.
//! A missing variable is an error naming the key that used it.

pub fn expand_table(t: &mut toml::Table, prefix: &str) -> Result<(), String> {
    for (k, v) in t.iter_mut() {
        let path = if prefix.is_empty() {
            k.clone()
        } else {
            format!("{prefix}.{k}")
        };
        expand_value(v, &path)?;
    }
    Ok(())
}

fn expand_value(v: &mut toml::Value, path: &str) -> Result<(), String> {
    match v {
        toml::Value::String(s) => *s = expand_str(s).map_err(|e| format!("{path}: {e}"))?,
        toml::Value::Table(t) => expand_table(t, path)?,
        toml::Value::Array(a) => {
            for (i, item) in a.iter_mut().enumerate() {
                expand_value(item, &format!("{path}[{i}]"))?;
            }
        }
        _ => {}
    }
    Ok(())
}

pub fn expand_str(s: &str) -> Result<String, String> {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('$') {
        out.push_str(&rest[..i]);
        let after = &rest[i + 1..];
        if let Some(r) = after.strip_prefix('$') {
            out.push('$');
            rest = r;
        } else if let Some(r) = after.strip_prefix('{') {
            let end = r
                .find('}')
                .ok_or_else(|| format!("unclosed '${{' in \"{s}\""))?;
            let expr = &r[..end];
            let (name, default) = match expr.split_once(":-") {
                Some((n, d)) => (n, Some(d)),
                None => (expr, None),
            };
            match (std::env::var(name), default) {
                (Ok(val), _) if !val.is_empty() || default.is_none() => out.push_str(&val),
                (_, Some(d)) => out.push_str(d),
                (Err(_), None) => {
                    return Err(format!(
                        "environment variable {name} is not set (used as ${{{name}}})"
                    ));
                }
                (Ok(val), None) => out.push_str(&val),
            }
            rest = &r[end + 1..];
        } else {
            out.push('$');
            rest = after;
        }
    }
    out.push_str(rest);
    Ok(out)
}

/// The names of the variables `${NAME}` / `${NAME:-default}` in `s` (not `$${...}`).
pub fn var_names(s: &str) -> Vec<String> {
    let mut out = vec![];
    let mut rest = s;
    while let Some(i) = rest.find('$') {
        let after = &rest[i + 1..];
        if let Some(r) = after.strip_prefix('$') {
            rest = r;
        } else if let Some(r) = after.strip_prefix('{') {
            let Some(end) = r.find('}') else { break };
            let expr = &r[..end];
            out.push(
                expr.split_once(":-")
                    .map(|(n, _)| n)
                    .unwrap_or(expr)
                    .to_string(),
            );
            rest = &r[end + 1..];
        } else {
            rest = after;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn names_of_variables() {
        assert_eq!(
            super::var_names("a$${NOT}${ONE}x${TWO:-d}"),
            vec!["ONE".to_string(), "TWO".to_string()]
        );
    }

    #[test]
    fn expands() {
        assert_eq!(super::expand_str("a$$b${SHARK_NOPE:-d}").unwrap(), "a$bd");
        assert!(super::expand_str("${SHARK_NOPE}").is_err());
    }
}
