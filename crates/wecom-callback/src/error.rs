//! The one error type of the crate, mirroring the `-400xx` codes of WeCom's official WXBizMsgCrypt samples.

use std::fmt;

/// A boxed error kept as the `source` of an [`Error`] (so no third-party error type is part of the API).
pub type BoxError = Box<dyn std::error::Error + Send + Sync + 'static>;

/// Everything that can go wrong while verifying, decrypting, encrypting or parsing a callback.
///
/// [`Error::code`] gives the number the official samples return for the same failure, so logs can be
/// compared with WeCom's documentation. No variant holds the token or the EncodingAESKey.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// `msg_signature` does not match SHA-1 over the sorted token, timestamp, nonce and ciphertext
    /// (`-40001`, ValidateSignatureError).
    #[error("msg_signature does not match the request")]
    InvalidSignature,
    /// A body or plaintext is not well-formed XML, or lacks a required element (`-40002`, ParseXmlError).
    #[error("cannot parse XML: {source}")]
    ParseXml {
        /// What the parser reported.
        #[source]
        source: BoxError,
    },
    /// The EncodingAESKey is malformed (`-40004`, IllegalAesKey).
    #[error("invalid EncodingAESKey: {reason}")]
    InvalidAesKey {
        /// Why the key was refused.
        reason: KeyError,
    },
    /// The receive id found in the plaintext (corp id or suite id) is not the configured one
    /// (`-40005`, ValidateCorpidError).
    #[error("receive id in the message does not match the configured one")]
    ReceiveIdMismatch,
    /// The plaintext cannot be encrypted (`-40006`, EncryptAESError).
    #[error("cannot encrypt: {reason}")]
    EncryptAes {
        /// Why encryption failed.
        reason: &'static str,
    },
    /// The ciphertext cannot be decrypted: wrong length or bad padding (`-40007`, DecryptAESError).
    #[error("cannot decrypt: {reason}")]
    DecryptAes {
        /// Why decryption failed.
        reason: DecryptError,
    },
    /// The decrypted buffer is malformed (`-40008`, IllegalBuffer).
    #[error("illegal decrypted buffer: {reason}")]
    IllegalBuffer {
        /// What is wrong with the buffer.
        reason: BufferError,
    },
    /// The ciphertext is not standard base64 (`-40010`, DecodeBase64Error).
    #[error("ciphertext is not valid base64: {source}")]
    DecodeBase64 {
        /// What the decoder reported.
        #[source]
        source: BoxError,
    },
    /// The reply XML cannot be generated from the given timestamp or nonce (`-40011`, GenXmlError).
    #[error("cannot generate the reply: {reason}")]
    GenerateXml {
        /// Why the reply was refused.
        reason: &'static str,
    },
    /// A JSON envelope is malformed or lacks `encrypt` (`-40012`, ParseJsonError of the JSON samples).
    #[error("cannot parse JSON envelope: {source}")]
    ParseJson {
        /// What the parser reported.
        #[source]
        source: serde_json::Error,
    },
}

impl Error {
    /// The code WeCom's official samples use for this failure (`-40001` … `-40012`).
    pub fn code(&self) -> i32 {
        match self {
            Self::InvalidSignature => -40001,
            Self::ParseXml { .. } => -40002,
            Self::InvalidAesKey { .. } => -40004,
            Self::ReceiveIdMismatch => -40005,
            Self::EncryptAes { .. } => -40006,
            Self::DecryptAes { .. } => -40007,
            Self::IllegalBuffer { .. } => -40008,
            Self::DecodeBase64 { .. } => -40010,
            Self::GenerateXml { .. } => -40011,
            Self::ParseJson { .. } => -40012,
        }
    }

    pub(crate) fn parse_xml(source: impl Into<BoxError>) -> Self {
        Self::ParseXml {
            source: source.into(),
        }
    }
}

/// Why an EncodingAESKey was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum KeyError {
    /// The key is not exactly 43 characters long.
    Length,
    /// The key is not base64 (standard alphabet), or does not decode to 32 bytes.
    Encoding,
}

impl fmt::Display for KeyError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::Length => "it must be exactly 43 characters",
            Self::Encoding => "it must be 43 base64 characters decoding to 32 bytes",
        })
    }
}

/// Why a ciphertext could not be decrypted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum DecryptError {
    /// The ciphertext is empty or not a multiple of 32 bytes.
    CiphertextLength,
    /// The PKCS#7 padding (32-byte block) is out of range or inconsistent.
    Padding,
}

impl fmt::Display for DecryptError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::CiphertextLength => "ciphertext length is not a positive multiple of 32 bytes",
            Self::Padding => "invalid PKCS#7 padding",
        })
    }
}

/// What is wrong with a decrypted buffer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum BufferError {
    /// Shorter than the 16-byte random prefix plus the 4-byte length.
    TooShort,
    /// The length field points past the end of the buffer.
    LengthOutOfRange,
    /// The message is not valid UTF-8.
    NotUtf8,
}

impl fmt::Display for BufferError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::TooShort => "shorter than 20 bytes",
            Self::LengthOutOfRange => "message length field exceeds the buffer",
            Self::NotUtf8 => "message is not valid UTF-8",
        })
    }
}

/// The result type of the crate.
pub type Result<T, E = Error> = std::result::Result<T, E>;
