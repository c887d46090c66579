//! Every response fixture decodes and encodes back to itself (less errcode / errmsg).

use wecom_core::test_util::assert_round_trip;
use wecom_transfer::{
    GetUnassignedListResponse, GroupChatTransferResponse, TransferCustomerResponse,
    TransferResultResponse,
};

#[test]
fn transfer_customer_round_trips() {
    let resp = assert_round_trip::<TransferCustomerResponse>(include_str!(
        "fixtures/transfer_customer.json"
    ));
    assert_eq!(resp.customer.len(), 2);
    let resp = assert_round_trip::<TransferCustomerResponse>(include_str!(
        "fixtures/resigned_transfer_customer.json"
    ));
    assert_eq!(resp.customer[1].errcode.get(), 40096);
}

#[test]
fn transfer_result_round_trips() {
    let resp =
        assert_round_trip::<TransferResultResponse>(include_str!("fixtures/transfer_result.json"));
    assert_eq!(resp.customer.len(), 3);
}

#[test]
fn group_transfers_round_trip() {
    for fixture in [
        include_str!("fixtures/groupchat_transfer.json"),
        include_str!("fixtures/groupchat_onjob_transfer.json"),
    ] {
        let resp = assert_round_trip::<GroupChatTransferResponse>(fixture);
        assert_eq!(resp.failed_chat_list.len(), 1);
    }
}

#[test]
fn get_unassigned_list_round_trips() {
    let resp = assert_round_trip::<GetUnassignedListResponse>(include_str!(
        "fixtures/get_unassigned_list.json"
    ));
    assert_eq!(resp.info.len(), 2);
}
