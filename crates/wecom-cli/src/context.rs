//! What every command works with: the client, built from the settings and the limits, and the reporter.

use std::path::Path;

use wecom_core::WecomClient;
use wecom_customer::CustomerExt;

use crate::args::Common;
use crate::config::Settings;
use crate::error::CliError;
use crate::progress::Reporter;

/// The client and the reporter of one run.
#[derive(Debug)]
pub struct Ctx {
    /// The WeCom client, limited to `--max-in-flight` and `--max-calls-per-minute`.
    pub client: WecomClient,
    /// Where notes and progress go.
    pub reporter: Reporter,
    /// `--max-in-flight`: how many calls a command may start at once.
    pub max_in_flight: usize,
}

impl Ctx {
    /// Builds the client from `settings` and the common options.
    pub fn new(settings: Settings, common: &Common) -> Result<Self, CliError> {
        let mut builder = WecomClient::builder()
            .corp_id(settings.corp_id)
            .secret(settings.secret)
            .user_agent(concat!("wecom-cli/", env!("CARGO_PKG_VERSION")))
            .max_in_flight(common.max_in_flight as usize)
            .max_calls_per_minute(common.max_calls_per_minute);
        if let Some(url) = settings.base_url {
            builder = builder.base_url(url);
        }
        let client = builder
            .build()
            .map_err(|e| CliError::Usage(e.to_string()))?;
        Ok(Self {
            client,
            reporter: Reporter::new(common.quiet),
            max_in_flight: common.max_in_flight as usize,
        })
    }

    /// The members of `--users FILE`, else every member with 客户联系 (get_follow_user_list).
    pub async fn members(&self, users: Option<&Path>) -> Result<Vec<String>, CliError> {
        match users {
            Some(path) => read_users(path),
            None => Ok(self
                .client
                .customer()
                .get_follow_user_list()
                .await?
                .follow_user),
        }
    }
}

/// The userids of a file, one a line; blank lines and `#` comments are ignored, repeats dropped
/// (a member listed twice would export its customers twice).
pub fn read_users(path: &Path) -> Result<Vec<String>, CliError> {
    let text = std::fs::read_to_string(path).map_err(|e| CliError::io("read", path, e))?;
    let mut seen = std::collections::HashSet::new();
    let users: Vec<String> = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .filter(|l| seen.insert(*l))
        .map(str::to_owned)
        .collect();
    if users.is_empty() {
        return Err(CliError::Usage(format!("{}: no userids", path.display())));
    }
    Ok(users)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn users_are_one_a_line_without_comments_or_repeats() {
        let path = std::env::temp_dir().join(format!("wecom-cli-users-{}", std::process::id()));
        std::fs::write(&path, "# sales\nzhangsan\n\n  lisi \nzhangsan\r\nwangwu").unwrap();
        assert_eq!(read_users(&path).unwrap(), ["zhangsan", "lisi", "wangwu"]);
        std::fs::write(&path, "# nobody\n\n").unwrap();
        assert!(matches!(read_users(&path), Err(CliError::Usage(_))));
        std::fs::remove_file(path).unwrap();
    }
}
