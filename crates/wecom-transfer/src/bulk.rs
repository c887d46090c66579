//! Transfers of any number of customers or groups: chunks of WeCom's limit, one outcome per id.

use std::collections::{HashMap, HashSet};

use wecom_core::{Endpoint, ErrCode, Result, WecomClient};

use crate::report::{TransferItem, TransferOutcome, TransferReport};
use crate::types::*;
use crate::TransferApi;

impl<'a> TransferApi<'a> {
    /// Hands any number of customers of a member in service to a colleague (分配在职成员的客户, in bulk).
    ///
    /// `req.external_userid` may hold any number of ids (duplicates are sent once); they go to WeCom in
    /// chunks of 100, one after another. The report has one outcome per id: accepted, the errcode WeCom
    /// gave for that id (e.g. 40128: transferred twice in the last 90 days), or, when a chunk fails as a
    /// whole, failed (an errcode for the call) or unknown (a timeout, 5xx or -1: it may have been done).
    /// A failed chunk does not stop the others, and no chunk is ever sent twice.
    ///
    /// Only an invalid request (no member ids, a message over 200 characters) is an `Err`, before
    /// anything is sent.
    pub async fn transfer_customers(
        &self,
        req: &TransferCustomerRequest,
    ) -> Result<TransferReport> {
        run_chunks(self.client(), req).await
    }

    /// Hands any number of customers of a resigned member to a colleague (分配离职成员的客户, in bulk),
    /// in chunks of 100, as [`transfer_customers`](Self::transfer_customers) does.
    pub async fn resigned_transfer_customers(
        &self,
        req: &ResignedTransferCustomerRequest,
    ) -> Result<TransferReport> {
        run_chunks(self.client(), req).await
    }

    /// Hands any number of groups of members in service to a new owner (分配在职成员的客户群, in
    /// bulk): chunks of 100; a group WeCom lists in `failed_chat_list` is rejected with its errcode and
    /// errmsg, the others of a successful chunk are accepted, and a chunk that fails as a whole marks
    /// its groups failed or unknown.
    pub async fn transfer_groupchats(
        &self,
        req: &GroupChatOnjobTransferRequest,
    ) -> Result<TransferReport> {
        run_chunks(self.client(), req).await
    }

    /// Hands any number of groups of resigned owners to a new owner (分配离职成员的客户群, in bulk),
    /// as [`transfer_groupchats`](Self::transfer_groupchats) does.
    pub async fn resigned_transfer_groupchats(
        &self,
        req: &GroupChatTransferRequest,
    ) -> Result<TransferReport> {
        run_chunks(self.client(), req).await
    }
}

/// A transfer request that can be cut into chunks of ids.
pub(crate) trait Chunked: Endpoint {
    /// WeCom's limit of ids per call.
    const CHUNK: usize;
    /// The ids to transfer.
    fn ids(&self) -> &[String];
    /// The same request for `ids` only.
    fn with_ids(&self, ids: Vec<String>) -> Self;
    /// The checks of everything but the number of ids.
    fn check_fields(&self) -> Result<()>;
    /// The outcome of each id of `chunk` (in order) from WeCom's answer.
    fn outcomes(chunk: &[String], answer: Self::Response) -> Vec<TransferOutcome>;
}

/// Sends `template`'s ids chunk by chunk and merges the outcomes.
pub(crate) async fn run_chunks<R: Chunked>(
    client: &WecomClient,
    template: &R,
) -> Result<TransferReport> {
    template.check_fields()?;
    let mut seen = HashSet::new();
    let ids: Vec<String> = template
        .ids()
        .iter()
        .filter(|id| seen.insert(id.as_str()))
        .cloned()
        .collect();
    let mut items = Vec::with_capacity(ids.len());
    for chunk in ids.chunks(R::CHUNK) {
        let outcomes = match client.execute(&template.with_ids(chunk.to_vec())).await {
            Ok(answer) => R::outcomes(chunk, answer),
            Err(err) => vec![TransferOutcome::of_failed_call(&err); chunk.len()],
        };
        items.extend(
            chunk
                .iter()
                .cloned()
                .zip(outcomes)
                .map(|(id, outcome)| TransferItem { id, outcome }),
        );
    }
    Ok(TransferReport { items })
}

