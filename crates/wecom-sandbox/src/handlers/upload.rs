//! The three upload endpoints, behind the same gate as every call (hit, token, server limits, faults) but
//! with their own route: the `multipart/form-data` body is read as it arrives, a chunk at a time,
//! counted and hashed, never held whole, so a large upload costs the sandbox no more memory than a small
//! one.

use std::sync::Arc;

use axum::extract::{DefaultBodyLimit, FromRequest, Multipart, Request, State};
use axum::http::{header, Method};
use axum::response::Response;
use axum::routing::any;
use axum::Router;
use sha2::{Digest, Sha256};

use super::media_store::{self, Received};
use crate::faults::Before;
use crate::reply::{ApiError, Input};
use crate::server::{answer, json};
use crate::{service, Shared};

const UPLOAD: &str = "/cgi-bin/media/upload";
const UPLOAD_ATTACHMENT: &str = "/cgi-bin/media/upload_attachment";
const UPLOAD_IMAGE: &str = "/cgi-bin/media/uploadimg";

/// The upload routes, without axum's body limit (WeCom's limits are checked on what was read).
pub(crate) fn routes() -> Router<Arc<Shared>> {
    Router::new()
        .route(UPLOAD, any(upload))
        .route(UPLOAD_ATTACHMENT, any(upload))
        .route(UPLOAD_IMAGE, any(upload))
        .layer(DefaultBodyLimit::disable())
}

async fn upload(State(shared): State<Arc<Shared>>, request: Request) -> Response {
    let path = request.uri().path().to_owned();
    let query = request.uri().query().unwrap_or("").to_owned();
    shared.metrics.hit(&path);
    if request.method() != Method::POST {
        return json(Err(ApiError::invalid(format!("{path} takes POST"))));
    }
    let corp = match service::authorize(&shared, &path, &query) {
        Ok(corp) => corp,
        Err(err) => return json(Err(err)),
    };
    let _slot = match shared.metrics.admit() {
        Ok(slot) => slot,
        Err(err) => return json(Err(err)),
    };
    let (before, after) = shared.faults.draw(&path);
    if let Some(Before::Errcode(code, message)) = before {
        return json(Err(ApiError::new(code, message)));
    }
    let reply = match receive(request).await {
        Ok(file) => service::in_corp(corp, || {
            let now = shared.clock.now();
            let mut world = shared.world();
            let input = Input {
                query: &query,
                body: &[],
            };
            match path.as_str() {
                UPLOAD => media_store::upload(&mut world, input, file, now),
                UPLOAD_IMAGE => media_store::upload_image(&mut world, file),
                _ => media_store::upload_attachment(&mut world, input, file, now),
            }
        }),
        Err(err) => Err(err),
    };
    answer(reply, after).await
}

/// Reads the form to its end; the `media` part is counted and hashed as it streams by.
async fn receive(request: Request) -> Result<Received, ApiError> {
    let malformed =
        |e: &dyn std::fmt::Display| ApiError::invalid(format!("invalid multipart form: {e}"));
    let mut form = Multipart::from_request(request, &())
        .await
        .map_err(|e| malformed(&e))?;
    let mut media = None;
    while let Some(mut field) = form.next_field().await.map_err(|e| malformed(&e))? {
        let is_media = field.name() == Some("media");
        let file_name = field.file_name().unwrap_or_default().to_owned();
        let content_type = field.content_type().unwrap_or_default().to_owned();
        let declared_length = field
            .headers()
            .get(header::CONTENT_DISPOSITION)
            .and_then(|v| filelength(v.as_bytes()));
        let mut hasher = Sha256::new();
        let mut length = 0u64;
        while let Some(chunk) = field.chunk().await.map_err(|e| malformed(&e))? {
            length += chunk.len() as u64;
            if is_media {
                hasher.update(&chunk);
            }
        }
        if is_media {
            media = Some(Received {
                file_name,
                content_type,
                declared_length,
                length,
                sha256: hex(&hasher.finalize()),
            });
        }
    }
    media.ok_or_else(|| ApiError::new(41005, "media data missing: no form field \"media\""))
}

/// The `filelength` parameter of a `Content-Disposition`, when there is one.
fn filelength(disposition: &[u8]) -> Option<u64> {
    let text = String::from_utf8_lossy(disposition);
    text.split(';').find_map(|param| {
        let (key, value) = param.split_once('=')?;
        (key.trim() == "filelength")
            .then(|| value.trim().trim_matches('"').parse().ok())
            .flatten()
    })
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn filelength_is_read_from_the_disposition() {
        assert_eq!(
            filelength(b"form-data; name=\"media\";filename=\"wework.txt\"; filelength=6"),
            Some(6)
        );
        assert_eq!(
            filelength(b"form-data; name=\"media\"; filename=\"a\""),
            None
        );
        assert_eq!(filelength(b"form-data; filelength=x"), None);
    }
}
