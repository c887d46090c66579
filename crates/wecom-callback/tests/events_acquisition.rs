//! Every `customer_acquisition` change type (获客助手, docs 97299 / 97402, 获客助手组件 99485) and the
//! third-party `customer_acquisition_permit_change`, each parsed from a sample in WeCom's documented form
//! to the exact typed value, in the self-built (`Event`) and the third-party (`InfoType`) envelope.

use wecom_callback::{AcquisitionChange, ContactChange, Event, EventHeader, Extra, Timestamp};

macro_rules! fixture {
    ($name:literal) => {
        include_str!(concat!("fixtures/events/", $name, ".xml"))
    };
}

const LINK: &str = "cawcdea7783d7330c6";
const CUSTOMER: &str = "woAJ2GCAAAXtWyujaWJHDDGi0mAAAA";

fn s(value: &str) -> String {
    value.to_owned()
}

/// The header of WeCom's self-built samples (`toUser`, `sys`, 1403610513, `event`).
fn own_header() -> EventHeader {
    EventHeader {
        to_user_name: Some(s("toUser")),
        from_user_name: Some(s("sys")),
        create_time: Timestamp(1403610513),
        msg_type: Some(s("event")),
        suite_id: None,
        auth_corp_id: None,
    }
}

/// The header of WeCom's third-party samples.
fn third_party_header(time: u64) -> EventHeader {
    EventHeader {
        create_time: Timestamp(time),
        suite_id: Some(s("ww4asffe99e54c0f4c")),
        auth_corp_id: Some(s("wxf8b4f85f3a794e77")),
        ..EventHeader::default()
    }
}

fn acquisition(header: EventHeader, change: AcquisitionChange) -> Event {
    Event::CustomerAcquisition {
        header,
        change,
        extra: Extra::default(),
    }
}

/// Each change type with its sample in both envelopes and the typed change both must give.
fn documented() -> Vec<(&'static str, &'static str, &'static str, AcquisitionChange)> {
    vec![
        (
            "balance_low",
            fixture!("doc_acquisition_balance_low"),
            fixture!("doc_third_party_acquisition_balance_low"),
            AcquisitionChange::BalanceLow,
        ),
        (
            "balance_exhausted",
            fixture!("doc_acquisition_balance_exhausted"),
            fixture!("doc_third_party_acquisition_balance_exhausted"),
            AcquisitionChange::BalanceExhausted,
        ),
        (
            "balance_increased",
            fixture!("doc_acquisition_balance_increased"),
            fixture!("doc_third_party_acquisition_balance_increased"),
            AcquisitionChange::BalanceIncreased,
        ),
        (
            "link_unavailable",
            fixture!("doc_acquisition_link_unavailable"),
            fixture!("doc_third_party_acquisition_link_unavailable"),
            AcquisitionChange::LinkUnavailable { link_id: s(LINK) },
        ),
        (
            "delete_link",
            fixture!("doc_acquisition_delete_link"),
            fixture!("doc_third_party_acquisition_delete_link"),
            AcquisitionChange::DeleteLink { link_id: s(LINK) },
        ),
        (
            "customer_start_chat",
            fixture!("doc_acquisition_customer_start_chat"),
            fixture!("doc_third_party_acquisition_customer_start_chat"),
            AcquisitionChange::CustomerStartChat {
                user_id: s("zhangsan"),
                external_user_id: s(CUSTOMER),
                link_id: s(LINK),
            },
        ),
        (
            "friend_request",
            fixture!("doc_acquisition_friend_request"),
            fixture!("doc_third_party_acquisition_friend_request"),
            AcquisitionChange::FriendRequest {
                link_id: s(LINK),
                state: Some(s("STATE")),
            },
        ),
        (
            "open_profile",
            fixture!("doc_acquisition_open_profile"),
            fixture!("doc_third_party_acquisition_open_profile"),
            AcquisitionChange::OpenProfile {
                link_id: s(LINK),
                state: Some(s("STATE")),
            },
        ),
        (
            "quota_expire_soon",
            fixture!("doc_acquisition_quota_expire_soon"),
            fixture!("doc_third_party_acquisition_quota_expire_soon"),
            AcquisitionChange::QuotaExpireSoon {
                expire_time: Some(Timestamp(1689350400)),
                expire_quota_num: Some(200),
            },
        ),
        (
            "message_from_customer",
            fixture!("doc_acquisition_message_from_customer"),
            fixture!("doc_third_party_acquisition_message_from_customer"),
            AcquisitionChange::MessageFromCustomer {
                link_id: s(LINK),
                chat_key: Some(s("CHATKEY")),
                user_id: None,
                external_user_id: None,
                chat_seq: None,
            },
        ),
        (
            "del_follow_user",
            fixture!("doc_acquisition_del_follow_user"),
            fixture!("doc_third_party_acquisition_del_follow_user"),
            AcquisitionChange::DelFollowUser {
                user_id: s("zhangsan"),
                external_user_id: s(CUSTOMER),
                link_id: s(LINK),
            },
        ),
    ]
}

#[test]
fn every_documented_change_type_is_typed_in_both_envelopes_with_nothing_left_over() {
    for (change_type, own, third_party, change) in documented() {
        assert_eq!(
            Event::parse(own).unwrap(),
            acquisition(own_header(), change.clone()),
            "self-built {change_type}"
        );
        // WeCom's third-party open_profile sample carries its own time.
        let time = if change_type == "open_profile" {
            1689171577
        } else {
            1403610513
        };
        assert_eq!(
            Event::parse(third_party).unwrap(),
            acquisition(third_party_header(time), change),
            "third-party {change_type}"
        );
        assert!(own.contains(&format!("<ChangeType><![CDATA[{change_type}]]>")));
    }
}

