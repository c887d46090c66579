//! [`MsgCrypt`]: WXBizMsgCrypt verification, decryption and encryption.

use std::fmt;

use aes::cipher::block_padding::NoPadding;
use aes::cipher::{BlockDecryptMut, BlockEncryptMut, InnerIvInit, KeyInit};
use aes::Aes256;
use base64::alphabet;
use base64::engine::general_purpose::{GeneralPurpose, GeneralPurposeConfig, STANDARD};
use base64::engine::DecodePaddingMode;
use base64::Engine as _;

use crate::envelope;
use crate::error::{BufferError, DecryptError, Error, KeyError, Result};
use crate::pkcs7;
use crate::signature;

/// Bytes before the message in the decrypted buffer: 16 random bytes and a big-endian `u32` length.
const HEADER: usize = 20;

/// Decodes an EncodingAESKey: 43 characters, standard alphabet, and — unlike the ciphertext — the unused low
/// bits of the last character may be non-zero (they are in most real keys, WeCom's own samples included).
const KEY_ENGINE: GeneralPurpose = GeneralPurpose::new(
    &alphabet::STANDARD,
    GeneralPurposeConfig::new()
        .with_decode_allow_trailing_bits(true)
        .with_decode_padding_mode(DecodePaddingMode::RequireNone),
);

/// Verifies, decrypts and encrypts WeCom callback messages (the WXBizMsgCrypt scheme).
///
/// Built once from the callback configuration and reused: the AES key schedule is computed in
/// [`MsgCrypt::new`]. Cheap to clone, `Send + Sync`. Its `Debug` output never shows the token or the key.
#[derive(Clone)]
pub struct MsgCrypt {
    token: String,
    receive_id: String,
    cipher: Aes256,
    iv: [u8; 16],
}

impl fmt::Debug for MsgCrypt {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("MsgCrypt")
            .field("token", &"<redacted>")
            .field("encoding_aes_key", &"<redacted>")
            .field("receive_id", &self.receive_id)
            .finish()
    }
}

impl MsgCrypt {
    /// Builds a `MsgCrypt` from the callback configuration.
    ///
    /// - `token`: the Token set in the admin console (only used in signatures);
    /// - `encoding_aes_key`: the EncodingAESKey, exactly 43 base64 characters;
    /// - `receive_id`: the id WeCom puts after each message: the corp id for self-built apps and 客户联系
    ///   callbacks, the suite id for third-party 指令回调, `""` for smart robots.
    ///
    /// # Errors
    /// [`Error::InvalidAesKey`] when the key is not 43 characters or does not decode to 32 bytes.
    pub fn new(
        token: impl Into<String>,
        encoding_aes_key: impl AsRef<str>,
        receive_id: impl Into<String>,
    ) -> Result<Self> {
        let encoding_aes_key = encoding_aes_key.as_ref();
        if encoding_aes_key.len() != 43 {
            return Err(Error::InvalidAesKey {
                reason: KeyError::Length,
            });
        }
        let bad_key = || Error::InvalidAesKey {
            reason: KeyError::Encoding,
        };
        let key: [u8; 32] = KEY_ENGINE
            .decode(encoding_aes_key)
            .map_err(|_| bad_key())?
            .try_into()
            .map_err(|_| bad_key())?;
        let mut iv = [0u8; 16];
        iv.copy_from_slice(key.get(..16).ok_or_else(bad_key)?);
        Ok(Self {
            token: token.into(),
            receive_id: receive_id.into(),
            cipher: Aes256::new(&key.into()),
            iv,
        })
    }

    /// The receive id this instance expects (corp id, suite id, or empty).
    pub fn receive_id(&self) -> &str {
        &self.receive_id
    }

    /// Answers the GET handshake WeCom sends when the callback URL is saved: checks `msg_signature` over
    /// `echostr`, decrypts it and returns the plaintext, which must be the whole HTTP response body.
    ///
    /// Pass the query parameters URL-decoded exactly once. This raw API takes `echostr` as is; an HTTP layer
    /// whose form decoder turned `+` into a space should restore the `+` first (a space is never base64;
    /// the `axum` receiver does this).
    ///
    /// # Errors
    /// [`Error::InvalidSignature`] first; then the decryption errors of [`MsgCrypt::decrypt`].
    pub fn verify_url(
        &self,
        msg_signature: &str,
        timestamp: &str,
        nonce: &str,
        echostr: &str,
    ) -> Result<String> {
        self.open(msg_signature, timestamp, nonce, echostr)
    }

