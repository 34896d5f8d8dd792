use super::*;
use crate::analysis::analyze;
use crate::text::DocKind;

/// `NEWS=folder cargo test --release --lib timing -- --ignored --nocapture`: where the time
/// of a folder check goes, one thread.
#[test]
#[ignore]
fn timing() {
    let dir = std::env::var("NEWS").unwrap();
    let mut files = Vec::new();
    let mut stack = vec![std::path::PathBuf::from(dir)];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(d).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|x| x == "txt") {
                files.push((p.display().to_string(), std::fs::read_to_string(&p).unwrap()));
            }
        }
    }
    let config = Arc::new(Config::default());
    let t = std::time::Instant::now();
    let analyses: Vec<_> = files.iter().map(|(_, t)| analyze(t, DocKind::Text, &config)).collect();
    let t_an = t.elapsed();
    let t = std::time::Instant::now();
    let mut ws = Workspace::new();
    for ((k, _), a) in files.iter().zip(analyses) {
        ws.insert(Arc::from(k.as_str()), a, config.clone());
    }
    let t_ins = t.elapsed();
    let t = std::time::Instant::now();
    let n: usize = files.iter().map(|(k, _)| ws.findings(k).len()).sum();
    let t_find = t.elapsed();
    eprintln!(
        "{} files: analyse {t_an:?}, insert {t_ins:?}, findings {t_find:?} ({n})",
        files.len()
    );
}
