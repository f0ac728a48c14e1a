//! The layer rules of `src/lib.rs`, checked on the source: engines import only the shared layer
//! (never `cli`, clap or another engine), `state` imports nothing above it, `conn` does not
//! import `config`, and `exit.rs` knows no engine.

use std::path::{Path, PathBuf};

const ENGINES: &[&str] = &["sync", "inspect", "deploy", "zk", "monitor", "es_shards"];

fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut out = vec![];
    for entry in std::fs::read_dir(dir).unwrap() {
        let p = entry.unwrap().path();
        if p.is_dir() {
            out.extend(rust_files(&p));
        } else if p.extension().is_some_and(|e| e == "rs") {
            out.push(p);
        }
    }
    out
}

/// Lines of code (comments dropped) of every file under `src/<module>` (or the file
/// `src/<module>.rs`) that mention one of `needles`.
fn offenders(module: &str, needles: &[String]) -> Vec<String> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let dir = src.join(module);
    let files = if dir.is_dir() {
        rust_files(&dir)
    } else {
        vec![src.join(format!("{module}.rs"))]
    };
    let mut out = vec![];
    for f in files {
        let text = std::fs::read_to_string(&f).unwrap();
        for (i, line) in text.lines().enumerate() {
            let code = line.split("//").next().unwrap_or("");
            if needles.iter().any(|n| code.contains(n.as_str())) {
                out.push(format!("{}:{}: {}", f.display(), i + 1, line.trim()));
            }
        }
    }
    out
}

fn mentions(modules: &[&str]) -> Vec<String> {
    modules
        .iter()
        .flat_map(|m| {
            [
                format!("crate::{m}::"),
                format!("crate::{m};"),
                format!("crate::{{{m}"),
            ]
        })
        .collect()
}

#[test]
fn engines_import_only_the_shared_layer() {
    for engine in ENGINES {
        let mut banned: Vec<&str> = ENGINES.iter().copied().filter(|e| e != engine).collect();
        banned.push("cli");
        let mut needles = mentions(&banned);
        needles.push("clap::".into());
        let bad = offenders(engine, &needles);
        assert!(
            bad.is_empty(),
            "{engine} reaches outside the shared layer:\n{}",
            bad.join("\n")
        );
    }
}

#[test]
fn shared_layer_imports_nothing_above_it() {
    let mut above: Vec<&str> = ENGINES.to_vec();
    above.push("cli");
    let bad = offenders(
        "state",
        &mentions(&[&above[..], &["conn", "config", "ui"]].concat()),
    );
    assert!(
        bad.is_empty(),
        "state imports from above it:\n{}",
        bad.join("\n")
    );
    let bad = offenders("conn", &mentions(&[&above[..], &["config"]].concat()));
    assert!(
        bad.is_empty(),
        "conn imports from above it:\n{}",
        bad.join("\n")
    );
    for shared in ["exit", "cancel", "ui", "config"] {
        let bad = offenders(shared, &mentions(&above));
        assert!(
            bad.is_empty(),
            "{shared} imports an engine or cli:\n{}",
            bad.join("\n")
        );
    }
}
