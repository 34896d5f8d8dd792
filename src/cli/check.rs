//! `copydesk check PATH…`: find the drafts, read them, analyse them in parallel, join them
//! in a workspace, report, and choose the exit code.
//!
//! Problems with a file (unreadable, not UTF-8, binary) are explained on stderr and make the
//! exit code 2, but never stop the other drafts from being checked and reported. A broken
//! configuration stops the run: findings under the wrong rules would mislead.

use std::collections::HashMap;
use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use rayon::prelude::*;

use crate::analysis::{Analysis, analyze};
use crate::config::{Config, ConfigError};
use crate::guard;
use crate::rules::Rule;
use crate::text::DocKind;
use crate::workspace::Workspace;

use super::report::{self, FileReport};
use super::walk::{self, Target};
use super::{CheckArgs, EXIT_CLEAN, EXIT_ERROR, EXIT_FINDINGS};

/// Above this many drafts a person at a terminal gets a progress bar.
const PROGRESS_MIN_FILES: usize = 200;

/// A draft read from disk, ready to analyse.
struct Source {
    key: Arc<str>,
    text: String,
    target: Target,
    config: Arc<Config>,
}

/// What became of one file.
enum Read {
    Draft(Source),
    /// Too large: skipped with a note, not an error.
    Skipped(String),
    Failed(String),
}

pub fn run(args: &CheckArgs) -> u8 {
    let (targets, errors) = walk::targets(&args.paths);
    let mut had_error = !errors.is_empty();
    for e in &errors {
        eprintln!("{e}");
    }
    if targets.is_empty() && errors.is_empty() {
        eprintln!("copydesk: note: no drafts (.md, .markdown or .txt files) found in the paths given");
    }

    let configs = match resolve_configs(&targets, args.config.as_deref()) {
        Ok(c) => c,
        Err(mut e) => {
            e.path = PathBuf::from(shown_path(&e.path));
            eprintln!("copydesk: {e}");
            return EXIT_ERROR;
        }
    };

    let progress = progress_bar(targets.len());
    let read: Vec<Read> = targets
        .par_iter()
        .zip(configs.par_iter())
        .map(|(t, c)| read_source(t, c.clone()))
        .collect();
    let mut sources = Vec::with_capacity(read.len());
    // Paths that do not exist count too, so the summary never reads as a clean run.
    let mut not_checked = errors.len();
    // Messages go out in path order, after the parallel part, so stderr is deterministic too.
    for r in read {
        match r {
            Read::Draft(s) => sources.push(s),
            Read::Skipped(note) => {
                eprintln!("{note}");
                not_checked += 1;
            }
            Read::Failed(e) => {
                eprintln!("{e}");
                had_error = true;
                not_checked += 1;
            }
        }
    }

    let analyses = analyze_all(&sources, &progress, analyze);
    progress.finish_and_clear();
    let mut ws = Workspace::new();
    let mut checked = Vec::with_capacity(sources.len());
    for (s, a) in sources.into_iter().zip(analyses) {
        match a {
            Ok(a) => {
                ws.insert(s.key.clone(), a, s.config.clone());
                checked.push(s);
            }
            Err(e) => {
                eprintln!("{e}");
                had_error = true;
                not_checked += 1;
            }
        }
    }
    let sources = checked;
    warn_unknown_suppressions(&ws, &sources);

    // Each draft's findings read the finished workspace and nothing else: in parallel too.
    let files: Vec<FileReport> = sources
        .into_par_iter()
        .map(|s| {
            let findings = ws.findings(&s.key);
            FileReport::new(s.key, s.text, findings)
        })
        .collect();
    let mut report = report::Report::new(files);
    report.not_checked = not_checked;
    report::print(&report, args.format);
    let failed = args
        .fail_on
        .threshold()
        .is_some_and(|t| report.findings().any(|f| f.severity >= t));
    // The process ends right after this: freeing every analysis, name index and report one
    // allocation at a time would cost about a tenth of a whole run's instructions (measured
    // over the 1,365 news drafts), on one core, for memory the OS takes back at exit anyway.
    std::mem::forget(ws);
    std::mem::forget(report);

    if had_error {
        EXIT_ERROR
    } else if failed {
        EXIT_FINDINGS
    } else {
        EXIT_CLEAN
    }
}

