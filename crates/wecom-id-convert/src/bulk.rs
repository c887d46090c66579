//! The methods of [`IdConvertApi`] that convert lists: any number of ids, sent in chunks within WeCom's
//! limit, one after another, answered as one [`Conversion`].

use wecom_core::Result;

use crate::conversion::{collect_ids, in_chunks, Conversion, SourceId};
use crate::types::*;
use crate::IdConvertApi;

impl<'a> IdConvertApi<'a> {
    /// 转换客户external_userid: a corp's external_userids (企业主体) as the provider's apps see them
    /// (服务商主体); an id already of the provider's subject comes back unchanged.
    ///
    /// <https://developer.work.weixin.qq.com/document/path/97063> (代开发: 97107; first published in
    /// 95327). Corp token of a third-party or 代开发 app (`access_token`); refused to a third-party app
    /// once its corp's migration is finished. Any number of ids, in chunks of
    /// [`MAX_NEW_EXTERNAL_USERIDS`]; see [`Conversion`] for where each id ends up. Nothing is sent for no
    /// ids.
    ///
    /// Idempotent: retried on -1/45033/timeouts/5xx.
    pub async fn get_new_external_userid<I, S>(
        &self,
        external_userids: I,
    ) -> Result<Conversion<NewExternalUserid>>
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        let ids = collect_ids(external_userids);
        let outcome = in_chunks(
            self.client(),
            ids,
            MAX_NEW_EXTERNAL_USERIDS,
            GetNewExternalUseridRequest::new,
            |answer| (answer.items, Vec::new()),
        );
        Ok(outcome.await)
    }

    /// 转换客户群成员external_userid: like [`get_new_external_userid`](Self::get_new_external_userid)
    /// for members of customer group `chat_id` who are nobody's customer (the group owner must be
    /// visible to the app).
    ///
    /// <https://developer.work.weixin.qq.com/document/path/97063> (代开发: 97107). Corp token of a
    /// third-party or 代开发 app. Any number of ids, in chunks of [`MAX_NEW_EXTERNAL_USERIDS`]. An empty
    /// `chat_id` is refused before anything is sent.
    ///
    /// Idempotent: retried on -1/45033/timeouts/5xx.
    pub async fn groupchat_get_new_external_userid<I, S>(
        &self,
        chat_id: &str,
        external_userids: I,
    ) -> Result<Conversion<NewExternalUserid>>
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        required("chat_id", chat_id)?;
        let ids = collect_ids(external_userids);
        let outcome = in_chunks(
            self.client(),
            ids,
            MAX_NEW_EXTERNAL_USERIDS,
            |chunk| GroupChatGetNewExternalUseridRequest::new(chat_id, chunk),
            |answer| (answer.items, Vec::new()),
        );
        Ok(outcome.await)
    }

    /// external_userid查询pending_id: the pending_ids of customers whose unionid was looked up (with
    /// [`idconvert_unionid_to_external_userid`](Self::idconvert_unionid_to_external_userid)) before they
    /// became customers, within 90 days: the link unionid → pending_id ← external_userid. Customers
    /// without one are [`Conversion::unanswered`]. With `chat_id`, only that group's members are looked
    /// at (and only its owner must be visible to the app).
    ///
    /// <https://developer.work.weixin.qq.com/document/path/95900> (代开发: 97108). Corp token of a
    /// third-party or 代开发 app. Any number of ids, in chunks of [`MAX_PENDING_ID_QUERY`]. An empty
    /// `chat_id` is refused before anything is sent.
    ///
    /// Idempotent: retried on -1/45033/timeouts/5xx.
    pub async fn external_userid_to_pending_id<I, S>(
        &self,
        chat_id: Option<&str>,
        external_userids: I,
    ) -> Result<Conversion<PendingId>>
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        if let Some(chat_id) = chat_id {
            required("chat_id", chat_id)?;
        }
        let ids = collect_ids(external_userids);
        let outcome = in_chunks(
            self.client(),
            ids,
            MAX_PENDING_ID_QUERY,
            |chunk| {
                let req = ExternalUseridToPendingIdRequest::new(chunk);
                match chat_id {
                    Some(chat_id) => req.chat_id(chat_id),
                    None => req,
                }
            },
            |answer| (answer.result, Vec::new()),
        );
        Ok(outcome.await)
    }

    /// 客户标签ID的转换: a corp's customer tag (and tag group) ids as the provider's apps see them; the
    /// ids WeCom cannot convert are [`Conversion::invalid`].
    ///
    /// <https://developer.work.weixin.qq.com/document/path/96169> (代开发: 97109). Corp token of a
    /// third-party or 代开发 app. Any number of ids, in chunks of [`MAX_EXTERNAL_TAGIDS`].
    ///
    /// Idempotent: retried on -1/45033/timeouts/5xx.
    pub async fn external_tagid<I, S>(&self, tag_ids: I) -> Result<Conversion<OpenExternalTagid>>
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        let ids = collect_ids(tag_ids);
        let outcome = in_chunks(
            self.client(),
            ids,
            MAX_EXTERNAL_TAGIDS,
            ExternalTagidRequest::new,
            |answer| (answer.items, answer.invalid_external_tagid_list),
        );
        Ok(outcome.await)
    }

    /// tmp_external_userid的转换: the temporary ids a meeting, form or smart sheet gave this app, as
    /// users of `user_type`; the ids WeCom cannot convert are [`Conversion::invalid`].
    ///
    /// <https://developer.work.weixin.qq.com/document/path/98729>. Corp token of the app that got the
    /// ids (self-built, 代开发 or third-party; [`UserType::Customer`] needs 客户联系). Any number of ids,
    /// in chunks of [`MAX_TMP_EXTERNAL_USERIDS`].
    ///
    /// Idempotent: retried on -1/45033/timeouts/5xx.
    pub async fn convert_tmp_external_userid<I, S>(
        &self,
        business_type: BusinessType,
        user_type: UserType,
        tmp_ids: I,
    ) -> Result<Conversion<TmpExternalUserid>>
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        let ids = collect_ids(tmp_ids);
        let outcome = in_chunks(
            self.client(),
            ids,
            MAX_TMP_EXTERNAL_USERIDS,
            |chunk| ConvertTmpExternalUseridRequest::new(business_type, user_type, chunk),
            |answer| (answer.results, answer.invalid_tmp_external_userid_list),
        );
        Ok(outcome.await)
    }
}

impl SourceId for NewExternalUserid {
    fn source_id(&self) -> &str {
        &self.external_userid
    }
}

impl SourceId for PendingId {
    fn source_id(&self) -> &str {
        &self.external_userid
    }
}

impl SourceId for OpenExternalTagid {
    fn source_id(&self) -> &str {
        &self.external_tagid
    }
}

impl SourceId for TmpExternalUserid {
    fn source_id(&self) -> &str {
        &self.tmp_external_userid
    }
}
