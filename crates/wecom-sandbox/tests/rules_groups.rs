//! Rules groups (docs 94883, 94890) and their tags (doc 94882) as WeCom documents them, in raw JSON:
//! parents, administrators and ranges; a child's range within its parent's and its permissions its
//! parent's; strategy tags apart from the corp's and gone with their group; errcodes for unknown ids
//! and for ranges outside the app's visibility.

use serde_json::{json, Value};
use wecom_external_contact::{ErrCode, WecomClient};
use wecom_sandbox::Sandbox;

const C: &str = "/cgi-bin/externalcontact/customer_strategy/";
const M: &str = "/cgi-bin/externalcontact/moment_strategy/";

async fn call(client: &WecomClient, path: String, body: Value) -> Value {
    client.post_raw(&path, &body).await.unwrap()
}

async fn errcode(client: &WecomClient, path: String, body: Value) -> i64 {
    let err = client.post_raw(&path, &body).await.unwrap_err();
    err.code().unwrap_or(ErrCode(0)).0
}

async fn create(client: &WecomClient, family: &str, body: Value) -> i64 {
    call(client, format!("{family}create"), body).await["strategy_id"]
        .as_i64()
        .unwrap()
}

#[tokio::test]
async fn a_group_reads_back_with_defaults_and_a_child_uses_its_parents_permissions() {
    let sandbox = Sandbox::start().await.unwrap();
    let client = sandbox.client_builder().build().unwrap();
    let root = create(&client, C, json!({
        "strategy_name": "华南区", "admin_list": ["zhangsan"],
        "privilege": {"share_customer": false, "view_customer_list": false, "future_flag": true},
        "range": [{"type": 2, "partyid": 1}]
    }))
    .await;
    let child = create(
        &client,
        C,
        json!({
            "parent_id": root, "strategy_name": "广州组", "admin_list": ["lisi", "wangwu"],
            "privilege": {"share_customer": true, "send_customer_msg": false},
            "range": [{"type": 1, "userid": "lisi"}]
        }),
    )
    .await;

    let got = call(&client, format!("{C}get"), json!({"strategy_id": child})).await;
    let s = &got["strategy"];
    assert_eq!(s["strategy_id"], child);
    assert_eq!(s["parent_id"], root);
    assert_eq!(s["strategy_name"], "广州组");
    assert_eq!(s["admin_list"], json!(["lisi", "wangwu"]));
    assert!(s["create_time"].as_i64().unwrap() > 1_600_000_000);
    let p = s["privilege"].as_object().unwrap();
    assert_eq!(p.len(), 21, "every documented flag, nothing else: {p:?}");
    assert_eq!(
        p["share_customer"], false,
        "the parent's setting, not the child's"
    );
    assert_eq!(p["send_customer_msg"], true, "ignored for a child");
    assert_eq!(p["view_customer_list"], true, "a basic permission stays on");

    let moment = create(
        &client,
        M,
        json!({"strategy_name": "朋友圈", "admin_list": ["zhangsan"]}),
    )
    .await;
    let got = call(&client, format!("{M}get"), json!({"strategy_id": moment})).await;
    assert_eq!(
        got["strategy"]["privilege"],
        json!({"view_moment_list": true, "send_moment": true, "manage_moment_cover_and_sign": true})
    );
}