/// Analyse every draft in parallel. A draft whose analysis panics (a bug in copydesk, which
/// the fuzzers exist to prevent) is an error naming the draft; the others are still checked.
fn analyze_all(
    sources: &[Source],
    progress: &ProgressBar,
    analyze: impl Fn(&str, DocKind, &Config) -> Analysis + Sync,
) -> Vec<Result<Analysis, String>> {
    sources
        .par_iter()
        .map(|s| {
            let a = guard::contain(|| analyze(&s.text, s.target.kind, &s.config)).map_err(|panic| {
                format!(
                    "copydesk: {}: internal error, this draft was not checked (the analysis panicked: {panic}). \
                     Please report it with the draft; the other drafts are reported.",
                    s.key
                )
            });
            progress.inc(1);
            // Dropped here, where the next draft reuses the memory, the segments take a
            // quarter off a folder's peak memory (63 to 48 MiB over the news folder).
            a.map(Analysis::without_segments)
        })
        .collect()
}

/// A bar on stderr for long runs at a terminal; hidden otherwise, so pipes and CI logs get
/// nothing but the report.
fn progress_bar(files: usize) -> ProgressBar {
    if files <= PROGRESS_MIN_FILES || !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::with_draw_target(Some(files as u64), ProgressDrawTarget::stderr());
    if let Ok(style) = ProgressStyle::with_template("checking {bar:40} {pos}/{len} drafts") {
        bar.set_style(style);
    }
    bar
}

/// A suppression comment that names no rule silences nothing the writer meant: say so.
fn warn_unknown_suppressions(ws: &Workspace, sources: &[Source]) {
    for s in sources {
        let Some(draft) = ws.get(&s.key) else { continue };
        if draft.analysis.suppressions.unknown.is_empty() {
            continue;
        }
        let lines = crate::text::position::LineIndex::new(&s.text);
        for (span, id) in &draft.analysis.suppressions.unknown {
            let line = lines.line_of(span.start) + 1;
            eprintln!(
                "copydesk: warning: {}:{line}: `{id}` in a suppression comment is not a rule, so it silences nothing; the rules are {}",
                s.key,
                Rule::id_list()
            );
        }
    }
}

/// The configuration for each target: `--config FILE` for all, or the `copydesk.toml`
/// nearest each draft (each file read once).
fn resolve_configs(targets: &[Target], explicit: Option<&Path>) -> Result<Vec<Arc<Config>>, ConfigError> {
    if let Some(p) = explicit {
        let c = Arc::new(Config::load(p)?);
        return Ok(vec![c; targets.len()]);
    }
    let default = Arc::new(Config::default());
    let mut by_dir: HashMap<PathBuf, Arc<Config>> = HashMap::new();
    let mut by_file: HashMap<PathBuf, Arc<Config>> = HashMap::new();
    let mut out = Vec::with_capacity(targets.len());
    for t in targets {
        let dir = t.path.parent().map(Path::to_path_buf).unwrap_or_default();
        let dir = if dir.as_os_str().is_empty() {
            PathBuf::from(".")
        } else {
            dir
        };
        if let Some(c) = by_dir.get(&dir) {
            out.push(c.clone());
            continue;
        }
        // Discovery walks up from the real folder, so `..` and relative paths work.
        let abs = std::fs::canonicalize(&dir).unwrap_or(dir.clone());
        let config = match Config::discover(&abs) {
            Some(file) => match by_file.get(&file) {
                Some(c) => c.clone(),
                None => {
                    let c = Arc::new(Config::load(&file)?);
                    by_file.insert(file, c.clone());
                    c
                }
            },
            None => default.clone(),
        };
        by_dir.insert(dir, config.clone());
        out.push(config);
    }
    Ok(out)
}

