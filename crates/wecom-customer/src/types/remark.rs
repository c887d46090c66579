//! 修改客户备注信息 (doc 92115).

use serde::{Deserialize, Serialize};
use wecom_core::{check, EmptyResponse, Error, Result};

/// Most characters of `remark`.
pub const MAX_REMARK_CHARS: usize = 20;
/// Most characters of `description`.
pub const MAX_DESCRIPTION_CHARS: usize = 150;
/// Most characters of `remark_company`.
pub const MAX_REMARK_COMPANY_CHARS: usize = 20;

/// The body of `externalcontact/remark` (修改客户备注信息). At least one of `remark`, `description`,
/// `remark_company`, `remark_mobiles`, `remark_pic_mediaid` must be given; an absent field is left as
/// it is.
///
/// ```
/// use wecom_customer::RemarkRequest;
/// let req = RemarkRequest::new("zhangsan", "woAJ2GCAAAd1asdasdjO4wKmE8Aabj9AAA")
///     .remark("李部长")
///     .clear_remark_mobiles();
/// assert_eq!(req.remark_mobiles, Some(vec![String::new()]));
/// ```
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct RemarkRequest {
    /// 企业成员的userid.
    pub userid: String,
    /// 外部联系人userid.
    pub external_userid: String,
    /// 此用户对外部联系人的备注, at most 20 characters.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub remark: Option<String>,
    /// 此用户对外部联系人的描述, at most 150 characters.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// 此用户对外部联系人备注的所属公司名称, at most 20 characters; only for WeChat customers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub remark_company: Option<String>,
    /// 此用户对外部联系人备注的手机号: given, it replaces the old ones. `None` leaves them; WeCom's
    /// documented way to clear them all is one empty string, `[""]` (see
    /// [`clear_remark_mobiles`](Self::clear_remark_mobiles)).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub remark_mobiles: Option<Vec<String>>,
    /// 备注图片的mediaid (from the media upload API).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub remark_pic_mediaid: Option<String>,
}

impl RemarkRequest {
    /// Changes what member `userid` noted about customer `external_userid`; add at least one field.
    pub fn new(userid: impl Into<String>, external_userid: impl Into<String>) -> Self {
        Self {
            userid: userid.into(),
            external_userid: external_userid.into(),
            ..Self::default()
        }
    }

    /// Sets 备注 (≤ 20 characters).
    pub fn remark(mut self, v: impl Into<String>) -> Self {
        self.remark = Some(v.into());
        self
    }

    /// Sets 描述 (≤ 150 characters).
    pub fn description(mut self, v: impl Into<String>) -> Self {
        self.description = Some(v.into());
        self
    }

    /// Sets 备注的所属公司名称 (≤ 20 characters; WeChat customers only).
    pub fn remark_company(mut self, v: impl Into<String>) -> Self {
        self.remark_company = Some(v.into());
        self
    }

    /// Replaces 备注的手机号 with `mobiles`.
    pub fn remark_mobiles(mut self, mobiles: impl IntoIterator<Item = impl Into<String>>) -> Self {
        self.remark_mobiles = Some(mobiles.into_iter().map(Into::into).collect());
        self
    }

    /// Clears every 备注的手机号: sends `"remark_mobiles":[""]`, as WeCom documents ("填写一个空字符串").
    pub fn clear_remark_mobiles(mut self) -> Self {
        self.remark_mobiles = Some(vec![String::new()]);
        self
    }

    /// Sets 备注图片的mediaid.
    pub fn remark_pic_mediaid(mut self, v: impl Into<String>) -> Self {
        self.remark_pic_mediaid = Some(v.into());
        self
    }

    /// Checks both ids, the character limits, and that something is changed.
    pub fn check(&self) -> Result<()> {
        if self.userid.is_empty() || self.external_userid.is_empty() {
            return Err(Error::invalid_request(
                "userid and external_userid are required",
            ));
        }
        for (field, value, max) in [
            ("remark", &self.remark, MAX_REMARK_CHARS),
            ("description", &self.description, MAX_DESCRIPTION_CHARS),
            (
                "remark_company",
                &self.remark_company,
                MAX_REMARK_COMPANY_CHARS,
            ),
        ] {
            check::max_chars(field, value.as_deref().unwrap_or_default(), max)?;
        }
        if self.remark.is_none()
            && self.description.is_none()
            && self.remark_company.is_none()
            && self.remark_mobiles.is_none()
            && self.remark_pic_mediaid.is_none()
        {
            return Err(Error::invalid_request(
                "remark, description, remark_company, remark_mobiles and remark_pic_mediaid \
                 cannot all be empty",
            ));
        }
        Ok(())
    }
}

wecom_core::impl_endpoint!(RemarkRequest => EmptyResponse,
    Post "/cgi-bin/externalcontact/remark", Idempotent,
    validate = RemarkRequest::check);