#[tokio::test]
async fn ranges_stay_within_the_apps_visibility_and_the_parents_range() {
    let sandbox = Sandbox::start().await.unwrap();
    let client = sandbox.client_builder().build().unwrap();
    let outside_party = json!({"strategy_name": "N", "admin_list": ["zhangsan"], "range": [{"type": 2, "partyid": 2}]});
    assert_eq!(
        errcode(&client, format!("{C}create"), outside_party).await,
        60011
    );
    let outside_user = json!({"strategy_name": "N", "admin_list": ["zhangsan"], "range": [{"type": 1, "userid": "stranger"}]});
    assert_eq!(
        errcode(&client, format!("{M}create"), outside_user).await,
        60011
    );
    let outside_admin = json!({"strategy_name": "N", "admin_list": ["stranger"]});
    assert_eq!(
        errcode(&client, format!("{C}create"), outside_admin).await,
        60011
    );
    let admins: Vec<String> = (0..21).map(|i| format!("member{i:03}")).collect();
    let too_many = json!({"strategy_name": "N", "admin_list": admins});
    assert_eq!(
        errcode(&client, format!("{C}create"), too_many).await,
        40058
    );

    let root = create(&client, C, json!({"strategy_name": "R", "admin_list": ["zhangsan"], "range": [{"type": 1, "userid": "lisi"}]})).await;
    let wider = json!({"parent_id": root, "strategy_name": "N", "admin_list": ["zhangsan"], "range": [{"type": 1, "userid": "wangwu"}]});
    assert_eq!(errcode(&client, format!("{C}create"), wider).await, 40058);
    let add_outside = json!({"strategy_id": root, "range_add": [{"type": 2, "partyid": 9}]});
    assert_eq!(
        errcode(&client, format!("{C}edit"), add_outside).await,
        60011
    );

    // Five levels at most.
    let mut parent = root;
    for level in 2..=5 {
        parent = create(&client, C, json!({"parent_id": parent, "strategy_name": format!("L{level}"), "admin_list": ["zhangsan"]})).await;
    }
    let sixth = json!({"parent_id": parent, "strategy_name": "L6", "admin_list": ["zhangsan"]});
    assert_eq!(errcode(&client, format!("{C}create"), sixth).await, 40058);
}

#[tokio::test]
async fn unknown_ids_are_errcode_40058_in_each_family() {
    let sandbox = Sandbox::start().await.unwrap();
    let client = sandbox.client_builder().build().unwrap();
    let customer = create(
        &client,
        C,
        json!({"strategy_name": "R", "admin_list": ["zhangsan"]}),
    )
    .await;
    for family in [C, M] {
        for (name, body) in [
            ("get", json!({"strategy_id": 404})),
            ("get_range", json!({"strategy_id": 404})),
            ("edit", json!({"strategy_id": 404, "strategy_name": "N"})),
            ("del", json!({"strategy_id": 404})),
            (
                "create",
                json!({"parent_id": 404, "strategy_name": "N", "admin_list": ["zhangsan"]}),
            ),
        ] {
            assert_eq!(
                errcode(&client, format!("{family}{name}"), body).await,
                40058,
                "{family}{name}"
            );
        }
    }
    // The families are apart: a customer group is no moment group (ids are per family).
    let moments = call(&client, format!("{M}list"), json!({})).await;
    assert_eq!(
        moments,
        json!({"errcode": 0, "errmsg": "ok", "strategy": []})
    );
    let customers = call(&client, format!("{C}list"), json!({})).await;
    assert_eq!(customers["strategy"], json!([{"strategy_id": customer}]));
}

#[tokio::test]
async fn edits_change_the_range_and_trim_the_children() {
    let sandbox = Sandbox::start().await.unwrap();
    let client = sandbox.client_builder().build().unwrap();
    let root = create(
        &client,
        C,
        json!({"strategy_name": "R", "admin_list": ["zhangsan"],
        "range": [{"type": 1, "userid": "lisi"}, {"type": 1, "userid": "wangwu"}]}),
    )
    .await;
    let child = create(
        &client,
        C,
        json!({"parent_id": root, "strategy_name": "C", "admin_list": ["zhangsan"],
        "range": [{"type": 1, "userid": "lisi"}, {"type": 1, "userid": "wangwu"}]}),
    )
    .await;
    call(
        &client,
        format!("{C}edit"),
        json!({"strategy_id": root, "strategy_name": "R2", "admin_list": ["zhaoliu"],
        "range_add": [{"type": 1, "userid": "zhaoliu"}], "range_del": [{"type": 1, "userid": "wangwu"}]}),
    )
    .await;

    let range = call(
        &client,
        format!("{C}get_range"),
        json!({"strategy_id": root, "limit": 1}),
    )
    .await;
    assert_eq!(range["range"], json!([{"type": 1, "userid": "lisi"}]));
    let cursor = range["next_cursor"].as_str().unwrap();
    let rest = call(
        &client,
        format!("{C}get_range"),
        json!({"strategy_id": root, "cursor": cursor}),
    )
    .await;
    assert_eq!(
        rest,
        json!({"errcode": 0, "errmsg": "ok", "range": [{"type": 1, "userid": "zhaoliu"}]})
    );
    let got = call(&client, format!("{C}get"), json!({"strategy_id": root})).await;
    assert_eq!(got["strategy"]["strategy_name"], "R2");
    assert_eq!(got["strategy"]["admin_list"], json!(["zhaoliu"]));
    let child_range = call(
        &client,
        format!("{C}get_range"),
        json!({"strategy_id": child}),
    )
    .await;
    assert_eq!(
        child_range["range"],
        json!([{"type": 1, "userid": "lisi"}]),
        "wangwu left the parent's range"
    );
}

