//! A real editor as the client: Debian's Neovim (0.7) starts `copydesk serve` with
//! `vim.lsp.start_client`, opens a draft, and must get its diagnostics and a hover.
//! Skipped with a message when nvim is not installed, except under CI (`CI` set), where a
//! missing nvim fails the test: `.ci/run` installs it.

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

fn nvim_installed() -> bool {
    Command::new("nvim")
        .arg("--version")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

#[test]
fn neovim_gets_diagnostics_and_a_hover() {
    if !nvim_installed() {
        assert!(
            std::env::var_os("CI").is_none(),
            "nvim is not installed and CI is set: .ci/run should have installed it (apt-get install -y neovim)"
        );
        eprintln!("skipped: nvim is not installed (apt-get install -y neovim to run this test)");
        return;
    }
    let here = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/neovim");
    // Neovim's own state (LSP log, shada) goes to a scratch folder, not the user's.
    let scratch = std::env::temp_dir().join(format!("copydesk-nvim-{}", std::process::id()));
    std::fs::create_dir_all(&scratch).unwrap();
    let mut child = Command::new("nvim")
        .args(["--headless", "-n", "-i", "NONE", "-u"])
        .arg(here.join("client.lua"))
        .env("COPYDESK_BIN", env!("CARGO_BIN_EXE_copydesk"))
        .env("COPYDESK_DRAFT", here.join("draft.md"))
        .env("XDG_CONFIG_HOME", &scratch)
        .env("XDG_DATA_HOME", &scratch)
        .env("XDG_STATE_HOME", &scratch)
        .env("XDG_CACHE_HOME", &scratch)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("nvim starts");
    let deadline = Instant::now() + Duration::from_secs(180);
    let status = loop {
        if let Some(s) = child.try_wait().unwrap() {
            break s;
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            panic!("nvim did not finish within 3 minutes");
        }
        std::thread::sleep(Duration::from_millis(50));
    };
    let output = child.wait_with_output().unwrap();
    let _ = std::fs::remove_dir_all(&scratch);
    assert_eq!(
        status.code(),
        Some(0),
        "nvim's verdict (see tests/neovim/client.lua for the codes); stderr: {}",
        String::from_utf8_lossy(&output.stderr)
    );
}
