//! The checks of WeCom's documented limits that requests run before anything is sent, worded once for
//! every domain crate. Each fails with [`Error::InvalidRequest`] naming the field, the value and the limit;
//! the executor adds the endpoint's path.

use crate::{Error, Result};

/// At most `max` characters (WeCom counts names, remarks and `state` in characters, not bytes).
pub fn max_chars(field: &str, value: &str, max: usize) -> Result<()> {
    let count = value.chars().count();
    if count > max {
        return Err(Error::invalid_request(format!(
            "{field} has {count} characters; at most {max} allowed"
        )));
    }
    Ok(())
}

/// At most `max` bytes of UTF-8 (WeCom counts message texts and titles in bytes).
pub fn max_bytes(field: &str, value: &str, max: usize) -> Result<()> {
    if value.len() > max {
        return Err(Error::invalid_request(format!(
            "{field} is {} bytes; at most {max} allowed",
            value.len()
        )));
    }
    Ok(())
}

/// A list of `len` entries with `min..=max` of them.
pub fn count_between(field: &str, len: usize, min: usize, max: usize) -> Result<()> {
    if len < min || len > max {
        let allowed = if min == 0 {
            format!("at most {max}")
        } else {
            format!("{min} to {max}")
        };
        return Err(Error::invalid_request(format!(
            "{field} holds {len} entries; {allowed} allowed"
        )));
    }
    Ok(())
}

/// A number in `min..=max` (page sizes, durations).
pub fn between(field: &str, value: u64, min: u64, max: u64) -> Result<()> {
    if value < min || value > max {
        return Err(Error::invalid_request(format!(
            "{field} is {value}; {min} to {max} allowed"
        )));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn message(result: Result<()>) -> String {
        match result {
            Err(Error::InvalidRequest(message)) => message,
            other => panic!("expected InvalidRequest, got {other:?}"),
        }
    }

    #[test]
    fn limits_are_inclusive_and_errors_name_field_value_and_limit() {
        assert!(max_chars("state", &"客".repeat(30), 30).is_ok());
        assert_eq!(
            message(max_chars("state", &"客".repeat(31), 30)),
            "state has 31 characters; at most 30 allowed"
        );
        assert!(max_bytes("title", &"a".repeat(64), 64).is_ok());
        assert_eq!(
            message(max_bytes("title", "客客", 5)),
            "title is 6 bytes; at most 5 allowed"
        );
        assert!(count_between("user", 0, 0, 100).is_ok());
        assert_eq!(
            message(count_between("user", 101, 0, 100)),
            "user holds 101 entries; at most 100 allowed"
        );
        assert_eq!(
            message(count_between("chat_id_list", 0, 1, 5)),
            "chat_id_list holds 0 entries; 1 to 5 allowed"
        );
        assert!(between("limit", 1000, 1, 1000).is_ok());
        assert_eq!(
            message(between("limit", 0, 1, 1000)),
            "limit is 0; 1 to 1000 allowed"
        );
    }
}
