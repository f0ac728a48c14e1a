//! The command-line contract without servers: usage and config errors (exit 2), the state file
//! refusing foreign or damaged files, secrets in config files, and the master key.

mod common;
use common::Env;

#[test]
fn usage_errors_exit_2() {
    let e = Env::new();
    e.expect(2, &["conn", "add"], None);
    e.expect(
        2,
        &["conn", "add", "x", "--kind", "nosuch", "--url", "h"],
        None,
    );
    let (_, err) = e.expect(
        2,
        &[
            "conn",
            "add",
            "x",
            "--kind",
            "mysql",
            "--url",
            "mysql://u:secretpw@h:3306/",
        ],
        None,
    );
    assert!(
        err.contains("process list") && !err.contains("secretpw"),
        "{err}"
    );
    let (_, err) = e.expect(
        2,
        &["conn", "add", "x", "--kind", "mysql", "--url", "http://h"],
        None,
    );
    assert!(err.contains("starts with mysql://"), "{err}");
    let (_, err) = e.expect(
        2,
        &[
            "conn",
            "add",
            "x",
            "--kind",
            "zookeeper",
            "--url",
            "h:1",
            "-O",
            "admn_port=1",
        ],
        None,
    );
    assert!(
        err.contains("unknown option 'admn_port'") && err.contains("admin_port"),
        "{err}"
    );
    let (_, err) = e.expect(
        2,
        &[
            "conn",
            "add",
            "bad name",
            "--kind",
            "redis",
            "--url",
            "redis://h",
        ],
        None,
    );
    assert!(err.contains("may only contain"), "{err}");
    e.expect(
        0,
        &[
            "conn",
            "add",
            "x",
            "--kind",
            "redis",
            "--url",
            "redis://h:1",
        ],
        None,
    );
    let (_, err) = e.expect(
        2,
        &[
            "conn",
            "add",
            "x",
            "--kind",
            "redis",
            "--url",
            "redis://h:1",
        ],
        None,
    );
    assert!(err.contains("already exists"), "{err}");
}

#[test]
fn config_file_unknown_key_names_its_path() {
    let e = Env::new();
    let cfg = e.dir.path().join("shark.toml");
    std::fs::write(
        &cfg,
        "[connections.db]\nkind = \"mysql\"\nurl = \"mysql://u@h:3306/\"\npasswrd = \"x\"\n",
    )
    .unwrap();
    let (_, err) = e.expect(
        2,
        &["--config", cfg.to_str().unwrap(), "conn", "list"],
        None,
    );
    assert!(
        err.contains("connections.db.passwrd") && err.contains(cfg.to_str().unwrap()),
        "{err}"
    );
    let (_, err) = e.expect(
        2,
        &["--config", "/nonexistent/shark.toml", "conn", "list"],
        None,
    );
    assert!(err.contains("cannot read"), "{err}");
}

#[test]
fn config_connections_expand_env_and_hide_secrets() {
    let e = Env::new();
    std::fs::write(
        e.dir.path().join("shark.toml"),
        "[connections.cache]\nkind = \"redis\"\nurl = \"redis://127.0.0.1:1\"\npassword = \"${CACHE_PW}\"\n",
    )
    .unwrap();
    let out = e
        .shark()
        .args(["conn", "list", "-o", "json"])
        .env("CACHE_PW", "topsecret-cfg")
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{out:?}");
    assert!(
        stdout.contains("\"secret\": \"***\"")
            && stdout.contains("config ")
            && !stdout.contains("topsecret-cfg"),
        "{stdout}"
    );
    let out = e
        .shark()
        .args(["conn", "rm", "cache"])
        .env("CACHE_PW", "x")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("edit it there"));
    let (_, err) = e.expect(2, &["conn", "list"], None);
    assert!(
        err.contains("connections.cache.password") && err.contains("CACHE_PW"),
        "{err}"
    );
}

#[test]
fn state_file_that_is_not_sqlite_is_refused() {
    let e = Env::new();
    std::fs::write(e.state(), b"this is a text file, not a database at all\n").unwrap();
    let (_, err) = e.expect(2, &["conn", "list"], None);
    assert!(
        err.contains("is not an SQLite database") && err.contains("--state"),
        "{err}"
    );
    assert_eq!(
        std::fs::read(e.state()).unwrap(),
        b"this is a text file, not a database at all\n"
    );
}

