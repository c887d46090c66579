//! WeCom-style cursors: opaque strings here holding an offset, with WeCom's limit checks.

use crate::reply::ApiError;

/// The page of `items` at `cursor` (empty for the first page) of at most `limit`, and the next cursor
/// (empty after the last page).
pub(crate) fn page<'a, T>(
    items: &'a [T],
    cursor: &str,
    limit: usize,
) -> Result<(&'a [T], String), ApiError> {
    let start = decode(cursor)?;
    let start = start.min(items.len());
    let end = start.saturating_add(limit).min(items.len());
    let next = if end < items.len() {
        encode(end)
    } else {
        String::new()
    };
    Ok((&items[start..end], next))
}

/// Like [`page`] over the concatenation of several keyed lists, without concatenating them.
pub(crate) fn page_nested<K: Copy, T: Copy>(
    lists: &[(K, &[T])],
    cursor: &str,
    limit: usize,
) -> Result<(Vec<(K, T)>, String), ApiError> {
    let start = decode(cursor)?;
    let total: usize = lists.iter().map(|(_, l)| l.len()).sum();
    let mut out = Vec::with_capacity(limit.min(total));
    let mut skip = start;
    for (key, list) in lists {
        if out.len() == limit {
            break;
        }
        if skip >= list.len() {
            skip -= list.len();
            continue;
        }
        let take = (limit - out.len()).min(list.len() - skip);
        out.extend(list[skip..skip + take].iter().map(|item| (*key, *item)));
        skip = 0;
    }
    let end = start.saturating_add(out.len());
    let next = if end < total && !out.is_empty() {
        encode(end)
    } else {
        String::new()
    };
    Ok((out, next))
}

/// Checks `limit` against `1..=max`, with `default` for 0 / absent.
pub(crate) fn limit(requested: Option<u64>, default: usize, max: usize) -> Result<usize, ApiError> {
    match requested.map(usize::try_from) {
        None | Some(Ok(0)) => Ok(default),
        Some(Ok(n)) if n <= max => Ok(n),
        Some(_) => Err(ApiError::invalid(format!(
            "invalid limit {}: at most {max}",
            requested.unwrap_or_default()
        ))),
    }
}

fn encode(offset: usize) -> String {
    format!("SBXCUR{offset:08X}")
}

fn decode(cursor: &str) -> Result<usize, ApiError> {
    if cursor.is_empty() {
        return Ok(0);
    }
    cursor
        .strip_prefix("SBXCUR")
        .and_then(|hex| usize::from_str_radix(hex, 16).ok())
        .ok_or_else(|| ApiError::invalid(format!("invalid cursor {cursor:?}")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_walk_everything_once() {
        let items: Vec<u32> = (0..7).collect();
        let (a, c1) = page(&items, "", 3).unwrap();
        let (b, c2) = page(&items, &c1, 3).unwrap();
        let (c, c3) = page(&items, &c2, 3).unwrap();
        assert_eq!([a, b, c].concat(), items);
        assert_eq!(c3, "");
        assert!(page(&items, "garbage", 3).is_err());
    }

    #[test]
    fn nested_pages_match_flat_pages() {
        let a = [1, 2, 3];
        let b: [i32; 0] = [];
        let c = [4, 5, 6, 7];
        let lists = [("a", &a[..]), ("b", &b[..]), ("c", &c[..])];
        let mut cursor = String::new();
        let mut seen = Vec::new();
        loop {
            let (page, next) = page_nested(&lists, &cursor, 2).unwrap();
            seen.extend(page.iter().map(|(_, v)| *v));
            if next.is_empty() {
                break;
            }
            cursor = next;
        }
        assert_eq!(seen, [1, 2, 3, 4, 5, 6, 7]);
    }
}
