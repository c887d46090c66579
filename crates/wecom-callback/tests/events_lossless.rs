//! Nothing WeCom sends is lost: elements no typed field holds land in the event's `extra`, and a number that
//! does not parse keeps the event (field `None`, text in `extra`).

use wecom_callback::{
    AcquisitionChange, ChatChange, ChatUpdate, ContactChange, Event, EventHeader, Extra, JoinScene,
    TagChange, TagRef, TagType, Timestamp, UpdateDetail,
};

macro_rules! fixtures {
    ($($name:literal),* $(,)?) => {
        [$(($name, include_str!(concat!("fixtures/events/", $name, ".xml")))),*]
    };
}

/// Every fixture of a typed event, all four families and both envelopes.
const TYPED: [(&str, &str); 33] = fixtures![
    "contact_add_external_contact",
    "contact_edit_external_contact",
    "contact_edit_external_contact_state",
    "contact_add_half_external_contact",
    "contact_del_external_contact",
    "contact_del_follow_user",
    "contact_transfer_fail",
    "contact_msg_audit_approved",
    "doc_contact_msg_audit_approved",
    "third_party_contact_add_external_contact",
    "third_party_contact_msg_audit_approved",
    "chat_create",
    "chat_update_add_member",
    "chat_update_del_member",
    "chat_update_change_owner",
    "chat_update_change_name",
    "chat_update_change_name_extra_fields",
    "chat_update_change_notice",
    "chat_dismiss",
    "tag_create_tag",
    "tag_create_tag_group_strategy",
    "tag_update_tag",
    "tag_delete_tag_group",
    "tag_shuffle",
    "tag_shuffle_strategy_placeholder",
    "acquisition_balance_low",
    "acquisition_link_unavailable",
    "acquisition_customer_start_chat",
    "acquisition_quota_expire_soon",
    "acquisition_message_from_customer",
    "acquisition_message_from_customer_before_2024_12",
    "doc_third_party_acquisition_balance_increased",
    "component_acquisition_change_price",
];

/// The fixture with this name.
fn fixture(name: &str) -> &'static str {
    TYPED
        .iter()
        .find(|(fixture, _)| *fixture == name)
        .map(|(_, xml)| *xml)
        .unwrap_or_else(|| panic!("no fixture {name}"))
}

fn pairs(pairs: &[(&str, &str)]) -> Extra {
    pairs.iter().copied().collect()
}

/// The event with an empty `extra`, and its `extra`.
fn split(event: Event) -> (Event, Extra) {
    match event {
        Event::ExternalContact {
            header,
            change,
            extra,
        } => (
            Event::ExternalContact {
                header,
                change,
                extra: Extra::default(),
            },
            extra,
        ),
        Event::ExternalChat {
            header,
            change,
            extra,
        } => (
            Event::ExternalChat {
                header,
                change,
                extra: Extra::default(),
            },
            extra,
        ),
        Event::ExternalTag {
            header,
            change,
            extra,
        } => (
            Event::ExternalTag {
                header,
                change,
                extra: Extra::default(),
            },
            extra,
        ),
        Event::CustomerAcquisition {
            header,
            change,
            extra,
        } => (
            Event::CustomerAcquisition {
                header,
                change,
                extra: Extra::default(),
            },
            extra,
        ),
        other => panic!("not a typed event: {other:?}"),
    }
}

fn doc_header() -> EventHeader {
    EventHeader {
        to_user_name: Some("toUser".into()),
        from_user_name: Some("sys".into()),
        create_time: Timestamp(1403610513),
        msg_type: Some("event".into()),
        suite_id: None,
        auth_corp_id: None,
    }
}

fn corp_header(create_time: u64) -> EventHeader {
    EventHeader {
        to_user_name: Some("ww5f2e0c9d8a7b6c41".into()),
        from_user_name: Some("sys".into()),
        create_time: Timestamp(create_time),
        msg_type: Some("event".into()),
        suite_id: None,
        auth_corp_id: None,
    }
}

#[test]
fn an_edit_event_keeps_its_state() {
    let event = Event::parse(fixture("contact_edit_external_contact_state")).unwrap();
    assert_eq!(
        event,
        Event::ExternalContact {
            header: corp_header(1718000043),
            change: ContactChange::EditExternalContact {
                user_id: "zhangsan".into(),
                external_user_id: "wmJr5dCgAAc3xW9pQ2nT7vLk0sYb4eHu".into(),
            },
            extra: pairs(&[("State", "spring_campaign_2024")]),
        }
    );
    assert_eq!(
        event.extra().unwrap().get("State"),
        Some("spring_campaign_2024")
    );
}

