//! A service provider's third-party app against the sandbox: the customers of two authorized corps read
//! with one suite token, and a pushed suite ticket used by the next suite-token fetch.

use std::collections::HashSet;
use std::sync::Arc;

use futures::TryStreamExt;
use wecom_external_contact::id_convert::UnionidToExternalUserid3rdRequest;
use wecom_external_contact::prelude::*;
use wecom_external_contact::{MemoryTicketStore, SuiteTicketStore, TokenKind};
use wecom_sandbox::Sandbox;

const GET_CORP_TOKEN: &str = "/cgi-bin/service/get_corp_token";

/// A ticket store holding the ticket the sandbox pushed, as the suite's callback receiver keeps it.
async fn tickets(sandbox: &Sandbox) -> Arc<MemoryTicketStore> {
    let tickets = Arc::new(MemoryTicketStore::new());
    tickets
        .put(sandbox.suite_id(), &sandbox.suite_ticket())
        .await
        .unwrap();
    tickets
}

/// Every customer of every follow user of the client's corp.
async fn all_customers(client: &WecomClient) -> Result<HashSet<String>> {
    let users = client.customer().get_follow_user_list().await?.follow_user;
    client
        .customer()
        .batch_get_by_users_stream(users, Some(100))
        .map_ok(|item| item.external_contact.external_userid)
        .try_collect()
        .await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_third_party_app_reads_the_customers_of_two_corps_with_one_suite_token() {
    let sandbox = Sandbox::start().await.unwrap();
    let suite = sandbox
        .suite_client_builder(tickets(&sandbox).await)
        .build()
        .unwrap();
    let corps = sandbox.authorized_corps();
    let clients: Vec<WecomClient> = corps
        .iter()
        .map(|corp| {
            suite
                .authorized_corp(&corp.corp_id, &corp.permanent_code)
                .unwrap()
        })
        .collect();

    // Both corps at once, from cold: each corp token needs the suite token, fetched once.
    let (a, b) = tokio::join!(all_customers(&clients[0]), all_customers(&clients[1]));
    let (a, b) = (a.unwrap(), b.unwrap());
    for (customers, corp) in [(&a, &corps[0]), (&b, &corps[1])] {
        let generated: usize = sandbox
            .follow_users_of(&corp.corp_id)
            .unwrap()
            .iter()
            .map(|(_, count)| count)
            .sum();
        assert_eq!(customers.len(), generated, "{}", corp.corp_id);
    }
    assert_eq!((a.len(), b.len()), (1000, 40));
    assert!(a.is_disjoint(&b), "each corp has customers of its own");
    assert_eq!(sandbox.suite_token_hits(), 1);
    assert_eq!(sandbox.hits(GET_CORP_TOKEN), 2);
    assert_eq!(sandbox.gettoken_hits(), 0);

    // A corp token revoked by WeCom is fetched again with the same suite token.
    sandbox.revoke_tokens_of(TokenKind::Corp);
    let again = all_customers(&clients[1]).await.unwrap();
    assert_eq!(again, b);
    assert_eq!(sandbox.hits(GET_CORP_TOKEN), 3);
    assert_eq!(sandbox.suite_token_hits(), 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_pushed_suite_ticket_put_in_the_store_is_used_by_the_next_suite_token_fetch() {
    let sandbox = Sandbox::start().await.unwrap();
    let tickets = tickets(&sandbox).await;
    let suite = sandbox
        .suite_client_builder(tickets.clone())
        .build()
        .unwrap();
    let lookup = UnionidToExternalUserid3rdRequest::new("oSbxNobody", "oSbxOpenNobody");
    let first = suite
        .id_convert()
        .unionid_to_external_userid_3rd(&lookup)
        .await;
    assert!(first.unwrap().external_userid_info.is_empty());
    assert_eq!(sandbox.suite_token_hits(), 1);

    // WeCom pushes a new ticket (the sandbox refuses the old one from now on) and the suite token is
    // revoked: the replayed fetch still has the old ticket.
    let pushed = sandbox.push_suite_ticket();
    sandbox.revoke_tokens_of(TokenKind::Suite);
    let stale = suite
        .id_convert()
        .unionid_to_external_userid_3rd(&lookup)
        .await;
    assert_eq!(
        stale.unwrap_err().code(),
        Some(ErrCode::INVALID_SUITE_TICKET)
    );
    assert_eq!(sandbox.suite_token_hits(), 2);

    // The callback side keeps the pushed ticket; the next fetch uses it.
    tickets.put(sandbox.suite_id(), &pushed).await.unwrap();
    let fresh = suite
        .id_convert()
        .unionid_to_external_userid_3rd(&lookup)
        .await;
    assert!(fresh.unwrap().external_userid_info.is_empty());
    assert_eq!(sandbox.suite_token_hits(), 3);
}
