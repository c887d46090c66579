//! The owner filter and the `order_asc` flag are the shared ones of `wecom-content`, under the names
//! this crate has always used, with the same JSON.

use serde_json::json;
use wecom_statistics::*;

#[test]
fn owner_filter_and_sort_order_are_the_shared_types() {
    let req = GroupChatStatisticRequest::new(1_600_272_000)
        .owner_filter(["zhangsan"])
        .order_asc(SortOrder::Asc);
    let filter: &wecom_content::OwnerFilter = req.owner_filter.as_ref().unwrap();
    let order: wecom_content::Flag = req.order_asc.unwrap();
    assert_eq!(filter.userid_list, ["zhangsan"]);
    assert_eq!(order, wecom_content::Flag::Yes);
    assert_eq!(SortOrder::Desc, wecom_content::Flag::No);
    assert_eq!(SortOrder::default(), SortOrder::Desc);
    assert_eq!(MAX_OWNER_FILTER, wecom_content::MAX_OWNER_FILTER);
    assert_eq!(
        serde_json::to_value(&req).unwrap(),
        json!({"day_begin_time": 1_600_272_000, "owner_filter": {"userid_list": ["zhangsan"]}, "order_asc": 1})
    );
}