#[test]
fn the_pre_2024_12_message_from_customer_keeps_member_customer_and_count() {
    // WeCom's sample before 2024-12-19, when the event still named the member, the customer and the count.
    assert_eq!(
        Event::parse(fixture!("acquisition_message_from_customer_before_2024_12")).unwrap(),
        acquisition(
            own_header(),
            AcquisitionChange::MessageFromCustomer {
                link_id: s(LINK),
                chat_key: Some(s("CHATKEY")),
                user_id: Some(s("zhangsan")),
                external_user_id: Some(s(CUSTOMER)),
                chat_seq: Some(3),
            }
        )
    );
}

#[test]
fn the_component_change_types_are_typed_in_the_third_party_envelope() {
    for (xml, change) in [
        (
            fixture!("doc_component_acquisition_service_balance_low"),
            AcquisitionChange::ServiceBalanceLow,
        ),
        (
            fixture!("doc_component_acquisition_service_balance_exhausted"),
            AcquisitionChange::ServiceBalanceExhausted,
        ),
        (
            fixture!("component_acquisition_service_balance_consumed"),
            AcquisitionChange::ServiceBalanceConsumed {
                link_id: s(LINK),
                state: Some(s("STATE")),
                once_key: Some(s("ONCEKEY")),
            },
        ),
    ] {
        assert_eq!(
            Event::parse(xml).unwrap(),
            acquisition(third_party_header(1403610513), change)
        );
    }
    assert_eq!(
        Event::parse(fixture!("component_acquisition_change_price")).unwrap(),
        acquisition(
            third_party_header(1709222400),
            AcquisitionChange::ChangePrice {
                price: Some(30000),
                effective_time: Some(Timestamp(1709222400)),
            }
        )
    );
}

#[test]
fn permit_change_is_typed_from_its_info_type_alone() {
    assert_eq!(
        Event::parse(fixture!("doc_third_party_acquisition_permit_change")).unwrap(),
        acquisition(
            third_party_header(1403610513),
            AcquisitionChange::PermitChange
        )
    );
    // An element it does not document stays in `extra`; a ChangeType it never has is not guessed at.
    let with_element = fixture!("doc_third_party_acquisition_permit_change")
        .replace("</xml>", "<UserID><![CDATA[lisi]]></UserID></xml>");
    match Event::parse(&with_element).unwrap() {
        Event::CustomerAcquisition { change, extra, .. } => {
            assert_eq!(change, AcquisitionChange::PermitChange);
            assert_eq!(extra.get("UserID"), Some("lisi"));
        }
        other => panic!("expected CustomerAcquisition, got {other:?}"),
    }
    let with_change = fixture!("doc_third_party_acquisition_permit_change").replace(
        "</xml>",
        "<ChangeType><![CDATA[something_new]]></ChangeType></xml>",
    );
    assert!(matches!(
        Event::parse(&with_change).unwrap(),
        Event::Unknown(_)
    ));
}

#[test]
fn acquisition_del_follow_user_is_not_the_contact_change_of_the_same_name() {
    let acquisition_event = Event::parse(fixture!("doc_acquisition_del_follow_user")).unwrap();
    let contact_event = Event::parse(&fixture!("doc_acquisition_del_follow_user").replace(
        "<Event><![CDATA[customer_acquisition]]></Event>",
        "<Event><![CDATA[change_external_contact]]></Event>",
    ))
    .unwrap();
    assert!(matches!(
        acquisition_event,
        Event::CustomerAcquisition {
            change: AcquisitionChange::DelFollowUser { .. },
            ..
        }
    ));
    match contact_event {
        Event::ExternalContact { change, extra, .. } => {
            assert_eq!(
                change,
                ContactChange::DelFollowUser {
                    user_id: s("zhangsan"),
                    external_user_id: s(CUSTOMER),
                }
            );
            // The contact change has no LinkId: it stays in extra.
            assert_eq!(extra.get("LinkId"), Some(LINK));
        }
        other => panic!("expected ExternalContact, got {other:?}"),
    }
}

#[test]
fn an_unknown_acquisition_change_type_is_kept_raw() {
    let xml = fixture!("doc_acquisition_balance_low").replace("balance_low", "balance_refunded");
    match Event::parse(&xml).unwrap() {
        Event::Unknown(unknown) => {
            assert_eq!(unknown.event.as_deref(), Some("customer_acquisition"));
            assert_eq!(unknown.change_type.as_deref(), Some("balance_refunded"));
            assert_eq!(unknown.get("CreateTime"), Some("1403610513"));
        }
        other => panic!("expected Unknown, got {other:?}"),
    }
}

#[test]
fn new_change_types_serialize_for_storage() {
    let json =
        serde_json::to_value(Event::parse(fixture!("doc_acquisition_del_follow_user")).unwrap())
            .unwrap();
    assert_eq!(
        json["customer_acquisition"]["change"],
        serde_json::json!({"del_follow_user": {
            "user_id": "zhangsan", "external_user_id": CUSTOMER, "link_id": LINK
        }})
    );
    let json = serde_json::to_value(
        Event::parse(fixture!("doc_third_party_acquisition_permit_change")).unwrap(),
    )
    .unwrap();
    assert_eq!(
        json["customer_acquisition"]["change"],
        serde_json::json!("permit_change")
    );
}