#[test]
fn every_typed_event_keeps_an_element_added_tomorrow() {
    let added = "<FutureId><![CDATA[ f-1 <&> ]]></FutureId>\n<FutureList>\n<Item>a</Item><Item>b</Item>\n</FutureList>";
    let mut families = std::collections::HashSet::new();
    for (name, xml) in TYPED {
        let (typed, mut expected) = split(Event::parse(xml).expect(name));
        families.insert(std::mem::discriminant(&typed));
        expected = expected
            .iter()
            .chain([
                ("FutureId", " f-1 <&> "),
                ("FutureList", "\n<Item>a</Item><Item>b</Item>\n"),
            ])
            .collect();
        let future = xml.replace("</xml>", &format!("{added}</xml>"));
        let (typed_future, extra) = split(Event::parse(&future).expect(name));
        assert_eq!(typed_future, typed, "{name}: the typed part is unchanged");
        assert_eq!(extra, expected, "{name}");
        assert_eq!(extra.items("FutureList").unwrap(), ["a", "b"], "{name}");
    }
    assert_eq!(families.len(), 4, "all four families");
}

#[test]
fn a_placeholder_strategy_id_keeps_the_event_and_its_text() {
    // WeCom's own shuffle sample writes `STRATEGY_ID` where a number goes.
    assert_eq!(
        Event::parse(fixture("tag_shuffle_strategy_placeholder")).unwrap(),
        Event::ExternalTag {
            header: doc_header(),
            change: TagChange::Shuffle {
                id: "TAG_ID".into(),
                strategy_id: None,
            },
            extra: pairs(&[("StrategyId", "STRATEGY_ID")]),
        }
    );
    let create = fixture("tag_create_tag_group_strategy")
        .replace(">1</StrategyId>", ">STRATEGY_ID</StrategyId>");
    assert_eq!(
        Event::parse(&create).unwrap(),
        Event::ExternalTag {
            header: corp_header(1718000015),
            change: TagChange::Create(TagRef {
                id: "etJr5dCgAAz9Yx8Wv7Ut6Sr5Qp4On3Ml".into(),
                tag_type: TagType::TagGroup,
                strategy_id: None,
            }),
            extra: pairs(&[("StrategyId", "STRATEGY_ID")]),
        }
    );
}

