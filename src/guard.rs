//! Containing a panic to the one draft it happened on. The analysis should never panic (the
//! fuzzers look for exactly that), but if one slips through, the language server and
//! `copydesk check` report it against the draft and go on with the others.

use std::panic::{AssertUnwindSafe, catch_unwind};

/// Run `f`; a panic becomes `Err` with its message.
pub fn contain<T>(f: impl FnOnce() -> T) -> Result<T, String> {
    // AssertUnwindSafe: on a panic the caller drops whatever `f` was building and keeps
    // nothing half-updated.
    catch_unwind(AssertUnwindSafe(f)).map_err(|panic| message(&*panic))
}

/// The text a panic was raised with.
fn message(panic: &(dyn std::any::Any + Send)) -> String {
    if let Some(s) = panic.downcast_ref::<&str>() {
        (*s).to_string()
    } else if let Some(s) = panic.downcast_ref::<String>() {
        s.clone()
    } else {
        "a panic with no message".to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_panic_becomes_its_message() {
        assert_eq!(contain(|| 7), Ok(7));
        assert_eq!(contain(|| -> u8 { panic!("boom") }), Err("boom".to_string()));
        let n = 3;
        assert_eq!(contain(|| -> u8 { panic!("boom {n}") }), Err("boom 3".to_string()));
        assert_eq!(
            contain(|| std::panic::panic_any(5u8)),
            Err::<(), _>("a panic with no message".to_string())
        );
    }
}
