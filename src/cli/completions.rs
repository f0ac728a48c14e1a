//! `shark completions SHELL`, and the generators behind the committed `completions/` and `man/`.

use clap::Args;
use clap_complete::Shell;
use std::path::Path;

pub const SHELLS: [Shell; 5] = [
    Shell::Bash,
    Shell::Zsh,
    Shell::Fish,
    Shell::Elvish,
    Shell::PowerShell,
];

#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// Shell to generate completions for
    #[arg(value_enum)]
    pub shell: Shell,
}

pub fn run(a: &CompletionsArgs) -> crate::exit::CliResult {
    let mut cmd = super::command();
    clap_complete::generate(a.shell, &mut cmd, "shark", &mut std::io::stdout());
    Ok(())
}

/// Completion scripts: (file name, content) per shell.
pub fn generate_completions() -> Vec<(String, Vec<u8>)> {
    SHELLS
        .iter()
        .map(|sh| {
            let mut buf = vec![];
            clap_complete::generate(*sh, &mut super::command(), "shark", &mut buf);
            let name = match sh {
                Shell::Bash => "shark.bash".to_string(),
                Shell::Zsh => "_shark".to_string(),
                Shell::Fish => "shark.fish".to_string(),
                Shell::Elvish => "shark.elv".to_string(),
                Shell::PowerShell => "_shark.ps1".to_string(),
                other => format!("shark.{other}"),
            };
            (name, buf)
        })
        .collect()
}

/// Man pages: shark.1 plus one page per subcommand (shark-conn.1, ...).
pub fn generate_man_pages() -> std::io::Result<Vec<(String, Vec<u8>)>> {
    let cmd = super::command();
    let mut out = vec![];
    let mut buf = vec![];
    clap_mangen::Man::new(cmd.clone()).render(&mut buf)?;
    out.push(("shark.1".to_string(), buf));
    for sub in cmd.get_subcommands() {
        let name = format!("shark-{}", sub.get_name());
        let sub = sub.clone().name(name.clone());
        let mut buf = vec![];
        clap_mangen::Man::new(sub).render(&mut buf)?;
        out.push((format!("{name}.1"), buf));
    }
    Ok(out)
}

/// Write generated files under `dir` (used by the staleness test with SHARK_REGENERATE=1).
pub fn write_all(dir: &Path, files: &[(String, Vec<u8>)]) -> std::io::Result<()> {
    std::fs::create_dir_all(dir)?;
    for (name, content) in files {
        std::fs::write(dir.join(name), content)?;
    }
    Ok(())
}
