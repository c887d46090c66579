//! The permissions (`privilege`) of rules groups: one named `Option<bool>` per documented flag, plus
//! the flags WeCom may add later, kept as sent. `None` means "not sent": on create WeCom applies its
//! default (true for every flag), on edit a privilege object replaces the old one as a whole.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

/// Declares a privilege struct: its flags, `FLAGS`, `all`, `get` and `set`.
macro_rules! privileges {
    ($(#[$meta:meta])* $name:ident { $($(#[$fmeta:meta])* $field:ident,)+ }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
        pub struct $name {
            $(
                $(#[$fmeta])*
                #[serde(default, skip_serializing_if = "Option::is_none")]
                pub $field: Option<bool>,
            )+
            /// Flags this SDK does not name yet, as WeCom sent them, so that a privilege read, changed
            /// and sent back in an edit loses none. Set them with [`set`](Self::set), which puts a
            /// named flag in its field.
            #[serde(flatten)]
            pub other: Map<String, Value>,
        }

        impl $name {
            /// The name of every flag this SDK knows, in WeCom's documented order.
            pub const FLAGS: &'static [&'static str] = &[$(stringify!($field)),+];

            /// Every documented flag set to `value`; `all(true)` is WeCom's default configuration.
            pub fn all(value: bool) -> Self {
                Self {
                    $($field: Some(value),)+
                    other: Map::new(),
                }
            }

            /// Flag `name`, named here or kept in `other`; `None` when it was not sent.
            pub fn get(&self, name: &str) -> Option<bool> {
                match name {
                    $(stringify!($field) => self.$field,)+
                    _ => self.other.get(name).and_then(Value::as_bool),
                }
            }

            /// Sets flag `name`: its field when this SDK names it, else an entry of `other`.
            pub fn set(&mut self, name: &str, value: bool) {
                match name {
                    $(stringify!($field) => self.$field = Some(value),)+
                    _ => {
                        self.other.insert(name.to_owned(), Value::Bool(value));
                    }
                }
            }
        }
    };
}

privileges! {
    /// The permissions of a customer rules group (客户联系规则组, doc 94883): 21 documented flags. The
    /// first five are basic permissions WeCom keeps on; the others default to true. A group with a
    /// parent inherits its parent's permissions and WeCom ignores this object.
    ///
    /// ```
    /// use wecom_strategy::CustomerPrivilege;
    /// let mut p = CustomerPrivilege::all(true);
    /// p.send_customer_msg = Some(false);
    /// p.set("a_flag_added_later", true);
    /// assert_eq!(p.get("send_customer_msg"), Some(false));
    /// assert_eq!(p.other["a_flag_added_later"], true);
    /// assert_eq!(CustomerPrivilege::FLAGS.len(), 21);
    /// ```
    CustomerPrivilege {
        /// 查看客户列表 (basic, cannot be turned off).
        view_customer_list,
        /// 查看客户统计数据 (basic, cannot be turned off).
        view_customer_data,
        /// 查看群聊列表 (basic, cannot be turned off).
        view_room_list,
        /// 可使用联系我 (basic, cannot be turned off).
        contact_me,
        /// 可加入群聊 (basic, cannot be turned off).
        join_room,
        /// 允许分享客户给其他成员 (default true).
        share_customer,
        /// 允许分配离职成员客户 (default true).
        oper_resign_customer,
        /// 允许分配离职成员客户群 (default true).
        oper_resign_group,
        /// 允许给企业客户发送消息 (default true).
        send_customer_msg,
        /// 允许配置欢迎语 (default true).
        edit_welcome_msg,
        /// 允许查看成员联系客户统计 (default true).
        view_behavior_data,
        /// 允许查看群聊数据统计 (default true).
        view_room_data,
        /// 允许发送消息到企业的客户群 (default true).
        send_group_msg,
        /// 允许对企业客户群进行去重 (default true).
        room_deduplication,
        /// 配置快捷回复 (default true).
        rapid_reply,
        /// 转接在职成员的客户 (default true).
        onjob_customer_transfer,
        /// 编辑企业成员防骚扰规则 (default true).
        edit_anti_spam_rule,
        /// 导出客户列表 (default true).
        export_customer_list,
        /// 导出成员客户统计 (default true).
        export_customer_data,
        /// 导出客户群列表 (default true).
        export_customer_group_list,
        /// 配置企业客户标签 (default true).
        manage_customer_tag,
    }
}

privileges! {
    /// The permissions of a moment rules group (客户朋友圈规则组, doc 94890): 3 documented flags, each
    /// true by default. A group with a parent inherits its parent's permissions.
    ///
    /// ```
    /// use wecom_strategy::MomentPrivilege;
    /// let p = MomentPrivilege { send_moment: Some(false), ..MomentPrivilege::default() };
    /// assert_eq!(serde_json::to_string(&p).unwrap(), r#"{"send_moment":false}"#);
    /// ```
    MomentPrivilege {
        /// 允许查看成员的全部客户朋友圈发表 (default true).
        view_moment_list,
        /// 允许成员发表客户朋友圈 (default true).
        send_moment,
        /// 配置封面和签名 (default true).
        manage_moment_cover_and_sign,
    }
}
