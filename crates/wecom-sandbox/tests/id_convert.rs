//! The id-conversion endpoints answer consistently with the sandbox's customers: every converted id
//! converts back, through the SDK, for the corp whose token the call carries.

use std::sync::Arc;

use wecom_external_contact::id_convert::{
    BusinessType, IdconvertUnionidToExternalUseridRequest, UnionidToExternalUserid3rdRequest,
    UserType,
};
use wecom_external_contact::prelude::*;
use wecom_external_contact::tag::GetCorpTagListRequest;
use wecom_external_contact::{MemoryTicketStore, SuiteTicketStore};
use wecom_sandbox::Sandbox;

/// A suite client and a client of the second authorized corp.
async fn third_party(sandbox: &Sandbox) -> (WecomClient, WecomClient) {
    let tickets = Arc::new(MemoryTicketStore::new());
    tickets
        .put(sandbox.suite_id(), &sandbox.suite_ticket())
        .await
        .unwrap();
    let suite = sandbox.suite_client_builder(tickets).build().unwrap();
    let corp = &sandbox.authorized_corps()[1];
    let client = suite
        .authorized_corp(&corp.corp_id, &corp.permanent_code)
        .unwrap();
    (suite, client)
}

/// A WeChat customer (with a unionid) of the client's corp, and another customer.
async fn customers(client: &WecomClient) -> (String, String, String) {
    let users = client
        .customer()
        .get_follow_user_list()
        .await
        .unwrap()
        .follow_user;
    let mut wechat = None;
    let mut any = Vec::new();
    for user in users {
        for id in client.customer().list_or_empty(&user).await.unwrap() {
            let detail = client.customer().get(&id, None).await.unwrap();
            match detail.external_contact.unionid {
                Some(unionid) if !unionid.is_empty() && wechat.is_none() => {
                    wechat = Some((id, unionid));
                }
                _ => any.push(id),
            }
        }
    }
    let (id, unionid) = wechat.expect("a WeChat customer");
    (id, unionid, any.pop().expect("another customer"))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn converted_customer_ids_convert_back() {
    let sandbox = Sandbox::start().await.unwrap();
    let (suite, client) = third_party(&sandbox).await;
    let (id, unionid, other) = customers(&client).await;
    let convert = client.id_convert();

    let openid = convert.convert_to_openid(&id).await.unwrap().openid;
    let back = convert
        .unionid_to_external_userid(&unionid, &openid)
        .await
        .unwrap();
    assert_eq!(back.external_userid, id);

    let service = convert
        .to_service_external_userid(&id)
        .await
        .unwrap()
        .external_userid;
    assert_ne!(service, id);
    let corp = convert
        .from_service_external_userid(&service, 1000002)
        .await
        .unwrap();
    assert_eq!(corp.external_userid, id);

    let outcome = convert
        .get_new_external_userid([
            id.as_str(),
            service.as_str(),
            other.as_str(),
            "wmSbxUnknown",
        ])
        .await
        .unwrap();
    let pairs: Vec<(&str, &str)> = outcome
        .converted
        .iter()
        .map(|i| (i.external_userid.as_str(), i.new_external_userid.as_str()))
        .collect();
    // An id already of the provider's subject comes back unchanged.
    assert_eq!(
        pairs[..2],
        [
            (id.as_str(), service.as_str()),
            (service.as_str(), service.as_str())
        ]
    );
    assert_eq!(pairs.len(), 3);
    assert_eq!(outcome.unanswered, ["wmSbxUnknown"]);

    // The same user, looked up by the suite in every authorized corp: found in the second only.
    let req = UnionidToExternalUserid3rdRequest::new(&unionid, &openid);
    let info = suite
        .id_convert()
        .unionid_to_external_userid_3rd(&req)
        .await
        .unwrap();
    assert_eq!(info.external_userid_info.len(), 1);
    assert_eq!(
        info.external_userid_info[0].corpid,
        sandbox.authorized_corps()[1].corp_id
    );
    assert_eq!(info.external_userid_info[0].external_userid, id);

    let tmp = sandbox.tmp_external_userid(&id);
    let outcome = convert
        .convert_tmp_external_userid(
            BusinessType::Meeting,
            UserType::Customer,
            [tmp.as_str(), "ouNobody"],
        )
        .await
        .unwrap();
    assert_eq!(
        outcome.converted[0].external_userid.as_deref(),
        Some(id.as_str())
    );
    assert_eq!(outcome.invalid, ["ouNobody"]);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_looked_up_unionid_links_its_customer_to_a_pending_id() {
    let sandbox = Sandbox::start().await.unwrap();
    let (_suite, client) = third_party(&sandbox).await;
    let (id, unionid, _) = customers(&client).await;
    let convert = client.id_convert();

    // Not looked up yet: no pending_id.
    let before = convert
        .external_userid_to_pending_id(None, [&id])
        .await
        .unwrap();
    assert!(before.converted.is_empty());
    assert_eq!(before.unanswered, std::slice::from_ref(&id));

    let openid = convert.convert_to_openid(&id).await.unwrap().openid;
    let req = IdconvertUnionidToExternalUseridRequest::new(&unionid, &openid);
    let answer = convert
        .idconvert_unionid_to_external_userid(&req)
        .await
        .unwrap();
    assert_eq!(answer.external_userid.as_deref(), Some(id.as_str()));
    assert_eq!(answer.pending_id, None);

    let after = convert
        .external_userid_to_pending_id(None, [&id])
        .await
        .unwrap();
    assert_eq!(after.converted.len(), 1);
    assert_eq!(after.converted[0].external_userid, id);

    // A unionid that is nobody's customer gets a pending_id.
    let stranger = IdconvertUnionidToExternalUseridRequest::new("oSbxStranger", "oSbxOpenStranger");
    let answer = convert
        .idconvert_unionid_to_external_userid(&stranger)
        .await
        .unwrap();
    assert_eq!(answer.external_userid, None);
    assert_eq!(answer.pending_id.as_deref(), Some("pSbxStranger"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn tag_ids_convert_and_unknown_ones_are_invalid() {
    let sandbox = Sandbox::start().await.unwrap();
    let client = sandbox.client_builder().build().unwrap();
    let groups = client
        .tag()
        .get_corp_tag_list(&GetCorpTagListRequest::new())
        .await
        .unwrap()
        .tag_group;
    let tag = groups[0].tag[0].id.clone();
    let group = groups[0].group_id.clone();
    let outcome = client
        .id_convert()
        .external_tagid([tag.as_str(), group.as_str(), "etNobody"])
        .await
        .unwrap();
    assert_eq!(outcome.converted.len(), 2);
    let open = outcome.converted[0].open_external_tagid.clone();
    assert_ne!(open, tag);
    // The provider-subject id converts to itself.
    let again = client
        .id_convert()
        .external_tagid([open.as_str()])
        .await
        .unwrap();
    assert_eq!(again.converted[0].open_external_tagid, open);
    assert_eq!(outcome.invalid, ["etNobody"]);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_provider_finishes_a_corps_migration_and_lists_are_checked_against_wecoms_limits() {
    let sandbox = Sandbox::start().await.unwrap();
    let provider = sandbox.provider_client_builder().build().unwrap();
    let corp_id = sandbox.authorized_corps()[1].corp_id.clone();
    assert!(!sandbox.external_userid_migration_finished(&corp_id));
    provider
        .id_convert()
        .finish_external_userid_migration(&corp_id)
        .await
        .unwrap();
    assert!(sandbox.external_userid_migration_finished(&corp_id));
    let err = provider
        .id_convert()
        .finish_external_userid_migration("wwstranger")
        .await
        .unwrap_err();
    assert_eq!(err.code(), Some(ErrCode(40013)));

    // 2 500 ids go as chunks of 1 000, 1 000 and 500: the sandbox refuses more than 1 000.
    let client = sandbox.client_builder().build().unwrap();
    let ids: Vec<String> = (0..2500).map(|i| format!("wmSbxNone{i}")).collect();
    let outcome = client
        .id_convert()
        .get_new_external_userid(&ids)
        .await
        .unwrap();
    assert!(outcome.is_complete());
    assert_eq!(outcome.unanswered.len(), 2500);
    assert_eq!(
        sandbox.hits("/cgi-bin/externalcontact/get_new_external_userid"),
        3
    );
}
