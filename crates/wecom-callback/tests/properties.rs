//! Property tests: encrypt → decrypt round trips, and no input makes the crate panic.

use base64::engine::general_purpose::STANDARD;
use base64::Engine as _;
use proptest::prelude::*;
use wecom_callback::{Event, Extra, MsgCrypt, TagChange};

const TOKEN: &str = "m0xVQzJXtw3X";
const KEY: &str = "VBOsrT5mH3DaWvTrmFLHBMUAPTT0aZN0dnruqXa71PA";
const CORP: &str = "ww5f2e0c9d8a7b6c41";

fn crypt() -> MsgCrypt {
    MsgCrypt::new(TOKEN, KEY, CORP).unwrap()
}

/// Every plaintext length 0..=200 (so every pad length 1..=32, with this 18-byte receive id), ASCII.
#[test]
fn round_trips_every_length_up_to_200() {
    let crypt = crypt();
    let mut pads = std::collections::BTreeSet::new();
    for len in 0..=200usize {
        let plaintext: String = (0..len)
            .map(|i| char::from(b'a' + (i % 26) as u8))
            .collect();
        let encrypt = crypt.encrypt(&plaintext).unwrap();
        let bytes = STANDARD.decode(&encrypt).unwrap();
        assert_eq!(bytes.len() % 32, 0);
        pads.insert(bytes.len() - (20 + len + CORP.len()));
        let signature = crypt.signature("1718000000", "42", &encrypt);
        assert_eq!(
            crypt
                .verify_url(&signature, "1718000000", "42", &encrypt)
                .unwrap(),
            plaintext
        );
    }
    assert_eq!(pads, (1..=32).collect());
}

