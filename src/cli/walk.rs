//! Which files `check` reads: named files as given, and the drafts found in named folders
//! (`.md`, `.markdown`, `.txt`), honouring `.gitignore` and `.ignore`, skipping hidden files.

use std::path::{Path, PathBuf};

use crate::text::DocKind;

/// A draft to check, with the path as it will be reported.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Target {
    pub path: PathBuf,
    pub kind: DocKind,
    /// Named on the command line (as opposed to found by walking a folder).
    pub explicit: bool,
}

/// Expand the command line's paths into drafts, sorted by path, without duplicates.
/// Paths that do not exist are returned as errors (message ready for stderr).
pub fn targets(paths: &[PathBuf]) -> (Vec<Target>, Vec<String>) {
    let mut out = Vec::new();
    let mut errors = Vec::new();
    for p in paths {
        if p.is_dir() {
            for entry in ignore::WalkBuilder::new(p)
                .hidden(true)
                .git_ignore(true)
                .git_global(false)
                .require_git(false)
                // Sorted, so messages about unreadable folders come out in a stable order.
                .sort_by_file_name(|a, b| a.cmp(b))
                .build()
            {
                match entry {
                    Ok(e) => {
                        if e.file_type().is_some_and(|t| t.is_file())
                            && let Some(kind) = DocKind::from_path(e.path())
                        {
                            out.push(Target {
                                path: e.path().to_path_buf(),
                                kind,
                                explicit: false,
                            });
                        }
                    }
                    Err(err) => errors.push(format!("copydesk: cannot read part of {}: {err}", p.display())),
                }
            }
        } else if p.is_file() {
            out.push(Target {
                path: p.clone(),
                kind: DocKind::from_path(p).unwrap_or(DocKind::Text),
                explicit: true,
            });
        } else {
            errors.push(format!(
                "copydesk: cannot check {}: there is no such file or folder (check the path)",
                p.display()
            ));
        }
    }
    out.sort_by(|a, b| a.path.cmp(&b.path));
    out.dedup_by(|a, b| a.path == b.path);
    (out, errors)
}

/// The path as a display string (the form used in reports).
pub fn display(path: &Path) -> String {
    path.to_string_lossy().into_owned()
}
