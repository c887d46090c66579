//! The 应用授权 callbacks of a third-party app or 代开发 template (`suite_ticket`, `create_auth`,
//! `change_auth`, `cancel_auth`, `reset_permanent_code`), each parsed from WeCom's documentation sample to
//! the exact typed value; what no typed field holds is kept; the credentials never show in `Debug`.

use wecom_callback::{AuthChange, AuthCode, Event, EventHeader, Extra, SuiteTicket, Timestamp};

macro_rules! fixture {
    ($name:literal) => {
        Event::parse(include_str!(concat!("fixtures/events/", $name, ".xml"))).expect($name)
    };
}

fn s(value: &str) -> String {
    value.to_owned()
}

/// The third-party envelope of WeCom's samples: a suite, the time, and the corp where the event names one.
fn header(suite_id: &str, auth_corp_id: Option<&str>) -> EventHeader {
    EventHeader {
        create_time: Timestamp(1403610513),
        suite_id: Some(s(suite_id)),
        auth_corp_id: auth_corp_id.map(s),
        ..EventHeader::default()
    }
}

fn authorization(header: EventHeader, change: AuthChange) -> Event {
    Event::Authorization {
        header,
        change,
        extra: Extra::default(),
    }
}

#[test]
fn suite_ticket_is_typed_from_the_doc_sample() {
    // Doc 90628 (推送suite_ticket), as published: the `InfoType` has a space before its CDATA.
    let event = fixture!("doc_suite_ticket");
    assert_eq!(
        event,
        authorization(
            header("ww4asffe99e54c0fxxxx", None),
            AuthChange::SuiteTicket {
                suite_ticket: SuiteTicket::new("asdfasfdasdfasdf"),
            },
        )
    );
    let (suite_id, ticket) = event.suite_ticket().expect("a suite ticket");
    assert_eq!(
        (suite_id, ticket.expose()),
        ("ww4asffe99e54c0fxxxx", "asdfasfdasdfasdf")
    );
}

#[test]
fn create_auth_is_typed_from_the_doc_sample() {
    // Doc 90642 (授权成功通知): no AuthCorpId, the corp is known once the code is exchanged.
    let event = fixture!("doc_create_auth");
    assert_eq!(
        event,
        authorization(
            header("ww4asffe9xxx4c0f4c", None),
            AuthChange::CreateAuth {
                auth_code: AuthCode::new("AUTHCODE"),
                state: Some(s("123")),
            },
        )
    );
    assert_eq!(event.suite_ticket(), None);
}

#[test]
fn change_auth_is_typed_from_the_doc_sample() {
    // Doc 90642 (变更授权通知).
    assert_eq!(
        fixture!("doc_change_auth"),
        authorization(
            header("ww4asffe99exxx0f4c", Some("wxf8b4f85f3a794e77")),
            AuthChange::ChangeAuth {
                state: Some(s("abc")),
            },
        )
    );
}

#[test]
fn cancel_auth_is_typed_from_the_doc_sample() {
    // Doc 90642 (取消授权通知).
    assert_eq!(
        fixture!("doc_cancel_auth"),
        authorization(
            header("ww4asffe99e54cxxxx", Some("wxf8b4f85fxx794xxx")),
            AuthChange::CancelAuth,
        )
    );
}

#[test]
fn reset_permanent_code_is_typed_from_the_doc_sample() {
    // Doc 94758 (重置永久授权码通知, 代开发): the template's suite id and a code, no corp.
    assert_eq!(
        fixture!("doc_reset_permanent_code"),
        authorization(
            header("dk4asffe9xxx4c0f4c", None),
            AuthChange::ResetPermanentCode {
                auth_code: AuthCode::new("AUTHCODE"),
            },
        )
    );
}

#[test]
fn an_element_no_typed_field_holds_is_kept_in_extra() {
    // Doc 99401 (微信客服组件 授权成功通知): create_auth with the authorized 客服 accounts in ExtraInfo.
    let event = fixture!("doc_kf_create_auth");
    let Event::Authorization {
        header,
        change,
        extra,
    } = &event
    else {
        panic!("not typed: {event:?}");
    };
    assert_eq!(header, &self::header("wxxxxxxx", None));
    assert_eq!(
        change,
        &AuthChange::CreateAuth {
            auth_code: AuthCode::new("AUTHCODE"),
            state: Some(s("STATE")),
        }
    );
    assert_eq!(extra.len(), 1, "{extra:?}");
    let extra_info = extra.get("ExtraInfo").unwrap();
    let accounts: Vec<&str> = ["wk11111", "wk22222", "wk33333"]
        .into_iter()
        .filter(|account| {
            extra_info.contains(&format!("<OpenKfId><![CDATA[{account}]]></OpenKfId>"))
        })
        .collect();
    assert_eq!(accounts, ["wk11111", "wk22222", "wk33333"], "{extra_info}");
}