    /// Verifies and decrypts a POST body (the XML envelope `<xml><Encrypt>…</Encrypt></xml>` or the JSON
    /// envelope `{"encrypt": …}`, told apart by the body) and returns the plaintext message.
    ///
    /// The plaintext is returned as is (XML for external-contact events, JSON for smart robots); pass it to
    /// [`Event::parse`](crate::Event::parse) for a typed event.
    ///
    /// # Errors
    /// [`Error::ParseXml`] / [`Error::ParseJson`] for a malformed envelope, [`Error::InvalidSignature`],
    /// [`Error::DecodeBase64`], [`Error::DecryptAes`] (length or padding), [`Error::IllegalBuffer`]
    /// (length field, UTF-8), [`Error::ReceiveIdMismatch`].
    pub fn decrypt(
        &self,
        msg_signature: &str,
        timestamp: &str,
        nonce: &str,
        body: &str,
    ) -> Result<String> {
        let encrypt = envelope::extract_encrypt(body)?;
        self.open(msg_signature, timestamp, nonce, &encrypt)
    }

    /// The `msg_signature` of a ciphertext (40 lowercase hex digits).
    pub fn signature(&self, timestamp: &str, nonce: &str, encrypt: &str) -> String {
        signature::to_string(&signature::compute(&self.token, timestamp, nonce, encrypt))
    }

    /// Encrypts `plaintext` for this receive id with a fresh random prefix from the OS-seeded CSPRNG, and
    /// returns the base64 ciphertext (what goes in `<Encrypt>`).
    ///
    /// # Errors
    /// [`Error::EncryptAes`] for a message longer than 4 GiB.
    pub fn encrypt(&self, plaintext: &str) -> Result<String> {
        self.encrypt_with_random(rand::random(), plaintext)
    }

    /// Like [`MsgCrypt::encrypt`] with a given 16-byte random prefix, so a ciphertext can be reproduced
    /// byte for byte (test vectors). Use [`MsgCrypt::encrypt`] for real traffic.
    ///
    /// # Errors
    /// [`Error::EncryptAes`] for a message longer than 4 GiB.
    pub fn encrypt_with_random(&self, random: [u8; 16], plaintext: &str) -> Result<String> {
        let too_long = || Error::EncryptAes {
            reason: "the message is too long",
        };
        let msg_len = u32::try_from(plaintext.len()).map_err(|_| too_long())?;
        let unpadded = HEADER
            .checked_add(plaintext.len())
            .and_then(|n| n.checked_add(self.receive_id.len()))
            .ok_or_else(too_long)?;
        let mut buf = Vec::with_capacity(unpadded.saturating_add(pkcs7::BLOCK));
        buf.extend_from_slice(&random);
        buf.extend_from_slice(&msg_len.to_be_bytes());
        buf.extend_from_slice(plaintext.as_bytes());
        buf.extend_from_slice(self.receive_id.as_bytes());
        pkcs7::pad(&mut buf);
        let len = buf.len();
        cbc::Encryptor::<Aes256>::inner_iv_init(self.cipher.clone(), &self.iv.into())
            .encrypt_padded_mut::<NoPadding>(&mut buf, len)
            .map_err(|_| Error::EncryptAes {
                reason: "the padded buffer is not a whole number of blocks",
            })?;
        Ok(STANDARD.encode(&buf))
    }

    /// Encrypts and signs a passive reply: `<xml><Encrypt/><MsgSignature/><TimeStamp/><Nonce/></xml>`, one
    /// element per line as in WeCom's samples. `timestamp` and `nonce` may be those of the request.
    ///
    /// # Errors
    /// [`Error::EncryptAes`] as for [`MsgCrypt::encrypt`]; [`Error::GenerateXml`] when the nonce contains
    /// `]]>`.
    pub fn encrypt_reply(&self, plaintext: &str, timestamp: &str, nonce: &str) -> Result<String> {
        self.encrypt_reply_with_random(rand::random(), plaintext, timestamp, nonce)
    }

    /// Like [`MsgCrypt::encrypt_reply`] with a given random prefix (reproducible output, for tests).
    ///
    /// # Errors
    /// As for [`MsgCrypt::encrypt_reply`].
    pub fn encrypt_reply_with_random(
        &self,
        random: [u8; 16],
        plaintext: &str,
        timestamp: &str,
        nonce: &str,
    ) -> Result<String> {
        let encrypt = self.encrypt_with_random(random, plaintext)?;
        let signature = signature::compute(&self.token, timestamp, nonce, &encrypt);
        let signature = std::str::from_utf8(&signature).unwrap_or_default();
        envelope::reply_xml(&encrypt, signature, timestamp, nonce)
    }

