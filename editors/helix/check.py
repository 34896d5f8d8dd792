#!/usr/bin/env python3
"""Checks editors/helix/languages.toml (Helix itself is not packaged for Debian 12, so this
is what can be tested here): it parses, it starts `copydesk serve`, both draft languages
use it, and any rule levels set in it are ones the server accepts.

Usage: python3 editors/helix/check.py"""

import sys
import tomllib
from pathlib import Path

LEVELS = {"error", "warning", "info", "hint", "off"}
# The rule ids of ARCHITECTURE.md, which the server's settings accept.
RULES = {
    "quote/unattributed",
    "quote/unbalanced",
    "name/variant",
    "claim/hedge",
    "claim/weasel",
    "claim/vague-source",
    "claim/unsourced-figure",
}


def main() -> int:
    config = tomllib.loads((Path(__file__).parent / "languages.toml").read_text())
    problems = []
    server = config.get("language-server", {}).get("copydesk", {})
    if server.get("command") != "copydesk" or server.get("args") != ["serve"]:
        problems.append(f"language-server.copydesk should run `copydesk serve`: {server}")
    languages = {lang["name"]: lang for lang in config.get("language", [])}
    for name in ("markdown", "text"):
        if "copydesk" not in languages.get(name, {}).get("language-servers", []):
            problems.append(f"language {name} does not use copydesk")
    text = languages.get("text", {})
    if text.get("scope") != "text.plain" or "txt" not in text.get("file-types", []):
        problems.append(f"the text language needs scope text.plain and file type txt: {text}")
    rules = server.get("config", {}).get("copydesk", {}).get("rules")
    if not isinstance(rules, dict):
        problems.append("language-server.copydesk.config.copydesk.rules should be a table")
        rules = {}
    for rule, level in rules.items():
        if rule not in RULES:
            problems.append(f"{rule} is not a copydesk rule")
        if level not in LEVELS:
            problems.append(f"{rule} = {level!r} is not one of {sorted(LEVELS)}")
    for p in problems:
        print(f"helix check: {p}", file=sys.stderr)
    print("helix check: " + ("failed" if problems else "ok"))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
