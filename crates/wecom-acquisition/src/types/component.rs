//! The third-party side: 获取客户可建联成员 (营销获客 apps, doc 101146) and the 获客助手组件 of a service
//! provider: 获取组件授权信息 (99610), 生成代支付key (99603), 获取代支付流水 (99602, suite token).

use serde::{Deserialize, Serialize};
use wecom_core::pagination::{CursorPage, CursorRequest, Page};
use wecom_core::{check, Error, Result};

/// Most keys one `create_once_key` makes (最大不超过1000).
pub const MAX_ONCE_KEYS: u32 = 1_000;
/// Most bills per page of `get_bill_list` (最大不超过1000).
pub const MAX_BILL_LIMIT: u32 = 1_000;
/// Longest `get_bill_list` window: `begin_time` and `end_time` at most 31 days apart.
pub const MAX_BILL_SPAN_SECS: i64 = 31 * 86_400;

/// The (empty) query of `GET /cgi-bin/externalcontact/customer_acquisition_app/get_permit` (获取客户可
/// 建联成员, 「营销获客」 third-party apps only).
#[derive(Debug, Clone, Copy, Default, Serialize, Deserialize, PartialEq)]
pub struct GetPermitRequest {}

wecom_core::impl_endpoint!(GetPermitRequest => GetPermitResponse,
    Get "/cgi-bin/externalcontact/customer_acquisition_app/get_permit", Idempotent);

/// The answer of `get_permit`: who customers may be connected with.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(default)]
pub struct GetPermitResponse {
    /// 成员userid列表.
    pub user_list: Vec<String>,
    /// 部门id列表.
    pub department_list: Vec<i64>,
    /// 标签id列表.
    pub tag_list: Vec<i64>,
}

/// The (empty) body of `POST /cgi-bin/externalcontact/customer_acquisition/get_comp_auth_info` (获取组件
/// 授权信息, 获客助手组件 only).
#[derive(Debug, Clone, Copy, Default, Serialize, Deserialize, PartialEq)]
pub struct GetCompAuthInfoRequest {}

wecom_core::impl_endpoint!(GetCompAuthInfoRequest => GetCompAuthInfoResponse,
    Post "/cgi-bin/externalcontact/customer_acquisition/get_comp_auth_info", Idempotent);

wecom_core::int_enum! {
    /// 付费模式 the corp chose for the 获客助手组件.
    #[derive(Default)]
    pub enum PayMode {
        /// 0: 扣企业的使用量.
        #[default]
        Corp = 0,
        /// 1: 服务商代支付 (`create_once_key` works only then).
        Provider = 1,
    }
}

wecom_core::int_enum! {
    /// 链接授权模式 of the 获客助手组件.
    #[derive(Default)]
    pub enum LinkAuthMode {
        /// 0: 企业选择链接授权.
        #[default]
        Chosen = 0,
        /// 1: 关联应用创建的链接自动授权.
        Automatic = 1,
    }
}

/// The answer of `get_comp_auth_info`.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(default)]
pub struct GetCompAuthInfoResponse {
    /// 付费模式.
    pub pay_mode: PayMode,
    /// 代付单价, in fen (分); answered for [`PayMode::Provider`].
    #[serde(skip_serializing_if = "Option::is_none")]
    pub price: Option<u64>,
    /// 链接授权模式.
    pub link_auth_mode: LinkAuthMode,
    /// 授权的应用.
    pub auth_apps: Vec<AuthApp>,
}

/// One app of `auth_apps`.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(default)]
pub struct AuthApp {
    /// 应用的agentid.
    pub agentid: i64,
}

/// The body of `POST /cgi-bin/externalcontact/customer_acquisition/create_once_key` (生成代支付key,
/// 获客助手组件 with 服务商代支付 only): one-off keys, valid 14 days, to append as `once_key` to a link's
/// `comp_scene` URL.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct CreateOnceKeyRequest {
    /// 获客链接id.
    pub link_id: String,
    /// 生成数量, 1 ..= [`MAX_ONCE_KEYS`]; WeCom's default (100) when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub key_num: Option<u32>,
}

impl CreateOnceKeyRequest {
    /// Keys for link `link_id`, as many as WeCom's default.
    pub fn new(link_id: impl Into<String>) -> Self {
        Self {
            link_id: link_id.into(),
            key_num: None,
        }
    }

    /// `v` keys (1 ..= 1000).
    pub fn key_num(mut self, v: u32) -> Self {
        self.key_num = Some(v);
        self
    }

