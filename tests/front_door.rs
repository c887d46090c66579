//! The public front door exactly as the design names it: outside checks call these names.

use wecom_external_contact::callback::{ContactChange, Event, MsgCrypt};
use wecom_external_contact::customer::BatchGetByUserRequest;
use wecom_external_contact::prelude::*;
use wecom_external_contact::{ErrCode, Error, Result, WecomClient};
use wecom_sandbox::Sandbox;

#[tokio::test]
async fn the_client_and_its_calls() -> Result<()> {
    let sandbox = Sandbox::start().await.expect("sandbox");
    let client = WecomClient::builder()
        .corp_id(sandbox.corp_id())
        .secret(sandbox.secret())
        .base_url(sandbox.base_url())
        .build()?;
    assert!(!format!("{client:?}").contains(sandbox.secret()));

    let users: Vec<String> = client.customer().get_follow_user_list().await?.follow_user;
    let page = client
        .customer()
        .batch_get_by_user(&BatchGetByUserRequest::new([users[0].as_str()]))
        .await?;
    assert!(!page.external_contact_list.is_empty());
    let raw: serde_json::Value = client
        .post_raw(
            "/cgi-bin/externalcontact/get_follow_user_list",
            &serde_json::json!({}),
        )
        .await?;
    assert_eq!(
        raw["follow_user"].as_array().map(Vec::len),
        Some(users.len())
    );
    let raw: serde_json::Value = client
        .get_raw("/cgi-bin/externalcontact/list", &[("userid", &users[0])])
        .await?;
    assert!(raw["external_userid"]
        .as_array()
        .is_some_and(|ids| !ids.is_empty()));

    let err: Error = client
        .get_raw("/cgi-bin/externalcontact/list", &[("userid", "nobody")])
        .await
        .unwrap_err();
    // An unknown member: WeCom's 60111 (invalid userid), typed, with the endpoint named.
    assert_eq!(err.code(), Some(ErrCode(60111)), "{err}");
    assert!(matches!(&err, Error::Api { path, .. } if path == "/cgi-bin/externalcontact/list"));
    Ok(())
}

#[test]
fn the_callback_crypt() {
    let (token, encoding_aes_key, corp_id) = (
        "QDG6eK",
        "jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C",
        "wx5823bf96d3bd56c7",
    );
    let crypt = MsgCrypt::new(token, encoding_aes_key, corp_id).unwrap();
    let (timestamp, nonce) = ("1409659813", "1372623149");

    let echostr = crypt.encrypt("echo-1616140317555161061").unwrap();
    let msg_signature = crypt.signature(timestamp, nonce, &echostr);
    let echo: String = crypt
        .verify_url(&msg_signature, timestamp, nonce, &echostr)
        .unwrap();
    assert_eq!(echo, "echo-1616140317555161061");

    let plaintext = "<xml><ToUserName><![CDATA[wx5823bf96d3bd56c7]]></ToUserName>\
        <FromUserName><![CDATA[sys]]></FromUserName><CreateTime>1403610513</CreateTime>\
        <MsgType><![CDATA[event]]></MsgType><Event><![CDATA[change_external_contact]]></Event>\
        <ChangeType><![CDATA[del_follow_user]]></ChangeType><UserID><![CDATA[zhangsan]]></UserID>\
        <ExternalUserID><![CDATA[woAJ2GCAAAXtWyujaWJHDDGi0mACH71w]]></ExternalUserID></xml>";
    let encrypted = crypt.encrypt(plaintext).unwrap();
    let msg_signature = crypt.signature(timestamp, nonce, &encrypted);
    let post_body = format!(
        "<xml><ToUserName><![CDATA[{corp_id}]]></ToUserName><Encrypt><![CDATA[{encrypted}]]></Encrypt>\
         <AgentID><![CDATA[218]]></AgentID></xml>"
    );
    let xml: String = crypt
        .decrypt(&msg_signature, timestamp, nonce, &post_body)
        .unwrap();
    assert_eq!(xml, plaintext);
    let event = wecom_external_contact::callback::Event::parse(&xml).unwrap();
    assert!(matches!(
        event,
        Event::ExternalContact {
            change: ContactChange::DelFollowUser { .. },
            ..
        }
    ));
}