/// A path for messages: relative to the working folder when it is inside it.
fn shown_path(path: &Path) -> String {
    std::env::current_dir()
        .ok()
        .and_then(|cwd| path.strip_prefix(cwd).ok())
        .unwrap_or(path)
        .display()
        .to_string()
}

/// Read one draft. Never writes anything.
fn read_source(target: &Target, config: Arc<Config>) -> Read {
    let path = &target.path;
    let shown = walk::display(path);
    if let Ok(meta) = std::fs::metadata(path)
        && meta.len() > config.max_file_bytes
    {
        return Read::Skipped(format!(
            "copydesk: note: skipped {shown}: it is {} bytes, more than max_file_bytes ({}); \
             raise max_file_bytes in copydesk.toml to check it",
            meta.len(),
            config.max_file_bytes
        ));
    }
    let bytes = match std::fs::read(path) {
        Ok(b) => b,
        Err(e) => return Read::Failed(format!("copydesk: cannot read {shown}: {e}")),
    };
    if bytes.starts_with(&[0xff, 0xfe]) || bytes.starts_with(&[0xfe, 0xff]) {
        return Read::Failed(format!(
            "copydesk: {shown} is UTF-16 text (it starts with a UTF-16 byte-order mark at byte 0); \
             save it as UTF-8 to check it"
        ));
    }
    if let Some(at) = bytes.iter().position(|&b| b == 0) {
        return Read::Failed(format!(
            "copydesk: {shown} looks like a binary file, not a draft (a NUL byte at byte {at}); it was not checked"
        ));
    }
    match String::from_utf8(bytes) {
        Ok(text) => Read::Draft(Source {
            key: Arc::from(shown.as_str()),
            text,
            target: target.clone(),
            config,
        }),
        Err(e) => {
            let at = e.utf8_error().valid_up_to();
            let line = e.as_bytes()[..at].iter().filter(|&&b| b == b'\n').count() + 1;
            Read::Failed(format!(
                "copydesk: {shown} is not valid UTF-8 (byte {at}, line {line}); \
                 it may be in another encoding such as Windows-1252: save it as UTF-8 to check it"
            ))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn source(name: &str, text: &str) -> Source {
        Source {
            key: Arc::from(name),
            text: text.to_string(),
            target: Target {
                path: PathBuf::from(name),
                kind: DocKind::Text,
                explicit: true,
            },
            config: Arc::new(Config::default()),
        }
    }

    #[test]
    fn the_analyses_kept_for_the_report_hold_no_tokens() {
        let sources = [source(
            "a.txt",
            "“We will win,” Smith said. The report reportedly said so.",
        )];
        let results = analyze_all(&sources, &ProgressBar::hidden(), analyze);
        let a = results[0].as_ref().unwrap();
        assert!(a.segments.tokens.is_empty() && a.segments.sentences.is_empty());
        assert!(
            !a.findings.is_empty() && !a.entities.mentions.is_empty(),
            "the rest is kept"
        );
    }

    #[test]
    fn a_panic_in_one_draft_is_an_error_naming_it_and_the_others_are_analysed() {
        let sources = [
            source("a.txt", "Fine."),
            source("b.txt", "BOOM"),
            source("c.txt", "Fine too."),
        ];
        let results = analyze_all(&sources, &ProgressBar::hidden(), |text, kind, config| {
            assert_ne!(text, "BOOM", "a bug");
            analyze(text, kind, config)
        });
        assert!(results[0].is_ok() && results[2].is_ok());
        let e = results[1].as_ref().unwrap_err();
        assert!(e.starts_with("copydesk: b.txt: internal error"), "{e}");
        assert!(e.contains("a bug"), "{e}");
    }
}