#[tokio::test]
async fn strategy_tags_live_with_their_group_and_go_with_it() {
    let sandbox = Sandbox::start().await.unwrap();
    let client = sandbox.client_builder().build().unwrap();
    let corp_before = call(
        &client,
        "/cgi-bin/externalcontact/get_corp_tag_list".into(),
        json!({}),
    )
    .await;
    let root = create(&client, C, json!({"strategy_name": "R", "admin_list": ["zhangsan"], "range": [{"type": 2, "partyid": 1}]})).await;
    let child = create(
        &client,
        C,
        json!({"parent_id": root, "strategy_name": "C", "admin_list": ["zhangsan"]}),
    )
    .await;
    let added = call(&client, "/cgi-bin/externalcontact/add_strategy_tag".into(),
        json!({"strategy_id": root, "group_name": "华南客户", "order": 2, "tag": [{"name": "广州"}, {"name": "深圳", "order": 1}]})).await;
    let group = &added["tag_group"];
    assert_eq!(group["group_name"], "华南客户");
    assert!(
        group.get("strategy_id").is_none(),
        "the add answer names no strategy_id"
    );
    assert_eq!(group["tag"].as_array().unwrap().len(), 2);

    let listed = call(
        &client,
        "/cgi-bin/externalcontact/get_strategy_tag_list".into(),
        json!({"strategy_id": root}),
    )
    .await;
    assert_eq!(listed["tag_group"][0]["strategy_id"], root);
    assert_eq!(listed["tag_group"][0]["group_id"], group["group_id"]);
    let corp_after = call(
        &client,
        "/cgi-bin/externalcontact/get_corp_tag_list".into(),
        json!({}),
    )
    .await;
    assert_eq!(corp_after, corp_before, "a strategy tag is not a corp tag");

    let to_child = json!({"strategy_id": child, "group_name": "G", "tag": [{"name": "T"}]});
    assert_eq!(
        errcode(
            &client,
            "/cgi-bin/externalcontact/add_strategy_tag".into(),
            to_child
        )
        .await,
        40058
    );
    let same_name =
        json!({"strategy_id": root, "group_id": group["group_id"], "tag": [{"name": "广州"}]});
    assert_eq!(
        errcode(
            &client,
            "/cgi-bin/externalcontact/add_strategy_tag".into(),
            same_name
        )
        .await,
        40071
    );
    let tag_id = group["tag"][0]["id"].clone();
    let rename_taken = json!({"id": tag_id, "name": "深圳"});
    assert_eq!(
        errcode(
            &client,
            "/cgi-bin/externalcontact/edit_strategy_tag".into(),
            rename_taken
        )
        .await,
        40071
    );

    call(&client, format!("{C}del"), json!({"strategy_id": root})).await;
    let all = call(
        &client,
        "/cgi-bin/externalcontact/get_strategy_tag_list".into(),
        json!({}),
    )
    .await;
    assert_eq!(all["tag_group"], json!([]), "the group's tags went with it");
    let gone = json!({"strategy_id": child});
    assert_eq!(
        errcode(&client, format!("{C}get"), gone).await,
        40058,
        "and so did its child"
    );
    let unknown_tag = json!({"tag_id": [tag_id]});
    assert_eq!(
        errcode(
            &client,
            "/cgi-bin/externalcontact/del_strategy_tag".into(),
            unknown_tag
        )
        .await,
        40068
    );
}
