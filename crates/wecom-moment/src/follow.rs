//! Following a moment job to its end: `get_moment_task_result` polled with backoff until status 3 or a
//! deadline.

use std::time::Duration;

use tokio::time::Instant;
use wecom_core::{ErrCode, Error, Result};

use crate::types::*;
use crate::MomentApi;

const RESULT_PATH: &str = "/cgi-bin/externalcontact/get_moment_task_result";

/// How patiently [`MomentApi::follow_moment_task`] polls.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FollowOptions {
    /// The wait before the second poll (the first is at once); doubled after each poll.
    pub first_delay: Duration,
    /// The longest wait between two polls.
    pub max_delay: Duration,
    /// Give up (with [`Error::Timeout`]) when the job is not done this long after the first poll.
    pub deadline: Duration,
}

impl Default for FollowOptions {
    /// 0.5 s, doubling up to 5 s, for at most 2 minutes.
    fn default() -> Self {
        Self {
            first_delay: Duration::from_millis(500),
            max_delay: Duration::from_secs(5),
            deadline: Duration::from_secs(120),
        }
    }
}

impl MomentApi<'_> {
    /// Follows job `jobid` of `add_moment_task` to its end and returns its outcome: the moment id, and
    /// the senders and customer tags WeCom could not use.
    ///
    /// Polls `get_moment_task_result` (each poll retried like any read) at once, then after
    /// `first_delay`, doubling up to `max_delay`, until status 3 ([`MomentTaskStatus::Done`]). Fails with
    /// [`Error::Api`] carrying the job's own errcode when it finished without creating the moment, and
    /// with [`Error::Timeout`] (path `get_moment_task_result`, `after` the deadline) when it is not done
    /// in time — the job may still finish: follow it again, or look for the moment later.
    pub async fn follow_moment_task(
        &self,
        jobid: &str,
        options: &FollowOptions,
    ) -> Result<MomentTaskOutcome> {
        let started = Instant::now();
        let req = GetMomentTaskResultRequest::new(jobid);
        let mut delay = options.first_delay;
        loop {
            let answer = self.get_moment_task_result(&req).await?;
            if answer.status == MomentTaskStatus::Done {
                return outcome(answer);
            }
            if started.elapsed() + delay > options.deadline {
                return Err(Error::Timeout {
                    path: RESULT_PATH.to_owned(),
                    after: options.deadline,
                });
            }
            tracing::debug!(jobid, status = ?answer.status, ?delay, "moment job not done yet");
            tokio::time::sleep(delay).await;
            delay = delay.saturating_mul(2).min(options.max_delay);
        }
    }
}

/// The outcome of a finished job, or its errcode as an error.
fn outcome(answer: MomentTaskResult) -> Result<MomentTaskOutcome> {
    let Some(outcome) = answer.result else {
        return Err(Error::Decode {
            path: RESULT_PATH.to_owned(),
            field: "result".to_owned(),
            excerpt: String::new(),
            source: serde::de::Error::custom("status 3 without a result"),
        });
    };
    if outcome.errcode != 0 {
        return Err(Error::Api {
            code: ErrCode(outcome.errcode),
            message: outcome.errmsg,
            path: RESULT_PATH.to_owned(),
        });
    }
    Ok(outcome)
}
