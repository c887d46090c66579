//! 获取「联系客户统计」数据 (get_user_behavior_data).

use serde::{Deserialize, Serialize};
use wecom_core::{check, Error, Result};

/// Longest query span: WeCom's 支持的最大查询跨度为30天, as `end_time − start_time` in seconds.
pub const MAX_SPAN_SECS: i64 = 30 * 86_400;
/// Most userids, and most department ids, per call (最多100个).
pub const MAX_BEHAVIOR_IDS: usize = 100;

/// The body of `POST /cgi-bin/externalcontact/get_user_behavior_data` (获取「联系客户统计」数据).
///
/// Give members, departments or both; several ids yield their combined figures. WeCom rounds both times
/// down to 0:00 and returns one [`BehaviorData`] per day of `[start_time, end_time]`, for the last 180
/// days at most.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct GetUserBehaviorDataRequest {
    /// 成员ID列表, at most 100.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub userid: Vec<String>,
    /// 部门ID列表, at most 100.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub partyid: Vec<i64>,
    /// 数据起始时间 (unix seconds).
    pub start_time: i64,
    /// 数据结束时间 (unix seconds), at most 30 days after `start_time`.
    pub end_time: i64,
}

impl GetUserBehaviorDataRequest {
    /// The figures of `[start_time, end_time]` (unix seconds); add members with
    /// [`userid`](Self::userid) or departments with [`partyid`](Self::partyid) — at least one is needed.
    pub fn new(start_time: i64, end_time: i64) -> Self {
        Self {
            userid: Vec::new(),
            partyid: Vec::new(),
            start_time,
            end_time,
        }
    }

    /// These members (appended; at most 100 in all).
    pub fn userid<I, S>(mut self, userids: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        self.userid.extend(userids.into_iter().map(Into::into));
        self
    }

    /// These departments (appended; at most 100 in all).
    pub fn partyid(mut self, partyids: impl IntoIterator<Item = i64>) -> Self {
        self.partyid.extend(partyids);
        self
    }

    /// Checks that userid or partyid is given, at most 100 of each, `end_time ≥ start_time` and a span
    /// of at most 30 days.
    pub fn check(&self) -> Result<()> {
        if self.userid.is_empty() && self.partyid.is_empty() {
            return Err(Error::invalid_request(
                "userid and partyid are both empty; give at least one member or department",
            ));
        }
        check::count_between("userid", self.userid.len(), 0, MAX_BEHAVIOR_IDS)?;
        check::count_between("partyid", self.partyid.len(), 0, MAX_BEHAVIOR_IDS)?;
        check::time_range(
            "start_time",
            self.start_time,
            "end_time",
            self.end_time,
            Some(MAX_SPAN_SECS),
        )
    }
}

wecom_core::impl_endpoint!(GetUserBehaviorDataRequest => GetUserBehaviorDataResponse,
    Post "/cgi-bin/externalcontact/get_user_behavior_data", Idempotent,
    validate = GetUserBehaviorDataRequest::check);

/// The answer of `get_user_behavior_data`.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(default)]
pub struct GetUserBehaviorDataResponse {
    /// One entry per day.
    pub behavior_data: Vec<BehaviorData>,
}

/// 联系客户统计数据 of one day.
///
/// Decodes the current `negative_feedback_cnt` and the older spelling `negative_fee_back_cnt`
/// (preferring the current one when both are present); always encodes `negative_feedback_cnt`.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(from = "BehaviorDataWire")]
pub struct BehaviorData {
    /// 数据日期, 当日0点的时间戳.
    pub stat_time: i64,
    /// 聊天总数: chats in which the member sent a message.
    pub chat_cnt: i64,
    /// 发送消息数: messages the member sent.
    pub message_cnt: i64,
    /// 已回复聊天占比 (a percentage, e.g. 60.25); only on days with customer-started chats.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reply_percentage: Option<f64>,
    /// 平均首次回复时长, in minutes; only on days with replies.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub avg_reply_time: Option<i64>,
    /// 删除/拉黑成员的客户数 (formerly sent as `negative_fee_back_cnt`).
    pub negative_feedback_cnt: i64,
    /// 发起申请数: friend requests the member sent.
    pub new_apply_cnt: i64,
    /// 新增客户数: customers the member added.
    pub new_contact_cnt: i64,
}

/// [`BehaviorData`] as WeCom may send it, under either name of the negative-feedback count.
#[derive(Deserialize, Default)]
#[serde(default)]
struct BehaviorDataWire {
    stat_time: i64,
    chat_cnt: i64,
    message_cnt: i64,
    reply_percentage: Option<f64>,
    avg_reply_time: Option<i64>,
    negative_feedback_cnt: Option<i64>,
    negative_fee_back_cnt: Option<i64>,
    new_apply_cnt: i64,
    new_contact_cnt: i64,
}

impl From<BehaviorDataWire> for BehaviorData {
    fn from(w: BehaviorDataWire) -> Self {
        Self {
            stat_time: w.stat_time,
            chat_cnt: w.chat_cnt,
            message_cnt: w.message_cnt,
            reply_percentage: w.reply_percentage,
            avg_reply_time: w.avg_reply_time,
            negative_feedback_cnt: w
                .negative_feedback_cnt
                .or(w.negative_fee_back_cnt)
                .unwrap_or_default(),
            new_apply_cnt: w.new_apply_cnt,
            new_contact_cnt: w.new_contact_cnt,
        }
    }
}
