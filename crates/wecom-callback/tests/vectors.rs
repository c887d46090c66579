//! Every vector of `fixtures/vectors.json` (produced by other implementations): positives decrypt to the
//! exact plaintext and re-encrypt byte for byte; negatives fail with the expected kind of error.

use serde::Deserialize;
use wecom_callback::{BufferError, DecryptError, Error, Event, MsgCrypt};

#[derive(Debug, Deserialize)]
struct File {
    vectors: Vec<Vector>,
}

#[derive(Debug, Deserialize)]
struct Vector {
    id: String,
    kind: String,
    format: String,
    token: String,
    encoding_aes_key: String,
    receive_id: String,
    timestamp: String,
    nonce: String,
    msg_signature: String,
    encrypt: String,
    plaintext: Option<String>,
    expect: String,
    random_hex: Option<String>,
    error_class: Option<String>,
    raw_query: Option<String>,
    post_body: Option<String>,
    reply_xml: Option<String>,
}

fn vectors() -> Vec<Vector> {
    let file: File = serde_json::from_str(include_str!("fixtures/vectors.json")).unwrap();
    assert!(file.vectors.len() >= 40, "vector file truncated");
    file.vectors
}

fn hex16(hex: &str) -> [u8; 16] {
    let bytes: Vec<u8> = (0..hex.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&hex[i..i + 2], 16).unwrap())
        .collect();
    bytes.try_into().unwrap()
}

/// RFC 3986 percent-decoding, once (what an HTTP framework does to a query).
fn percent_decode(value: &str) -> String {
    let bytes = value.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            out.push(u8::from_str_radix(&value[i + 1..i + 3], 16).unwrap());
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).unwrap()
}

fn query(raw: &str, name: &str) -> String {
    raw.split('&')
        .find_map(|pair| {
            pair.strip_prefix(name)
                .and_then(|rest| rest.strip_prefix('='))
        })
        .map(percent_decode)
        .unwrap()
}

/// The XML envelope WeCom POSTs around a ciphertext.
fn xml_body(encrypt: &str) -> String {
    format!(
        "<xml><ToUserName><![CDATA[x]]></ToUserName><Encrypt><![CDATA[{encrypt}]]></Encrypt>\
         <AgentID><![CDATA[]]></AgentID></xml>"
    )
}

/// Decrypts a vector the way its kind arrives: GET echostr or POST envelope.
fn open(crypt: &MsgCrypt, v: &Vector) -> Result<String, Error> {
    if v.kind == "url_verify" {
        crypt.verify_url(&v.msg_signature, &v.timestamp, &v.nonce, &v.encrypt)
    } else {
        crypt.decrypt(
            &v.msg_signature,
            &v.timestamp,
            &v.nonce,
            &xml_body(&v.encrypt),
        )
    }
}

#[test]
fn positives_decrypt_to_the_exact_plaintext() {
    let mut count = 0;
    for v in vectors().iter().filter(|v| v.expect == "ok") {
        let crypt = MsgCrypt::new(v.token.as_str(), &v.encoding_aes_key, v.receive_id.as_str())
            .unwrap_or_else(|e| panic!("{}: {e}", v.id));
        let expected = v.plaintext.as_deref().unwrap();
        let got = open(&crypt, v).unwrap_or_else(|e| panic!("{}: {e}", v.id));
        assert_eq!(got, expected, "{}", v.id);

        // The body exactly as recorded (XML or JSON envelope), when the vector has one.
        if let Some(body) = &v.post_body {
            let got = crypt
                .decrypt(&v.msg_signature, &v.timestamp, &v.nonce, body)
                .unwrap_or_else(|e| panic!("{} (post_body): {e}", v.id));
            assert_eq!(got, expected, "{}", v.id);
        }
        // The GET query as recorded, URL-decoded once.
        if let Some(raw) = &v.raw_query {
            let got = crypt
                .verify_url(
                    &query(raw, "msg_signature"),
                    &query(raw, "timestamp"),
                    &query(raw, "nonce"),
                    &query(raw, "echostr"),
                )
                .unwrap_or_else(|e| panic!("{} (raw_query): {e}", v.id));
            assert_eq!(got, expected, "{}", v.id);
        }
        count += 1;
    }
    assert!(count >= 30, "only {count} positive vectors");
}

#[test]
fn positives_reencrypt_byte_for_byte() {
    for v in vectors().iter().filter(|v| v.expect == "ok") {
        let crypt =
            MsgCrypt::new(v.token.as_str(), &v.encoding_aes_key, v.receive_id.as_str()).unwrap();
        let random = hex16(v.random_hex.as_deref().unwrap());
        let encrypt = crypt
            .encrypt_with_random(random, v.plaintext.as_deref().unwrap())
            .unwrap();
        assert_eq!(encrypt, v.encrypt, "{}", v.id);
        assert_eq!(
            crypt.signature(&v.timestamp, &v.nonce, &encrypt),
            v.msg_signature,
            "{}",
            v.id
        );
        if let Some(reply) = &v.reply_xml {
            let ours = crypt
                .encrypt_reply_with_random(
                    random,
                    v.plaintext.as_deref().unwrap(),
                    &v.timestamp,
                    &v.nonce,
                )
                .unwrap();
            assert_eq!(&ours, reply, "{}", v.id);
        }
    }
}

#[test]
fn event_vectors_parse_to_typed_events() {
    for v in vectors()
        .iter()
        .filter(|v| v.expect == "ok" && v.format == "xml")
    {
        let plaintext = v.plaintext.as_deref().unwrap();
        let event = Event::parse(plaintext).unwrap_or_else(|e| panic!("{}: {e}", v.id));
        let is_event = plaintext.contains("<Event>") || plaintext.contains("<InfoType>");
        assert_eq!(
            !matches!(event, Event::Unknown(_)),
            is_event,
            "{}: {event:?}",
            v.id
        );
    }
}

