//! One fixture per event and change type, parsed to the exact typed value; unknown events kept raw.

use std::collections::BTreeMap;

use wecom_callback::{
    AcquisitionChange, ChatChange, ChatUpdate, ContactChange, DeleteSource, Event, EventHeader,
    Extra, FailReason, JoinScene, QuitScene, TagChange, TagRef, TagType, Timestamp, UnknownEvent,
    UpdateDetail,
};

const CORP: &str = "ww5f2e0c9d8a7b6c41";
const ZHANGSAN_CUSTOMER: &str = "wmJr5dCgAAc3xW9pQ2nT7vLk0sYb4eHu";
const CHAT: &str = "wrJr5dCgAAu7HnR2xK9qP4dW1mZc8bYt";
const TAG: &str = "etJr5dCgAAa1Bc2De3Fg4Hi5Jk6Lm7No";
const GROUP: &str = "etJr5dCgAAz9Yx8Wv7Ut6Sr5Qp4On3Ml";
const LINK: &str = "cawcde1a2b3c4d5e6f";

macro_rules! fixture {
    ($name:literal) => {
        Event::parse(include_str!(concat!("fixtures/events/", $name, ".xml"))).expect($name)
    };
}

fn header(create_time: u64) -> EventHeader {
    EventHeader {
        to_user_name: Some(CORP.into()),
        from_user_name: Some("sys".into()),
        create_time: Timestamp(create_time),
        msg_type: Some("event".into()),
        suite_id: None,
        auth_corp_id: None,
    }
}

fn s(value: &str) -> String {
    value.to_owned()
}

#[test]
fn change_external_contact() {
    let contact = |time, change| Event::ExternalContact {
        header: header(time),
        change,
        extra: Extra::default(),
    };
    assert_eq!(
        fixture!("contact_add_external_contact"),
        contact(
            1718000001,
            ContactChange::AddExternalContact {
                user_id: s("zhangsan"),
                external_user_id: s(ZHANGSAN_CUSTOMER),
                state: Some(s("spring_campaign_2024")),
                welcome_code: Some(s("Dk7c1zEYkqGDvM3jLw0uSx5TbNnHa8RfQpi2A9oVyWe")),
            }
        )
    );
    assert_eq!(
        fixture!("contact_edit_external_contact"),
        contact(
            1718000002,
            ContactChange::EditExternalContact {
                user_id: s("zhangsan"),
                external_user_id: s(ZHANGSAN_CUSTOMER),
            }
        )
    );
    assert_eq!(
        fixture!("contact_add_half_external_contact"),
        contact(
            1718000003,
            ContactChange::AddHalfExternalContact {
                user_id: s("lisi"),
                external_user_id: s("woJr5dCgAAXq8Zt1mN6rV3bF0kSa2gPl"),
                state: Some(s("qr_store_17")),
                welcome_code: Some(s("Hb2XnUo9cRt4KpZ7mWq1eLs8dFg3jVa6yTi5NrC0BxE")),
            }
        )
    );
    assert_eq!(
        fixture!("contact_del_external_contact"),
        contact(
            1718000004,
            ContactChange::DelExternalContact {
                user_id: s("zhangsan"),
                external_user_id: s(ZHANGSAN_CUSTOMER),
                source: Some(DeleteSource::DeleteByTransfer),
            }
        )
    );
    assert_eq!(
        fixture!("contact_del_follow_user"),
        contact(
            1718000005,
            ContactChange::DelFollowUser {
                user_id: s("zhangsan"),
                external_user_id: s(ZHANGSAN_CUSTOMER),
            }
        )
    );
    assert_eq!(
        fixture!("contact_transfer_fail"),
        contact(
            1718000006,
            ContactChange::TransferFail {
                user_id: s("wangwu"),
                external_user_id: s(ZHANGSAN_CUSTOMER),
                fail_reason: FailReason::CustomerRefused,
            }
        )
    );
    let limit = include_str!("fixtures/events/contact_transfer_fail.xml")
        .replace("customer_refused", "customer_limit_exceed");
    match Event::parse(&limit).unwrap() {
        Event::ExternalContact {
            change: ContactChange::TransferFail { fail_reason, .. },
            ..
        } => assert_eq!(fail_reason, FailReason::CustomerLimitExceed),
        other => panic!("{other:?}"),
    }
}

