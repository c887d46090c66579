//! The SDK's main job in a few calls: a token, the follow users, their customers.
//!
//! `cargo run --example quickstart` runs against a local fake WeCom; with `WECOM_CORP_ID` and
//! `WECOM_SECRET` (and optionally `WECOM_BASE_URL`) set, it runs the same read-only calls against WeCom.

use wecom_external_contact::{Result, WecomClient};

#[tokio::main]
async fn main() -> Result<()> {
    let (client, _fake) = match (
        std::env::var("WECOM_CORP_ID"),
        std::env::var("WECOM_SECRET"),
    ) {
        (Ok(corp_id), Ok(secret)) => {
            let mut builder = WecomClient::builder().corp_id(corp_id).secret(secret);
            if let Ok(base_url) = std::env::var("WECOM_BASE_URL") {
                builder = builder.base_url(base_url);
            }
            (builder.build()?, None)
        }
        _ => {
            let fake = wecom_sandbox::Sandbox::start()
                .await
                .map_err(|e| wecom_external_contact::Error::Config(format!("sandbox: {e}")))?;
            let client = fake.client_builder().build()?;
            eprintln!(
                "no WECOM_CORP_ID / WECOM_SECRET: using a local fake at {}",
                fake.base_url()
            );
            (client, Some(fake))
        }
    };

    let users = client
        .get_raw("/cgi-bin/externalcontact/get_follow_user_list", &[])
        .await?;
    let users: Vec<&str> = users["follow_user"]
        .as_array()
        .map(|list| list.iter().filter_map(|u| u.as_str()).collect())
        .unwrap_or_default();
    println!("follow users: {}", users.join(", "));
    for user in users {
        match client
            .get_raw("/cgi-bin/externalcontact/list", &[("userid", user)])
            .await
        {
            Ok(list) => println!(
                "{user}: {} customers",
                list["external_userid"].as_array().map_or(0, Vec::len)
            ),
            Err(err)
                if err.code() == Some(wecom_external_contact::ErrCode::NO_EXTERNAL_CONTACT) =>
            {
                println!("{user}: no customers")
            }
            Err(err) => return Err(err),
        }
    }
    Ok(())
}
