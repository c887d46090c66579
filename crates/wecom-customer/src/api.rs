//! The methods of [`CustomerApi`]: one per endpoint, plus streams over the cursor-paged reads.

use std::collections::HashSet;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

use futures::{future, Stream, StreamExt};
use wecom_core::{EmptyResponse, ErrCode, Result};

use crate::types::*;
use crate::CustomerApi;

impl<'a> CustomerApi<'a> {
    /// 获取客户列表: the external userids of the customers member `userid` added.
    ///
    /// <https://developer.work.weixin.qq.com/document/path/92113>. Notable errcodes: **84061 means
    /// "this member has no customers"**, i.e. an empty list (match it with
    /// `err.code() == Some(ErrCode::NO_EXTERNAL_CONTACT)`, or call [`list_or_empty`](Self::list_or_empty));
    /// 60011 (member outside the app's visible range), 48002.
    ///
    /// Idempotent: retried on -1/45033/timeouts/5xx.
    pub async fn list(&self, userid: &str) -> Result<ListResponse> {
        self.client().execute(&ListRequest::new(userid)).await
    }

    /// Like [`list`](Self::list), with errcode 84061 (the member has no customers) answered as an
    /// empty `Vec`; every other error is returned as it is.
    pub async fn list_or_empty(&self, userid: &str) -> Result<Vec<String>> {
        match self.list(userid).await {
            Ok(list) => Ok(list.external_userid),
            Err(err) if err.code() == Some(ErrCode::NO_EXTERNAL_CONTACT) => Ok(Vec::new()),
            Err(err) => Err(err),
        }
    }

    /// 获取客户详情: customer `external_userid` and one page (500) of the members who added it; pass the
    /// previous answer's `next_cursor` as `cursor` for the next page, or use
    /// [`get_all_follow_users`](Self::get_all_follow_users).
    ///
    /// <https://developer.work.weixin.qq.com/document/path/92114>. Notable errcodes: 40096 (invalid
    /// external userid), 84061 (no relation with the corp's members), 48002.
    ///
    /// Idempotent: retried on -1/45033/timeouts/5xx.
    pub async fn get(&self, external_userid: &str, cursor: Option<&str>) -> Result<GetResponse> {
        let req = GetRequest {
            external_userid: external_userid.to_owned(),
            cursor: cursor.map(str::to_owned),
        };
        self.client().execute(&req).await
    }

    /// [`get`](Self::get) following `next_cursor` until the last page: the customer with **every**
    /// follow user merged into one `follow_user` list (in WeCom's order) and an empty `next_cursor`.
    /// Stops early on a repeated cursor; fails on the first error. For a customer with thousands of
    /// followers where memory matters, stream them instead:
    /// `client.paginate(GetRequest::new(id)).items()`.
    ///
    /// Idempotent: each page is retried on -1/45033/timeouts/5xx.
    pub async fn get_all_follow_users(&self, external_userid: &str) -> Result<GetResponse> {
        let mut req = GetRequest::new(external_userid);
        let mut all = self.client().execute(&req).await?;
        let mut seen = HashSet::new();
        while !all.next_cursor.is_empty() && seen.insert(all.next_cursor.clone()) {
            req.cursor = Some(std::mem::take(&mut all.next_cursor));
            let page = self.client().execute(&req).await?;
            all.follow_user.extend(page.follow_user);
            all.next_cursor = page.next_cursor;
        }
        all.next_cursor.clear();
        Ok(all)
    }

    /// 批量获取客户详情: one page of the customers of up to 100 members, each with the listed member's
    /// follow info.
    ///
    /// <https://developer.work.weixin.qq.com/document/path/92994>. Validated before sending: 1..=100
    /// userids, limit 1..=100. Members without a valid 互通 licence are listed in `fail_info`; when all
    /// of them lack one, errcode 701008. Other notable errcodes: 60011, 48002.
    ///
    /// Idempotent: retried on -1/45033/timeouts/5xx.
    pub async fn batch_get_by_user(
        &self,
        req: &BatchGetByUserRequest,
    ) -> Result<BatchGetByUserResponse> {
        self.client().execute(req).await
    }

