//! `completions/` and `man/` are generated from the clap definitions and committed; this test
//! fails when they are stale. Regenerate with `SHARK_REGENERATE=1 cargo test --test generated`.

use std::path::Path;

fn check(dir: &str, files: Vec<(String, Vec<u8>)>) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join(dir);
    if std::env::var_os("SHARK_REGENERATE").is_some() {
        if root.exists() {
            std::fs::remove_dir_all(&root).unwrap();
        }
        shark::cli::write_all(&root, &files).unwrap();
        return;
    }
    let mut stale = vec![];
    for (name, content) in &files {
        match std::fs::read(root.join(name)) {
            Ok(on_disk) if &on_disk == content => {}
            _ => stale.push(name.clone()),
        }
    }
    let expected: std::collections::BTreeSet<&str> =
        files.iter().map(|(n, _)| n.as_str()).collect();
    for entry in std::fs::read_dir(&root).unwrap_or_else(|_| panic!("{dir}/ is missing")) {
        let name = entry.unwrap().file_name().to_string_lossy().into_owned();
        if !expected.contains(name.as_str()) {
            stale.push(format!("{name} (no longer generated)"));
        }
    }
    assert!(
        stale.is_empty(),
        "{dir}/ is stale: {stale:?}; run `SHARK_REGENERATE=1 cargo test --test generated` and commit"
    );
}

#[test]
fn completions_are_current() {
    check("completions", shark::cli::generate_completions());
}

#[test]
fn man_pages_are_current() {
    check("man", shark::cli::generate_man_pages().unwrap());
}
