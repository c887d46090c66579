//! What a sandbox offers service-provider code: the suite's and provider's credentials, the ticket the
//! sandbox "pushes", the authorized corps, and clients set up for them.

use std::sync::Arc;

use wecom_external_contact::{ClientBuilder, SuiteTicketStore, TokenKind, WecomClient};

use super::{lock, AuthorizedCorp};
use crate::Sandbox;

impl Sandbox {
    /// The suite id get_suite_token accepts.
    pub fn suite_id(&self) -> &str {
        &self.shared.service.config.suite_id
    }

    /// The suite secret get_suite_token accepts.
    pub fn suite_secret(&self) -> &str {
        &self.shared.service.config.suite_secret
    }

    /// The provider's corp id get_provider_token accepts.
    pub fn provider_corp_id(&self) -> &str {
        &self.shared.service.config.provider_corp_id
    }

    /// The provider secret get_provider_token accepts.
    pub fn provider_secret(&self) -> &str {
        &self.shared.service.config.provider_secret
    }

    /// The suite_ticket the sandbox pushed last: what the suite's callback would have received (WeCom
    /// pushes one every 10 minutes); get_suite_token accepts this one only.
    pub fn suite_ticket(&self) -> String {
        self.shared.service.ticket()
    }

    /// Pushes a new suite_ticket and returns it; the previous one is refused from now on (errcode
    /// 40085), which is stricter than WeCom, where a ticket stays valid for 30 minutes.
    pub fn push_suite_ticket(&self) -> String {
        self.shared.service.push_ticket()
    }

    /// The corps that authorized the suite: the sandbox's own corp first, then a smaller one of its own.
    pub fn authorized_corps(&self) -> Vec<AuthorizedCorp> {
        let corps = &self.shared.service.corps;
        corps.iter().map(|c| c.corp.clone()).collect()
    }

    /// The follow users of authorized corp `corp_id` and how many customers each has, as generated.
    pub fn follow_users_of(&self, corp_id: &str) -> Option<Vec<(String, usize)>> {
        let service = &self.shared.service;
        let index = service
            .corps
            .iter()
            .position(|c| c.corp.corp_id == corp_id)?;
        Some(super::world_of(&self.shared, index).follow_user_counts())
    }

    /// A client builder for the suite, pointed at this sandbox: its tickets come from `tickets` (put
    /// [`suite_ticket`](Self::suite_ticket) there, as a callback receiver would).
    pub fn suite_client_builder(&self, tickets: Arc<dyn SuiteTicketStore>) -> ClientBuilder {
        WecomClient::builder().base_url(self.base_url()).suite(
            self.suite_id(),
            self.suite_secret(),
            tickets,
        )
    }

    /// A client builder for the provider, pointed at this sandbox.
    pub fn provider_client_builder(&self) -> ClientBuilder {
        WecomClient::builder()
            .base_url(self.base_url())
            .provider(self.provider_corp_id(), self.provider_secret())
    }

    /// Requests received for get_suite_token.
    pub fn suite_token_hits(&self) -> u64 {
        self.hits("/cgi-bin/service/get_suite_token")
    }

    /// Revokes the tokens of one kind issued so far: gettoken's and authorized corps' for
    /// [`TokenKind::Corp`] (calls with them get 40014), suite tokens (40082) or provider tokens (40014).
    pub fn revoke_tokens_of(&self, kind: TokenKind) {
        let service = &self.shared.service;
        match kind {
            TokenKind::Suite => service.suite_tokens.revoke_all(),
            TokenKind::Provider => service.provider_tokens.revoke_all(),
            _ => {
                self.shared.tokens.revoke_all();
                service.corp_tokens.revoke_all();
            }
        }
    }

    /// The tmp_external_userid a meeting, form or smart sheet hands out for customer `external_userid`:
    /// what `idconvert/convert_tmp_external_userid` converts back.
    pub fn tmp_external_userid(&self, external_userid: &str) -> String {
        super::ids::tmp_form(external_userid)
    }

    /// True once the provider declared `corp_id`'s external_userid migration finished.
    pub fn external_userid_migration_finished(&self, corp_id: &str) -> bool {
        lock(&self.shared.service.migrated).contains(corp_id)
    }
}
