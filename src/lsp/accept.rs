//! "Accept this spelling": add a spelling to `names.accept` in `copydesk.toml`.
//!
//! The file is edited with `toml_edit`, so the writer's comments, order and formatting
//! survive, and written atomically (a temporary file in the same folder, then a rename), so
//! a crash never leaves half a configuration. A missing file is created.

use std::io::Write;
use std::path::Path;

use toml_edit::{Array, DocumentMut, Item, Table, Value};

/// Add `spelling` to `names.accept` in the file at `path`. `Ok(false)` when it was already
/// there (the file is not touched).
pub fn accept_spelling(path: &Path, spelling: &str) -> Result<bool, String> {
    let original = match std::fs::read_to_string(path) {
        Ok(s) => s,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => String::new(),
        Err(e) => return Err(format!("cannot read {}: {e}", path.display())),
    };
    let Some(updated) = add_to_accept(&original, spelling).map_err(|e| format!("{}: {e}", path.display()))? else {
        return Ok(false);
    };
    write_atomically(path, &updated).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    Ok(true)
}

/// The configuration text with `spelling` added to `names.accept`; `None` if present.
pub fn add_to_accept(src: &str, spelling: &str) -> Result<Option<String>, String> {
    let mut doc: DocumentMut = src
        .parse()
        .map_err(|e: toml_edit::TomlError| format!("not valid TOML, so it was left alone: {}", e.message()))?;
    let names = doc
        .entry("names")
        .or_insert_with(|| Item::Table(Table::new()))
        .as_table_like_mut()
        .ok_or("`names` is not a table")?;
    let accept = names
        .entry("accept")
        .or_insert(Item::Value(Value::Array(Array::new())))
        .as_array_mut()
        .ok_or("`names.accept` is not a list")?;
    if accept.iter().any(|v| v.as_str() == Some(spelling)) {
        return Ok(None);
    }
    accept.push(spelling);
    Ok(Some(doc.to_string()))
}

/// Write through a temporary file beside the target and rename it into place.
fn write_atomically(path: &Path, contents: &str) -> std::io::Result<()> {
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let tmp = dir.join(format!(".{name}.copydesk-{}.tmp", std::process::id()));
    let result = (|| {
        let mut f = std::fs::File::create(&tmp)?;
        f.write_all(contents.as_bytes())?;
        f.sync_all()?;
        drop(f);
        std::fs::rename(&tmp, path)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn adds_to_an_existing_list_keeping_comments() {
        let src = "# house style\nmax_file_bytes = 10_000_000 # big\n\n[names]\n# people we spell our way\naccept = [\"al-Sudani\"] # keep\n";
        let out = add_to_accept(src, "Al-Saudani").unwrap().unwrap();
        assert!(
            out.starts_with("# house style\nmax_file_bytes = 10_000_000 # big\n"),
            "{out}"
        );
        assert!(out.contains("# people we spell our way\n"), "{out}");
        assert!(out.contains("accept = [\"al-Sudani\", \"Al-Saudani\"] # keep"), "{out}");
        assert_eq!(add_to_accept(&out, "Al-Saudani").unwrap(), None);
    }

    #[test]
    fn creates_the_table_and_list_when_missing() {
        let out = add_to_accept("[rules]\n\"claim/hedge\" = \"off\"\n", "Mohammad")
            .unwrap()
            .unwrap();
        let c = crate::config::Config::parse(&out, Path::new("copydesk.toml"), &|_| Ok(String::new())).unwrap();
        assert_eq!(c.accept, vec!["Mohammad"]);
        assert!(out.starts_with("[rules]\n\"claim/hedge\" = \"off\"\n"), "{out}");
        let out = add_to_accept("names = { accept = [] }\n", "X").unwrap().unwrap();
        assert_eq!(out, "names = { accept = [\"X\"] }\n");
    }

    #[test]
    fn refuses_what_it_cannot_edit_safely() {
        assert!(add_to_accept("names = 3\n", "X").unwrap_err().contains("not a table"));
        assert!(
            add_to_accept("[names]\naccept = \"X\"\n", "X")
                .unwrap_err()
                .contains("not a list")
        );
        assert!(add_to_accept("[names\n", "X").unwrap_err().contains("not valid TOML"));
    }

    #[test]
    fn writes_the_file_atomically_and_creates_it() {
        let dir = std::env::temp_dir().join(format!("copydesk-accept-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("copydesk.toml");
        assert_eq!(accept_spelling(&path, "Peskov"), Ok(true));
        assert_eq!(accept_spelling(&path, "Peskov"), Ok(false));
        let text = std::fs::read_to_string(&path).unwrap();
        assert_eq!(text, "[names]\naccept = [\"Peskov\"]\n");
        let leftovers: Vec<_> = std::fs::read_dir(&dir).unwrap().collect();
        assert_eq!(leftovers.len(), 1, "no temporary file is left behind");
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
