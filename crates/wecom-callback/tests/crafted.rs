//! The failure modes of the vectors held back from `fixtures/vectors.json`, rebuilt here from raw AES:
//! each defect alone, under a valid signature.

use aes::cipher::block_padding::NoPadding;
use aes::cipher::{BlockEncryptMut, KeyIvInit};
use base64::engine::general_purpose::STANDARD;
use base64::Engine as _;
use wecom_callback::{BufferError, DecryptError, Error, MsgCrypt};

const TOKEN: &str = "QDG6eK";
// A real-style key whose last character carries non-zero discarded bits.
const KEY: &str = "jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C";
const CORP: &str = "wx5823bf96d3bd56c7";

fn key() -> [u8; 32] {
    let engine = base64::engine::GeneralPurpose::new(
        &base64::alphabet::STANDARD,
        base64::engine::GeneralPurposeConfig::new().with_decode_allow_trailing_bits(true),
    );
    engine
        .decode(format!("{KEY}="))
        .unwrap()
        .try_into()
        .unwrap()
}

/// AES-256-CBC over `plain` as is (its length must be a multiple of 16), base64.
fn raw_encrypt(mut plain: Vec<u8>) -> String {
    let key = key();
    let len = plain.len();
    cbc::Encryptor::<aes::Aes256>::new(&key.into(), key[..16].into())
        .encrypt_padded_mut::<NoPadding>(&mut plain, len)
        .unwrap();
    STANDARD.encode(plain)
}

/// random | length | msg | id, then `pad` bytes of value `pad_byte`.
fn buffer(length: u32, msg: &[u8], id: &str, pad: usize, pad_byte: u8) -> Vec<u8> {
    let mut buf = b"0123456789abcdef".to_vec();
    buf.extend_from_slice(&length.to_be_bytes());
    buf.extend_from_slice(msg);
    buf.extend_from_slice(id.as_bytes());
    buf.extend(std::iter::repeat_n(pad_byte, pad));
    buf
}

fn open(crypt: &MsgCrypt, encrypt: &str) -> Result<String, Error> {
    let signature = crypt.signature("1718100000", "77001", encrypt);
    crypt.verify_url(&signature, "1718100000", "77001", encrypt)
}

fn pad_for(len: usize) -> usize {
    32 - len % 32
}

#[test]
fn a_correct_buffer_opens() {
    let crypt = MsgCrypt::new(TOKEN, KEY, CORP).unwrap();
    let msg = b"<xml>ok</xml>";
    let n = pad_for(20 + msg.len() + CORP.len());
    let encrypt = raw_encrypt(buffer(msg.len() as u32, msg, CORP, n, n as u8));
    assert_eq!(open(&crypt, &encrypt).unwrap(), "<xml>ok</xml>");
}

#[test]
fn each_defect_fails_with_its_own_error() {
    let crypt = MsgCrypt::new(TOKEN, KEY, CORP).unwrap();
    let msg = b"<xml>ok</xml>";
    let len = msg.len() as u32;
    let n = pad_for(20 + msg.len() + CORP.len());
    let padding = Error::DecryptAes {
        reason: DecryptError::Padding,
    };
    let cases: Vec<(&str, Vec<u8>, Error)> = vec![
        ("pad byte 0", buffer(len, msg, CORP, n, 0), padding),
        (
            "pad byte 33",
            buffer(len, msg, CORP, n, 33),
            Error::DecryptAes {
                reason: DecryptError::Padding,
            },
        ),
        (
            "pad byte 0xFF",
            buffer(len, msg, CORP, n, 0xFF),
            Error::DecryptAes {
                reason: DecryptError::Padding,
            },
        ),
        (
            "inconsistent pad bytes",
            {
                let mut buf = buffer(len, msg, CORP, n, n as u8);
                let at = buf.len() - 2;
                buf[at] ^= 1;
                buf
            },
            Error::DecryptAes {
                reason: DecryptError::Padding,
            },
        ),
        (
            "length > buffer",
            buffer(len + 40, msg, CORP, n, n as u8),
            Error::IllegalBuffer {
                reason: BufferError::LengthOutOfRange,
            },
        ),
        (
            "length 0xFFFFFFFF",
            buffer(u32::MAX, msg, CORP, n, n as u8),
            Error::IllegalBuffer {
                reason: BufferError::LengthOutOfRange,
            },
        ),
        (
            "shorter than 20 bytes",
            {
                let mut buf = b"0123456789abcdef".to_vec();
                buf.extend(std::iter::repeat_n(16u8, 16));
                buf
            },
            Error::IllegalBuffer {
                reason: BufferError::TooShort,
            },
        ),
        (
            "other corp",
            buffer(len, msg, "ww1436e0e65a779aee", n, n as u8),
            Error::ReceiveIdMismatch,
        ),
        (
            "not UTF-8",
            {
                let bad = [0xC3u8, 0x28, 0xA0];
                let n = pad_for(20 + bad.len() + CORP.len());
                buffer(3, &bad, CORP, n, n as u8)
            },
            Error::IllegalBuffer {
                reason: BufferError::NotUtf8,
            },
        ),
        (
            "PKCS#7 to 16 bytes only (80-byte ciphertext)",
            {
                let msg = b"0123456789012345678901234567890123";
                let unpadded = 20 + msg.len() + CORP.len();
                let n = 16 - unpadded % 16;
                let buf = buffer(msg.len() as u32, msg, CORP, n, n as u8);
                assert_eq!(buf.len(), 80);
                buf
            },
            Error::DecryptAes {
                reason: DecryptError::CiphertextLength,
            },
        ),
    ];
    for (why, buf, expected) in cases {
        let error = open(&crypt, &raw_encrypt(buf)).unwrap_err();
        assert_eq!(format!("{error:?}"), format!("{expected:?}"), "{why}");
    }
}

#[test]
fn empty_receive_id_is_compared_not_skipped() {
    let msg = b"{}";
    let unpadded = 20 + msg.len() + CORP.len();
    let n = pad_for(unpadded);
    let encrypt = raw_encrypt(buffer(2, msg, CORP, n, n as u8));
    let empty = MsgCrypt::new(TOKEN, KEY, "").unwrap();
    assert!(matches!(
        open(&empty, &encrypt),
        Err(Error::ReceiveIdMismatch)
    ));

    let n = pad_for(20 + msg.len());
    let encrypt = raw_encrypt(buffer(2, msg, "", n, n as u8));
    assert_eq!(open(&empty, &encrypt).unwrap(), "{}");
}

#[test]
fn lenient_base64_and_signature_forms_are_refused() {
    let crypt = MsgCrypt::new(TOKEN, KEY, CORP).unwrap();
    let encrypt = crypt.encrypt("hello").unwrap();
    let signature = crypt.signature("1", "2", &encrypt);
    // Uppercase hex is a different signature.
    assert!(matches!(
        crypt.verify_url(&signature.to_uppercase(), "1", "2", &encrypt),
        Err(Error::InvalidSignature)
    ));
    // URL-safe alphabet, MIME line breaks, junk characters: refused as base64 even when signed.
    let url_safe = encrypt.replace('+', "-").replace('/', "_");
    let mime = format!("{}\r\n{}", &encrypt[..40], &encrypt[40..]);
    let junk = format!("{}*{}", &encrypt[..10], &encrypt[11..]);
    for variant in [url_safe, mime, junk] {
        if variant == encrypt {
            continue;
        }
        assert!(
            matches!(open(&crypt, &variant), Err(Error::DecodeBase64 { .. })),
            "{variant:?}"
        );
    }
}
