//! Which configuration applies to a draft: the `copydesk.toml` nearest it (cached, reloaded
//! when a watched file changes, the last good one kept when a new one is broken), with the
//! editor's settings (rule severities from `workspace/configuration`) on top.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use serde_json::Value;
use tower_lsp::ls_types as lsp;

use crate::config::{Config, Level};
use crate::rules::Rule;

use super::state::{State, lock};

/// The section of the editor's settings copydesk reads: `{"rules": {"claim/hedge": "off"}}`.
pub const SECTION: &str = "copydesk";

#[derive(Debug, Default)]
pub struct Configs {
    /// Each configuration file read so far: the last good version of it, or the defaults
    /// when it has never parsed.
    files: HashMap<PathBuf, Arc<Config>>,
    /// Files to read again on next use (they changed on disk).
    stale: HashSet<PathBuf>,
    /// Folder → the configuration file that governs drafts in it.
    dirs: HashMap<PathBuf, Option<PathBuf>>,
    /// Rule levels from the editor's settings.
    settings: BTreeMap<Rule, Level>,
    /// File (or none, for the defaults) → its configuration with the settings applied.
    effective: HashMap<Option<PathBuf>, Arc<Config>>,
}

impl Configs {
    /// The configuration for a draft at `path` (`None`: a buffer with no file). The second
    /// value is a message when a configuration file could not be read.
    pub fn for_draft(&mut self, path: Option<&Path>) -> (Arc<Config>, Option<String>) {
        let file = path.and_then(Path::parent).and_then(|dir| self.file_for_dir(dir));
        let mut problem = None;
        if let Some(f) = &file
            && (!self.files.contains_key(f) || self.stale.contains(f))
        {
            self.stale.remove(f);
            self.effective.remove(&file);
            match Config::load(f) {
                Ok(c) => {
                    self.files.insert(f.clone(), Arc::new(c));
                }
                Err(e) => {
                    let kept = if self.files.contains_key(f) {
                        "copydesk keeps using the last good version of it"
                    } else {
                        "copydesk uses the default configuration for now"
                    };
                    problem = Some(format!("{e} ({kept})"));
                    self.files
                        .entry(f.clone())
                        .or_insert_with(|| Arc::new(Config::default()));
                }
            }
        }
        if let Some(c) = self.effective.get(&file) {
            return (c.clone(), problem);
        }
        let base = match &file {
            Some(f) => self.files.get(f).cloned().unwrap_or_default(),
            None => Arc::new(Config::default()),
        };
        let c = if self.settings.is_empty() {
            base
        } else {
            Arc::new(base.with_rule_levels(&self.settings))
        };
        self.effective.insert(file, c.clone());
        (c, problem)
    }

    fn file_for_dir(&mut self, dir: &Path) -> Option<PathBuf> {
        if let Some(f) = self.dirs.get(dir) {
            return f.clone();
        }
        let f = Config::discover(dir);
        self.dirs.insert(dir.to_path_buf(), f.clone());
        f
    }

    /// Something on disk changed (a configuration file, a registry, a folder): find and
    /// read everything again on next use, keeping the last good versions.
    pub fn invalidate(&mut self) {
        self.dirs.clear();
        self.effective.clear();
        self.stale.extend(self.files.keys().cloned());
    }

    /// New editor settings; true when they differ from the current ones.
    pub fn set_settings(&mut self, settings: BTreeMap<Rule, Level>) -> bool {
        if settings == self.settings {
            return false;
        }
        self.settings = settings;
        self.effective.clear();
        true
    }
}

/// Rule levels from the editor's `copydesk` settings. Entries that are not a rule or not a
/// level are reported in the returned messages and skipped.
pub fn parse_settings(value: &Value) -> (BTreeMap<Rule, Level>, Vec<String>) {
    let mut levels = BTreeMap::new();
    let mut problems = Vec::new();
    let Some(rules) = value.get("rules").and_then(Value::as_object) else {
        return (levels, problems);
    };
    for (id, level) in rules {
        let Some(rule) = Rule::from_id(id) else {
            problems.push(format!(
                "settings: unknown rule `{id}` in copydesk.rules; the rules are {}",
                Rule::id_list()
            ));
            continue;
        };
        match level.as_str().and_then(Level::parse) {
            Some(l) => {
                levels.insert(rule, l);
            }
            None => problems.push(format!(
                "settings: `{level}` is not a level for `{id}`; use error, warning, info, hint or off"
            )),
        }
    }
    (levels, problems)
}

/// Is this changed file one that can change a configuration? Configuration files and
/// entity registries are TOML.
pub fn affects_configuration(path: &Path) -> bool {
    path.extension().is_some_and(|e| e.eq_ignore_ascii_case("toml"))
}