fn matches_class(class: &str, error: &Error) -> bool {
    match class {
        "signature" => matches!(error, Error::InvalidSignature),
        "receive_id" => matches!(error, Error::ReceiveIdMismatch),
        "padding" => matches!(
            error,
            Error::DecryptAes {
                reason: DecryptError::Padding
            }
        ),
        "ciphertext_length" => matches!(
            error,
            Error::DecryptAes {
                reason: DecryptError::CiphertextLength
            }
        ),
        "length" => matches!(
            error,
            Error::IllegalBuffer {
                reason: BufferError::TooShort | BufferError::LengthOutOfRange
            }
        ),
        "utf8" => matches!(
            error,
            Error::IllegalBuffer {
                reason: BufferError::NotUtf8
            }
        ),
        "base64" => matches!(error, Error::DecodeBase64 { .. }),
        // A wrong key cannot be told from corruption: any failure after the signature check.
        "key" => matches!(
            error,
            Error::InvalidAesKey { .. }
                | Error::DecryptAes { .. }
                | Error::IllegalBuffer { .. }
                | Error::ReceiveIdMismatch
        ),
        other => panic!("unknown error class {other}"),
    }
}

#[test]
fn negatives_fail_with_the_expected_error() {
    let mut count = 0;
    for v in vectors().iter().filter(|v| v.expect == "error") {
        let class = v.error_class.as_deref().unwrap();
        let result = MsgCrypt::new(v.token.as_str(), &v.encoding_aes_key, v.receive_id.as_str())
            .and_then(|crypt| open(&crypt, v));
        let error = result.expect_err(&v.id);
        assert!(
            matches_class(class, &error),
            "{} ({class}): got {error:?}",
            v.id
        );
        assert!((-40012..=-40001).contains(&error.code()), "{}", v.id);
        count += 1;
    }
    assert!(count >= 15, "only {count} negative vectors");
}

#[test]
fn error_codes_match_the_official_samples() {
    let v = vectors().into_iter().find(|v| v.id == "pos-13").unwrap();
    let crypt =
        MsgCrypt::new(v.token.as_str(), &v.encoding_aes_key, v.receive_id.as_str()).unwrap();
    let sig = |encrypt: &str| crypt.signature(&v.timestamp, &v.nonce, encrypt);
    let code = |encrypt: &str| {
        crypt
            .verify_url(&sig(encrypt), &v.timestamp, &v.nonce, encrypt)
            .unwrap_err()
            .code()
    };
    assert_eq!(
        crypt
            .verify_url("0", &v.timestamp, &v.nonce, &v.encrypt)
            .unwrap_err()
            .code(),
        -40001
    );
    assert_eq!(code("***"), -40010);
    assert_eq!(code(""), -40007);
    let other = MsgCrypt::new(v.token.as_str(), &v.encoding_aes_key, "ww-other").unwrap();
    assert_eq!(
        other
            .verify_url(&v.msg_signature, &v.timestamp, &v.nonce, &v.encrypt)
            .unwrap_err()
            .code(),
        -40005
    );
    assert_eq!(MsgCrypt::new("t", "short", "").unwrap_err().code(), -40004);
    assert_eq!(
        crypt
            .decrypt(&v.msg_signature, &v.timestamp, &v.nonce, "<xml/>")
            .unwrap_err()
            .code(),
        -40002
    );
    assert_eq!(
        crypt
            .decrypt(&v.msg_signature, &v.timestamp, &v.nonce, "{}")
            .unwrap_err()
            .code(),
        -40012
    );
    assert_eq!(
        crypt.encrypt_reply("x", "1", "]]>").unwrap_err().code(),
        -40011
    );
}

#[test]
fn replies_open_with_the_receiving_side() {
    let v = vectors().into_iter().find(|v| v.id == "pos-40").unwrap();
    let crypt =
        MsgCrypt::new(v.token.as_str(), &v.encoding_aes_key, v.receive_id.as_str()).unwrap();
    let plaintext = v.plaintext.as_deref().unwrap();

    let reply = crypt
        .encrypt_reply(plaintext, "1718000600", "nonce-1")
        .unwrap();
    assert!(reply.starts_with("<xml>\n<Encrypt><![CDATA["), "{reply}");
    assert!(reply.ends_with(
        "<TimeStamp>1718000600</TimeStamp>\n<Nonce><![CDATA[nonce-1]]></Nonce>\n</xml>"
    ));
    let signature = element(&reply, "MsgSignature");
    assert_eq!(
        crypt
            .decrypt(&signature, "1718000600", "nonce-1", &reply)
            .unwrap(),
        plaintext
    );

    let json = crypt
        .encrypt_reply_json(plaintext, "1718000600", "nonce-2")
        .unwrap();
    let value: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(value["timestamp"], "1718000600");
    assert_eq!(value["nonce"], "nonce-2");
    let signature = value["msgsignature"].as_str().unwrap();
    assert_eq!(
        crypt
            .decrypt(signature, "1718000600", "nonce-2", &json)
            .unwrap(),
        plaintext
    );

    // Replies are encrypted with a fresh random prefix each time.
    assert_ne!(
        crypt.encrypt(plaintext).unwrap(),
        crypt.encrypt(plaintext).unwrap()
    );
}

fn element(xml: &str, name: &str) -> String {
    let start = xml.find(&format!("<{name}><![CDATA[")).unwrap() + name.len() + 11;
    let end = start + xml[start..].find("]]>").unwrap();
    xml[start..end].to_owned()
}