#[test]
fn third_party_envelope() {
    assert_eq!(
        fixture!("third_party_contact_add_external_contact"),
        Event::ExternalContact {
            header: EventHeader {
                to_user_name: None,
                from_user_name: None,
                create_time: Timestamp(1718000021),
                msg_type: None,
                suite_id: Some(s("wwa9f1e2d3c4b5a607")),
                auth_corp_id: Some(s("wpJr5dCgAAAuthCorpIdExample01")),
            },
            change: ContactChange::AddExternalContact {
                user_id: s("zhangsan"),
                external_user_id: s(ZHANGSAN_CUSTOMER),
                state: Some(s("teststate")),
                welcome_code: Some(s("WELCOMECODE")),
            },
            extra: Extra::default(),
        }
    );
}

fn update(detail: UpdateDetail) -> ChatUpdate {
    ChatUpdate {
        chat_id: s(CHAT),
        update_detail: detail,
        ..ChatUpdate::default()
    }
}

#[test]
fn change_external_chat() {
    let chat = |time, change| Event::ExternalChat {
        header: header(time),
        change,
        extra: Extra::default(),
    };
    assert_eq!(
        fixture!("chat_create"),
        chat(1718000007, ChatChange::Create { chat_id: s(CHAT) })
    );
    assert_eq!(
        fixture!("chat_update_add_member"),
        chat(
            1718000008,
            ChatChange::Update(ChatUpdate {
                chat_id: s(CHAT),
                update_detail: UpdateDetail::AddMember,
                join_scene: Some(JoinScene::QrCode),
                quit_scene: Some(QuitScene::Left),
                mem_change_cnt: Some(2),
                mem_change_list: vec![s(ZHANGSAN_CUSTOMER), s("zhangsan")],
                last_mem_ver: Some(s("9c3f97c2ada667dfb5f6d03308d963e1")),
                cur_mem_ver: Some(s("71217227bbd112ecfe3a49c482195cb4")),
            })
        )
    );
    assert_eq!(
        fixture!("chat_update_del_member"),
        chat(
            1718000009,
            ChatChange::Update(ChatUpdate {
                chat_id: s(CHAT),
                update_detail: UpdateDetail::DelMember,
                join_scene: Some(JoinScene::Invited),
                quit_scene: Some(QuitScene::Removed),
                mem_change_cnt: Some(1),
                mem_change_list: vec![s("woJr5dCgAAXq8Zt1mN6rV3bF0kSa2gPl")],
                last_mem_ver: Some(s("71217227bbd112ecfe3a49c482195cb4")),
                cur_mem_ver: Some(s("0f1e2d3c4b5a69788796a5b4c3d2e1f0")),
            })
        )
    );
    assert_eq!(
        fixture!("chat_update_change_owner"),
        chat(
            1718000010,
            ChatChange::Update(update(UpdateDetail::ChangeOwner))
        )
    );
    assert_eq!(
        fixture!("chat_update_change_name"),
        chat(
            1718000011,
            ChatChange::Update(update(UpdateDetail::ChangeName))
        )
    );
    assert_eq!(
        fixture!("chat_update_change_notice"),
        chat(
            1718000012,
            ChatChange::Update(update(UpdateDetail::ChangeNotice))
        )
    );
    assert_eq!(
        fixture!("chat_dismiss"),
        chat(1718000013, ChatChange::Dismiss { chat_id: s(CHAT) })
    );
}

#[test]
fn extra_fields_plain_text_and_other_order_are_accepted() {
    assert_eq!(
        fixture!("chat_update_change_name_extra_fields"),
        Event::ExternalChat {
            header: EventHeader {
                to_user_name: Some(s(CORP)),
                create_time: Timestamp(1718000042),
                ..EventHeader::default()
            },
            change: ChatChange::Update(ChatUpdate {
                join_scene: Some(JoinScene::Unknown(1)),
                mem_change_cnt: Some(0),
                ..update(UpdateDetail::ChangeName)
            }),
            // The unknown element is kept, its children as written.
            extra: [("Unexpected", "<Nested>x</Nested>")].into_iter().collect(),
        }
    );
}

