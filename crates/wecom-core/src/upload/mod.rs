//! Streamed `multipart/form-data` uploads (素材上传): the [`Upload`] trait an upload endpoint implements,
//! the [`UploadSource`] it sends, and [`WecomClient::upload`], which sends it through the same executor
//! as every call (token, limiter, retries, envelope, typed decode).
//!
//! A file is never read into memory whole: it is read a chunk (64 KiB) at a time as the connection takes
//! it, so a 20 MB video costs a few chunks of memory, not 20 MB. WeCom's size and type limits are checked
//! by each endpoint's [`Upload::validate`] before anything is sent.
//!
//! Retries follow the rule of every call that creates something: never after an ambiguous failure. A
//! connect failure (nothing sent) and a stale token are retried for sources that can be read again (bytes,
//! files); a [`UploadSource::reader`] is read once, so it is never retried at all.
//!
//! ```no_run
//! use serde::{Deserialize, Serialize};
//! use wecom_core::upload::{Upload, UploadSource};
//!
//! /// 上传临时素材, described by hand (the `wecom-media` crate has it typed).
//! #[derive(Serialize)]
//! struct UploadFile {
//!     #[serde(rename = "type")]
//!     kind: &'static str,
//!     #[serde(skip)]
//!     source: UploadSource,
//! }
//!
//! #[derive(Deserialize)]
//! struct Uploaded {
//!     media_id: String,
//! }
//!
//! impl Upload for UploadFile {
//!     const PATH: &'static str = "/cgi-bin/media/upload";
//!     type Response = Uploaded;
//!     fn source(&self) -> &UploadSource {
//!         &self.source
//!     }
//! }
//!
//! # async fn run(client: wecom_core::WecomClient) -> wecom_core::Result<()> {
//! let source = UploadSource::file("report.pdf")
//!     .await?
//!     .on_progress(|p| eprintln!("{:.0}%", p.fraction() * 100.0));
//! let uploaded = client.upload(&UploadFile { kind: "file", source }).await?;
//! println!("{}", uploaded.media_id);
//! # Ok(())
//! # }
//! ```

mod form;
mod progress;
mod source;

use serde::de::DeserializeOwned;
use serde::Serialize;

pub(crate) use form::{Form, FormBody};
pub use progress::Progress;
pub use source::UploadSource;

use crate::execute::Call;
use crate::{Error, HttpMethod, Idempotency, Result, TokenKind, WecomClient};

/// One upload endpoint: the request struct serializes as the query (besides the token), and holds the
/// [`UploadSource`] sent as the form's one file part.
pub trait Upload: Serialize + Send + Sync {
    /// The path under the base URL, e.g. `/cgi-bin/media/upload`.
    const PATH: &'static str;
    /// The form field of the file; `media` for every WeCom upload.
    const FIELD: &'static str = "media";
    /// The token the endpoint takes; the corp's `access_token` unless said.
    const TOKEN: TokenKind = TokenKind::Corp;
    /// The typed answer (without `errcode` / `errmsg`).
    type Response: DeserializeOwned + Send + 'static;

    /// The file to send.
    fn source(&self) -> &UploadSource;

    /// Checks WeCom's limits (size, type) before anything is sent; the default accepts everything.
    fn validate(&self) -> Result<()> {
        Ok(())
    }
}

impl WecomClient {
    /// Uploads `req`'s file as `multipart/form-data` and decodes the answer.
    ///
    /// Checks the form's file name and content type and `req.validate()` first (an
    /// [`Error::InvalidRequest`] then names the endpoint's path); never retried after an ambiguous
    /// failure; a connect failure or a stale token is retried for a replayable source only (see the
    /// [module](crate::upload) docs). Each attempt has its own deadline: the source's
    /// [`timeout`](UploadSource::timeout), else the client's timeout plus a second per 256 KiB.
    pub async fn upload<U: Upload>(&self, req: &U) -> Result<U::Response> {
        let source = req.source();
        source
            .check_form_fields()
            .and_then(|()| req.validate())
            .map_err(|err| match err {
                Error::InvalidRequest(message) => {
                    Error::InvalidRequest(format!("{}: {message}", U::PATH))
                }
                other => other,
            })?;
        let query = serde_urlencoded::to_string(req)
            .map_err(|e| Error::invalid_request(format!("{}: {e}", U::PATH)))?;
        let form = Form::new(U::FIELD, source);
        let call = Call {
            method: HttpMethod::Post,
            path: U::PATH,
            idempotency: Idempotency::NotIdempotent,
            token: U::TOKEN,
            query,
            body: None,
            form: Some(&form),
        };
        self.send_decoded(&call).await
    }
}
