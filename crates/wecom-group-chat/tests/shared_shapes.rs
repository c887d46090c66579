//! The owner filter and the 0/1 flag are the shared ones of `wecom-content`, under the names this crate
//! has always used, with the same JSON.

use serde_json::json;
use wecom_group_chat::*;

#[test]
fn owner_filter_and_flag_are_the_shared_types() {
    let req = GroupChatListRequest::new(100).owner_filter(["zhangsan"]);
    let filter: wecom_content::OwnerFilter = req.owner_filter.clone().unwrap();
    assert_eq!(filter, wecom_content::OwnerFilter::new(["zhangsan"]));
    let flag: wecom_content::Flag = Flag::from(true);
    assert_eq!(flag, wecom_content::Flag::Yes);
    assert_eq!(MAX_OWNER_FILTER, wecom_content::MAX_OWNER_FILTER);
    assert_eq!(
        serde_json::to_value(&req).unwrap(),
        json!({"owner_filter": {"userid_list": ["zhangsan"]}, "limit": 100})
    );
    assert_eq!(
        serde_json::to_value(GroupChatGetRequest::new("wrOgQh").need_name(true)).unwrap(),
        json!({"chat_id": "wrOgQh", "need_name": 1})
    );
}