#[test]
fn every_malformed_number_keeps_the_event_and_its_text() {
    let chat = fixture("chat_update_add_member")
        .replace("<JoinScene>3</JoinScene>", "<JoinScene>three</JoinScene>")
        .replace("<QuitScene>0</QuitScene>", "<QuitScene></QuitScene>")
        .replace(
            "<MemChangeCnt>2</MemChangeCnt>",
            "<MemChangeCnt>-2</MemChangeCnt>",
        )
        .replace("<Item>zhangsan</Item>", "<Other>zhangsan</Other>");
    let list =
        "\n    <Item>wmJr5dCgAAc3xW9pQ2nT7vLk0sYb4eHu</Item>\n    <Other>zhangsan</Other>\n  ";
    assert_eq!(
        Event::parse(&chat).unwrap(),
        Event::ExternalChat {
            header: corp_header(1718000008),
            change: ChatChange::Update(ChatUpdate {
                chat_id: "wrJr5dCgAAu7HnR2xK9qP4dW1mZc8bYt".into(),
                update_detail: UpdateDetail::AddMember,
                join_scene: None,
                quit_scene: None,
                mem_change_cnt: None,
                mem_change_list: Vec::new(),
                last_mem_ver: Some("9c3f97c2ada667dfb5f6d03308d963e1".into()),
                cur_mem_ver: Some("71217227bbd112ecfe3a49c482195cb4".into()),
            }),
            extra: pairs(&[
                ("JoinScene", "three"),
                ("QuitScene", ""),
                ("MemChangeCnt", "-2"),
                ("MemChangeList", list),
            ]),
        }
    );

    let quota = fixture("acquisition_quota_expire_soon")
        .replace(">1720000000<", ">soon<")
        .replace(">50<", ">5e1<");
    let chat_seq = fixture("acquisition_message_from_customer_before_2024_12")
        .replace("<ChatSeq>3</ChatSeq>", "<ChatSeq>third</ChatSeq>");
    let price = fixture("component_acquisition_change_price")
        .replace(">30000<", ">300.00<")
        .replace("<EffectiveTime>1709222400", "<EffectiveTime>2024-03-01");
    let cases = [
        (
            quota,
            AcquisitionChange::QuotaExpireSoon {
                expire_time: None,
                expire_quota_num: None,
            },
            pairs(&[("ExpireTime", "soon"), ("ExpireQuotaNum", "5e1")]),
        ),
        (
            chat_seq,
            AcquisitionChange::MessageFromCustomer {
                link_id: "cawcdea7783d7330c6".into(),
                chat_key: Some("CHATKEY".into()),
                user_id: Some("zhangsan".into()),
                external_user_id: Some("woAJ2GCAAAXtWyujaWJHDDGi0mAAAA".into()),
                chat_seq: None,
            },
            pairs(&[("ChatSeq", "third")]),
        ),
        (
            price,
            AcquisitionChange::ChangePrice {
                price: None,
                effective_time: None,
            },
            pairs(&[("Price", "300.00"), ("EffectiveTime", "2024-03-01")]),
        ),
    ];
    for (xml, expected_change, expected_extra) in cases {
        match Event::parse(&xml).unwrap() {
            Event::CustomerAcquisition { change, extra, .. } => {
                assert_eq!(change, expected_change);
                assert_eq!(extra, expected_extra);
            }
            other => panic!("{other:?}"),
        }
    }

    // A known number set still takes a number it does not know.
    let scene = fixture("chat_update_add_member").replace(">3</JoinScene>", ">4</JoinScene>");
    match Event::parse(&scene).unwrap() {
        Event::ExternalChat {
            change: ChatChange::Update(update),
            extra,
            ..
        } => {
            assert_eq!(update.join_scene, Some(JoinScene::Unknown(4)));
            assert!(extra.is_empty());
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn repeats_and_elements_of_other_change_types_are_kept() {
    // A second UserID, an element another change type uses (LinkId), an element repeated.
    let xml = fixture("contact_del_follow_user").replace(
        "</xml>",
        "<UserID>lisi</UserID><LinkId>ca1</LinkId><TagId>t1</TagId><TagId>t2</TagId></xml>",
    );
    let event = Event::parse(&xml).unwrap();
    let extra = event.extra().unwrap();
    assert_eq!(
        *extra,
        pairs(&[
            ("UserID", "lisi"),
            ("LinkId", "ca1"),
            ("TagId", "t1"),
            ("TagId", "t2")
        ])
    );
    assert_eq!(extra.get("TagId"), Some("t1"));
    assert_eq!(extra.get_all("TagId").collect::<Vec<_>>(), ["t1", "t2"]);
    assert_eq!(extra.get("Missing"), None);
    assert_eq!(
        extra.items("TagId"),
        None,
        "plain text is not an <Item> list"
    );
    assert_eq!(extra.len(), 4);
    assert_eq!(
        extra.iter().map(|(name, _)| name).collect::<Vec<_>>(),
        ["UserID", "LinkId", "TagId", "TagId"]
    );
    match &event {
        Event::ExternalContact {
            change: ContactChange::DelFollowUser { user_id, .. },
            ..
        } => assert_eq!(user_id, "zhangsan", "the first one is typed"),
        other => panic!("{other:?}"),
    }
    assert_eq!(
        serde_json::to_value(&event).unwrap()["external_contact"]["extra"],
        serde_json::json!({"UserID": "lisi", "LinkId": "ca1", "TagId": ["t1", "t2"]})
    );
}

#[test]
fn the_envelope_is_never_extra() {
    // A second ToUserName and an AgentID: the envelope element stays out, AgentID is kept.
    let xml = fixture("contact_del_follow_user").replace(
        "</xml>",
        "<ToUserName>other</ToUserName><AgentID>1000002</AgentID></xml>",
    );
    let event = Event::parse(&xml).unwrap();
    assert_eq!(
        event.header().unwrap().to_user_name.as_deref(),
        Some("ww5f2e0c9d8a7b6c41")
    );
    assert_eq!(*event.extra().unwrap(), pairs(&[("AgentID", "1000002")]));
    // Unknown events keep everything in their own fields, not in an `extra`.
    assert_eq!(
        Event::parse(include_str!("fixtures/events/unknown_event.xml"))
            .unwrap()
            .extra(),
        None
    );
}

#[test]
fn a_long_event_keeps_its_typed_elements_out_of_extra() {
    // Typed elements far down the document (past the 64th) are still taken once, not repeated in `extra`.
    let padding: String = (0..70).map(|i| format!("<Pad>{i}</Pad>")).collect();
    let long = fixture("contact_del_follow_user").replacen("<xml>", &format!("<xml>{padding}"), 1);
    let (typed, extra) = split(Event::parse(&long).unwrap());
    assert_eq!(
        typed,
        Event::parse(fixture("contact_del_follow_user")).unwrap()
    );
    let pads: Vec<String> = (0..70).map(|i| i.to_string()).collect();
    assert_eq!(extra.get_all("Pad").collect::<Vec<_>>(), pads);
    assert_eq!(extra.len(), 70);
}
