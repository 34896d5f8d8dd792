//! `copydesk.toml`: discovery, schema, and errors that name the file, line and key.
//!
//! The schema is the contract of ARCHITECTURE.md. Unknown keys and wrong types are errors;
//! rule ids are checked against the registry of rules. Entity registries listed under
//! `names.entities` are read relative to the configuration file.

use std::collections::BTreeMap;
use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};

use serde::Deserialize;
use toml::Spanned;

use crate::analysis::lexicon::Lexicon;
use crate::finding::Severity;
use crate::rules::Rule;

pub const FILE_NAME: &str = "copydesk.toml";
pub const DEFAULT_MAX_FILE_BYTES: u64 = 10_000_000;
pub const DEFAULT_MIN_QUOTE_WORDS: usize = 4;

/// What a rule is set to: a severity, or off.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Level {
    Off,
    On(Severity),
}

impl Level {
    pub fn parse(s: &str) -> Option<Level> {
        if s == "off" {
            Some(Level::Off)
        } else {
            Severity::parse(s).map(Level::On)
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum EntityKind {
    Person,
    Organization,
    Place,
}

/// A known person, organisation or place, from a registry file.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RegistryEntity {
    /// The canonical spelling.
    pub name: String,
    #[serde(default = "default_kind")]
    pub kind: EntityKind,
    #[serde(default)]
    pub title: Option<String>,
    /// Other accepted forms.
    #[serde(default)]
    pub aliases: Vec<String>,
    /// Known wrong spellings: always flagged.
    #[serde(default)]
    pub avoid: Vec<String>,
    #[serde(default)]
    pub note: Option<String>,
}

fn default_kind() -> EntityKind {
    EntityKind::Person
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LexiconConfig {
    pub speech_verbs: Vec<String>,
    pub hedges: Vec<String>,
    pub weasels: Vec<String>,
}

/// The configuration in force for a draft.
#[derive(Clone, Debug)]
pub struct Config {
    pub max_file_bytes: u64,
    /// Rules set in `[rules]`; rules not listed keep their default severity.
    pub rules: BTreeMap<Rule, Level>,
    /// Quoted phrases with fewer words are scare quotes or titles, not quotations.
    pub min_quote_words: usize,
    /// Spellings never flagged by `name/variant`.
    pub accept: Vec<String>,
    /// Known entities from every registry listed under `names.entities`.
    pub registry: Vec<RegistryEntity>,
    /// Additions to the built-in word lists.
    pub lexicon_additions: LexiconConfig,
    /// The file this came from; `None` for the built-in defaults.
    pub path: Option<PathBuf>,
    /// The word lists compiled once, on first use, and shared by every clone.
    lexicon: Arc<OnceLock<Arc<Lexicon>>>,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            max_file_bytes: DEFAULT_MAX_FILE_BYTES,
            rules: BTreeMap::new(),
            min_quote_words: DEFAULT_MIN_QUOTE_WORDS,
            accept: Vec::new(),
            registry: Vec::new(),
            lexicon_additions: LexiconConfig::default(),
            path: None,
            lexicon: Arc::default(),
        }
    }
}

impl PartialEq for Config {
    fn eq(&self, other: &Self) -> bool {
        self.max_file_bytes == other.max_file_bytes
            && self.rules == other.rules
            && self.min_quote_words == other.min_quote_words
            && self.accept == other.accept
            && self.registry == other.registry
            && self.lexicon_additions == other.lexicon_additions
            && self.path == other.path
    }
}

impl Config {
    /// The severity a rule reports at, or `None` when it is off.
    pub fn severity(&self, rule: Rule) -> Option<Severity> {
        match self.rules.get(&rule) {
            Some(Level::Off) => None,
            Some(Level::On(s)) => Some(*s),
            None => Some(rule.default_severity()),
        }
    }

    /// The compiled word lists (built-in plus this configuration's additions).
    pub fn lexicon(&self) -> &Lexicon {
        self.shared_lexicon_ref()
    }

    /// The compiled word lists, as a handle that outlives this configuration: a cache of
    /// scans made with them keeps it, to know when they change.
    pub fn shared_lexicon(&self) -> Arc<Lexicon> {
        self.shared_lexicon_ref().clone()
    }

    fn shared_lexicon_ref(&self) -> &Arc<Lexicon> {
        self.lexicon
            .get_or_init(|| Arc::new(Lexicon::new(&self.lexicon_additions)))
    }

