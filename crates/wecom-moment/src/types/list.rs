//! 获取企业全部的发表列表 (doc 93333): the moments of a time window.

use serde::{Deserialize, Serialize};
use wecom_core::pagination::{CursorPage, CursorRequest, Page};
use wecom_core::{check, Result};

use super::{Link, Media, Text};

/// Most moments per page of `get_moment_list` (最大值20; WeCom takes its default, 20, above it).
pub const MAX_MOMENT_LIST_LIMIT: u32 = 20;
/// Longest window of `get_moment_list`, in days (起止时间间隔不能超过30天).
pub const MAX_LIST_DAYS: i64 = 30;

wecom_core::int_enum! {
    /// 朋友圈类型 filter of `get_moment_list`.
    pub enum MomentFilter {
        /// 0: 企业发表.
        Corp = 0,
        /// 1: 个人发表.
        Personal = 1,
        /// 2: 所有 (WeCom's default).
        All = 2,
    }
}

wecom_core::int_enum! {
    /// 朋友圈创建来源.
    #[derive(Default)]
    pub enum MomentCreateType {
        /// 0: 企业.
        #[default]
        Corp = 0,
        /// 1: 个人.
        Personal = 1,
    }
}

wecom_core::int_enum! {
    /// 可见范围类型.
    #[derive(Default)]
    pub enum VisibleType {
        /// 0: 部分可见 (a customer filter was given).
        #[default]
        Partial = 0,
        /// 1: 公开.
        Public = 1,
    }
}

/// The body of `POST /cgi-bin/externalcontact/get_moment_list` (获取企业全部的发表列表).
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct GetMomentListRequest {
    /// 朋友圈记录开始时间 (unix seconds).
    pub start_time: i64,
    /// 朋友圈记录结束时间 (unix seconds), at most 30 days after `start_time`.
    pub end_time: i64,
    /// 朋友圈创建人的userid.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub creator: Option<String>,
    /// 朋友圈类型; WeCom's default is [`MomentFilter::All`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub filter_type: Option<MomentFilter>,
    /// 分页游标 from the previous page.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cursor: Option<String>,
    /// 返回的最大记录数, 1 ..= [`MAX_MOMENT_LIST_LIMIT`]; WeCom's default is 20.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub limit: Option<u32>,
}

impl GetMomentListRequest {
    /// The moments created in `[start_time, end_time]` (unix seconds, at most 30 days apart).
    pub fn new(start_time: i64, end_time: i64) -> Self {
        Self {
            start_time,
            end_time,
            creator: None,
            filter_type: None,
            cursor: None,
            limit: None,
        }
    }

    /// Only moments created by this member.
    pub fn creator(mut self, userid: impl Into<String>) -> Self {
        self.creator = Some(userid.into());
        self
    }

    /// Only moments of this kind.
    pub fn filter_type(mut self, filter: MomentFilter) -> Self {
        self.filter_type = Some(filter);
        self
    }

    /// Starts at this cursor.
    pub fn cursor(mut self, cursor: impl Into<String>) -> Self {
        self.cursor = Some(cursor.into());
        self
    }

    /// Pages of `limit` moments (1 ..= 20).
    pub fn limit(mut self, limit: u32) -> Self {
        self.limit = Some(limit);
        self
    }

    /// Checks the window (ordered, ≤ 30 days) and the limit (1 ..= 20).
    pub fn check(&self) -> Result<()> {
        check::time_range(
            "start_time",
            self.start_time,
            "end_time",
            self.end_time,
            Some(MAX_LIST_DAYS * 86_400),
        )?;
        if let Some(limit) = self.limit {
            check::between("limit", limit.into(), 1, MAX_MOMENT_LIST_LIMIT.into())?;
        }
        Ok(())
    }
}

wecom_core::impl_endpoint!(GetMomentListRequest => GetMomentListResponse,
    Post "/cgi-bin/externalcontact/get_moment_list", Idempotent,
    validate = GetMomentListRequest::check);

impl CursorRequest for GetMomentListRequest {
    fn set_cursor(&mut self, cursor: &str) {
        self.cursor = Some(cursor.to_owned());
    }
}

/// One page of `get_moment_list`.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(default)]
pub struct GetMomentListResponse {
    /// 分页游标 of the next page; empty after the last.
    pub next_cursor: String,
    /// 朋友圈列表 (deleted moments are not listed).
    pub moment_list: Vec<Moment>,
}

impl Page for GetMomentListResponse {
    type Item = Moment;
    fn into_items(self) -> Vec<Moment> {
        self.moment_list
    }
}

impl CursorPage for GetMomentListResponse {
    fn next_cursor(&self) -> &str {
        &self.next_cursor
    }
}

/// One moment of `get_moment_list`.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(default)]
pub struct Moment {
    /// 朋友圈id.
    pub moment_id: String,
    /// 朋友圈创建者userid; not sent for moments created by `add_moment_task`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub creator: Option<String>,
    /// 创建时间 (unix seconds; a number or a string in WeCom's answers).
    #[serde(deserialize_with = "wecom_core::lenient::i64_from_any")]
    pub create_time: i64,
    /// 朋友圈创建来源.
    pub create_type: MomentCreateType,
    /// 可见范围类型.
    pub visible_type: VisibleType,
    /// 文本消息.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub text: Option<Text>,
    /// 图片的media_id列表 (download them with 获取临时素材).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub image: Vec<Media>,
    /// 视频.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub video: Option<MomentVideo>,
    /// 网页链接 (title and url).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub link: Option<Link>,
    /// 地理位置.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub location: Option<Location>,
}

/// A moment's video.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq, Eq)]
#[serde(default)]
pub struct MomentVideo {
    /// 视频media_id.
    pub media_id: String,
    /// 视频封面media_id.
    pub thumb_media_id: String,
}

/// A moment's place.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq, Eq)]
#[serde(default)]
pub struct Location {
    /// 地理位置纬度, as WeCom writes it.
    #[serde(deserialize_with = "wecom_core::lenient::string_from_any")]
    pub latitude: String,
    /// 地理位置经度, as WeCom writes it.
    #[serde(deserialize_with = "wecom_core::lenient::string_from_any")]
    pub longitude: String,
    /// 地理位置名称.
    pub name: String,
}
