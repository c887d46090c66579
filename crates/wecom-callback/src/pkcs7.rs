//! PKCS#7 padding with WeCom's 32-byte block (not AES's 16).
//!
//! The padding length `n` is always in `1..=32`: a buffer that is already a multiple of 32 bytes gets a
//! whole extra block of 32 × `0x20`.

/// The block size WXBizMsgCrypt pads to.
pub(crate) const BLOCK: usize = 32;

/// How many padding bytes follow `len` bytes of data (`1..=32`).
pub(crate) fn pad_len(len: usize) -> usize {
    BLOCK - len % BLOCK
}

/// Appends the padding to `buf`.
pub(crate) fn pad(buf: &mut Vec<u8>) {
    let n = pad_len(buf.len());
    // `n` is at most 32, so the cast cannot truncate.
    buf.resize(buf.len() + n, n as u8);
}

/// The length of `buf` without its padding, or `None` when the padding is invalid: the last byte must be in
/// `1..=32`, no larger than the buffer, and every padding byte must equal it.
pub(crate) fn unpadded_len(buf: &[u8]) -> Option<usize> {
    let (&last, _) = buf.split_last()?;
    let n = usize::from(last);
    if n == 0 || n > BLOCK {
        return None;
    }
    let start = buf.len().checked_sub(n)?;
    let padding = buf.get(start..)?;
    // Fold over every byte (no early exit) so the check takes the same time for any wrong byte.
    let bad = padding.iter().fold(0u8, |acc, &b| acc | (b ^ last));
    (bad == 0).then_some(start)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pads_every_length_to_a_multiple_of_32() {
        for len in 0..=100usize {
            let mut buf = vec![0xAB; len];
            pad(&mut buf);
            assert_eq!(buf.len() % BLOCK, 0);
            assert!(buf.len() > len && buf.len() - len <= BLOCK);
            assert_eq!(unpadded_len(&buf), Some(len));
        }
    }

    #[test]
    fn rejects_bad_padding() {
        assert_eq!(unpadded_len(&[]), None);
        assert_eq!(unpadded_len(&[0u8; 32]), None);
        assert_eq!(unpadded_len(&[33u8; 64]), None);
        assert_eq!(unpadded_len(&[3u8; 2]), None);
        let mut inconsistent = vec![4u8; 32];
        inconsistent[29] = 5;
        assert_eq!(unpadded_len(&inconsistent), None);
        assert_eq!(unpadded_len(&[32u8; 32]), Some(0));
    }
}
