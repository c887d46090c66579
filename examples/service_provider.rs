//! A service provider's third-party app (第三方应用), end to end: the suite_ticket its callback keeps,
//! one suite token, a client per authorized corp, each corp's customers, their ids in the provider's
//! subject, and a provider-token call.
//!
//! `cargo run --example service_provider` starts a local sandbox (a fake WeCom that plays the provider,
//! the suite and two authorized corps) and runs the whole flow against it: no credentials, no network.

use std::sync::Arc;

use futures::TryStreamExt;
use wecom_external_contact::prelude::*;
use wecom_external_contact::{MemoryTicketStore, SuiteTicketStore};
use wecom_sandbox::Sandbox;

type AnyResult<T> = std::result::Result<T, Box<dyn std::error::Error>>;

#[tokio::main]
async fn main() -> std::process::ExitCode {
    match run_against_sandbox().await {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("error: {err}");
            std::process::ExitCode::FAILURE
        }
    }
}

/// The whole flow against a sandbox of its own.
pub(crate) async fn run_against_sandbox() -> AnyResult<()> {
    let sandbox = Sandbox::start().await?;
    eprintln!("using a local sandbox at {}", sandbox.base_url());

    // WeCom pushes a suite_ticket to the suite's callback every 10 minutes; the callback receiver keeps
    // it in the ticket store (a Redis one when several processes share it), where the suite-token fetch
    // reads it. Here the sandbox hands over the ticket it "pushed".
    let tickets = Arc::new(MemoryTicketStore::new());
    tickets
        .put(sandbox.suite_id(), &sandbox.suite_ticket())
        .await?;
    let suite = WecomClient::builder()
        .base_url(sandbox.base_url())
        .suite(sandbox.suite_id(), sandbox.suite_secret(), tickets)
        .build()?;

    // One client per authorized corp (the corp id and permanent code come from the auth callbacks);
    // they share the suite's token.
    for corp in sandbox.authorized_corps() {
        let client = suite.authorized_corp(&corp.corp_id, &corp.permanent_code)?;
        read_corp(&client).await?;
    }

    // The provider's own token, for the calls that take it.
    let provider = WecomClient::builder()
        .base_url(sandbox.base_url())
        .provider(sandbox.provider_corp_id(), sandbox.provider_secret())
        .build()?;
    let second = &sandbox.authorized_corps()[1].corp_id;
    provider
        .id_convert()
        .finish_external_userid_migration(second)
        .await?;
    println!("provider: external_userid migration of {second} marked finished");

    println!(
        "done: {} requests served, {} get_suite_token, {} get_corp_token",
        sandbox.total_hits(),
        sandbox.suite_token_hits(),
        sandbox.hits("/cgi-bin/service/get_corp_token")
    );
    Ok(())
}

/// The corp's follow users and customers, and their ids in the provider's subject.
async fn read_corp(client: &WecomClient) -> AnyResult<()> {
    let users = client.customer().get_follow_user_list().await?.follow_user;
    let customers: Vec<String> = client
        .customer()
        .batch_get_by_users_stream(users.iter().cloned(), Some(100))
        .map_ok(|item| item.external_contact.external_userid)
        .try_collect()
        .await?;
    println!(
        "corp {}: {} follow users, {} customers",
        client.corp_id(),
        users.len(),
        customers.len()
    );

    // Any number of ids: sent in chunks of 1 000; each id's fate is in the outcome.
    let outcome = client
        .id_convert()
        .get_new_external_userid(&customers)
        .await?;
    println!(
        "  {} ids in the provider's subject, {} unanswered, {} in failed chunks",
        outcome.converted.len(),
        outcome.unanswered.len(),
        outcome.failed_ids().count()
    );
    for chunk in &outcome.failed {
        eprintln!("  {} ids not converted: {}", chunk.ids.len(), chunk.error);
    }
    Ok(())
}
