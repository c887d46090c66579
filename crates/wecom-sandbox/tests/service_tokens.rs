//! The service side of the sandbox over raw HTTP: suite, provider and authorized-corp tokens with WeCom's
//! answers, each endpoint's token under its own query name, expiry and revocation of each kind, and the
//! two authorized corps' own worlds.

use std::time::Duration;

use serde_json::{json, Value};
use wecom_external_contact::TokenKind;
use wecom_sandbox::{Sandbox, SandboxConfig};

const THIRD: &str = "/cgi-bin/service/externalcontact/unionid_to_external_userid_3rd";
const FINISH: &str = "/cgi-bin/service/externalcontact/finish_external_userid_migration";
const FOLLOW_USERS: &str = "/cgi-bin/externalcontact/get_follow_user_list";

async fn post(sandbox: &Sandbox, path_and_query: &str, body: Value) -> Value {
    let url = format!("{}{path_and_query}", sandbox.base_url());
    send(reqwest::Client::new().post(url).body(body.to_string())).await
}

async fn get(sandbox: &Sandbox, path_and_query: &str) -> Value {
    let url = format!("{}{path_and_query}", sandbox.base_url());
    send(reqwest::Client::new().get(url)).await
}

async fn send(request: reqwest::RequestBuilder) -> Value {
    let answer = request.send().await.unwrap().bytes().await.unwrap();
    serde_json::from_slice(&answer).unwrap()
}

fn errcode(answer: &Value) -> i64 {
    answer["errcode"].as_i64().unwrap_or(i64::MIN)
}

async fn suite_token(sandbox: &Sandbox) -> String {
    let body = json!({
        "suite_id": sandbox.suite_id(),
        "suite_secret": sandbox.suite_secret(),
        "suite_ticket": sandbox.suite_ticket(),
    });
    let answer = post(sandbox, "/cgi-bin/service/get_suite_token", body).await;
    assert_eq!(errcode(&answer), 0, "{answer}");
    answer["suite_access_token"].as_str().unwrap().to_owned()
}

async fn provider_token(sandbox: &Sandbox) -> String {
    let body =
        json!({"corpid": sandbox.provider_corp_id(), "provider_secret": sandbox.provider_secret()});
    let answer = post(sandbox, "/cgi-bin/service/get_provider_token", body).await;
    assert_eq!(errcode(&answer), 0, "{answer}");
    answer["provider_access_token"].as_str().unwrap().to_owned()
}

async fn corp_token(sandbox: &Sandbox, suite: &str, corp: usize) -> String {
    let corp = &sandbox.authorized_corps()[corp];
    let body = json!({"auth_corpid": corp.corp_id, "permanent_code": corp.permanent_code});
    let path = format!("/cgi-bin/service/get_corp_token?suite_access_token={suite}");
    let answer = post(sandbox, &path, body).await;
    answer["access_token"].as_str().unwrap().to_owned()
}

#[tokio::test]
async fn the_suite_token_takes_the_latest_pushed_ticket_and_the_suites_credentials() {
    let sandbox = Sandbox::start().await.unwrap();
    let path = "/cgi-bin/service/get_suite_token";
    let body = |id: &str, secret: &str, ticket: &str| json!({"suite_id": id, "suite_secret": secret, "suite_ticket": ticket});
    let (id, secret, first) = (
        sandbox.suite_id(),
        sandbox.suite_secret(),
        sandbox.suite_ticket(),
    );
    let answer = post(&sandbox, path, body(id, secret, &first)).await;
    assert_eq!(errcode(&answer), 0);
    assert_eq!(answer["expires_in"], 7200);
    assert!(answer["suite_access_token"]
        .as_str()
        .unwrap()
        .starts_with("SBXSUITE"));
    assert_eq!(
        errcode(&post(&sandbox, path, body("wwother", secret, &first)).await),
        40083
    );
    assert_eq!(
        errcode(&post(&sandbox, path, body(id, "wrong", &first)).await),
        40001
    );

    let second = sandbox.push_suite_ticket();
    assert_ne!(second, first);
    assert_eq!(sandbox.suite_ticket(), second);
    assert_eq!(
        errcode(&post(&sandbox, path, body(id, secret, &first)).await),
        40085
    );
    assert_eq!(
        errcode(&post(&sandbox, path, body(id, secret, &second)).await),
        0
    );
    assert_eq!(sandbox.suite_token_hits(), 5);
}