    /// Override rule levels (from editor settings); the word lists stay compiled.
    pub fn with_rule_levels(&self, levels: &BTreeMap<Rule, Level>) -> Config {
        let mut c = self.clone();
        c.rules.extend(levels.iter().map(|(r, l)| (*r, *l)));
        c
    }

    /// Read and check a configuration file, and every registry it lists.
    pub fn load(path: &Path) -> Result<Config, ConfigError> {
        let src = std::fs::read_to_string(path).map_err(|e| ConfigError::io(path, &e))?;
        Config::parse(&src, path, &|p| std::fs::read_to_string(p))
    }

    /// Parse configuration text that came from `path`; registries are read with `read`
    /// (relative paths are resolved against `path`'s folder).
    pub fn parse(
        src: &str,
        path: &Path,
        read: &dyn Fn(&Path) -> std::io::Result<String>,
    ) -> Result<Config, ConfigError> {
        let raw: RawConfig = toml::from_str(src).map_err(|e| ConfigError::toml(path, src, &e))?;
        let mut config = Config {
            path: Some(path.to_path_buf()),
            ..Config::default()
        };
        if let Some(max) = raw.max_file_bytes {
            config.max_file_bytes = max;
        }
        for (key, value) in raw.rules {
            let Some(rule) = Rule::from_id(key.get_ref()) else {
                return Err(ConfigError::at(
                    path,
                    src,
                    key.span().start,
                    format!(
                        "unknown rule `{}` in [rules]; the rules are {}",
                        key.get_ref(),
                        Rule::id_list()
                    ),
                ));
            };
            let Some(level) = Level::parse(value.get_ref()) else {
                return Err(ConfigError::at(
                    path,
                    src,
                    value.span().start,
                    format!(
                        "`{}` is not a level for rule `{}`; use error, warning, info, hint or off",
                        value.get_ref(),
                        rule
                    ),
                ));
            };
            config.rules.insert(rule, level);
        }
        if let Some(q) = raw.quotes
            && let Some(n) = q.min_words
        {
            config.min_quote_words = n;
        }
        if let Some(names) = raw.names {
            config.accept = names.accept;
            let base = path.parent().unwrap_or(Path::new("."));
            for entry in names.entities {
                let file = base.join(entry.get_ref());
                let text = read(&file).map_err(|e| {
                    ConfigError::at(
                        path,
                        src,
                        entry.span().start,
                        format!(
                            "cannot read the entity registry {} listed in names.entities: {e}",
                            file.display()
                        ),
                    )
                })?;
                let reg: RawRegistry = toml::from_str(&text).map_err(|e| ConfigError::toml(&file, &text, &e))?;
                config.registry.extend(reg.entity);
            }
        }
        if let Some(lex) = raw.lexicon {
            config.lexicon_additions = LexiconConfig {
                speech_verbs: lex.speech_verbs,
                hedges: lex.hedges,
                weasels: lex.weasels,
            };
        }
        Ok(config)
    }

