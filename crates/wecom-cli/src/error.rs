//! How a command ends: its outcome (and exit status), or an error worded for a person, with WeCom's
//! errcode and its meaning.

use std::fmt;
use std::path::Path;
use std::process::ExitCode;

use wecom_core::ErrCode;

/// How a command that ran to its end went.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Everything succeeded: exit 0.
    Success,
    /// Something failed or was skipped, and was reported: exit 1.
    Incomplete,
    /// Stopped by Ctrl-C (SIGINT) after finishing what was in flight: exit 130.
    Interrupted,
}

impl Outcome {
    /// `Success` when `ok`, else `Incomplete`.
    pub fn from_ok(ok: bool) -> Self {
        if ok {
            Self::Success
        } else {
            Self::Incomplete
        }
    }

    /// The process exit status.
    pub fn exit_code(self) -> ExitCode {
        match self {
            Self::Success => ExitCode::SUCCESS,
            Self::Incomplete => ExitCode::from(1),
            Self::Interrupted => ExitCode::from(130),
        }
    }
}

/// Why a command could not do its job.
#[derive(Debug)]
pub enum CliError {
    /// A call to WeCom failed (after the SDK's retries).
    Wecom(wecom_core::Error),
    /// A file could not be read or written.
    Io {
        /// What was being done, e.g. "cannot read users.txt".
        what: String,
        /// The I/O error.
        source: std::io::Error,
    },
    /// A wrong setting or input file: exit 2, like a usage error.
    Usage(String),
    /// Anything else that stops the command, already worded.
    Failed(String),
}

impl CliError {
    /// An I/O error while doing `what` with `path`.
    pub fn io(what: &str, path: &Path, source: std::io::Error) -> Self {
        Self::Io {
            what: format!("cannot {what} {}", path.display()),
            source,
        }
    }

    /// The process exit status for this error.
    pub fn exit_code(&self) -> ExitCode {
        match self {
            Self::Usage(_) => ExitCode::from(2),
            _ => ExitCode::from(1),
        }
    }
}

impl From<wecom_core::Error> for CliError {
    fn from(err: wecom_core::Error) -> Self {
        Self::Wecom(err)
    }
}

impl fmt::Display for CliError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Wecom(err) => f.write_str(&explain(err)),
            Self::Io { what, source } => write!(f, "{what}: {source}"),
            Self::Usage(message) | Self::Failed(message) => f.write_str(message),
        }
    }
}

/// The SDK's error, followed for an API error by a line with the errcode and its meaning.
pub fn explain(err: &wecom_core::Error) -> String {
    match err.code() {
        Some(code) => format!("{err}\n  errcode {code}: {}", meaning(code)),
        None => err.to_string(),
    }
}

/// WeCom's meaning of `code`: the SDK's words when it has them, else where to look it up.
pub fn meaning(code: ErrCode) -> String {
    match wecom_transfer::codes::describe(code) {
        Some(text) => text.to_owned(),
        None => format!(
            "not described here; see https://open.work.weixin.qq.com/devtool/query?e={code}"
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn api(code: i64) -> wecom_core::Error {
        wecom_core::Error::Api {
            code: ErrCode(code),
            message: "api freq out of limit".into(),
            path: "/cgi-bin/externalcontact/mark_tag".into(),
        }
    }

    #[test]
    fn an_api_error_names_its_errcode_and_meaning() {
        let text = CliError::from(api(45009)).to_string();
        assert_eq!(
            text,
            "WeCom error 45009 on /cgi-bin/externalcontact/mark_tag: api freq out of limit\n  \
             errcode 45009: 接口调用超过限制 (API frequency limit)"
        );
    }

    #[test]
    fn an_unknown_errcode_points_to_wecoms_lookup() {
        assert_eq!(
            meaning(ErrCode(123456)),
            "not described here; see https://open.work.weixin.qq.com/devtool/query?e=123456"
        );
        assert_eq!(
            meaning(ErrCode(40131)),
            "handover_userid 并不是外部联系人的跟进人 (not a customer of the handover member)"
        );
    }

    #[test]
    fn exit_codes() {
        assert_eq!(Outcome::Success.exit_code(), ExitCode::SUCCESS);
        assert_eq!(Outcome::from_ok(false), Outcome::Incomplete);
        assert_eq!(CliError::Usage("x".into()).exit_code(), ExitCode::from(2));
        assert_eq!(CliError::Failed("x".into()).exit_code(), ExitCode::from(1));
    }
}