#[tokio::test]
async fn get_corp_token_answers_without_errcode_and_checks_the_suite_token_and_the_code() {
    let sandbox = Sandbox::start().await.unwrap();
    let suite = suite_token(&sandbox).await;
    let corp = &sandbox.authorized_corps()[1];
    let path = format!("/cgi-bin/service/get_corp_token?suite_access_token={suite}");
    let body = json!({"auth_corpid": corp.corp_id, "permanent_code": corp.permanent_code});
    let answer = post(&sandbox, &path, body.clone()).await;
    let keys: Vec<&str> = answer
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    assert_eq!(keys, ["access_token", "expires_in"], "{answer}");
    assert_eq!(answer["expires_in"], 7200);

    let wrong_code = json!({"auth_corpid": corp.corp_id, "permanent_code": "stolen"});
    assert_eq!(errcode(&post(&sandbox, &path, wrong_code).await), 40084);
    let stranger = json!({"auth_corpid": "wwstranger", "permanent_code": corp.permanent_code});
    assert_eq!(errcode(&post(&sandbox, &path, stranger).await), 40013);
    let no_suite = "/cgi-bin/service/get_corp_token";
    assert_eq!(
        errcode(&post(&sandbox, no_suite, body.clone()).await),
        41001
    );
    let bad_suite = "/cgi-bin/service/get_corp_token?suite_access_token=SBXSUITE9_forged";
    assert_eq!(errcode(&post(&sandbox, bad_suite, body).await), 40082);
}

#[tokio::test]
async fn each_endpoint_takes_its_token_under_its_own_query_name() {
    let sandbox = Sandbox::start().await.unwrap();
    let suite = suite_token(&sandbox).await;
    let provider = provider_token(&sandbox).await;
    let corp = corp_token(&sandbox, &suite, 0).await;
    let lookup = json!({"unionid": "oSbxNobody", "openid": "oSbxOpenNobody"});

    // A suite endpoint: the suite token as suite_access_token, nothing else.
    let as_access = format!("{THIRD}?access_token={suite}");
    assert_eq!(
        errcode(&post(&sandbox, &as_access, lookup.clone()).await),
        41001
    );
    let corp_as_suite = format!("{THIRD}?suite_access_token={corp}");
    assert_eq!(
        errcode(&post(&sandbox, &corp_as_suite, lookup.clone()).await),
        40082
    );
    let right = post(
        &sandbox,
        &format!("{THIRD}?suite_access_token={suite}"),
        lookup,
    )
    .await;
    assert_eq!(
        right,
        json!({"errcode": 0, "errmsg": "ok", "external_userid_info": []})
    );

    // A provider endpoint.
    let migration = json!({"corpid": sandbox.corp_id()});
    let as_access = format!("{FINISH}?access_token={provider}");
    assert_eq!(
        errcode(&post(&sandbox, &as_access, migration.clone()).await),
        41001
    );
    let right = format!("{FINISH}?provider_access_token={provider}");
    assert_eq!(errcode(&post(&sandbox, &right, migration).await), 0);
    assert!(sandbox.external_userid_migration_finished(sandbox.corp_id()));

    // A corp endpoint refuses the suite token and the provider token as access_token.
    for wrong in [&suite, &provider] {
        let path = format!("{FOLLOW_USERS}?access_token={wrong}");
        assert_eq!(errcode(&get(&sandbox, &path).await), 40014);
    }
    let path = format!("{FOLLOW_USERS}?access_token={corp}");
    assert_eq!(errcode(&get(&sandbox, &path).await), 0);
}