#[test]
fn debug_never_shows_the_ticket_or_the_auth_code_and_expose_does() {
    let ticket = "TICKET-must-not-be-printed";
    let code = "AUTHCODE-must-not-be-printed";
    let events = [
        format!(
            "<xml><SuiteId>ww_suite</SuiteId><InfoType>suite_ticket</InfoType>\
             <TimeStamp>1718000000</TimeStamp><SuiteTicket>{ticket}</SuiteTicket></xml>"
        ),
        format!(
            "<xml><SuiteId>ww_suite</SuiteId><AuthCode>{code}</AuthCode><InfoType>create_auth</InfoType>\
             <TimeStamp>1718000000</TimeStamp></xml>"
        ),
        format!(
            "<xml><SuiteId>dk_suite</SuiteId><AuthCode>{code}</AuthCode>\
             <InfoType>reset_permanent_code</InfoType><TimeStamp>1718000000</TimeStamp></xml>"
        ),
    ];
    let mut exposed = Vec::new();
    for xml in &events {
        let event = Event::parse(xml).unwrap();
        for printed in [format!("{event:?}"), format!("{event:#?}")] {
            assert!(!printed.contains(ticket), "{printed}");
            assert!(!printed.contains(code), "{printed}");
            assert!(printed.contains("(<redacted>)"), "{printed}");
        }
        match event {
            Event::Authorization {
                change: AuthChange::SuiteTicket { suite_ticket },
                ..
            } => exposed.push(suite_ticket.expose().to_owned()),
            Event::Authorization {
                change:
                    AuthChange::CreateAuth { auth_code, .. }
                    | AuthChange::ResetPermanentCode { auth_code },
                ..
            } => exposed.push(auth_code.expose().to_owned()),
            other => panic!("not typed: {other:?}"),
        }
    }
    assert_eq!(exposed, [ticket, code, code]);
    assert_eq!(
        format!("{:?}", SuiteTicket::new(ticket)),
        "SuiteTicket(<redacted>)"
    );
    assert_eq!(format!("{:?}", AuthCode::new(code)), "AuthCode(<redacted>)");
}

#[test]
fn serialized_events_carry_the_credentials_for_a_queue() {
    // Serialize is for handing the event on (a durable handler's queue), so the code must survive it.
    let event = fixture!("doc_create_auth");
    assert_eq!(
        serde_json::to_value(&event).unwrap(),
        serde_json::json!({
            "authorization": {
                "header": {
                    "to_user_name": null,
                    "from_user_name": null,
                    "create_time": 1403610513,
                    "msg_type": null,
                    "suite_id": "ww4asffe9xxx4c0f4c",
                    "auth_corp_id": null
                },
                "change": {"create_auth": {"auth_code": "AUTHCODE", "state": "123"}}
            }
        })
    );
}

#[test]
fn a_suite_ticket_without_its_suite_id_or_ticket_gives_no_ticket_to_keep() {
    for xml in [
        "<xml><InfoType>suite_ticket</InfoType><TimeStamp>1</TimeStamp><SuiteTicket>T</SuiteTicket></xml>",
        "<xml><SuiteId>ww_suite</SuiteId><InfoType>suite_ticket</InfoType><TimeStamp>1</TimeStamp></xml>",
        "<xml><SuiteId></SuiteId><InfoType>suite_ticket</InfoType><TimeStamp>1</TimeStamp><SuiteTicket>T</SuiteTicket></xml>",
    ] {
        let event = Event::parse(xml).unwrap();
        assert!(
            matches!(
                event,
                Event::Authorization {
                    change: AuthChange::SuiteTicket { .. },
                    ..
                }
            ),
            "{event:?}"
        );
        assert_eq!(event.suite_ticket(), None, "{xml}");
    }
}

#[test]
fn an_unknown_info_type_stays_unknown() {
    let event = Event::parse(
        "<xml><SuiteId>ww_suite</SuiteId><InfoType>change_contact</InfoType><TimeStamp>1</TimeStamp>\
         <AuthCorpId>wwcorp</AuthCorpId><ChangeType>create_user</ChangeType></xml>",
    )
    .unwrap();
    let Event::Unknown(unknown) = event else {
        panic!("typed: {event:?}");
    };
    assert_eq!(unknown.event.as_deref(), Some("change_contact"));
    assert_eq!(unknown.get("AuthCorpId"), Some("wwcorp"));
}
