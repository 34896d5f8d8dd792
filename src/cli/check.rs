//! `copydesk check PATH…`: read drafts, analyse them in parallel, join them in a workspace,
//! report, and choose the exit code.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use rayon::prelude::*;

use crate::analysis::analyze;
use crate::config::Config;
use crate::workspace::Workspace;

use super::report::{self, FileReport};
use super::walk::{self, Target};
use super::{CheckArgs, EXIT_CLEAN, EXIT_ERROR, EXIT_FINDINGS};

/// A draft read from disk, ready to analyse.
struct Source {
    key: Arc<str>,
    text: String,
    target: Target,
    config: Arc<Config>,
}

pub fn run(args: &CheckArgs) -> u8 {
    let (targets, mut errors) = walk::targets(&args.paths);
    let mut had_error = !errors.is_empty();
    for e in errors.drain(..) {
        eprintln!("{e}");
    }

    let configs = match resolve_configs(&targets, args.config.as_deref()) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("copydesk: {e}");
            return EXIT_ERROR;
        }
    };

    let read: Vec<Result<Option<Source>, String>> = targets
        .par_iter()
        .zip(configs.par_iter())
        .map(|(t, c)| read_source(t, c.clone()))
        .collect();
    let mut sources = Vec::with_capacity(read.len());
    for r in read {
        match r {
            Ok(Some(s)) => sources.push(s),
            Ok(None) => {}
            Err(e) => {
                eprintln!("{e}");
                had_error = true;
            }
        }
    }

    let analyses: Vec<_> = sources
        .par_iter()
        .map(|s| analyze(&s.text, s.target.kind, &s.config))
        .collect();
    let mut ws = Workspace::new();
    for (s, a) in sources.iter().zip(analyses) {
        ws.insert(s.key.clone(), a, s.config.clone());
    }

    let files: Vec<FileReport> = sources
        .into_iter()
        .map(|s| {
            let findings = ws.findings(&s.key);
            FileReport::new(s.key, s.text, findings)
        })
        .collect();
    let report = report::Report::new(files);
    report::print(&report, args.format);

    if had_error {
        return EXIT_ERROR;
    }
    match args.fail_on.threshold() {
        Some(t) if report.files.iter().flat_map(|f| &f.findings).any(|f| f.severity >= t) => EXIT_FINDINGS,
        _ => EXIT_CLEAN,
    }
}

/// The configuration for each target: `--config FILE` for all, or the `copydesk.toml`
/// nearest each draft (read once per file).
fn resolve_configs(targets: &[Target], explicit: Option<&Path>) -> Result<Vec<Arc<Config>>, String> {
    if let Some(p) = explicit {
        let c = Arc::new(Config::load(p).map_err(|e| e.to_string())?);
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
        let abs = std::fs::canonicalize(&dir).unwrap_or(dir.clone());
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
        by_dir.insert(dir, config.clone());
        out.push(config);
    }
    Ok(out)
}

/// Read one draft. `Ok(None)` when it is skipped (too large, with a note on stderr).
fn read_source(target: &Target, config: Arc<Config>) -> Result<Option<Source>, String> {
    let path = &target.path;
    let shown = walk::display(path);
    if let Ok(meta) = std::fs::metadata(path)
        && meta.len() > config.max_file_bytes
    {
        eprintln!(
            "copydesk: note: skipped {shown}: it is {} bytes, more than max_file_bytes ({}); raise max_file_bytes in copydesk.toml to check it",
            meta.len(),
            config.max_file_bytes
        );
        return Ok(None);
    }
    let bytes = std::fs::read(path).map_err(|e| format!("copydesk: cannot read {shown}: {e}"))?;
    if let Some(at) = bytes.iter().position(|&b| b == 0) {
        return Err(format!(
            "copydesk: {shown} looks like a binary file (a NUL byte at byte {at}), not a draft; it was not checked"
        ));
    }
    let text = String::from_utf8(bytes).map_err(|e| {
        format!(
            "copydesk: {shown} is not valid UTF-8 (at byte {}); save it as UTF-8 to check it",
            e.utf8_error().valid_up_to()
        )
    })?;
    Ok(Some(Source {
        key: Arc::from(shown.as_str()),
        text,
        target: target.clone(),
        config,
    }))
}