    /// Every [`CustomerWithFollowInfo`] of [`batch_get_by_user`](Self::batch_get_by_user), fetching
    /// page after page from `req`'s cursor on (a page is fetched only when the stream is polled); ends
    /// after the last page, a repeated cursor, or the first error (which it yields). `fail_info` is not
    /// part of the items: call `batch_get_by_user` for it. The stream is `Unpin`, so
    /// `try_next()` works on it directly.
    pub fn batch_get_by_user_stream(
        &self,
        req: BatchGetByUserRequest,
    ) -> impl Stream<Item = Result<CustomerWithFollowInfo>> + Send + Unpin + 'static {
        self.client().paginate(req).items()
    }

    /// Every customer of any number of members: `userids` is split into chunks of 100 (WeCom's limit),
    /// and each chunk is walked like [`batch_get_by_user_stream`](Self::batch_get_by_user_stream), one
    /// chunk after another, in order. Nothing is collected: pages are fetched as the stream is polled.
    /// `limit` is the page size (1..=100, `None` for WeCom's default of 50). Ends after the first error,
    /// which it yields; no user ids means an empty stream and no request.
    ///
    /// Members without a 客户联系 licence are named only in the pages' `fail_info`; to report them, walk
    /// [`batch_get_by_users_pages`](Self::batch_get_by_users_pages) instead.
    pub fn batch_get_by_users_stream(
        &self,
        userids: impl IntoIterator<Item = impl Into<String>>,
        limit: Option<u32>,
    ) -> impl Stream<Item = Result<CustomerWithFollowInfo>> + Send + Unpin + 'static {
        wecom_core::pagination::items(self.batch_get_by_users_pages(userids, limit))
    }

    /// The pages behind [`batch_get_by_users_stream`](Self::batch_get_by_users_stream), whole: the
    /// same chunks of 100 members, the same order and laziness, and each page's `fail_info` (the members
    /// WeCom skipped for want of a licence) and `next_cursor` kept. Ends after the first error, which it
    /// yields.
    pub fn batch_get_by_users_pages(
        &self,
        userids: impl IntoIterator<Item = impl Into<String>>,
        limit: Option<u32>,
    ) -> impl Stream<Item = Result<BatchGetByUserResponse>> + Send + Unpin + 'static {
        let ids: Vec<String> = userids.into_iter().map(Into::into).collect();
        let chunks: Vec<Vec<String>> = ids
            .chunks(MAX_BATCH_USERIDS)
            .map(<[String]>::to_vec)
            .collect();
        let client = self.client().clone();
        // Set when a page is an error, so that no further chunk is even requested.
        let failed = Arc::new(AtomicBool::new(false));
        let saw_error = Arc::clone(&failed);
        let stream = futures::stream::iter(chunks)
            .take_while(move |_| future::ready(!failed.load(Ordering::Relaxed)))
            .flat_map(move |userid_list| {
                let req = BatchGetByUserRequest {
                    userid_list,
                    cursor: None,
                    limit,
                };
                client.paginate(req).pages()
            })
            .inspect(move |page| {
                if page.is_err() {
                    saw_error.store(true, Ordering::Relaxed);
                }
            });
        Box::pin(stream)
    }

    /// 修改客户备注信息: changes what member `userid` noted about a customer (remark, description,
    /// company, mobiles, picture); absent fields stay as they are.
    ///
    /// <https://developer.work.weixin.qq.com/document/path/92115>. Validated before sending: both ids,
    /// remark ≤ 20 and remark_company ≤ 20 and description ≤ 150 characters, at least one field.
    /// Notable errcodes: 84061 (the member has no relation with this customer), 40096, 60011.
    ///
    /// Idempotent (sets fields to the given values): retried on -1/45033/timeouts/5xx.
    pub async fn remark(&self, req: &RemarkRequest) -> Result<EmptyResponse> {
        self.client().execute(req).await
    }

    /// 获取配置了客户联系功能的成员列表: the userids of the members who may have customers (within the
    /// app's visible range).
    ///
    /// <https://developer.work.weixin.qq.com/document/path/92571>. Notable errcodes: 48002.
    ///
    /// Idempotent: retried on -1/45033/timeouts/5xx.
    pub async fn get_follow_user_list(&self) -> Result<GetFollowUserListResponse> {
        self.client().execute(&GetFollowUserListRequest {}).await
    }

    /// 获取已服务的外部联系人: one page of every external contact the corp has served — customers and
    /// other contacts, with the member who added them or the group they joined.
    ///
    /// <https://developer.work.weixin.qq.com/document/path/99434>. Self-built apps only (third-party
    /// and 代开发 apps are not supported). Only customers carry an `external_userid`; every entry has a
    /// `tmp_openid`, valid for 4 hours, to drop duplicates. Notable errcodes: 48002.
    ///
    /// Idempotent: retried on -1/45033/timeouts/5xx.
    pub async fn contact_list(&self, req: &ContactListRequest) -> Result<ContactListResponse> {
        self.client().execute(req).await
    }

    /// Every [`ServedContact`] of [`contact_list`](Self::contact_list), page after page from `req`'s
    /// cursor on; ends after the last page, a repeated cursor, or the first error (which it yields).
    pub fn contact_list_stream(
        &self,
        req: ContactListRequest,
    ) -> impl Stream<Item = Result<ServedContact>> + Send + Unpin + 'static {
        self.client().paginate(req).items()
    }

    /// 检查成员/部门是否具备客户联系权限: sorts members and departments by whether they have 客户联系.
    ///
    /// <https://developer.work.weixin.qq.com/document/path/96312>. For 服务商代开发 apps (the page is in
    /// the 代开发 tree). Validated before sending: at least one member or department.
    ///
    /// Idempotent: retried on -1/45033/timeouts/5xx.
    pub async fn check_follow_user(
        &self,
        req: &CheckFollowUserRequest,
    ) -> Result<CheckFollowUserResponse> {
        self.client().execute(req).await
    }
}
