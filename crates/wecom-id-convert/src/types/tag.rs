//! Customer tag ids from a corp's subject to the provider's (客户标签ID的转换).

use serde::{Deserialize, Serialize};
use wecom_core::{check, Result};

/// WeCom's limit of tag ids per `idconvert/external_tagid` call (最多不超过1000个).
pub const MAX_EXTERNAL_TAGIDS: usize = 1000;

/// The body of `POST /cgi-bin/idconvert/external_tagid`: one call's worth (at most
/// [`MAX_EXTERNAL_TAGIDS`]); the SDK method sends any number in chunks.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct ExternalTagidRequest {
    /// 企业主体下的客户标签ID列表 (tag and tag-group ids).
    pub external_tagid_list: Vec<String>,
}

impl ExternalTagidRequest {
    /// Converts these tag ids (1 to 1000).
    pub fn new<I, S>(tag_ids: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        Self {
            external_tagid_list: tag_ids.into_iter().map(Into::into).collect(),
        }
    }

    /// Checks 1 to 1000 ids.
    pub fn check(&self) -> Result<()> {
        let len = self.external_tagid_list.len();
        check::count_between("external_tagid_list", len, 1, MAX_EXTERNAL_TAGIDS)
    }
}

wecom_core::impl_endpoint!(ExternalTagidRequest => ExternalTagidResponse,
    Post "/cgi-bin/idconvert/external_tagid", Idempotent,
    validate = ExternalTagidRequest::check);

/// The answer of `idconvert/external_tagid`.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(default)]
pub struct ExternalTagidResponse {
    /// 客户标签转换结果.
    pub items: Vec<OpenExternalTagid>,
    /// 无法转换的客户标签ID列表.
    pub invalid_external_tagid_list: Vec<String>,
}

/// One converted tag id.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq, Eq)]
#[serde(default)]
pub struct OpenExternalTagid {
    /// 企业主体下的客户标签ID (as sent).
    pub external_tagid: String,
    /// 服务商主体下的客户标签ID; the same id when it already was one.
    pub open_external_tagid: String,
}
