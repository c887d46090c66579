//! The envelopes around the ciphertext: the POST body WeCom sends (XML or JSON) and the encrypted passive
//! reply we send back.

use std::borrow::Cow;

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::xml;

/// `{"tousername": …, "encrypt": …, "agentid": …}` (official JSON samples) or `{"encrypt": …}` (smart robots).
#[derive(Deserialize)]
struct JsonEnvelope<'a> {
    #[serde(borrow)]
    encrypt: Cow<'a, str>,
}

/// The ciphertext (the text of `<Encrypt>` or the `"encrypt"` member), exactly as sent.
///
/// A body whose first non-blank character is `{` is read as JSON, anything else as XML.
pub(crate) fn extract_encrypt(body: &str) -> Result<Cow<'_, str>> {
    let start = body.trim_start_matches(|c: char| c.is_whitespace() || c == '\u{feff}');
    if start.starts_with('{') {
        serde_json::from_str::<JsonEnvelope<'_>>(start)
            .map(|envelope| envelope.encrypt)
            .map_err(|source| Error::ParseJson { source })
    } else {
        // `<xml><ToUserName/><Encrypt/><AgentID/></xml>`: only `Encrypt` feeds the crypto; the receive id
        // comes from configuration, never from `ToUserName`.
        let mut children = xml::Children::new(start);
        let mut encrypt = None;
        while let Some(element) = children.next_element()? {
            if element.name == "Encrypt" && encrypt.replace(element.value).is_some() {
                return Err(Error::parse_xml(
                    "the body has more than one <Encrypt> element",
                ));
            }
        }
        encrypt.ok_or_else(|| Error::parse_xml("the body has no <Encrypt> element"))
    }
}

/// The encrypted passive reply, in the layout of the official samples (one element per line).
pub(crate) fn reply_xml(
    encrypt: &str,
    signature: &str,
    timestamp: &str,
    nonce: &str,
) -> Result<String> {
    if nonce.contains("]]>") {
        return Err(Error::GenerateXml {
            reason: "the nonce contains `]]>`",
        });
    }
    let timestamp = quick_xml::escape::escape(timestamp);
    Ok(format!(
        "<xml>\n<Encrypt><![CDATA[{encrypt}]]></Encrypt>\n<MsgSignature><![CDATA[{signature}]]></MsgSignature>\n\
         <TimeStamp>{timestamp}</TimeStamp>\n<Nonce><![CDATA[{nonce}]]></Nonce>\n</xml>"
    ))
}

/// The encrypted reply of JSON-format callbacks (`msgsignature` has no underscore; every member a string).
#[derive(Serialize)]
struct JsonReply<'a> {
    encrypt: &'a str,
    msgsignature: &'a str,
    timestamp: &'a str,
    nonce: &'a str,
}

/// The encrypted reply as JSON.
pub(crate) fn reply_json(
    encrypt: &str,
    signature: &str,
    timestamp: &str,
    nonce: &str,
) -> Result<String> {
    serde_json::to_string(&JsonReply {
        encrypt,
        msgsignature: signature,
        timestamp,
        nonce,
    })
    .map_err(|_| Error::GenerateXml {
        reason: "cannot serialize the JSON reply",
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_both_envelopes() {
        let xml =
            "<xml><ToUserName><![CDATA[ww1]]></ToUserName><Encrypt><![CDATA[a+b/c==]]></Encrypt>\
                   <AgentID><![CDATA[]]></AgentID></xml>";
        assert_eq!(extract_encrypt(xml).unwrap(), "a+b/c==");
        let plain = "<xml>\n  <AgentID>1</AgentID>\n  <Encrypt>abc=</Encrypt>\n</xml>";
        assert_eq!(extract_encrypt(plain).unwrap(), "abc=");
        let json = " {\"tousername\": \"ww1\", \"encrypt\": \"a+b\\/c==\", \"agentid\": 218}";
        assert_eq!(extract_encrypt(json).unwrap(), "a+b/c==");
    }

    #[test]
    fn reports_missing_or_malformed() {
        assert_eq!(
            extract_encrypt("<xml><A>1</A></xml>").unwrap_err().code(),
            -40002
        );
        assert_eq!(extract_encrypt("not xml <").unwrap_err().code(), -40002);
        assert_eq!(extract_encrypt("").unwrap_err().code(), -40002);
        assert_eq!(extract_encrypt("{\"x\": 1}").unwrap_err().code(), -40012);
        assert_eq!(extract_encrypt("{").unwrap_err().code(), -40012);
    }

    #[test]
    fn refuses_a_nonce_that_breaks_cdata() {
        assert_eq!(
            reply_xml("e", "s", "1", "a]]>b").unwrap_err().code(),
            -40011
        );
        let xml = reply_xml("e", "s", "1<2", "n").unwrap();
        assert!(xml.contains("<TimeStamp>1&lt;2</TimeStamp>"));
    }
}
