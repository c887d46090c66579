//! A strict reader of `multipart/form-data` bodies, for tests that check what an upload sent: every part
//! with its field name, `filename`, `filelength`, content type and bytes.

/// One part of a form, as sent.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FormPart {
    /// The `name` of its `Content-Disposition`.
    pub name: String,
    /// Its `filename`, if any.
    pub file_name: Option<String>,
    /// Its `filelength`, if any.
    pub file_length: Option<u64>,
    /// Its `Content-Type`, if any.
    pub content_type: Option<String>,
    /// Its bytes.
    pub bytes: Vec<u8>,
}

/// The boundary of a `multipart/form-data; boundary=…` content type.
pub fn boundary(content_type: &str) -> Result<String, String> {
    let (kind, params) = content_type
        .split_once(';')
        .ok_or_else(|| format!("no boundary in {content_type:?}"))?;
    if !kind.trim().eq_ignore_ascii_case("multipart/form-data") {
        return Err(format!("not multipart/form-data: {content_type:?}"));
    }
    params
        .split(';')
        .find_map(|p| p.trim().strip_prefix("boundary="))
        .map(|b| b.trim_matches('"').to_owned())
        .ok_or_else(|| format!("no boundary in {content_type:?}"))
}

/// Splits `body` into its parts; fails on anything out of shape (a missing CRLF, a missing closing
/// delimiter, bytes after it, a part without headers).
pub fn parse(content_type: &str, body: &[u8]) -> Result<Vec<FormPart>, String> {
    let boundary = boundary(content_type)?;
    let delimiter = format!("--{boundary}");
    let mut rest = body
        .strip_prefix(delimiter.as_bytes())
        .ok_or("the body does not start with the boundary")?;
    let mut parts = Vec::new();
    loop {
        if let Some(end) = rest.strip_prefix(b"--\r\n") {
            if !end.is_empty() {
                return Err(format!("{} bytes after the closing delimiter", end.len()));
            }
            return Ok(parts);
        }
        rest = rest
            .strip_prefix(b"\r\n")
            .ok_or("no CRLF after a boundary")?;
        let next = format!("\r\n{delimiter}");
        let at = find(rest, next.as_bytes()).ok_or("a part without a following boundary")?;
        parts.push(part(&rest[..at])?);
        rest = &rest[at + next.len()..];
    }
}

fn part(raw: &[u8]) -> Result<FormPart, String> {
    let at = find(raw, b"\r\n\r\n").ok_or("a part without a blank line after its headers")?;
    let head = std::str::from_utf8(&raw[..at]).map_err(|e| format!("headers: {e}"))?;
    let mut part = FormPart {
        name: String::new(),
        file_name: None,
        file_length: None,
        content_type: None,
        bytes: raw[at + 4..].to_vec(),
    };
    let mut disposition = false;
    for line in head.split("\r\n") {
        let (name, value) = line
            .split_once(':')
            .ok_or_else(|| format!("bad header line {line:?}"))?;
        let value = value.trim();
        if name.eq_ignore_ascii_case("content-type") {
            part.content_type = Some(value.to_owned());
        } else if name.eq_ignore_ascii_case("content-disposition") {
            disposition = true;
            let params = value
                .strip_prefix("form-data")
                .ok_or_else(|| format!("not form-data: {value:?}"))?;
            for (key, val) in params_of(params)? {
                match key.as_str() {
                    "name" => part.name = val,
                    "filename" => part.file_name = Some(val),
                    "filelength" => {
                        part.file_length =
                            Some(val.parse().map_err(|_| format!("filelength {val:?}"))?)
                    }
                    other => return Err(format!("unexpected parameter {other:?}")),
                }
            }
        }
    }
    if !disposition {
        return Err("a part without Content-Disposition".into());
    }
    Ok(part)
}

/// `; name="media"; filename="a;b.png"; filelength=6` as pairs, quoted values unquoted.
fn params_of(mut s: &str) -> Result<Vec<(String, String)>, String> {
    let mut out = Vec::new();
    loop {
        s = s.trim_start();
        if s.is_empty() {
            return Ok(out);
        }
        s = s
            .strip_prefix(';')
            .ok_or_else(|| format!("expected ';' at {s:?}"))?
            .trim_start();
        let (key, after) = s
            .split_once('=')
            .ok_or_else(|| format!("a parameter without '=' at {s:?}"))?;
        let (value, after) = match after.strip_prefix('"') {
            Some(quoted) => {
                let end = quoted.find('"').ok_or("an unterminated quoted value")?;
                (quoted[..end].to_owned(), &quoted[end + 1..])
            }
            None => {
                let end = after.find(';').unwrap_or(after.len());
                (after[..end].trim().to_owned(), &after[end..])
            }
        };
        out.push((key.trim().to_owned(), value));
        s = after;
    }
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_the_documented_example() {
        let body = b"--B\r\nContent-Disposition: form-data; name=\"media\";filename=\"wework.txt\"; \
                     filelength=6\r\nContent-Type: application/octet-stream\r\n\r\nmytext\r\n--B--\r\n";
        let parts = parse("multipart/form-data; boundary=B", body).unwrap();
        assert_eq!(
            parts,
            [FormPart {
                name: "media".into(),
                file_name: Some("wework.txt".into()),
                file_length: Some(6),
                content_type: Some("application/octet-stream".into()),
                bytes: b"mytext".to_vec(),
            }]
        );
    }

    #[test]
    fn rejects_bodies_out_of_shape() {
        let ct = "multipart/form-data; boundary=B";
        assert!(parse(
            ct,
            b"--B\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nx\r\n--B--"
        )
        .is_err());
        assert!(parse(ct, b"--B\r\n\r\nx\r\n--B--\r\n").is_err());
        assert!(parse(ct, b"--B--\r\nextra").is_err());
        assert!(parse("application/json", b"").is_err());
        assert_eq!(parse(ct, b"--B--\r\n").unwrap(), []);
    }
}