#[test]
fn foreign_sqlite_file_is_refused_untouched() {
    let e = Env::new();
    {
        let c = rusqlite::Connection::open(e.state()).unwrap();
        c.execute_batch(
            "CREATE TABLE invoices(id INTEGER PRIMARY KEY); INSERT INTO invoices VALUES (1);",
        )
        .unwrap();
    }
    let before = std::fs::read(e.state()).unwrap();
    let (_, err) = e.expect(2, &["conn", "list"], None);
    assert!(err.contains("belongs to another application"), "{err}");
    assert_eq!(std::fs::read(e.state()).unwrap(), before);
}

#[test]
fn damaged_state_file_gives_a_clear_error() {
    let e = Env::new();
    e.expect(
        0,
        &[
            "conn",
            "add",
            "x",
            "--kind",
            "redis",
            "--url",
            "redis://h:1",
        ],
        None,
    );
    // checkpoint the WAL into the main file, then overwrite its pages after the header page
    {
        let c = rusqlite::Connection::open(e.state()).unwrap();
        c.execute_batch("PRAGMA wal_checkpoint(TRUNCATE);").unwrap();
    }
    let mut bytes = std::fs::read(e.state()).unwrap();
    for b in bytes.iter_mut().skip(4096) {
        *b = 0xA5;
    }
    std::fs::write(e.state(), &bytes).unwrap();
    let (code, _, err) = e.run(&["conn", "list"], None);
    assert!(code == 4 || code == 2, "exit {code}: {err}");
    assert!(
        err.contains("damaged") || err.contains("malformed"),
        "{err}"
    );
    assert_eq!(err.lines().count(), 1, "{err}");
}

#[test]
fn newer_schema_is_refused() {
    let e = Env::new();
    e.expect(0, &["conn", "list"], None);
    {
        let c = rusqlite::Connection::open(e.state()).unwrap();
        c.pragma_update(None, "user_version", 999).unwrap();
    }
    let (_, err) = e.expect(2, &["conn", "list"], None);
    assert!(err.contains("newer than this shark supports"), "{err}");
}

#[test]
fn master_key_from_env_and_a_wrong_one_is_detected() {
    let e = Env::new();
    let add = e
        .shark()
        .args([
            "conn",
            "add",
            "r",
            "--kind",
            "redis",
            "--url",
            "redis://127.0.0.1:1",
            "--secret-stdin",
        ])
        .env("SHARK_MASTER_KEY", "correct horse battery staple")
        .write_stdin("pw")
        .output()
        .unwrap();
    assert!(add.status.success(), "{add:?}");
    assert!(
        !e.dir.path().join("shark.db.key").exists(),
        "no key file when the master key is set"
    );
    let wrong = e
        .shark()
        .args(["conn", "test", "r"])
        .env("SHARK_MASTER_KEY", "wrong")
        .output()
        .unwrap();
    assert_eq!(wrong.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&wrong.stderr).contains("different key"),
        "{wrong:?}"
    );
    // the right key decrypts (and the test then fails to connect: exit 3, not a key error)
    let right = e
        .shark()
        .args(["conn", "test", "r"])
        .env("SHARK_MASTER_KEY", "correct horse battery staple")
        .output()
        .unwrap();
    assert_eq!(right.status.code(), Some(3), "{right:?}");
}

#[test]
fn key_file_is_created_0600_and_must_stay_private() {
    use std::os::unix::fs::PermissionsExt;
    let e = Env::new();
    e.expect(
        0,
        &[
            "conn",
            "add",
            "r",
            "--kind",
            "redis",
            "--url",
            "redis://127.0.0.1:1",
            "--secret-stdin",
        ],
        Some("pw"),
    );
    let key = e.dir.path().join("shark.db.key");
    assert_eq!(
        std::fs::metadata(&key).unwrap().permissions().mode() & 0o777,
        0o600
    );
    std::fs::set_permissions(&key, std::fs::Permissions::from_mode(0o644)).unwrap();
    let (_, err) = e.expect(2, &["conn", "test", "r"], None);
    assert!(err.contains("chmod 600"), "{err}");
}

