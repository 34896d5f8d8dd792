//! The command line: `check`, `explain`, `serve` (and, as it lands, `entities`).

pub mod check;
pub mod explain;
pub mod report;
pub mod walk;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

/// Exit codes of the contract.
pub const EXIT_CLEAN: u8 = 0;
pub const EXIT_FINDINGS: u8 = 1;
pub const EXIT_ERROR: u8 = 2;

#[derive(Parser, Debug)]
#[command(
    name = "copydesk",
    version,
    about = "A copy desk for news drafts: unattributed quotes, name variants, unsupported claims"
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Check drafts (files or folders of .md, .markdown and .txt) and report findings.
    Check(CheckArgs),
    /// Explain a rule, with an example of what it flags and what it accepts; without a rule,
    /// list the rules.
    Explain {
        /// A rule id such as quote/unattributed.
        rule: Option<String>,
    },
    /// Run the language server (LSP over stdin/stdout) for VS Code, Neovim, Helix, Emacs.
    Serve {
        /// Speak LSP over stdin/stdout (the only transport; accepted for editors that pass it).
        #[arg(long)]
        stdio: bool,
    },
}

#[derive(clap::Args, Debug)]
pub struct CheckArgs {
    /// Files and folders to check.
    #[arg(required = true)]
    pub paths: Vec<PathBuf>,
    /// How to print findings.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,
    /// Exit with 1 when a finding is at or above this severity.
    #[arg(long, value_enum, default_value_t = FailOn::Warning)]
    pub fail_on: FailOn,
    /// Use this configuration file instead of looking for copydesk.toml beside each draft.
    #[arg(long)]
    pub config: Option<PathBuf>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Human,
    Json,
    Sarif,
    Github,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum FailOn {
    Error,
    Warning,
    Info,
    Hint,
    Never,
}

impl FailOn {
    pub fn threshold(self) -> Option<crate::Severity> {
        use crate::Severity;
        match self {
            FailOn::Error => Some(Severity::Error),
            FailOn::Warning => Some(Severity::Warning),
            FailOn::Info => Some(Severity::Info),
            FailOn::Hint => Some(Severity::Hint),
            FailOn::Never => None,
        }
    }
}

/// Parse the command line and run; the process's exit code.
pub fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let code = if e.use_stderr() { EXIT_ERROR } else { EXIT_CLEAN };
            let _ = e.print();
            return ExitCode::from(code);
        }
    };
    let code = match cli.command {
        Command::Check(args) => check::run(&args),
        Command::Explain { rule } => explain::run(&rule),
        Command::Serve { stdio: _ } => crate::lsp::run_stdio(),
    };
    ExitCode::from(code)
}