/// Per-customer results: an id WeCom's answer leaves out is unknown, never accepted.
fn customer_outcomes(chunk: &[String], answer: TransferCustomerResponse) -> Vec<TransferOutcome> {
    let by_id: HashMap<String, ErrCode> = answer
        .customer
        .into_iter()
        .map(|c| (c.external_userid, c.errcode))
        .collect();
    chunk
        .iter()
        .map(|id| match by_id.get(id) {
            Some(code) => TransferOutcome::of_code(*code, None),
            None => TransferOutcome::Unknown {
                reason: "WeCom's answer did not mention this customer".to_owned(),
            },
        })
        .collect()
}

/// Per-group results: listed in `failed_chat_list` is rejected (even with errcode 0), else accepted.
fn chat_outcomes(chunk: &[String], answer: GroupChatTransferResponse) -> Vec<TransferOutcome> {
    let failed: HashMap<String, FailedChat> = answer
        .failed_chat_list
        .into_iter()
        .map(|f| (f.chat_id.clone(), f))
        .collect();
    chunk
        .iter()
        .map(|id| match failed.get(id) {
            None => TransferOutcome::Accepted,
            Some(f) => match TransferOutcome::of_code(f.errcode, Some(&f.errmsg)) {
                TransferOutcome::Accepted => TransferOutcome::Rejected {
                    code: f.errcode,
                    message: "listed in failed_chat_list".to_owned(),
                },
                rejected => rejected,
            },
        })
        .collect()
}

impl Chunked for TransferCustomerRequest {
    const CHUNK: usize = MAX_TRANSFER_CUSTOMERS;
    fn ids(&self) -> &[String] {
        &self.external_userid
    }
    fn with_ids(&self, ids: Vec<String>) -> Self {
        Self {
            handover_userid: self.handover_userid.clone(),
            takeover_userid: self.takeover_userid.clone(),
            external_userid: ids,
            transfer_success_msg: self.transfer_success_msg.clone(),
        }
    }
    fn check_fields(&self) -> Result<()> {
        TransferCustomerRequest::check_fields(self)
    }
    fn outcomes(chunk: &[String], answer: TransferCustomerResponse) -> Vec<TransferOutcome> {
        customer_outcomes(chunk, answer)
    }
}

impl Chunked for ResignedTransferCustomerRequest {
    const CHUNK: usize = MAX_TRANSFER_CUSTOMERS;
    fn ids(&self) -> &[String] {
        &self.external_userid
    }
    fn with_ids(&self, ids: Vec<String>) -> Self {
        Self {
            handover_userid: self.handover_userid.clone(),
            takeover_userid: self.takeover_userid.clone(),
            external_userid: ids,
        }
    }
    fn check_fields(&self) -> Result<()> {
        ResignedTransferCustomerRequest::check_fields(self)
    }
    fn outcomes(chunk: &[String], answer: TransferCustomerResponse) -> Vec<TransferOutcome> {
        customer_outcomes(chunk, answer)
    }
}

impl Chunked for GroupChatOnjobTransferRequest {
    const CHUNK: usize = MAX_TRANSFER_CHATS;
    fn ids(&self) -> &[String] {
        &self.chat_id_list
    }
    fn with_ids(&self, ids: Vec<String>) -> Self {
        Self {
            chat_id_list: ids,
            new_owner: self.new_owner.clone(),
        }
    }
    fn check_fields(&self) -> Result<()> {
        GroupChatOnjobTransferRequest::check_fields(self)
    }
    fn outcomes(chunk: &[String], answer: GroupChatTransferResponse) -> Vec<TransferOutcome> {
        chat_outcomes(chunk, answer)
    }
}

impl Chunked for GroupChatTransferRequest {
    const CHUNK: usize = MAX_TRANSFER_CHATS;
    fn ids(&self) -> &[String] {
        &self.chat_id_list
    }
    fn with_ids(&self, ids: Vec<String>) -> Self {
        Self {
            chat_id_list: ids,
            new_owner: self.new_owner.clone(),
        }
    }
    fn check_fields(&self) -> Result<()> {
        GroupChatTransferRequest::check_fields(self)
    }
    fn outcomes(chunk: &[String], answer: GroupChatTransferResponse) -> Vec<TransferOutcome> {
        chat_outcomes(chunk, answer)
    }
}
