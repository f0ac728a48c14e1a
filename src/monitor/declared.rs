//! Monitors declared in the config file (`[monitors.NAME]`), next to those stored with
//! `monitor add`. A declared monitor takes the same keys as a stored definition (the table's key
//! is its name; `[[monitors.NAME.rules]]` tables or a `rules_file` give its rules), is checked
//! as strictly, and is read-only to `monitor add|rm`. Its checkpoints and alerts are kept in the
//! state file by name, as for a stored monitor. A declared monitor hides a stored one of the
//! same name.

use super::error::MonitorError;
use super::spec::{MonitorSpec, parse_rules_file};
use crate::config::Config;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// The monitors of the config file, validated.
#[derive(Debug, Clone, Default)]
pub struct Declared {
    /// The config file, for messages ("(no config file)" without one).
    pub source: String,
    pub monitors: BTreeMap<String, MonitorSpec>,
}

impl Declared {
    pub fn get(&self, name: &str) -> Option<&MonitorSpec> {
        self.monitors.get(name)
    }

    /// A monitor the config declares cannot be added or removed with the CLI.
    pub fn refuse(&self, name: &str, verb: &str) -> Result<(), MonitorError> {
        if self.monitors.contains_key(name) {
            return Err(MonitorError::invalid(format!(
                "monitor '{name}' is declared in {}; {verb} it by editing [monitors.{name}] there",
                self.source
            )));
        }
        Ok(())
    }
}

/// Where a monitor is defined, as `monitor list|show` print it.
pub fn origin(declared: &Declared, name: &str) -> String {
    if declared.monitors.contains_key(name) {
        format!("config {}", declared.source)
    } else {
        "state".into()
    }
}

/// Read `[monitors.NAME]` tables of the config (its `${VAR}`s are already expanded). Unknown
/// keys and bad values are errors naming their path (`monitors.web.rules[0].incldue`).
pub fn from_config(config: &Config) -> Result<Declared, MonitorError> {
    let source = config.path_display();
    let tables: BTreeMap<String, toml::Value> = config
        .section("monitors")
        .map_err(|e| MonitorError::invalid(e.to_string()))?;
    let dir = config
        .path
        .as_deref()
        .and_then(Path::parent)
        .map(Path::to_path_buf)
        .unwrap_or_default();
    let mut monitors = BTreeMap::new();
    for (name, v) in tables {
        let spec = parse_one(&name, v, &dir)
            .map_err(|m| MonitorError::invalid(format!("config {source}: monitors.{name}{m}")))?;
        spec.validate()
            .map_err(|e| MonitorError::invalid(format!("config {source}: {e}")))?;
        super::matcher::Matcher::new(&spec.rules).map_err(|e| {
            MonitorError::invalid(format!("config {source}: monitor '{name}': {e}"))
        })?;
        monitors.insert(name, spec);
    }
    Ok(Declared { source, monitors })
}

/// One table; the error is the rest of a message starting at `monitors.NAME`.
fn parse_one(name: &str, v: toml::Value, dir: &Path) -> Result<MonitorSpec, String> {
    let toml::Value::Table(mut t) = v else {
        return Err(": expected a table [monitors.NAME]".into());
    };
    if t.contains_key("name") {
        return Err(".name: not a key here; the monitor's name is the table's key".into());
    }
    let mut file_rules = vec![];
    if let Some(f) = t.remove("rules_file") {
        let f = f
            .as_str()
            .ok_or(".rules_file: expected a path (string)")?
            .to_string();
        let path = if Path::new(&f).is_absolute() {
            PathBuf::from(&f)
        } else {
            dir.join(&f)
        };
        let text = std::fs::read_to_string(&path)
            .map_err(|e| format!(".rules_file: cannot read {}: {e}", path.display()))?;
        file_rules = parse_rules_file(&path.display().to_string(), &text)
            .map_err(|e| format!(".rules_file: {e}"))?;
    }
    t.insert("name".into(), toml::Value::String(name.to_string()));
    let mut spec: MonitorSpec =
        serde_path_to_error::deserialize(toml::Value::Table(t)).map_err(|e| {
            format!(
                ".{}: {}",
                e.path(),
                e.inner()
                    .to_string()
                    .split_whitespace()
                    .collect::<Vec<_>>()
                    .join(" ")
            )
        })?;
    file_rules.append(&mut spec.rules);
    spec.rules = file_rules;
    Ok(spec)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Result<Declared, String> {
        let c = Config::parse(text)?;
        from_config(&c).map_err(|e| e.to_string())
    }

    #[test]
    fn tables_become_specs_with_defaults_and_errors_name_their_path() {
        let d = parse(
            "[monitors.web]\nkube = 'k8s'\nnamespaces = ['prod']\nslack = 'alerts'\n\
             archive = { conn = 'arch', prefix = 'logs' }\n\
             [[monitors.web.rules]]\nname = 'errors'\ninclude = ['ERROR']\nwindow = '2m'\n",
        )
        .unwrap();
        let w = d.get("web").unwrap();
        assert_eq!(w.name, "web");
        assert_eq!(w.rules[0].threshold, 1);
        assert_eq!(
            w.archive.as_ref().unwrap().window,
            super::super::Dur::secs(3600)
        );
        let e = parse(
            "[monitors.web]\nkube = 'k8s'\n[[monitors.web.rules]]\nname = 'x'\nincldue = ['a']\n",
        )
        .unwrap_err();
        assert!(
            e.contains("monitors.web.rules[0]") && e.contains("incldue"),
            "{e}"
        );
        let e = parse("[monitors.web]\nkub = 'k8s'\n").unwrap_err();
        assert!(e.contains("monitors.web.kub"), "{e}");
        let e = parse("[monitors.web]\nkube = 'k8s'\n").unwrap_err();
        assert!(e.contains("no rules"), "{e}");
        let e = parse(
            "[monitors.web]\nkube = 'k8s'\n[[monitors.web.rules]]\nname = 'x'\nregex = ['(']\n",
        )
        .unwrap_err();
        assert!(e.contains("regex '(' is invalid"), "{e}");
        let e = parse("[monitors.web]\nname = 'w'\nkube = 'k8s'\n").unwrap_err();
        assert!(e.contains("monitors.web.name"), "{e}");
    }
}
