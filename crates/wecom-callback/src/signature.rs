//! `msg_signature`: lowercase hex SHA-1 over the token, timestamp, nonce and ciphertext, sorted bytewise and
//! concatenated; compared in constant time.

use sha1::{Digest, Sha1};
use subtle::ConstantTimeEq;

/// The signature as 40 lowercase hex digits (ASCII).
pub(crate) type Signature = [u8; 40];

/// Computes the signature WeCom puts in `msg_signature`.
pub(crate) fn compute(token: &str, timestamp: &str, nonce: &str, encrypt: &str) -> Signature {
    let mut parts = [token, timestamp, nonce, encrypt];
    // `str` ordering is bytewise, as in every reference implementation.
    parts.sort_unstable();
    let mut hasher = Sha1::new();
    for part in parts {
        hasher.update(part.as_bytes());
    }
    let digest = hasher.finalize();
    let mut hex = [0u8; 40];
    for (pair, byte) in hex.chunks_exact_mut(2).zip(digest.iter()) {
        if let [high, low] = pair {
            *high = HEX[usize::from(byte >> 4)];
            *low = HEX[usize::from(byte & 0x0f)];
        }
    }
    hex
}

const HEX: &[u8; 16] = b"0123456789abcdef";

/// True when `given` is exactly `expected` (case-sensitive), compared in constant time.
pub(crate) fn matches(expected: &Signature, given: &str) -> bool {
    // The length is public (always 40 for a real signature); only the content is compared in constant time.
    given.len() == expected.len() && bool::from(expected.as_slice().ct_eq(given.as_bytes()))
}

/// The signature as a `String`.
pub(crate) fn to_string(signature: &Signature) -> String {
    signature.iter().map(|&b| char::from(b)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_before_hashing() {
        let a = compute("token", "1", "2", "enc");
        let b = compute("enc", "2", "1", "token");
        assert_eq!(a, b);
        assert!(matches(&a, &to_string(&a)));
        assert!(!matches(&a, &to_string(&a).to_uppercase()));
        assert!(!matches(&a, ""));
    }
}