impl State {
    /// The configuration for the draft at `path`; a broken configuration file is shown to
    /// the writer once per change.
    pub fn config_for(&self, path: Option<&Path>) -> Arc<Config> {
        let (config, problem) = lock(&self.configs).for_draft(path);
        if let Some(p) = problem {
            self.log.show(lsp::MessageType::ERROR, p);
        }
        config
    }
}

/// Ask the editor for its `copydesk` settings; true when they changed the rule levels.
/// Call from a spawned task: it awaits the client.
pub async fn fetch_settings(state: &State) -> bool {
    let items = vec![lsp::ConfigurationItem {
        scope_uri: None,
        section: Some(SECTION.to_string()),
    }];
    match state.client.configuration(items).await {
        Ok(values) => {
            let value = values.into_iter().next().unwrap_or(Value::Null);
            apply_settings(state, &value)
        }
        Err(e) => {
            state
                .log
                .warn(format!("could not read the editor's settings: {}", e.message));
            false
        }
    }
}

/// Use new settings; true when they changed the rule levels.
pub fn apply_settings(state: &State, value: &Value) -> bool {
    let (levels, problems) = parse_settings(value);
    for p in problems {
        state.log.warn(p);
    }
    let changed = lock(&state.configs).set_settings(levels);
    if changed {
        state.log.info("editor settings changed the rule levels");
    }
    changed
}

/// Ask to be told when configuration files, registries or drafts change on disk.
pub async fn register_watchers(state: Arc<State>) {
    let watchers: Vec<lsp::FileSystemWatcher> = ["**/*.toml", "**/*.{md,markdown,txt}"]
        .into_iter()
        .map(|glob| lsp::FileSystemWatcher {
            glob_pattern: lsp::GlobPattern::String(glob.to_string()),
            kind: None,
        })
        .collect();
    let options = lsp::DidChangeWatchedFilesRegistrationOptions { watchers };
    let registration = lsp::Registration {
        id: "copydesk-watched-files".to_string(),
        method: "workspace/didChangeWatchedFiles".to_string(),
        register_options: serde_json::to_value(options).ok(),
    };
    if let Err(e) = state.client.register_capability(vec![registration]).await {
        state.log.warn(format!(
            "the editor did not accept a file watcher ({}); edit copydesk.toml in the editor or restart to reload it",
            e.message
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::finding::Severity;

    fn temp_dir(name: &str) -> PathBuf {
        let d = std::env::temp_dir().join(format!("copydesk-lsp-configs-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&d);
        std::fs::create_dir_all(d.join(".git")).unwrap();
        d
    }

    #[test]
    fn nearest_file_settings_on_top_and_last_good_kept() {
        let dir = temp_dir("nearest");
        let draft = dir.join("a.md");
        let mut c = Configs::default();
        assert_eq!(c.for_draft(Some(&draft)).0.path, None);

        std::fs::write(dir.join("copydesk.toml"), "[rules]\n\"claim/hedge\" = \"error\"\n").unwrap();
        // Cached until invalidated.
        assert_eq!(c.for_draft(Some(&draft)).0.path, None);
        c.invalidate();
        let (cfg, problem) = c.for_draft(Some(&draft));
        assert!(problem.is_none());
        assert_eq!(cfg.severity(Rule::ClaimHedge), Some(Severity::Error));

        let (levels, problems) = parse_settings(
            &serde_json::json!({"rules": {"claim/weasel": "off", "nope": "off", "claim/hedge": "loud"}}),
        );
        assert_eq!(problems.len(), 2);
        assert!(c.set_settings(levels.clone()));
        assert!(!c.set_settings(levels));
        let cfg = c.for_draft(Some(&draft)).0;
        assert_eq!(cfg.severity(Rule::ClaimWeasel), None);
        assert_eq!(cfg.severity(Rule::ClaimHedge), Some(Severity::Error));

        std::fs::write(dir.join("copydesk.toml"), "[rules]\n\"claim/hedge\" = 3\n").unwrap();
        c.invalidate();
        let (cfg, problem) = c.for_draft(Some(&draft));
        let p = problem.unwrap();
        assert!(p.contains("copydesk.toml:2") && p.contains("last good"), "{p}");
        assert_eq!(cfg.severity(Rule::ClaimHedge), Some(Severity::Error));
        // Reported once, not on every draft.
        assert!(c.for_draft(Some(&dir.join("b.md"))).1.is_none());
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn buffers_without_a_file_use_the_defaults() {
        let mut c = Configs::default();
        let (cfg, problem) = c.for_draft(None);
        assert!(cfg.path.is_none() && problem.is_none());
    }
}