/// Ciphertexts shaped like the real thing: base64 of a multiple of 32 bytes, correctly signed.
fn signed(crypt: &MsgCrypt, bytes: &[u8]) -> (String, String) {
    let encrypt = STANDARD.encode(bytes);
    let signature = crypt.signature("1", "2", &encrypt);
    (encrypt, signature)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn round_trips_random_unicode(plaintext in "\\PC{0,300}", receive_id in "[a-zA-Z0-9]{0,24}") {
        let crypt = MsgCrypt::new(TOKEN, KEY, receive_id.as_str()).unwrap();
        let encrypt = crypt.encrypt(&plaintext).unwrap();
        let signature = crypt.signature("1718000000", "nonce", &encrypt);
        let body = format!("<xml><Encrypt><![CDATA[{encrypt}]]></Encrypt></xml>");
        prop_assert_eq!(crypt.decrypt(&signature, "1718000000", "nonce", &body).unwrap(), plaintext.clone());
        let json = format!("{{\"encrypt\": \"{encrypt}\"}}");
        prop_assert_eq!(crypt.decrypt(&signature, "1718000000", "nonce", &json).unwrap(), plaintext);
    }

    #[test]
    fn random_signed_ciphertexts_never_panic(blocks in 0usize..6, seed in any::<u64>()) {
        let crypt = crypt();
        let bytes: Vec<u8> = (0..blocks * 32).map(|i| (seed.wrapping_mul(i as u64 + 7) >> 13) as u8).collect();
        let (encrypt, signature) = signed(&crypt, &bytes);
        // Valid padding, length and an 18-byte receive id by chance: about 2^-150.
        prop_assert!(crypt.verify_url(&signature, "1", "2", &encrypt).is_err());
    }

    #[test]
    fn random_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..300)) {
        let crypt = crypt();
        let (encrypt, signature) = signed(&crypt, &bytes);
        let _ = crypt.verify_url(&signature, "1", "2", &encrypt);
        let text = String::from_utf8_lossy(&bytes);
        let _ = crypt.decrypt(&signature, "1", "2", &text);
        let _ = crypt.verify_url(&signature, "1", "2", &text);
        let _ = Event::parse(&text);
    }

    #[test]
    fn random_base64_never_panics(encrypt in "[A-Za-z0-9+/=]{0,200}") {
        let crypt = crypt();
        let signature = crypt.signature("1", "2", &encrypt);
        let _ = crypt.verify_url(&signature, "1", "2", &encrypt);
    }

    #[test]
    fn truncated_and_bit_flipped_ciphertexts_never_panic(
        plaintext in "\\PC{0,120}",
        cut in any::<prop::sample::Index>(),
        flip in any::<prop::sample::Index>(),
        bit in 0u8..8,
    ) {
        let crypt = crypt();
        let encrypt = crypt.encrypt(&plaintext).unwrap();
        let mut bytes = STANDARD.decode(&encrypt).unwrap();

        let mut flipped = bytes.clone();
        let at = flip.index(flipped.len());
        flipped[at] ^= 1 << bit;
        let (flipped, signature) = signed(&crypt, &flipped);
        // A flip in the last two blocks breaks padding, length or id; earlier ones may garble the text only.
        let _ = crypt.verify_url(&signature, "1", "2", &flipped);

        bytes.truncate(cut.index(bytes.len()));
        let (truncated, signature) = signed(&crypt, &bytes);
        prop_assert!(crypt.verify_url(&signature, "1", "2", &truncated).is_err());

        // A cut base64 string, signed as is.
        let text_cut = &encrypt[..cut.index(encrypt.len())];
        let signature = crypt.signature("1", "2", text_cut);
        prop_assert!(crypt.verify_url(&signature, "1", "2", text_cut).is_err());
    }

    #[test]
    fn random_event_xml_never_panics(
        names in proptest::collection::vec("[A-Za-z]{1,12}", 0..8),
        values in proptest::collection::vec("\\PC{0,16}", 0..8),
        event in prop::sample::select(vec!["change_external_contact", "change_external_chat",
                                           "change_external_tag", "customer_acquisition", "other"]),
        change in prop::sample::select(vec!["add_external_contact", "update", "create", "shuffle",
                                            "quota_expire_soon", "transfer_fail", "x"]),
    ) {
        let mut xml = format!("<xml><Event>{event}</Event><ChangeType>{change}</ChangeType><CreateTime>1</CreateTime>");
        for (name, value) in names.iter().zip(&values) {
            xml.push_str(&format!("<{name}><![CDATA[{}]]></{name}>", value.replace("]]>", "")));
        }
        xml.push_str("</xml>");
        let _ = Event::parse(&xml);
    }

    /// Any element a typed event does not type survives parsing, in order, with its exact text.
    #[test]
    fn any_extra_element_survives_parsing(
        fixture in prop::sample::select(vec![
            include_str!("fixtures/events/contact_add_external_contact.xml"),
            include_str!("fixtures/events/chat_update_add_member.xml"),
            include_str!("fixtures/events/tag_shuffle.xml"),
            include_str!("fixtures/events/acquisition_message_from_customer.xml"),
            include_str!("fixtures/events/third_party_contact_add_external_contact.xml"),
        ]),
        // `Zz` keeps the names clear of every element this crate types.
        names in proptest::collection::vec("Zz[A-Za-z0-9_]{0,10}", 0..6),
        values in proptest::collection::vec("\\PC{0,16}", 6),
    ) {
        let pairs: Vec<(String, String)> = names
            .iter()
            .zip(&values)
            .map(|(name, value)| (name.clone(), value.replace("]]>", "")))
            .collect();
        let added: String = pairs
            .iter()
            .map(|(name, value)| format!("<{name}><![CDATA[{value}]]></{name}>"))
            .collect();
        let xml = fixture.replace("</xml>", &format!("{added}</xml>"));
        let event = Event::parse(&xml).unwrap();
        prop_assert_eq!(event.extra().unwrap(), &pairs.into_iter().collect::<Extra>());
    }

    /// A `StrategyId` that is not a number keeps the event; its text is in `extra`.
    #[test]
    fn a_strategy_id_that_is_not_a_number_keeps_the_event(text in "[A-Za-z_][A-Za-z0-9_ -]{0,15}") {
        let xml = include_str!("fixtures/events/tag_shuffle.xml")
            .replace("<StrategyId>1</StrategyId>", &format!("<StrategyId>{text}</StrategyId>"));
        match Event::parse(&xml).unwrap() {
            Event::ExternalTag { change: TagChange::Shuffle { strategy_id, .. }, extra, .. } => {
                prop_assert_eq!(strategy_id, None);
                prop_assert_eq!(extra.get("StrategyId"), Some(text.trim()));
                prop_assert_eq!(extra.len(), 1);
            }
            other => prop_assert!(false, "{:?}", other),
        }
    }
}