    /// Checks a link id and 1 ..= 1000 keys.
    pub fn check(&self) -> Result<()> {
        if self.link_id.is_empty() {
            return Err(Error::invalid_request("link_id is empty"));
        }
        match self.key_num {
            Some(n) => check::between("key_num", n.into(), 1, MAX_ONCE_KEYS.into()),
            None => Ok(()),
        }
    }
}

wecom_core::impl_endpoint!(CreateOnceKeyRequest => CreateOnceKeyResponse,
    Post "/cgi-bin/externalcontact/customer_acquisition/create_once_key", NotIdempotent,
    validate = CreateOnceKeyRequest::check);

/// The answer of `create_once_key`.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(default)]
pub struct CreateOnceKeyResponse {
    /// 代支付key列表.
    pub keys: Vec<String>,
}

/// The body of `POST /cgi-bin/service/customer_acquisition/get_bill_list?suite_access_token=…` (获取代支付
/// 流水, 获客助手组件): what the provider paid for one authorized corp.
///
/// WeCom shows a day's bills the next day; to match the corp's own daily figures, ask from 00:00:01 of a
/// day to 00:00:00 of the next.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct GetBillListRequest {
    /// 授权企业corpid.
    pub auth_corpid: String,
    /// 流水记录开始时间 (unix seconds).
    pub begin_time: i64,
    /// 流水记录结束时间 (unix seconds), at most 31 days after `begin_time`.
    pub end_time: i64,
    /// 分页游标 from the previous page's `next_cursor`; absent on the first call.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cursor: Option<String>,
    /// 返回的最大记录数, 1 ..= [`MAX_BILL_LIMIT`]; WeCom's default (100) when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub limit: Option<u32>,
}

impl GetBillListRequest {
    /// The first page of corp `auth_corpid`'s bills from `begin_time` to `end_time`.
    pub fn new(auth_corpid: impl Into<String>, begin_time: i64, end_time: i64) -> Self {
        Self {
            auth_corpid: auth_corpid.into(),
            begin_time,
            end_time,
            cursor: None,
            limit: None,
        }
    }

    /// At most `v` bills per page (1 ..= 1000).
    pub fn limit(mut self, v: u32) -> Self {
        self.limit = Some(v);
        self
    }

    /// Starts at this cursor (a previous answer's `next_cursor`).
    pub fn cursor(mut self, v: impl Into<String>) -> Self {
        self.cursor = Some(v.into());
        self
    }

    /// Checks a corp id, `begin_time ≤ end_time` at most 31 days apart, and limit 1 ..= 1000.
    pub fn check(&self) -> Result<()> {
        if self.auth_corpid.is_empty() {
            return Err(Error::invalid_request("auth_corpid is empty"));
        }
        check::time_range(
            "begin_time",
            self.begin_time,
            "end_time",
            self.end_time,
            Some(MAX_BILL_SPAN_SECS),
        )?;
        match self.limit {
            Some(limit) => check::between("limit", limit.into(), 1, MAX_BILL_LIMIT.into()),
            None => Ok(()),
        }
    }
}

wecom_core::impl_endpoint!(GetBillListRequest => GetBillListResponse,
    Post "/cgi-bin/service/customer_acquisition/get_bill_list", Idempotent, token = Suite,
    validate = GetBillListRequest::check);

impl CursorRequest for GetBillListRequest {
    fn set_cursor(&mut self, cursor: &str) {
        self.cursor = Some(cursor.to_owned());
    }
}

/// One page of `get_bill_list`.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(default)]
pub struct GetBillListResponse {
    /// 代支付流水.
    pub bill_list: Vec<Bill>,
    /// 分页游标 of the next page; empty (or absent) when there is none.
    pub next_cursor: String,
}

impl Page for GetBillListResponse {
    type Item = Bill;
    fn into_items(self) -> Vec<Bill> {
        self.bill_list
    }
}

impl CursorPage for GetBillListResponse {
    fn next_cursor(&self) -> &str {
        &self.next_cursor
    }
}

/// One bill: a customer added on the provider's money.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(default)]
pub struct Bill {
    /// 消耗时间 (unix seconds).
    pub timestamp: i64,
    /// 获客链接id; absent once the link is deleted.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub link_id: Option<String>,
    /// 加好友时的 `state`; absent when empty.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub state: Option<String>,
    /// 服务商代付金额, in fen (分).
    pub price: u64,
}