    /// The configuration file for a draft in `dir`: `copydesk.toml` in `dir` or the nearest
    /// parent, stopping at a folder that holds `.git` (the repository's root) or at the
    /// filesystem root.
    pub fn discover(dir: &Path) -> Option<PathBuf> {
        let mut cur = Some(dir);
        while let Some(d) = cur {
            let candidate = d.join(FILE_NAME);
            if candidate.is_file() {
                return Some(candidate);
            }
            if d.join(".git").exists() {
                return None;
            }
            cur = d.parent();
        }
        None
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawConfig {
    max_file_bytes: Option<u64>,
    #[serde(default)]
    rules: BTreeMap<Spanned<String>, Spanned<String>>,
    quotes: Option<RawQuotes>,
    names: Option<RawNames>,
    lexicon: Option<RawLexicon>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawQuotes {
    min_words: Option<usize>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawNames {
    #[serde(default)]
    accept: Vec<String>,
    #[serde(default)]
    entities: Vec<Spanned<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawLexicon {
    #[serde(default)]
    speech_verbs: Vec<String>,
    #[serde(default)]
    hedges: Vec<String>,
    #[serde(default)]
    weasels: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRegistry {
    #[serde(default)]
    entity: Vec<RegistryEntity>,
}

/// A configuration problem, with the file and (when known) the 1-based line and column.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConfigError {
    pub path: PathBuf,
    pub line: Option<usize>,
    pub column: Option<usize>,
    pub message: String,
}

impl ConfigError {
    fn io(path: &Path, e: &std::io::Error) -> Self {
        ConfigError {
            path: path.to_path_buf(),
            line: None,
            column: None,
            message: format!("cannot read the configuration: {e}"),
        }
    }

    fn at(path: &Path, src: &str, offset: usize, message: String) -> Self {
        let (line, column) = line_col(src, offset);
        ConfigError {
            path: path.to_path_buf(),
            line: Some(line),
            column: Some(column),
            message,
        }
    }

    fn toml(path: &Path, src: &str, e: &toml::de::Error) -> Self {
        let message = plain_types(e.message().trim());
        match e.span() {
            // serde's messages say what is wrong but not where in the schema: name the key.
            Some(span) => {
                let message = match key_at(src, span.start) {
                    Some(key) => format!("`{key}`: {message}"),
                    None => message,
                };
                ConfigError::at(path, src, span.start, message)
            }
            None => ConfigError {
                path: path.to_path_buf(),
                line: None,
                column: None,
                message,
            },
        }
    }
}

/// serde names Rust types; a writer editing a TOML file thinks in numbers and text.
fn plain_types(message: &str) -> String {
    message
        .replace("expected usize", "expected a whole number")
        .replace("expected u64", "expected a whole number")
        .replace("expected a string", "expected text in quotes")
        .replace("expected a sequence", "expected a list such as [\"a\", \"b\"]")
}

/// The dotted key (`quotes.min_words`, `entity[2].name`) whose name or value holds byte
/// `offset` of `src`; the deepest one when tables nest. `None` when `src` is not TOML.
fn key_at(src: &str, offset: usize) -> Option<String> {
    use toml::de::{DeTable, DeValue};

    fn visit(table: &DeTable<'_>, offset: usize, path: &str, depth: usize, best: &mut Option<(usize, String)>) {
        for (k, v) in table.iter() {
            let name: &str = k.get_ref();
            // Keys that are not bare in TOML (rule ids have a slash) are shown quoted.
            let name = if !name.is_empty() && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-') {
                name.to_string()
            } else {
                format!("\"{name}\"")
            };
            let key = if path.is_empty() {
                name
            } else {
                format!("{path}.{name}")
            };
            if (k.span().contains(&offset) || v.span().contains(&offset))
                && best.as_ref().is_none_or(|(d, _)| *d <= depth)
            {
                *best = Some((depth, key.clone()));
            }
            match v.get_ref() {
                DeValue::Table(t) => visit(t, offset, &key, depth + 1, best),
                DeValue::Array(items) => {
                    for (i, item) in items.iter().enumerate() {
                        if let DeValue::Table(t) = item.get_ref() {
                            let at = format!("{key}[{i}]");
                            if item.span().contains(&offset) && best.as_ref().is_none_or(|(d, _)| *d <= depth + 1) {
                                *best = Some((depth + 1, at.clone()));
                            }
                            visit(t, offset, &at, depth + 2, best);
                        }
                    }
                }
                _ => {}
            }
        }
    }

    let doc = DeTable::parse(src).ok()?;
    let mut best = None;
    visit(doc.get_ref(), offset, "", 0, &mut best);
    best.map(|(_, k)| k)
}

fn line_col(src: &str, offset: usize) -> (usize, usize) {
    let offset = offset.min(src.len());
    let before = &src[..offset];
    let line = before.matches('\n').count() + 1;
    let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, col)
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.line, self.column) {
            (Some(l), Some(c)) => write!(f, "{}:{l}:{c}: {}", self.path.display(), self.message),
            _ => write!(f, "{}: {}", self.path.display(), self.message),
        }
    }
}

impl std::error::Error for ConfigError {}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(src: &str) -> Result<Config, ConfigError> {
        Config::parse(src, Path::new("drafts/copydesk.toml"), &|p| {
            if p.ends_with("entities.toml") {
                Ok("[[entity]]\nname = \"Mohammed Shia al-Sudani\"\nkind = \"person\"\ntitle = \"Prime Minister of Iraq\"\naliases = [\"al-Sudani\"]\navoid = [\"Al-Saudani\"]\nnote = \"Took office October 2022.\"\n".into())
            } else {
                Err(std::io::Error::new(
                    std::io::ErrorKind::NotFound,
                    "No such file or directory",
                ))
            }
        })
    }

