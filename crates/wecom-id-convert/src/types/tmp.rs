//! Temporary external user ids (tmp_external_userid) that meetings, forms and smart sheets hand out,
//! to external_userid (tmp_external_userid的转换).

use serde::{Deserialize, Serialize};
use wecom_core::{check, Result};

/// WeCom's limit of ids per `idconvert/convert_tmp_external_userid` call (最多不超过100个).
pub const MAX_TMP_EXTERNAL_USERIDS: usize = 100;

wecom_core::int_enum! {
    /// 业务类型: which product handed out the tmp_external_userid.
    pub enum BusinessType {
        /// 1: 会议 (获取会议详情).
        Meeting = 1,
        /// 2: 收集表 (统计信息查询, 读取收集表答案).
        Form = 2,
        /// 3: 智能表 / 文档 (获取记录).
        SmartSheet = 3,
    }
}

wecom_core::int_enum! {
    /// 转换的目标用户类型.
    pub enum UserType {
        /// 1: 客户 of members with 客户联系 in the app's visible range (answers `external_userid`).
        Customer = 1,
        /// 2: 企业互联 members in the shared app's range (answers `corpid` + `userid`).
        CorpInterconnect = 2,
        /// 3: 上下游 members in the shared app's range (answers `corpid` + `userid`).
        UpDownstream = 3,
        /// 4: 互联企业(圈子) members in the app's range (answers `corpid` + `userid`).
        Circle = 4,
    }
}

/// The body of `POST /cgi-bin/idconvert/convert_tmp_external_userid`: one call's worth (at most
/// [`MAX_TMP_EXTERNAL_USERIDS`]); the SDK method sends any number in chunks.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct ConvertTmpExternalUseridRequest {
    /// 业务类型.
    pub business_type: BusinessType,
    /// 转换的目标用户类型.
    pub user_type: UserType,
    /// 外部用户临时id, got by the same app that converts them.
    pub tmp_external_userid_list: Vec<String>,
}

impl ConvertTmpExternalUseridRequest {
    /// Converts these ids (1 to 100) of `business_type` into users of `user_type`.
    pub fn new<I, S>(business_type: BusinessType, user_type: UserType, tmp_ids: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        Self {
            business_type,
            user_type,
            tmp_external_userid_list: tmp_ids.into_iter().map(Into::into).collect(),
        }
    }

    /// Checks 1 to 100 ids.
    pub fn check(&self) -> Result<()> {
        let len = self.tmp_external_userid_list.len();
        check::count_between("tmp_external_userid_list", len, 1, MAX_TMP_EXTERNAL_USERIDS)
    }
}

wecom_core::impl_endpoint!(ConvertTmpExternalUseridRequest => ConvertTmpExternalUseridResponse,
    Post "/cgi-bin/idconvert/convert_tmp_external_userid", Idempotent,
    validate = ConvertTmpExternalUseridRequest::check);

/// The answer of `convert_tmp_external_userid`.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(default)]
pub struct ConvertTmpExternalUseridResponse {
    /// 转换成功的结果列表.
    pub results: Vec<TmpExternalUserid>,
    /// 不合法的tmp_external_userid列表.
    pub invalid_tmp_external_userid_list: Vec<String>,
}

/// One converted tmp id: a customer's `external_userid`, or the `corpid` + `userid` of a member of
/// another corp, as the [`UserType`] asked.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq, Eq)]
#[serde(default)]
pub struct TmpExternalUserid {
    /// 输入的tmp_external_userid.
    pub tmp_external_userid: String,
    /// 转换后的external_userid ([`UserType::Customer`]).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub external_userid: Option<String>,
    /// 用户所属的企业corpid (the other user types).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub corpid: Option<String>,
    /// 转换后的userid (the other user types).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub userid: Option<String>,
}
