//! `copydesk entities PATH… [--format table|json]`: the who's-who of a folder of drafts.
//!
//! Every draft is analysed and joined in a workspace, as `check` does; the workspace's entity
//! cards are printed, most mentioned first: a table on a terminal, or one JSON object.

use std::collections::HashMap;
use std::fmt::Write;
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use clap::ValueEnum;
use rayon::prelude::*;
use serde::Serialize;

use crate::analysis::analyze;
use crate::config::Config;
use crate::workspace::{EntityCard, Workspace};

use super::walk::{self, Target};
use super::{EXIT_CLEAN, EXIT_ERROR};

#[derive(clap::Args, Debug)]
pub struct EntitiesArgs {
    /// Files and folders of drafts.
    #[arg(required = true)]
    pub paths: Vec<PathBuf>,
    /// How to print the entities.
    #[arg(long, value_enum, default_value_t = EntitiesFormat::Table)]
    pub format: EntitiesFormat,
    /// Use this configuration file instead of looking for copydesk.toml beside each draft.
    #[arg(long)]
    pub config: Option<PathBuf>,
}

/// A draft read from disk: its key, text, kind and configuration.
type Source = (Arc<str>, String, Target, Arc<Config>);

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum EntitiesFormat {
    Table,
    Json,
}

pub fn run(args: &EntitiesArgs) -> u8 {
    let (targets, errors) = walk::targets(&args.paths);
    let mut code = EXIT_CLEAN;
    for e in &errors {
        eprintln!("{e}");
        code = EXIT_ERROR;
    }
    let configs = match configs(&targets, args.config.as_deref()) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("copydesk: {e}");
            return EXIT_ERROR;
        }
    };
    let read: Vec<Result<Source, String>> = targets
        .par_iter()
        .zip(configs)
        .map(|(t, c)| {
            let shown = walk::display(&t.path);
            let text = std::fs::read_to_string(&t.path).map_err(|e| format!("copydesk: cannot read {shown}: {e}"))?;
            Ok((Arc::from(shown.as_str()), text, t.clone(), c))
        })
        .collect();
    let mut sources = Vec::with_capacity(read.len());
    for r in read {
        match r {
            Ok(s) => sources.push(s),
            Err(e) => {
                eprintln!("{e}");
                code = EXIT_ERROR;
            }
        }
    }
    let analyses: Vec<_> = sources
        .par_iter()
        .map(|(_, text, t, c)| analyze(text, t.kind, c))
        .collect();
    let mut ws = Workspace::new();
    for ((key, _, _, config), a) in sources.iter().zip(analyses) {
        ws.insert(key.clone(), a, config.clone());
    }
    let cards = ws.cards();
    let out = match args.format {
        EntitiesFormat::Table => table(&cards),
        EntitiesFormat::Json => json(&cards),
    };
    let mut stdout = std::io::stdout().lock();
    let _ = stdout.write_all(out.as_bytes());
    let _ = stdout.flush();
    code
}

