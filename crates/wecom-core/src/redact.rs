//! Short, credential-free excerpts of response bodies for error messages.

const EXCERPT_CHARS: usize = 160;
const SENSITIVE_KEYS: [&str; 4] = ["access_token", "corpsecret", "secret", "encoding_aes_key"];

/// The first characters of `body`, with the string values of credential-like keys masked.
pub(crate) fn excerpt(body: &[u8]) -> String {
    // Mask over a window larger than the excerpt, so a value cut by the window is masked too.
    let window = &body[..body.len().min(EXCERPT_CHARS * 8)];
    let mut text = String::from_utf8_lossy(window).into_owned();
    for key in SENSITIVE_KEYS {
        text = mask_values(&text, key);
    }
    let mut out: String = text.chars().take(EXCERPT_CHARS).collect();
    if text.chars().nth(EXCERPT_CHARS).is_some() || window.len() < body.len() {
        out.push('…');
    }
    out
}

/// Replaces `"key": "value"` (any spacing) with `"key":"<redacted>"`.
fn mask_values(text: &str, key: &str) -> String {
    let needle = format!("\"{key}\"");
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find(&needle) {
        let after_key = at + needle.len();
        out.push_str(&rest[..after_key]);
        rest = &rest[after_key..];
        let trimmed = rest.trim_start_matches([' ', '\t', '\r', '\n']);
        let Some(value) = trimmed.strip_prefix(':') else {
            continue;
        };
        let value = value.trim_start_matches([' ', '\t', '\r', '\n']);
        let Some(inner) = value.strip_prefix('"') else {
            continue;
        };
        // The value ends at the next unescaped quote, or at the end of the window.
        let mut end = inner.len();
        let mut escaped = false;
        for (i, c) in inner.char_indices() {
            match c {
                '\\' if !escaped => escaped = true,
                '"' if !escaped => {
                    end = i + 1;
                    break;
                }
                _ => escaped = false,
            }
        }
        out.push_str(":\"<redacted>\"");
        rest = &inner[end..];
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::excerpt;

    #[test]
    fn masks_tokens_and_truncates() {
        let body = br#"{"errcode":0,"access_token" : "SECRET_TOKEN_123","expires_in":7200}"#;
        let e = excerpt(body);
        assert!(!e.contains("SECRET_TOKEN_123"), "{e}");
        assert!(e.contains("<redacted>"));

        let cut = br#"{"access_token":"UNFINISHED_TOKEN"#;
        assert!(!excerpt(cut).contains("UNFINISHED"));

        let long = "好".repeat(1000);
        let e = excerpt(long.as_bytes());
        assert_eq!(e.chars().count(), 161);
    }
}