#[test]
fn history_records_runs_with_outcome() {
    let e = Env::new();
    e.expect(
        0,
        &[
            "conn",
            "add",
            "r",
            "--kind",
            "redis",
            "--url",
            "redis://127.0.0.1:1",
        ],
        None,
    );
    e.expect(3, &["conn", "test", "r"], None);
    let (out, _) = e.expect(0, &["history", "-o", "json"], None);
    let runs: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(runs[0]["command"], "conn test");
    assert_eq!(runs[0]["status"], "failed");
    assert_eq!(runs[0]["exit_code"], 3);
    assert_eq!(runs[1]["command"], "conn add");
    let id = runs[0]["id"].to_string();
    let (out, _) = e.expect(0, &["history", &id], None);
    assert!(out.contains("cannot connect"), "{out}");
}

#[test]
fn completions_print_for_every_shell() {
    let e = Env::new();
    for sh in ["bash", "zsh", "fish", "elvish", "powershell"] {
        let (out, _) = e.expect(0, &["completions", sh], None);
        assert!(out.contains("shark"), "{sh}");
    }
}

#[test]
fn the_example_config_is_valid() {
    let e = Env::new();
    let example = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/shark.toml");
    let mut c = e.shark();
    c.args([
        "--config",
        example.to_str().unwrap(),
        "conn",
        "list",
        "-o",
        "json",
    ]);
    for v in [
        "ORDERS_DB_PASSWORD",
        "MONGO_PASSWORD",
        "S3_SECRET_ACCESS_KEY",
        "ES_PASSWORD",
        "OPENAI_API_KEY",
        "SLACK_WEBHOOK_URL",
    ] {
        c.env(v, "example-value");
    }
    c.env("S3_ACCESS_KEY_ID", "AKIDEXAMPLE"); // an access key id is not secret: it is shown as the user
    let out = c.output().unwrap();
    assert!(out.status.success(), "{out:?}");
    let list: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(list.as_array().unwrap().len(), 10);
    assert!(!String::from_utf8_lossy(&out.stdout).contains("example-value"));
    // its [inspect] section is valid and names existing connections
    let mut c = e.shark();
    c.args([
        "--config",
        example.to_str().unwrap(),
        "inspect",
        "config",
        "-o",
        "json",
    ]);
    for v in [
        "ORDERS_DB_PASSWORD",
        "MONGO_PASSWORD",
        "S3_SECRET_ACCESS_KEY",
        "ES_PASSWORD",
        "OPENAI_API_KEY",
        "SLACK_WEBHOOK_URL",
        "S3_ACCESS_KEY_ID",
    ] {
        c.env(v, "x");
    }
    let out = c.output().unwrap();
    assert!(out.status.success(), "{out:?}");
    let cfg: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(cfg["plan"]["prometheus"], "metrics");
    assert_eq!(cfg["plan"]["llm"], "ai");
}

#[test]
fn kind_aliases_are_accepted() {
    let e = Env::new();
    e.expect(
        0,
        &[
            "conn",
            "add",
            "z",
            "--kind",
            "zk",
            "--url",
            "127.0.0.1:2181",
        ],
        None,
    );
    let (out, _) = e.expect(0, &["conn", "show", "z", "-o", "json"], None);
    assert!(out.contains("\"kind\": \"zookeeper\""), "{out}");
}

#[test]
fn state_file_wal_shm_and_new_directories_are_private_whatever_the_umask() {
    use std::os::unix::fs::PermissionsExt;
    let e = Env::new();
    let state = e.dir.path().join("new/deeper/shark.db");
    let shark = assert_cmd::cargo::cargo_bin("shark");
    // umask 000 would leave SQLite's defaults (0644) and create_dir_all's (0777) as they are
    let out = std::process::Command::new("sh")
        .args(["-c", "umask 000 && exec \"$0\" \"$@\""])
        .arg(&shark)
        .args([
            "conn",
            "add",
            "r",
            "--kind",
            "redis",
            "--url",
            "redis://127.0.0.1:1",
        ])
        .env("SHARK_STATE", &state)
        .env_remove("SHARK_CONFIG")
        .env_remove("SHARK_MASTER_KEY")
        .env("XDG_CONFIG_HOME", e.dir.path().join("config"))
        .current_dir(e.dir.path())
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    let mode = |p: &std::path::Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode(&state), 0o600);
    for suffix in ["-wal", "-shm"] {
        let p = std::path::PathBuf::from(format!("{}{suffix}", state.display()));
        if p.exists() {
            assert_eq!(mode(&p), 0o600, "{}", p.display());
        }
    }
    assert_eq!(mode(&e.dir.path().join("new")), 0o700);
    assert_eq!(mode(&e.dir.path().join("new/deeper")), 0o700);
}
