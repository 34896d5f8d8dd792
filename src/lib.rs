//! copydesk: a copy desk for news drafts — unattributed quotes, name variants, unsupported
//! claims — as a library, a command-line checker and a language server.
//!
//! The engine is [`analyze`]: pure, no I/O, byte offsets throughout. [`Workspace`] joins
//! the drafts of a folder. The `cli` and `lsp` modules are thin adapters over both.

pub mod analysis;
pub mod cli;
pub mod config;
pub mod finding;
pub mod guard;
pub mod lsp;
pub mod rules;
pub mod suppress;
pub mod text;
pub mod workspace;

pub use analysis::{Analysis, analyze};
pub use config::Config;
pub use finding::{Edit, Finding, Fix, Related, Severity};
pub use rules::Rule;
pub use text::{DocKind, Span};
pub use workspace::Workspace;