#[test]
fn change_external_tag() {
    let tag = |time, change| Event::ExternalTag {
        header: header(time),
        change,
        extra: Extra::default(),
    };
    let tag_ref = |id: &str, tag_type, strategy_id| TagRef {
        id: s(id),
        tag_type,
        strategy_id,
    };
    assert_eq!(
        fixture!("tag_create_tag"),
        tag(
            1718000014,
            TagChange::Create(tag_ref(TAG, TagType::Tag, None))
        )
    );
    assert_eq!(
        fixture!("tag_create_tag_group_strategy"),
        tag(
            1718000015,
            TagChange::Create(tag_ref(GROUP, TagType::TagGroup, Some(1)))
        )
    );
    assert_eq!(
        fixture!("tag_update_tag"),
        tag(
            1718000016,
            TagChange::Update(tag_ref(TAG, TagType::Tag, None))
        )
    );
    assert_eq!(
        fixture!("tag_delete_tag_group"),
        tag(
            1718000017,
            TagChange::Delete(tag_ref(GROUP, TagType::TagGroup, None))
        )
    );
    assert_eq!(
        fixture!("tag_shuffle"),
        tag(
            1718000018,
            TagChange::Shuffle {
                id: s(GROUP),
                strategy_id: Some(1)
            }
        )
    );
}

#[test]
fn customer_acquisition() {
    let acq = |time, change| Event::CustomerAcquisition {
        header: header(time),
        change,
        extra: Extra::default(),
    };
    assert_eq!(
        fixture!("acquisition_link_unavailable"),
        acq(
            1718000019,
            AcquisitionChange::LinkUnavailable { link_id: s(LINK) }
        )
    );
    assert_eq!(
        fixture!("acquisition_customer_start_chat"),
        acq(
            1718000020,
            AcquisitionChange::CustomerStartChat {
                user_id: s("zhangsan"),
                external_user_id: s(ZHANGSAN_CUSTOMER),
                link_id: s(LINK),
            }
        )
    );
    let rest = [
        (
            fixture!("acquisition_balance_low"),
            AcquisitionChange::BalanceLow,
        ),
        (
            fixture!("acquisition_balance_exhausted"),
            AcquisitionChange::BalanceExhausted,
        ),
        (
            fixture!("acquisition_delete_link"),
            AcquisitionChange::DeleteLink { link_id: s(LINK) },
        ),
        (
            fixture!("acquisition_open_profile"),
            AcquisitionChange::OpenProfile {
                link_id: s(LINK),
                state: Some(s("channel_a")),
            },
        ),
        (
            fixture!("acquisition_friend_request"),
            AcquisitionChange::FriendRequest {
                link_id: s(LINK),
                state: Some(s("channel_a")),
            },
        ),
        (
            fixture!("acquisition_quota_expire_soon"),
            AcquisitionChange::QuotaExpireSoon {
                expire_time: Some(Timestamp(1720000000)),
                expire_quota_num: Some(50),
            },
        ),
        (
            fixture!("acquisition_message_from_customer"),
            AcquisitionChange::MessageFromCustomer {
                link_id: s(LINK),
                chat_key: Some(s("CHATKEY")),
                user_id: None,
                external_user_id: None,
                chat_seq: None,
            },
        ),
    ];
    for (event, change) in rest {
        assert_eq!(event, acq(1718000030, change));
    }
}

#[test]
fn unknown_event_keeps_every_field() {
    let fields: BTreeMap<String, String> = [
        ("ToUserName", CORP),
        ("FromUserName", "sys"),
        ("CreateTime", "1718000040"),
        ("MsgType", "event"),
        ("Event", "change_external_moment"),
        ("ChangeType", "publish"),
        ("MomentId", "momAAA1"),
        ("Count", "3"),
        (
            "Creators",
            "\n    <Item>zhangsan</Item>\n    <Item>lisi</Item>\n  ",
        ),
        ("Note", "a & b"),
    ]
    .into_iter()
    .map(|(k, v)| (s(k), s(v)))
    .collect();
    let event = fixture!("unknown_event");
    assert_eq!(
        event,
        Event::Unknown(UnknownEvent {
            event: Some(s("change_external_moment")),
            change_type: Some(s("publish")),
            fields,
        })
    );
    assert!(event.header().is_none());
}

