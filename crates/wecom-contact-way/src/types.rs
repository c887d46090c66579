//! Request and response types of 「联系我」, each request beside its endpoint description.

/// Setters of the optional fields that `add_contact_way` and `update_contact_way` share.
macro_rules! shared_setters {
    () => {
        /// Sets the mini-program button style (scene 1 only).
        pub fn style(mut self, v: ContactWayStyle) -> Self {
            self.style = Some(v);
            self
        }

        /// Sets the remark, at most [`MAX_REMARK_CHARS`](crate::MAX_REMARK_CHARS) characters.
        pub fn remark(mut self, v: impl Into<String>) -> Self {
            self.remark = Some(v.into());
            self
        }

        /// Sets whether customers are added without verification (WeCom's default: true).
        pub fn skip_verify(mut self, v: bool) -> Self {
            self.skip_verify = Some(v);
            self
        }

        /// Sets the channel `state`, at most [`MAX_STATE_CHARS`](crate::MAX_STATE_CHARS) characters.
        pub fn state(mut self, v: impl Into<String>) -> Self {
            self.state = Some(v.into());
            self
        }

        /// Sets the members' userids (at most [`MAX_USERS`](crate::MAX_USERS)).
        pub fn user<I, S>(mut self, userids: I) -> Self
        where
            I: IntoIterator<Item = S>,
            S: Into<String>,
        {
            self.user = userids.into_iter().map(Into::into).collect();
            self
        }

        /// Sets the department ids (多人 only; at most [`MAX_PARTIES`](crate::MAX_PARTIES)).
        pub fn party(mut self, party_ids: impl IntoIterator<Item = i64>) -> Self {
            self.party = party_ids.into_iter().collect();
            self
        }

        /// Sets how long a temporary-chat QR code stays valid, in seconds (at most 14 days).
        pub fn expires_in(mut self, secs: u32) -> Self {
            self.expires_in = Some(secs);
            self
        }

        /// Sets how long a temporary chat lasts after adding, in seconds (at most 14 days).
        pub fn chat_expires_in(mut self, secs: u32) -> Self {
            self.chat_expires_in = Some(secs);
            self
        }

        /// Restricts a temporary chat to the customer with this unionid.
        pub fn unionid(mut self, v: impl Into<String>) -> Self {
            self.unionid = Some(v.into());
            self
        }

        /// Sets whether the customer's add source is marked.
        pub fn mark_source(mut self, v: bool) -> Self {
            self.mark_source = Some(v);
            self
        }

        /// Sets the conclusions sent when a temporary chat ends.
        pub fn conclusions(mut self, v: Conclusions) -> Self {
            self.conclusions = Some(v);
            self
        }

        fn shared(&self) -> crate::types::limits::Shared<'_> {
            crate::types::limits::Shared {
                remark: self.remark.as_deref(),
                state: self.state.as_deref(),
                user: &self.user,
                party: &self.party,
                expires_in: self.expires_in,
                chat_expires_in: self.chat_expires_in,
                conclusions: self.conclusions.as_ref(),
            }
        }
    };
}

mod add;
mod conclusions;
mod contact_way;
mod limits;
mod list;
mod simple;
mod update;

pub use add::{AddContactWayRequest, AddContactWayResponse};
pub use conclusions::{
    ConclusionImage, ConclusionLink, ConclusionMiniProgram, ConclusionText, Conclusions,
};
pub use contact_way::{ContactWay, ContactWayScene, ContactWayStyle, ContactWayType};
pub use limits::{
    MAX_LIST_LIMIT, MAX_PARTIES, MAX_REMARK_CHARS, MAX_STATE_CHARS, MAX_TEMP_EXPIRES_IN, MAX_USERS,
};
pub use list::{ListContactWayRequest, ListContactWayResponse, ListedContactWay};
pub use simple::{
    CloseTempChatRequest, DelContactWayRequest, GetContactWayRequest, GetContactWayResponse,
};
pub use update::UpdateContactWayRequest;
/// The byte limits of 结束语's texts (doc 92228), shared with the other message shapes.
pub use wecom_content::{
    MAX_LINK_DESC_BYTES, MAX_LINK_TITLE_BYTES, MAX_MINIPROGRAM_TITLE_BYTES, MAX_TEXT_CONTENT_BYTES,
};
