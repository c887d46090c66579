//! The service endpoints that hand out tokens: `get_suite_token`, `get_provider_token` and
//! `get_corp_token`. Like gettoken they are served before the route table, without faults or limits.

use axum::body::Body;
use axum::http::{header, Method};
use axum::response::Response;
use serde::Deserialize;
use serde_json::json;

use super::{check, param};
use crate::reply::{envelope, ok, ApiError, Input, Reply};
use crate::Shared;

const SUITE: &str = "/cgi-bin/service/get_suite_token";
const PROVIDER: &str = "/cgi-bin/service/get_provider_token";
const CORP: &str = "/cgi-bin/service/get_corp_token";

/// The answer of a token endpoint at `path`, if `path` is one.
pub(crate) fn token_endpoint(
    shared: &Shared,
    method: &Method,
    path: &str,
    query: &str,
    body: &[u8],
) -> Option<Response> {
    if ![SUITE, PROVIDER, CORP].contains(&path) {
        return None;
    }
    if *method != Method::POST {
        return Some(answer(Err(ApiError::new(
            40058,
            format!("{path} takes POST"),
        ))));
    }
    let input = Input { query, body };
    Some(match path {
        SUITE => answer(get_suite_token(shared, input)),
        PROVIDER => answer(get_provider_token(shared, input)),
        // WeCom answers get_corp_token without errcode on success (doc 90605).
        _ => match get_corp_token(shared, input) {
            Ok(object) => respond(object),
            Err(err) => respond(err.body()),
        },
    })
}

#[derive(Deserialize)]
struct SuiteTokenRequest {
    #[serde(default)]
    suite_id: String,
    #[serde(default)]
    suite_secret: String,
    #[serde(default)]
    suite_ticket: String,
}

/// `POST /cgi-bin/service/get_suite_token`: the latest pushed ticket only.
fn get_suite_token(shared: &Shared, input: Input<'_>) -> Reply {
    let req: SuiteTokenRequest = input.json()?;
    let service = &shared.service;
    if req.suite_id != service.config.suite_id {
        return Err(ApiError::new(40083, "invalid suite_id"));
    }
    if req.suite_secret != service.config.suite_secret {
        return Err(ApiError::new(40001, "invalid secret"));
    }
    if req.suite_ticket != service.ticket() {
        return Err(ApiError::new(40085, "invalid suite ticket"));
    }
    let (token, expires_in) = service.suite_tokens.issue(0);
    ok(&json!({"suite_access_token": token, "expires_in": expires_in}))
}

#[derive(Deserialize)]
struct ProviderTokenRequest {
    #[serde(default)]
    corpid: String,
    #[serde(default)]
    provider_secret: String,
}

/// `POST /cgi-bin/service/get_provider_token`.
fn get_provider_token(shared: &Shared, input: Input<'_>) -> Reply {
    let req: ProviderTokenRequest = input.json()?;
    let service = &shared.service;
    if req.corpid != service.config.provider_corp_id {
        return Err(ApiError::new(40013, "invalid corpid"));
    }
    if req.provider_secret != service.config.provider_secret {
        return Err(ApiError::new(40001, "invalid provider_secret"));
    }
    let (token, expires_in) = service.provider_tokens.issue(0);
    ok(&json!({"provider_access_token": token, "expires_in": expires_in}))
}

#[derive(Deserialize)]
struct CorpTokenRequest {
    #[serde(default)]
    auth_corpid: String,
    #[serde(default)]
    permanent_code: String,
}

/// `POST /cgi-bin/service/get_corp_token?suite_access_token=…`: an authorized corp's token.
fn get_corp_token(shared: &Shared, input: Input<'_>) -> Reply {
    let service = &shared.service;
    let suite_token = param(input.query, "suite_access_token");
    check(
        &service.suite_tokens,
        suite_token,
        "suite_access_token",
        40082,
        42009,
    )?;
    let req: CorpTokenRequest = input.json()?;
    let (index, corp) = service
        .corps
        .iter()
        .enumerate()
        .find(|(_, c)| c.corp.corp_id == req.auth_corpid)
        .ok_or_else(|| ApiError::new(40013, "invalid auth_corpid: the suite is not authorized"))?;
    if corp.corp.permanent_code != req.permanent_code {
        return Err(ApiError::new(40084, "invalid permanent_code"));
    }
    let (token, expires_in) = service.corp_tokens.issue(index);
    ok(&json!({"access_token": token, "expires_in": expires_in}))
}

fn answer(reply: Reply) -> Response {
    respond(match reply {
        Ok(object) => envelope(&object),
        Err(err) => err.body(),
    })
}

fn respond(body: Vec<u8>) -> Response {
    Response::builder()
        .header(header::CONTENT_TYPE, "application/json; charset=utf-8")
        .body(Body::from(body))
        .unwrap_or_default()
}
