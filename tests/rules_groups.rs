//! Rules groups and their tags through the facade, against the sandbox: create a group with a range,
//! add a strategy tag, read the range as a stream, edit, delete.

use futures::TryStreamExt;
use wecom_external_contact::prelude::*;
use wecom_external_contact::strategy::{
    CustomerPrivilege, MomentPrivilege, RangeNode, StrategyCreateRequest, StrategyDelRequest,
    StrategyEditRequest, StrategyGetRangeRequest, StrategyGetRequest, StrategyListRequest,
};
use wecom_external_contact::tag::{
    AddStrategyTagRequest, EditStrategyTagRequest, GetCorpTagListRequest, GetStrategyTagListRequest,
};
use wecom_sandbox::Sandbox;

/// Three members and the root department: more nodes than one page of two.
fn range() -> Vec<RangeNode> {
    vec![
        RangeNode::member("zhangsan"),
        RangeNode::member("lisi"),
        RangeNode::member("wangwu"),
        RangeNode::department(1),
    ]
}

#[tokio::test]
async fn a_customer_rules_group_lives_and_dies_with_its_range_and_tags() {
    let sandbox = Sandbox::start().await.unwrap();
    let client = sandbox.client_builder().build().unwrap();
    let api = client.customer_strategy();

    let privilege = CustomerPrivilege {
        send_customer_msg: Some(false),
        ..CustomerPrivilege::all(true)
    };
    let id = api
        .create(
            &StrategyCreateRequest::new("华南区", ["zhangsan", "lisi"])
                .privilege(privilege)
                .range(range()),
        )
        .await
        .unwrap()
        .strategy_id;

    let tag_group = client
        .tag()
        .add_strategy_tag(&AddStrategyTagRequest::new_group(
            id,
            "华南客户",
            ["广州", "深圳"],
        ))
        .await
        .unwrap()
        .tag_group;
    assert_eq!(tag_group.group_name, "华南客户");
    let listed = client
        .tag()
        .get_strategy_tag_list(&GetStrategyTagListRequest::new(id))
        .await
        .unwrap()
        .tag_group;
    assert_eq!(listed.len(), 1);
    assert_eq!(listed[0].strategy_id, Some(id));
    assert_eq!(listed[0].group_id, tag_group.group_id);
    let names: Vec<&str> = listed[0].tag.iter().map(|t| t.name.as_str()).collect();
    assert_eq!(names, ["广州", "深圳"]);
    let corp = client
        .tag()
        .get_corp_tag_list(&GetCorpTagListRequest::new())
        .await
        .unwrap()
        .tag_group;
    assert!(corp
        .iter()
        .all(|g| g.group_id != tag_group.group_id && g.strategy_id.is_none()));
    client
        .tag()
        .edit_strategy_tag(&EditStrategyTagRequest::new(&listed[0].tag[0].id).name("广州天河"))
        .await
        .unwrap();

    let nodes: Vec<RangeNode> = api
        .get_range_stream(StrategyGetRangeRequest::new(id).limit(2))
        .try_collect()
        .await
        .unwrap();
    assert_eq!(nodes, range());
    assert_eq!(
        sandbox.hits("/cgi-bin/externalcontact/customer_strategy/get_range"),
        2,
        "four nodes, two pages"
    );

    // Read, change one flag, send back; then the range and the name.
    let strategy = api
        .get(&StrategyGetRequest::new(id))
        .await
        .unwrap()
        .strategy;
    assert_eq!(strategy.strategy_name, "华南区");
    assert_eq!(strategy.admin_list, ["zhangsan", "lisi"]);
    assert_eq!(strategy.privilege.send_customer_msg, Some(false));
    let mut privilege = strategy.privilege;
    privilege.send_customer_msg = Some(true);
    privilege.share_customer = Some(false);
    api.edit(
        &StrategyEditRequest::new(id)
            .strategy_name("华南大区")
            .privilege(privilege)
            .range_del([RangeNode::member("wangwu")]),
    )
    .await
    .unwrap();
    let edited = api
        .get(&StrategyGetRequest::new(id))
        .await
        .unwrap()
        .strategy;
    assert_eq!(edited.strategy_name, "华南大区");
    assert_eq!(edited.privilege.send_customer_msg, Some(true));
    assert_eq!(edited.privilege.share_customer, Some(false));
    let nodes: Vec<RangeNode> = api
        .get_range_stream(StrategyGetRangeRequest::new(id))
        .try_collect()
        .await
        .unwrap();
    assert_eq!(nodes.len(), 3);
    assert!(!nodes.contains(&RangeNode::member("wangwu")));

    api.del(&StrategyDelRequest::new(id)).await.unwrap();
    let ids: Vec<_> = api
        .list_stream(StrategyListRequest::new())
        .try_collect()
        .await
        .unwrap();
    assert!(ids.is_empty());
    let tags = client
        .tag()
        .get_strategy_tag_list(&GetStrategyTagListRequest::default())
        .await
        .unwrap()
        .tag_group;
    assert!(tags.is_empty(), "the group's tags went with it");
    let err = api.get(&StrategyGetRequest::new(id)).await.unwrap_err();
    assert_eq!(err.code(), Some(ErrCode(40058)));
}

#[tokio::test]
async fn moment_rules_groups_stream_page_by_page() {
    let sandbox = Sandbox::start().await.unwrap();
    let client = sandbox.client_builder().build().unwrap();
    let api = client.moment_strategy();
    let mut created = Vec::new();
    for name in ["华东", "华北", "西南"] {
        let req = StrategyCreateRequest::new(name, ["zhangsan"])
            .privilege(MomentPrivilege {
                send_moment: Some(false),
                ..MomentPrivilege::default()
            })
            .range([RangeNode::member("lisi")]);
        created.push(api.create(&req).await.unwrap().strategy_id);
    }

    let ids: Vec<i64> = api
        .list_stream(StrategyListRequest::new().limit(1))
        .map_ok(|s| s.strategy_id)
        .try_collect()
        .await
        .unwrap();
    assert_eq!(ids, created);
    assert_eq!(
        sandbox.hits("/cgi-bin/externalcontact/moment_strategy/list"),
        3
    );
    let p = api
        .get(&StrategyGetRequest::new(created[0]))
        .await
        .unwrap()
        .strategy
        .privilege;
    assert_eq!(
        (
            p.view_moment_list,
            p.send_moment,
            p.manage_moment_cover_and_sign
        ),
        (Some(true), Some(false), Some(true))
    );
    // Outside the app's visibility: department 2 does not exist for the sandbox's app.
    let err = api
        .edit(&StrategyEditRequest::new(created[0]).range_add([RangeNode::department(2)]))
        .await
        .unwrap_err();
    assert_eq!(err.code(), Some(ErrCode::NO_PRIVILEGE));
}