    #[test]
    fn the_documented_example_parses() {
        let c = parse(
            "max_file_bytes = 10_000_000\n[rules]\n\"quote/unattributed\" = \"error\"\n\"claim/hedge\" = \"off\"\n[quotes]\nmin_words = 5\n[names]\naccept = [\"al-Sudani\"]\nentities = [\"entities.toml\"]\n[lexicon]\nspeech_verbs = [\"quipped\"]\nhedges = [\"rumour has it\"]\n",
        )
        .unwrap();
        assert_eq!(c.severity(Rule::QuoteUnattributed), Some(Severity::Error));
        assert_eq!(c.severity(Rule::ClaimHedge), None);
        assert_eq!(c.severity(Rule::ClaimWeasel), Some(Severity::Info));
        assert_eq!(c.min_quote_words, 5);
        assert_eq!(c.accept, vec!["al-Sudani"]);
        assert_eq!(c.registry.len(), 1);
        assert_eq!(c.registry[0].avoid, vec!["Al-Saudani"]);
        assert_eq!(c.registry[0].kind, EntityKind::Person);
        assert_eq!(c.lexicon_additions.speech_verbs, vec!["quipped"]);
    }

    #[test]
    fn unknown_key_names_file_line_and_key() {
        let e = parse("[quotes]\nmin_words = 4\nmax_words = 9\n").unwrap_err();
        assert_eq!(e.line, Some(3));
        assert!(e.message.contains("max_words"), "{e}");
        assert!(e.to_string().starts_with("drafts/copydesk.toml:3:"), "{e}");
    }

    #[test]
    fn wrong_type_names_line_and_key() {
        let e = parse("\n[quotes]\nmin_words = \"four\"\n").unwrap_err();
        assert_eq!(e.line, Some(3));
        assert!(e.message.starts_with("`quotes.min_words`: "), "{e}");
        assert!(e.message.contains("a whole number"), "{e}");
        let e = parse("max_file_bytes = 1\n[names]\naccept = \"al-Sudani\"\n").unwrap_err();
        assert_eq!(e.line, Some(3));
        assert!(e.message.starts_with("`names.accept`: "), "{e}");
    }

    #[test]
    fn keys_inside_arrays_of_tables() {
        let src = "[[entity]]\nname = \"A\"\n[[entity]]\nname = \"B\"\nkind = 3\n";
        let at = src.find("3").unwrap();
        assert_eq!(key_at(src, at).as_deref(), Some("entity[1].kind"));
        assert_eq!(key_at("not = [toml", 3), None);
        let src = "[rules]\n\"claim/hedge\" = 3\n";
        assert_eq!(
            key_at(src, src.find('3').unwrap()).as_deref(),
            Some("rules.\"claim/hedge\"")
        );
    }

    #[test]
    fn unknown_rule_and_bad_level() {
        let e = parse("[rules]\n\"claim/hedges\" = \"off\"\n").unwrap_err();
        assert_eq!(e.line, Some(2));
        assert!(
            e.message.contains("claim/hedges") && e.message.contains("claim/hedge,"),
            "{e}"
        );
        let e = parse("[rules]\n\"claim/hedge\" = \"loud\"\n").unwrap_err();
        assert!(e.message.contains("loud") && e.message.contains("off"), "{e}");
    }

    #[test]
    fn missing_registry_is_an_error_naming_both_files() {
        let e = parse("[names]\nentities = [\"people.toml\"]\n").unwrap_err();
        assert_eq!(e.line, Some(2));
        assert!(e.message.contains("people.toml"), "{e}");
    }

    #[test]
    fn discovery_walks_up_and_stops_at_the_repository_root() {
        let root = std::env::temp_dir().join(format!("copydesk-discover-{}", std::process::id()));
        let repo = root.join("repo");
        let deep = repo.join("a/b");
        std::fs::create_dir_all(&deep).unwrap();
        std::fs::write(root.join(FILE_NAME), "").unwrap();
        std::fs::create_dir_all(repo.join(".git")).unwrap();
        assert_eq!(Config::discover(&deep), None);
        std::fs::write(repo.join("a").join(FILE_NAME), "").unwrap();
        assert_eq!(Config::discover(&deep), Some(repo.join("a").join(FILE_NAME)));
        std::fs::remove_dir_all(&root).unwrap();
    }
}