#[tokio::test]
async fn each_kind_of_token_expires_and_is_revoked_with_its_own_errcodes() {
    let config = SandboxConfig {
        token_ttl: Duration::from_secs(1),
        ..SandboxConfig::default()
    };
    let sandbox = Sandbox::start_with(config).await.unwrap();
    let calls = |suite: &str, provider: &str, corp: &str| {
        [
            format!("{THIRD}?suite_access_token={suite}"),
            format!("{FINISH}?provider_access_token={provider}"),
            format!("{FOLLOW_USERS}?access_token={corp}"),
        ]
    };
    let errcodes = |sandbox: &Sandbox, [third, finish, follow]: [String; 3]| {
        let sandbox_url = sandbox.base_url();
        let corp_id = sandbox.corp_id().to_owned();
        async move {
            let client = reqwest::Client::new();
            let body = json!({"unionid": "oSbxX", "openid": "oSbxOpenX", "corpid": corp_id});
            let mut codes = Vec::new();
            for (path, is_get) in [(third, false), (finish, false), (follow, true)] {
                let url = format!("{sandbox_url}{path}");
                let request = if is_get {
                    client.get(url)
                } else {
                    client.post(url).body(body.to_string())
                };
                codes.push(errcode(&send(request).await));
            }
            codes
        }
    };

    let suite = suite_token(&sandbox).await;
    let (provider, corp) = (
        provider_token(&sandbox).await,
        corp_token(&sandbox, &suite, 0).await,
    );
    assert_eq!(
        errcodes(&sandbox, calls(&suite, &provider, &corp)).await,
        [0, 0, 0]
    );
    tokio::time::sleep(Duration::from_millis(1100)).await;
    assert_eq!(
        errcodes(&sandbox, calls(&suite, &provider, &corp)).await,
        [42009, 42001, 42001]
    );

    let suite = suite_token(&sandbox).await;
    let (provider, corp) = (
        provider_token(&sandbox).await,
        corp_token(&sandbox, &suite, 1).await,
    );
    sandbox.revoke_tokens_of(TokenKind::Suite);
    sandbox.revoke_tokens_of(TokenKind::Provider);
    sandbox.revoke_tokens_of(TokenKind::Corp);
    assert_eq!(
        errcodes(&sandbox, calls(&suite, &provider, &corp)).await,
        [40082, 40014, 40014]
    );
}

#[tokio::test]
async fn each_authorized_corp_reads_its_own_world() {
    let sandbox = Sandbox::start().await.unwrap();
    let suite = suite_token(&sandbox).await;
    let mut customers = Vec::new();
    for (index, corp) in sandbox.authorized_corps().iter().enumerate() {
        let token = corp_token(&sandbox, &suite, index).await;
        let users = get(&sandbox, &format!("{FOLLOW_USERS}?access_token={token}")).await;
        let expected = sandbox.follow_users_of(&corp.corp_id).unwrap();
        let names: Vec<&str> = expected.iter().map(|(u, _)| u.as_str()).collect();
        assert_eq!(users["follow_user"], json!(names));
        let (user, count) = &expected[0];
        let path = format!("/cgi-bin/externalcontact/list?access_token={token}&userid={user}");
        let list = get(&sandbox, &path).await;
        let ids: Vec<String> = serde_json::from_value(list["external_userid"].clone()).unwrap();
        assert_eq!(ids.len(), *count);
        customers.push(ids);
    }
    assert_eq!(
        sandbox.follow_users_of(sandbox.corp_id()).unwrap().len(),
        20
    );
    assert_eq!(
        customers[1].len(),
        10,
        "the second corp: 40 customers over 4 members"
    );
    assert!(customers[1].iter().all(|id| !customers[0].contains(id)));
    assert_eq!(sandbox.follow_users_of("wwstranger"), None);
}