#[test]
fn unknown_change_type_of_a_known_event_is_kept_raw() {
    let future = include_str!("fixtures/events/contact_msg_audit_approved.xml")
        .replace("msg_audit_approved", "future_change");
    match Event::parse(&future).unwrap() {
        Event::Unknown(unknown) => {
            assert_eq!(unknown.event.as_deref(), Some("change_external_contact"));
            assert_eq!(unknown.change_type.as_deref(), Some("future_change"));
            assert_eq!(unknown.get("UserID"), Some("zhangsan"));
            assert_eq!(unknown.fields.len(), 8);
        }
        other => panic!("{other:?}"),
    }
    // Odd but well-formed unknown events still come through (a repeated element, a non-event message).
    let repeated = "<xml><Event>x</Event><UserID>a</UserID><UserID>b</UserID></xml>";
    assert!(
        matches!(Event::parse(repeated).unwrap(), Event::Unknown(u) if u.get("UserID") == Some("a"))
    );
    let text = "<xml><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[hi]]></Content></xml>";
    assert!(matches!(Event::parse(text).unwrap(), Event::Unknown(u) if u.event.is_none()));
}

#[test]
fn malformed_plaintexts_are_errors_not_panics() {
    let contact = include_str!("fixtures/events/contact_del_follow_user.xml");
    let third_party = include_str!("fixtures/events/third_party_contact_add_external_contact.xml");
    // The event's own time must be a number (other numbers need not: see `extra.rs`).
    let cases = [
        String::new(),
        s("not xml"),
        s("<xml><Event>change_external_contact</Event>"),
        s("{\"json\": true}"),
        contact.replace("1718000005", "soon"),
        contact.replace("1718000005", ""),
        contact.replace("1718000005", "-1"),
        contact.replace("<CreateTime>1718000005</CreateTime>", ""),
        contact.replace("</UserID>", "</UserId>"),
        third_party.replace("1718000021", "soon"),
        third_party.replace("<TimeStamp>1718000021</TimeStamp>", ""),
    ];
    for case in cases {
        let error = Event::parse(&case).unwrap_err();
        assert_eq!(error.code(), -40002, "{case:?}");
    }
}

#[test]
fn value_sets_round_trip_their_text() {
    assert_eq!(
        FailReason::from("customer_limit_exceed").as_str(),
        "customer_limit_exceed"
    );
    assert_eq!(
        FailReason::from("new_reason"),
        FailReason::Other(s("new_reason"))
    );
    assert_eq!(TagType::from("tag_group").to_string(), "tag_group");
    assert_eq!(UpdateDetail::from("x").as_str(), "x");
    assert_eq!(JoinScene::from(3).code(), 3);
    assert_eq!(QuitScene::from(7), QuitScene::Unknown(7));
    assert_eq!(Timestamp(5).to_string(), "5");
    assert_eq!(
        Timestamp(1).to_system_time(),
        Some(std::time::UNIX_EPOCH + std::time::Duration::from_secs(1))
    );
    let _never_panics = Timestamp(u64::MAX).to_system_time();
}

#[test]
fn events_serialize_for_storage() {
    let json = serde_json::to_value(fixture!("chat_update_add_member")).unwrap();
    assert_eq!(
        json,
        serde_json::json!({
            "external_chat": {
                "header": {
                    "to_user_name": CORP,
                    "from_user_name": "sys",
                    "create_time": 1718000008,
                    "msg_type": "event",
                    "suite_id": null,
                    "auth_corp_id": null
                },
                "change": {
                    "update": {
                        "chat_id": CHAT,
                        "update_detail": "add_member",
                        "join_scene": 3,
                        "quit_scene": 0,
                        "mem_change_cnt": 2,
                        "mem_change_list": [ZHANGSAN_CUSTOMER, "zhangsan"],
                        "last_mem_ver": "9c3f97c2ada667dfb5f6d03308d963e1",
                        "cur_mem_ver": "71217227bbd112ecfe3a49c482195cb4"
                    }
                }
            }
        })
    );
    let json = serde_json::to_value(fixture!("contact_transfer_fail")).unwrap();
    assert_eq!(
        json["external_contact"]["change"]["transfer_fail"]["fail_reason"],
        "customer_refused"
    );
}
