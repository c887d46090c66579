//! The HTTP side: one dispatcher in front of every endpoint, applying tokens, limits and faults, and the
//! sandbox's own `GET /sandbox/stats`.

use std::sync::Arc;

use axum::body::{Body, Bytes};
use axum::extract::State;
use axum::http::{header, Method, StatusCode, Uri};
use axum::response::Response;
use axum::Router;

use crate::faults::{After, Before};
use crate::reply::{envelope, ApiError, Input};
use crate::{handlers, service, Shared};

pub(crate) fn router(shared: Arc<Shared>) -> Router {
    Router::new()
        // Uploads stream their multipart bodies through the same gate (`handlers/upload.rs`).
        .merge(handlers::upload::routes())
        .fallback(dispatch)
        .with_state(shared)
}

async fn dispatch(
    State(shared): State<Arc<Shared>>,
    method: Method,
    uri: Uri,
    body: Bytes,
) -> Response {
    let path = uri.path();
    let query = uri.query().unwrap_or("");
    if path == STATS {
        return stats(&shared, &method);
    }
    shared.metrics.hit(path);
    if path == "/cgi-bin/gettoken" {
        return json(gettoken(&shared, query));
    }
    if let Some(answer) = service::token_endpoint(&shared, &method, path, query, &body) {
        return answer;
    }
    let Some(endpoint) = handlers::route(path) else {
        return Response::builder()
            .status(StatusCode::NOT_FOUND)
            .header(header::CONTENT_TYPE, "application/json")
            .body(Body::from(
                ApiError::new(404, format!("no such endpoint in the sandbox: {path}")).body(),
            ))
            .unwrap_or_default();
    };
    // WeCom serves its GET endpoints to POST too (parameters still in the query); not the reverse.
    if method != endpoint.method && !(endpoint.method == Method::GET && method == Method::POST) {
        return json(Err(ApiError::new(
            40058,
            format!("{path} takes {}", endpoint.method),
        )));
    }
    // The token under the query name the endpoint takes; its corp's world is the handler's.
    let corp = match service::authorize(&shared, path, query) {
        Ok(corp) => corp,
        Err(err) => return json(Err(err)),
    };
    let _slot = match shared.metrics.admit() {
        Ok(slot) => slot,
        Err(err) => return json(Err(err)),
    };
    let (before, after) = shared.faults.draw(path);
    if let Some(Before::Errcode(code, message)) = before {
        return json(Err(ApiError::new(code, message)));
    }
    let reply = service::in_corp(corp, || {
        (endpoint.handler)(&shared, Input { query, body: &body })
    });
    answer(reply, after).await
}

/// The answer of a call that ran, as the fault drawn for it after the effect makes it.
pub(crate) async fn answer(reply: crate::reply::Reply, after: Option<After>) -> Response {
    match after {
        None => json(reply),
        Some(After::Delay(delay)) => {
            tokio::time::sleep(delay).await;
            json(reply)
        }
        Some(After::Http502) => Response::builder()
            .status(StatusCode::BAD_GATEWAY)
            .header(header::CONTENT_TYPE, "text/html")
            .body(Body::from(
                "<html><head><title>502 Bad Gateway</title></head></html>",
            ))
            .unwrap_or_default(),
        Some(After::Drop) => {
            // Headers go out, then the body fails: the connection is cut mid-answer.
            let broken = futures::stream::once(async {
                Err::<Bytes, std::io::Error>(std::io::Error::other(
                    "sandbox dropped the connection",
                ))
            });
            Response::builder()
                .header(header::CONTENT_TYPE, "application/json")
                .body(Body::from_stream(broken))
                .unwrap_or_default()
        }
    }
}

/// The sandbox's counters, without a token and without counting as a hit.
const STATS: &str = "/sandbox/stats";

fn stats(shared: &Shared, method: &Method) -> Response {
    if method != Method::GET {
        return Response::builder()
            .status(StatusCode::METHOD_NOT_ALLOWED)
            .header(header::ALLOW, "GET")
            .body(Body::empty())
            .unwrap_or_default();
    }
    let mut snapshot = shared.metrics.snapshot();
    snapshot["now"] = serde_json::json!(shared.clock.now());
    Response::builder()
        .header(header::CONTENT_TYPE, "application/json; charset=utf-8")
        .body(Body::from(snapshot.to_string()))
        .unwrap_or_default()
}

fn gettoken(shared: &Shared, query: &str) -> crate::reply::Reply {
    #[derive(serde::Deserialize)]
    struct Query {
        #[serde(default)]
        corpid: String,
        #[serde(default)]
        corpsecret: String,
    }
    let q: Query = Input { query, body: &[] }.query()?;
    let (token, expires_in) = shared.tokens.get_token(&q.corpid, &q.corpsecret)?;
    crate::reply::ok(&serde_json::json!({"access_token": token, "expires_in": expires_in}))
}

pub(crate) fn json(reply: crate::reply::Reply) -> Response {
    let body = match reply {
        Ok(object) => envelope(&object),
        Err(err) => err.body(),
    };
    Response::builder()
        .header(header::CONTENT_TYPE, "application/json; charset=utf-8")
        .body(Body::from(body))
        .unwrap_or_default()
}