/// The configuration for each draft: `--config FILE`, or the nearest `copydesk.toml`.
fn configs(targets: &[Target], explicit: Option<&Path>) -> Result<Vec<Arc<Config>>, String> {
    if let Some(p) = explicit {
        let c = Arc::new(Config::load(p).map_err(|e| e.to_string())?);
        return Ok(vec![c; targets.len()]);
    }
    let default = Arc::new(Config::default());
    let mut by_file: HashMap<PathBuf, Arc<Config>> = HashMap::new();
    let mut out = Vec::with_capacity(targets.len());
    for t in targets {
        let dir = t
            .path
            .parent()
            .filter(|d| !d.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        let abs = std::fs::canonicalize(dir).unwrap_or_else(|_| dir.to_path_buf());
        let config = match Config::discover(&abs) {
            Some(file) => match by_file.get(&file) {
                Some(c) => c.clone(),
                None => {
                    let c = Arc::new(Config::load(&file).map_err(|e| e.to_string())?);
                    by_file.insert(file, c.clone());
                    c
                }
            },
            None => default.clone(),
        };
        out.push(config);
    }
    Ok(out)
}

/// Shorten `s` to `width` characters, with an ellipsis when cut.
fn fit(s: &str, width: usize) -> String {
    if s.chars().count() <= width {
        return s.to_string();
    }
    let mut out: String = s.chars().take(width.saturating_sub(1)).collect();
    out.push('…');
    out
}

/// The spellings cell: every spelling when there are several, with counts and files.
fn spellings(card: &EntityCard) -> String {
    if card.spellings.len() < 2 {
        return String::new();
    }
    card.spellings
        .iter()
        .map(|s| {
            let files: Vec<&str> = s.keys.iter().map(|k| crate::workspace::file_name(k)).collect();
            let mark = if s.canonical { "" } else { "≠ " };
            format!("{mark}{} ({}× {})", s.text, s.mentions, files.join(", "))
        })
        .collect::<Vec<_>>()
        .join("; ")
}

/// The who's-who as a table; entities with quotes get them listed below their row.
pub fn table(cards: &[EntityCard]) -> String {
    const NAME: usize = 30;
    const ROLES: usize = 44;
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{:<NAME$}  {:<12}  {:>8}  {:>6}  {:<ROLES$}  SPELLINGS",
        "NAME", "KIND", "MENTIONS", "DRAFTS", "TITLES AND ROLES"
    );
    for c in cards {
        let roles: Vec<&str> = c.roles.iter().map(|r| r.text.as_str()).collect();
        let _ = writeln!(
            out,
            "{:<NAME$}  {:<12}  {:>8}  {:>6}  {:<ROLES$}  {}",
            fit(&c.name, NAME),
            c.kind,
            c.mentions,
            c.keys.len(),
            fit(&roles.join("; "), ROLES),
            spellings(c)
        );
        for q in &c.quotes {
            let _ = writeln!(
                out,
                "{:NAME$}    quote: {} ({})",
                "",
                fit(&q.text.replace('\n', " "), 100),
                crate::workspace::file_name(&q.key)
            );
        }
    }
    let _ = writeln!(out, "{} entities", cards.len());
    out
}

#[derive(Serialize)]
struct JsonCard<'a> {
    name: &'a str,
    kind: &'a str,
    mentions: usize,
    paths: Vec<&'a str>,
    first: Option<JsonPlace<'a>>,
    roles: Vec<JsonRole<'a>>,
    spellings: Vec<JsonSpelling<'a>>,
    quotes: Vec<JsonRole<'a>>,
    registry_title: Option<&'a str>,
    registry_note: Option<&'a str>,
}

#[derive(Serialize)]
struct JsonPlace<'a> {
    path: &'a str,
    start_byte: usize,
    end_byte: usize,
}

#[derive(Serialize)]
struct JsonRole<'a> {
    text: &'a str,
    path: &'a str,
    start_byte: usize,
}

#[derive(Serialize)]
struct JsonSpelling<'a> {
    text: &'a str,
    canonical: bool,
    mentions: usize,
    paths: Vec<&'a str>,
}

/// The who's-who as one JSON object: `{"entities": [...]}`.
pub fn json(cards: &[EntityCard]) -> String {
    let entities: Vec<JsonCard<'_>> = cards
        .iter()
        .map(|c| JsonCard {
            name: &c.name,
            kind: c.kind,
            mentions: c.mentions,
            paths: c.keys.iter().map(|k| &**k).collect(),
            first: c.first.as_ref().map(|l| JsonPlace {
                path: &l.key,
                start_byte: l.span.start,
                end_byte: l.span.end,
            }),
            roles: c
                .roles
                .iter()
                .map(|r| JsonRole {
                    text: &r.text,
                    path: &r.key,
                    start_byte: r.span.start,
                })
                .collect(),
            spellings: c
                .spellings
                .iter()
                .map(|s| JsonSpelling {
                    text: &s.text,
                    canonical: s.canonical,
                    mentions: s.mentions,
                    paths: s.keys.iter().map(|k| &**k).collect(),
                })
                .collect(),
            quotes: c
                .quotes
                .iter()
                .map(|q| JsonRole {
                    text: &q.text,
                    path: &q.key,
                    start_byte: q.span.start,
                })
                .collect(),
            registry_title: c.registry_title.as_deref(),
            registry_note: c.registry_note.as_deref(),
        })
        .collect();
    let mut s = serde_json::json!({ "entities": entities }).to_string();
    s.push('\n');
    s
}
