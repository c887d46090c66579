//! The errcodes WeCom gives per customer or per group of a transfer, named, with their meaning.
//!
//! From WeCom's global errcode list (全局错误码, doc 90313); [`describe`] words them for reports.

use wecom_core::ErrCode;

/// 40096: 不合法的外部联系人userid.
pub const INVALID_EXTERNAL_USERID: ErrCode = ErrCode(40096);
/// 40097: 该成员尚未离职 (resigned/transfer_customer with a member still in service).
pub const MEMBER_NOT_RESIGNED: ErrCode = ErrCode(40097);
/// 40098: 成员尚未实名认证 (the takeover member).
pub const MEMBER_NOT_VERIFIED: ErrCode = ErrCode(40098);
/// 40099: 接替成员的外部联系人数量已达上限.
pub const TAKEOVER_LIMIT_REACHED: ErrCode = ErrCode(40099);
/// 40100: 此用户的外部联系人已经在转移流程中.
pub const ALREADY_IN_TRANSFER: ErrCode = ErrCode(40100);
/// 40128: 客户转接过于频繁 — a customer is transferred at most twice in 90 days.
pub const TRANSFERRED_TOO_OFTEN: ErrCode = ErrCode(40128);
/// 40129: 当前客户正在转接中 (a takeover of this customer is pending).
pub const TRANSFER_PENDING: ErrCode = ErrCode(40129);
/// 40130: 原跟进人与接手人一样，不可继承.
pub const SAME_MEMBER: ErrCode = ErrCode(40130);
/// 40131: handover_userid 并不是外部联系人的跟进人.
pub const NOT_FOLLOWED_BY_HANDOVER: ErrCode = ErrCode(40131);
/// 90500: 群主并未离职 (groupchat/transfer of a group whose owner is in service).
pub const OWNER_NOT_RESIGNED: ErrCode = ErrCode(90500);
/// 90501: 该群不是客户群.
pub const NOT_CUSTOMER_GROUP: ErrCode = ErrCode(90501);
/// 90502: 群主已经离职 (groupchat/onjob_transfer of a resigned owner's group).
pub const OWNER_RESIGNED: ErrCode = ErrCode(90502);
/// 90504: 群主没变 (the new owner already owns it).
pub const OWNER_UNCHANGED: ErrCode = ErrCode(90504);
/// 90507: 离职群正在继承处理中.
pub const GROUP_TRANSFER_PENDING: ErrCode = ErrCode(90507);
/// 90508: 离职群已经继承.
pub const GROUP_ALREADY_TRANSFERRED: ErrCode = ErrCode(90508);

/// WeCom's meaning of a transfer errcode, `None` for codes this module does not name.
pub fn describe(code: ErrCode) -> Option<&'static str> {
    Some(match code.0 {
        40096 => "不合法的外部联系人userid (invalid external userid)",
        40097 => "该成员尚未离职 (the member has not resigned)",
        40098 => "成员尚未实名认证 (the member has no verified name)",
        40099 => "接替成员的外部联系人数量已达上限 (the takeover member has too many customers)",
        40100 => "此用户的外部联系人已经在转移流程中 (already being transferred)",
        40128 => "客户转接过于频繁 (transferred too often: at most twice in 90 days)",
        40129 => "当前客户正在转接中 (a transfer of this customer is pending)",
        40130 => "原跟进人与接手人一样 (handover and takeover are the same member)",
        40131 => "handover_userid 并不是外部联系人的跟进人 (not a customer of the handover member)",
        90500 => "群主并未离职 (the group's owner has not resigned)",
        90501 => "该群不是客户群 (not a customer group)",
        90502 => "群主已经离职 (the group's owner has resigned)",
        90504 => "群主没变 (the owner would not change)",
        90507 => "离职群正在继承处理中 (the group is being handed over)",
        90508 => "离职群已经继承 (the group was already handed over)",
        _ => return wecom_core::ErrCode::description(code),
    })
}