    /// Encrypts and signs a reply for JSON-format callbacks:
    /// `{"encrypt", "msgsignature", "timestamp", "nonce"}` (every member a string).
    ///
    /// # Errors
    /// [`Error::EncryptAes`] as for [`MsgCrypt::encrypt`].
    pub fn encrypt_reply_json(
        &self,
        plaintext: &str,
        timestamp: &str,
        nonce: &str,
    ) -> Result<String> {
        let encrypt = self.encrypt(plaintext)?;
        let signature = signature::compute(&self.token, timestamp, nonce, &encrypt);
        let signature = std::str::from_utf8(&signature).unwrap_or_default();
        envelope::reply_json(&encrypt, signature, timestamp, nonce)
    }

    /// Signature check, then decryption of one ciphertext.
    fn open(
        &self,
        msg_signature: &str,
        timestamp: &str,
        nonce: &str,
        encrypt: &str,
    ) -> Result<String> {
        let expected = signature::compute(&self.token, timestamp, nonce, encrypt);
        if !signature::matches(&expected, msg_signature) {
            return Err(Error::InvalidSignature);
        }
        self.decrypt_ciphertext(encrypt)
    }

    /// Decrypts a base64 ciphertext whose signature was checked, and validates the buffer strictly.
    fn decrypt_ciphertext(&self, encrypt: &str) -> Result<String> {
        let mut buf = STANDARD
            .decode(encrypt)
            .map_err(|source| Error::DecodeBase64 {
                source: source.into(),
            })?;
        let decrypt_error = |reason| Error::DecryptAes { reason };
        if buf.is_empty() || buf.len() % pkcs7::BLOCK != 0 {
            return Err(decrypt_error(DecryptError::CiphertextLength));
        }
        cbc::Decryptor::<Aes256>::inner_iv_init(self.cipher.clone(), &self.iv.into())
            .decrypt_padded_mut::<NoPadding>(&mut buf)
            .map_err(|_| decrypt_error(DecryptError::CiphertextLength))?;
        let end = pkcs7::unpadded_len(&buf).ok_or(decrypt_error(DecryptError::Padding))?;

        let buffer_error = |reason| Error::IllegalBuffer { reason };
        let length: [u8; 4] = buf
            .get(16..HEADER)
            .and_then(|bytes| bytes.try_into().ok())
            .filter(|_| end >= HEADER)
            .ok_or(buffer_error(BufferError::TooShort))?;
        // u64 arithmetic: 20 + u32::MAX cannot overflow, even where usize is 32 bits.
        let msg_end = HEADER as u64 + u64::from(u32::from_be_bytes(length));
        let msg_end = usize::try_from(msg_end)
            .ok()
            .filter(|&msg_end| msg_end <= end)
            .ok_or(buffer_error(BufferError::LengthOutOfRange))?;
        if buf.get(msg_end..end) != Some(self.receive_id.as_bytes()) {
            return Err(Error::ReceiveIdMismatch);
        }
        buf.truncate(msg_end);
        buf.drain(..HEADER);
        String::from_utf8(buf).map_err(|_| buffer_error(BufferError::NotUtf8))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const KEY: &str = "VBOsrT5mH3DaWvTrmFLHBMUAPTT0aZN0dnruqXa71PA";

    #[test]
    fn debug_redacts_secrets() {
        let crypt = MsgCrypt::new("secret-token", KEY, "ww1").unwrap();
        let debug = format!("{crypt:?}");
        assert!(!debug.contains("secret-token"));
        assert!(!debug.contains(KEY));
        assert!(debug.contains("<redacted>"));
    }

    #[test]
    fn rejects_malformed_keys() {
        for key in [
            "",
            "short",
            &KEY[..42],
            &format!("{KEY}A"),
            &KEY.replace('V', "*"),
        ] {
            assert_eq!(
                MsgCrypt::new("t", key, "ww1").unwrap_err().code(),
                -40004,
                "{key}"
            );
        }
        // 43 bytes but not 43 characters.
        let multibyte = format!("{}é", &KEY[..41]);
        assert_eq!(
            MsgCrypt::new("t", &multibyte, "ww1").unwrap_err().code(),
            -40004
        );
    }

    #[test]
    fn round_trips() {
        let crypt = MsgCrypt::new("t", KEY, "ww1").unwrap();
        let encrypt = crypt.encrypt("hello 你好").unwrap();
        let signature = crypt.signature("1", "2", &encrypt);
        assert_eq!(
            crypt.verify_url(&signature, "1", "2", &encrypt).unwrap(),
            "hello 你好"
        );
    }
}
