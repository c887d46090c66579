//! The sandbox's world: what WeCom would know about one corp's customers.

mod activity;
mod figures;
mod generate;
mod messages;

use std::collections::HashMap;

pub(crate) use figures::{Behavior, ChatFigures};
pub(crate) use messages::{Conversation, Message, Messages, Sender};

/// How much state a sandbox generates.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SandboxSize {
    /// Follow users (members with 客户联系).
    pub members: usize,
    /// Customers, each followed by one member (spread evenly).
    pub customers: usize,
    /// Customer group chats.
    pub group_chats: usize,
    /// Tag groups (each with a few tags).
    pub tag_groups: usize,
}

impl Default for SandboxSize {
    fn default() -> Self {
        Self {
            members: 20,
            customers: 1_000,
            group_chats: 30,
            tag_groups: 4,
        }
    }
}

#[derive(Debug, Clone)]
pub(crate) struct Member {
    pub(crate) userid: String,
    pub(crate) name: String,
}

#[derive(Debug, Clone)]
pub(crate) struct Customer {
    pub(crate) external_userid: String,
    pub(crate) name: String,
    /// 1 微信用户, 2 企业微信用户.
    pub(crate) kind: i64,
    pub(crate) gender: i64,
    pub(crate) avatar: String,
    pub(crate) unionid: String,
    pub(crate) corp_name: String,
    pub(crate) follow: Vec<Follow>,
}

#[derive(Debug, Clone)]
pub(crate) struct Follow {
    pub(crate) userid: String,
    pub(crate) remark: String,
    pub(crate) description: String,
    pub(crate) createtime: i64,
    pub(crate) tag_ids: Vec<String>,
    pub(crate) remark_corp_name: String,
    pub(crate) remark_mobiles: Vec<String>,
    pub(crate) add_way: i64,
    pub(crate) state: String,
}

#[derive(Debug, Clone)]
pub(crate) struct TagGroup {
    pub(crate) group_id: String,
    pub(crate) group_name: String,
    pub(crate) create_time: i64,
    pub(crate) order: i64,
    pub(crate) tags: Vec<Tag>,
}

#[derive(Debug, Clone)]
pub(crate) struct Tag {
    pub(crate) id: String,
    pub(crate) name: String,
    pub(crate) create_time: i64,
    pub(crate) order: i64,
}

#[derive(Debug, Clone)]
pub(crate) struct GroupChat {
    pub(crate) chat_id: String,
    pub(crate) name: String,
    pub(crate) owner: String,
    pub(crate) create_time: i64,
    pub(crate) notice: String,
    /// 0 跟进人正常, 1 跟进人离职, 2 离职继承中, 3 离职继承完成.
    pub(crate) status: i64,
    pub(crate) members: Vec<ChatMember>,
    pub(crate) admins: Vec<String>,
}

#[derive(Debug, Clone)]
pub(crate) struct ChatMember {
    pub(crate) userid: String,
    /// 1 企业成员, 2 外部联系人.
    pub(crate) kind: i64,
    pub(crate) join_time: i64,
    pub(crate) join_scene: i64,
    pub(crate) invitor: String,
    pub(crate) name: String,
}

/// A welcome code of an add_external_contact event: who added whom, and when (clock milliseconds).
#[derive(Debug, Clone)]
pub(crate) struct WelcomeCode {
    pub(crate) userid: String,
    pub(crate) external_userid: String,
    pub(crate) issued_millis: i64,
}

/// Everything the sandbox knows; guarded by one mutex in `Shared`.
#[derive(Debug, Default)]
pub(crate) struct World {
    pub(crate) seed: u64,
    pub(crate) members: Vec<Member>,
    pub(crate) member_index: HashMap<String, u32>,
    pub(crate) customers: Vec<Customer>,
    pub(crate) customer_index: HashMap<String, usize>,
    /// For each member, the customers it follows, in a stable order.
    pub(crate) by_member: HashMap<String, Vec<usize>>,
    pub(crate) tag_groups: Vec<TagGroup>,
    pub(crate) chats: Vec<GroupChat>,
    /// Every message sent in single and group chats, generated or sent through the API, by time.
    pub(crate) messages: Messages,
    pub(crate) welcome_codes: HashMap<String, WelcomeCode>,
    pub(crate) serial: u64,
    /// Whatever the domain handlers create (contact ways, join ways, messages, templates).
    pub(crate) created: crate::handlers::Created,
}

impl World {
    /// A fresh id with `prefix`, unique within this world.
    pub(crate) fn next_id(&mut self, prefix: &str) -> String {
        self.serial += 1;
        let mut rng = fastrand::Rng::with_seed(self.seed.wrapping_add(self.serial));
        let tail: String = (0..24).map(|_| rng.alphanumeric()).collect();
        format!("{prefix}{:06}{tail}", self.serial)
    }

    pub(crate) fn customer(&self, external_userid: &str) -> Option<&Customer> {
        self.customer_index
            .get(external_userid)
            .map(|&i| &self.customers[i])
    }

    pub(crate) fn customer_mut(&mut self, external_userid: &str) -> Option<&mut Customer> {
        let i = *self.customer_index.get(external_userid)?;
        self.customers.get_mut(i)
    }

    pub(crate) fn is_member(&self, userid: &str) -> bool {
        self.member_index.contains_key(userid)
    }

    /// The index of member `userid` in `members`.
    pub(crate) fn member_no(&self, userid: &str) -> Option<u32> {
        self.member_index.get(userid).copied()
    }

    /// The index of customer `external_userid` in `customers`.
    pub(crate) fn customer_no(&self, external_userid: &str) -> Option<u32> {
        self.customer_index
            .get(external_userid)
            .and_then(|&i| u32::try_from(i).ok())
    }

    pub(crate) fn all_tag_ids(&self) -> impl Iterator<Item = &str> {
        self.tag_groups
            .iter()
            .flat_map(|g| g.tags.iter().map(|t| t.id.as_str()))
    }

    pub(crate) fn issue_welcome_code(
        &mut self,
        userid: &str,
        external_userid: &str,
        now_millis: i64,
    ) -> String {
        let code = self.next_id("WELCOME");
        let issued = WelcomeCode {
            userid: userid.to_owned(),
            external_userid: external_userid.to_owned(),
            issued_millis: now_millis,
        };
        self.welcome_codes.insert(code.clone(), issued);
        code
    }

    pub(crate) fn follow_user_counts(&self) -> Vec<(String, usize)> {
        self.members
            .iter()
            .map(|m| {
                (
                    m.userid.clone(),
                    self.by_member.get(&m.userid).map_or(0, Vec::len),
                )
            })
            .collect()
    }
}
