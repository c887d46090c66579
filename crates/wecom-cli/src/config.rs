//! Where the credentials come from: the environment, or a `--config` file of `KEY=VALUE` lines whose
//! keys win over the environment's. Never the command line.

use std::fmt;
use std::path::Path;

use crate::error::CliError;

/// The corp id's variable.
pub const CORP_ID: &str = "WECOM_CORP_ID";
/// The secret's variable.
pub const SECRET: &str = "WECOM_SECRET";
/// The base URL's variable.
pub const BASE_URL: &str = "WECOM_BASE_URL";

/// What the client is built from.
#[derive(Clone, PartialEq, Eq)]
pub struct Settings {
    /// The corp id.
    pub corp_id: String,
    /// The 客户联系 secret; never printed.
    pub secret: String,
    /// WeCom's address when not WeCom's own.
    pub base_url: Option<String>,
}

impl fmt::Debug for Settings {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Settings")
            .field("corp_id", &self.corp_id)
            .field("secret", &"<redacted>")
            .field("base_url", &self.base_url)
            .finish()
    }
}

impl Settings {
    /// The settings from `config` (when given) over the environment `env`, with `base_url` (the
    /// `--base-url` flag) over both.
    pub fn load(
        config: Option<&Path>,
        base_url: Option<&str>,
        env: impl Fn(&str) -> Option<String>,
    ) -> Result<Self, CliError> {
        let file = match config {
            Some(path) => {
                let text = std::fs::read_to_string(path)
                    .map_err(|e| CliError::io("read the config file", path, e))?;
                parse(&text).map_err(|e| CliError::Usage(format!("{}: {e}", path.display())))?
            }
            None => Vec::new(),
        };
        let get = |key: &str| {
            file.iter()
                .rev()
                .find(|(k, _)| k == key)
                .map(|(_, v)| v.clone())
                .or_else(|| env(key))
                .filter(|v| !v.is_empty())
        };
        let (Some(corp_id), Some(secret)) = (get(CORP_ID), get(SECRET)) else {
            return Err(CliError::Usage(format!(
                "no credentials: set {CORP_ID} and {SECRET} in the environment, or in a file \
                 named by --config (they are never read from the command line)"
            )));
        };
        Ok(Self {
            corp_id,
            secret,
            base_url: base_url.map(str::to_owned).or_else(|| get(BASE_URL)),
        })
    }
}

/// The `KEY=VALUE` pairs of a config file: `#` comments, blank lines, an optional `export ` and
/// quotes around the value are allowed; an unknown key is an error, so a typo does not go unseen.
fn parse(text: &str) -> Result<Vec<(String, String)>, String> {
    let mut pairs = Vec::new();
    for (no, line) in (1..).zip(text.lines()) {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let line = line.strip_prefix("export ").unwrap_or(line);
        let Some((key, value)) = line.split_once('=') else {
            return Err(format!("line {no}: expected KEY=VALUE"));
        };
        let key = key.trim();
        if ![CORP_ID, SECRET, BASE_URL].contains(&key) {
            return Err(format!(
                "line {no}: unknown key {key} (known: {CORP_ID}, {SECRET}, {BASE_URL})"
            ));
        }
        pairs.push((key.to_owned(), unquote(value.trim()).to_owned()));
    }
    Ok(pairs)
}

fn unquote(value: &str) -> &str {
    for quote in ['"', '\''] {
        if let Some(inner) = value
            .strip_prefix(quote)
            .and_then(|v| v.strip_suffix(quote))
        {
            return inner;
        }
    }
    value
}

#[cfg(test)]
mod tests {
    use std::collections::HashMap;

    use super::*;

    fn env(pairs: &[(&str, &str)]) -> impl Fn(&str) -> Option<String> {
        let map: HashMap<String, String> = pairs
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect();
        move |key| map.get(key).cloned()
    }

    fn temp_file(name: &str, text: &str) -> std::path::PathBuf {
        let path = std::env::temp_dir().join(format!("wecom-cli-{}-{name}", std::process::id()));
        std::fs::write(&path, text).unwrap();
        path
    }

    #[test]
    fn the_environment_alone_is_enough() {
        let settings = Settings::load(
            None,
            None,
            env(&[(CORP_ID, "ww1"), (SECRET, "s3cret"), (BASE_URL, "http://x")]),
        )
        .unwrap();
        assert_eq!(settings.corp_id, "ww1");
        assert_eq!(settings.secret, "s3cret");
        assert_eq!(settings.base_url.as_deref(), Some("http://x"));
    }

    #[test]
    fn the_file_wins_over_the_environment_and_the_flag_over_both() {
        let path = temp_file(
            "config",
            "# sandbox\nexport WECOM_CORP_ID=\"wwfile\"\nWECOM_SECRET = 'file secret'\n\nWECOM_BASE_URL=http://file\n",
        );
        let settings = Settings::load(
            Some(&path),
            None,
            env(&[
                (CORP_ID, "wwenv"),
                (SECRET, "env"),
                (BASE_URL, "http://env"),
            ]),
        )
        .unwrap();
        assert_eq!(settings.corp_id, "wwfile");
        assert_eq!(settings.secret, "file secret");
        assert_eq!(settings.base_url.as_deref(), Some("http://file"));
        let settings = Settings::load(Some(&path), Some("http://flag"), env(&[])).unwrap();
        assert_eq!(settings.base_url.as_deref(), Some("http://flag"));
        std::fs::remove_file(path).unwrap();
    }

    #[test]
    fn missing_credentials_are_a_usage_error() {
        let err = Settings::load(None, None, env(&[(CORP_ID, "ww1"), (SECRET, "")])).unwrap_err();
        assert!(matches!(err, CliError::Usage(_)));
        assert!(err.to_string().contains("WECOM_SECRET"), "{err}");
    }

    #[test]
    fn a_typo_in_the_file_is_reported_with_its_line() {
        let path = temp_file("typo", "WECOM_CORP_ID=ww1\nWECOM_SECERT=x\n");
        let err = Settings::load(Some(&path), None, env(&[])).unwrap_err();
        assert_eq!(
            err.to_string(),
            format!(
                "{}: line 2: unknown key WECOM_SECERT (known: WECOM_CORP_ID, WECOM_SECRET, WECOM_BASE_URL)",
                path.display()
            )
        );
        std::fs::remove_file(path).unwrap();
    }

    #[test]
    fn debug_hides_the_secret() {
        let settings =
            Settings::load(None, None, env(&[(CORP_ID, "ww1"), (SECRET, "s3cret")])).unwrap();
        let debug = format!("{settings:?}");
        assert!(
            !debug.contains("s3cret") && debug.contains("<redacted>"),
            "{debug}"
        );
    }
}
