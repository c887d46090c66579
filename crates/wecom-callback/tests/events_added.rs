//! Change types WeCom documents that used to arrive as `Event::Unknown` (or lost elements): each parsed to the
//! exact typed value, from WeCom's documentation samples where the docs give one, in both envelopes.

use wecom_callback::{AcquisitionChange, ContactChange, Event, EventHeader, Extra, Timestamp};

macro_rules! fixture {
    ($name:literal) => {
        Event::parse(include_str!(concat!("fixtures/events/", $name, ".xml"))).expect($name)
    };
}

const CUSTOMER: &str = "wmJr5dCgAAc3xW9pQ2nT7vLk0sYb4eHu";

fn s(value: &str) -> String {
    value.to_owned()
}

/// The header of WeCom's self-built samples (`toUser`, `sys`, 1403610513, `event`).
fn doc_header() -> EventHeader {
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
fn doc_third_party_header(time: u64) -> EventHeader {
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

#[test]
fn msg_audit_approved_is_typed_in_both_envelopes() {
    // Doc 92005 (客户同意进行聊天内容存档事件回调), sample as published.
    assert_eq!(
        fixture!("doc_contact_msg_audit_approved"),
        Event::ExternalContact {
            header: doc_header(),
            change: ContactChange::MsgAuditApproved {
                user_id: s("zhangsan"),
                external_user_id: s("woAJ2GCAAABiuyujaWJHDDGi0mACHAAA"),
                welcome_code: Some(s("WELCOMECODE")),
            },
            extra: Extra::default(),
        }
    );
    // Without WelcomeCode (already chatting), in our own fixture.
    assert_eq!(
        fixture!("contact_msg_audit_approved"),
        Event::ExternalContact {
            header: EventHeader {
                to_user_name: Some(s("ww5f2e0c9d8a7b6c41")),
                from_user_name: Some(s("sys")),
                create_time: Timestamp(1718000041),
                msg_type: Some(s("event")),
                suite_id: None,
                auth_corp_id: None,
            },
            change: ContactChange::MsgAuditApproved {
                user_id: s("zhangsan"),
                external_user_id: s(CUSTOMER),
                welcome_code: None,
            },
            extra: Extra::default(),
        }
    );
    assert_eq!(
        fixture!("third_party_contact_msg_audit_approved"),
        Event::ExternalContact {
            header: EventHeader {
                create_time: Timestamp(1718000044),
                suite_id: Some(s("wwa9f1e2d3c4b5a607")),
                auth_corp_id: Some(s("wpJr5dCgAAAuthCorpIdExample01")),
                ..EventHeader::default()
            },
            change: ContactChange::MsgAuditApproved {
                user_id: s("zhangsan"),
                external_user_id: s(CUSTOMER),
                welcome_code: Some(s("WELCOMECODE")),
            },
            extra: Extra::default(),
        }
    );
}

#[test]
fn balance_increased_is_typed_in_both_envelopes() {
    // Doc 97299 (self-built) and 97402 (third-party): no element beyond the envelope.
    assert_eq!(
        fixture!("doc_acquisition_balance_increased"),
        acquisition(doc_header(), AcquisitionChange::BalanceIncreased)
    );
    assert_eq!(
        fixture!("doc_third_party_acquisition_balance_increased"),
        acquisition(
            doc_third_party_header(1403610513),
            AcquisitionChange::BalanceIncreased
        )
    );
}

#[test]
fn message_from_customer_keeps_the_member_the_customer_and_the_count() {
    // The sample of doc 97299 before 2024-12-19, when WeCom still sent UserID, ExternalUserID and ChatSeq.
    assert_eq!(
        fixture!("acquisition_message_from_customer_before_2024_12"),
        acquisition(
            doc_header(),
            AcquisitionChange::MessageFromCustomer {
                link_id: s("cawcdea7783d7330c6"),
                chat_key: Some(s("CHATKEY")),
                user_id: Some(s("zhangsan")),
                external_user_id: Some(s("woAJ2GCAAAXtWyujaWJHDDGi0mAAAA")),
                chat_seq: Some(3),
            }
        )
    );
}

#[test]
fn acquisition_component_change_types_are_typed() {
    // Doc 99485 (获客助手组件, third-party envelope only).
    assert_eq!(
        fixture!("component_acquisition_service_balance_consumed"),
        acquisition(
            doc_third_party_header(1403610513),
            AcquisitionChange::ServiceBalanceConsumed {
                link_id: s("cawcdea7783d7330c6"),
                state: Some(s("STATE")),
                once_key: Some(s("ONCEKEY")),
            }
        )
    );
    assert_eq!(
        fixture!("component_acquisition_change_price"),
        acquisition(
            doc_third_party_header(1709222400),
            AcquisitionChange::ChangePrice {
                price: Some(30000),
                effective_time: Some(Timestamp(1709222400)),
            }
        )
    );
    let balance = include_str!("fixtures/events/doc_third_party_acquisition_balance_increased.xml");
    for (change_type, change) in [
        ("service_balance_low", AcquisitionChange::ServiceBalanceLow),
        (
            "service_balance_exhausted",
            AcquisitionChange::ServiceBalanceExhausted,
        ),
    ] {
        assert_eq!(
            Event::parse(&balance.replace("balance_increased", change_type)).unwrap(),
            acquisition(doc_third_party_header(1403610513), change),
            "{change_type}"
        );
    }
}

#[test]
fn new_change_types_serialize_for_storage() {
    let json = serde_json::to_value(fixture!("doc_contact_msg_audit_approved")).unwrap();
    assert_eq!(
        json["external_contact"]["change"],
        serde_json::json!({"msg_audit_approved": {
            "user_id": "zhangsan",
            "external_user_id": "woAJ2GCAAABiuyujaWJHDDGi0mACHAAA",
            "welcome_code": "WELCOMECODE"
        }})
    );
    let json = serde_json::to_value(fixture!("doc_acquisition_balance_increased")).unwrap();
    assert_eq!(
        json["customer_acquisition"]["change"],
        serde_json::json!("balance_increased")
    );
    // An empty `extra` is left out, so stored events keep their shape.
    assert!(json["customer_acquisition"].get("extra").is_none());
}
