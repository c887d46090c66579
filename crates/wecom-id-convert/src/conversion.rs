//! Conversions of any number of ids: sent in chunks within WeCom's limit, answered as one outcome in
//! which a failed chunk never hides what the others converted.

use std::collections::HashSet;

use wecom_core::{Endpoint, Error, Result, WecomClient};

/// The outcome of converting many ids, sent in chunks within WeCom's limit, one chunk after another.
///
/// Every distinct id asked for lands in exactly one place:
/// - [`converted`](Self::converted): WeCom's answer for it, in chunk order;
/// - [`invalid`](Self::invalid): WeCom listed it as not convertible (its `invalid_…_list`);
/// - [`unanswered`](Self::unanswered): its chunk was answered, but WeCom said nothing about this id
///   (an id it could not convert, or, for pending ids, a customer without one);
/// - [`failed`](Self::failed): its chunk failed as a whole (a [`FailedChunk`] holds the chunk's ids and
///   the error), so nothing is known about it; converting those ids again is safe, as conversions are
///   reads.
///
/// The failed ids are [`failed_ids`](Self::failed_ids); [`is_complete`](Self::is_complete) tells
/// whether every chunk was answered, and [`into_result`](Self::into_result) turns a failed chunk into
/// an `Err` for callers who want all or nothing.
#[derive(Debug)]
#[non_exhaustive]
pub struct Conversion<T> {
    /// WeCom's answer for each converted id.
    pub converted: Vec<T>,
    /// Ids WeCom listed as not convertible.
    pub invalid: Vec<String>,
    /// Ids of answered chunks that WeCom neither converted nor listed as invalid.
    pub unanswered: Vec<String>,
    /// Chunks that failed as a whole, with their ids and errors.
    pub failed: Vec<FailedChunk>,
}

/// A chunk of ids whose call failed: nothing is known about these ids.
#[derive(Debug)]
#[non_exhaustive]
pub struct FailedChunk {
    /// The ids the chunk held, in the order sent.
    pub ids: Vec<String>,
    /// Why the call failed (after the client's retries).
    pub error: Error,
}

impl<T> Default for Conversion<T> {
    fn default() -> Self {
        Self {
            converted: Vec::new(),
            invalid: Vec::new(),
            unanswered: Vec::new(),
            failed: Vec::new(),
        }
    }
}

impl<T> Conversion<T> {
    /// True when every chunk was answered (some ids may still be invalid or unanswered).
    pub fn is_complete(&self) -> bool {
        self.failed.is_empty()
    }

    /// The ids of every failed chunk, in the order sent.
    pub fn failed_ids(&self) -> impl Iterator<Item = &str> {
        self.failed
            .iter()
            .flat_map(|chunk| chunk.ids.iter().map(String::as_str))
    }

    /// The conversion when every chunk was answered, else the error of the first failed chunk (what the
    /// other chunks converted is then dropped: read the fields instead to keep it).
    pub fn into_result(mut self) -> Result<Self> {
        if self.failed.is_empty() {
            return Ok(self);
        }
        Err(self.failed.swap_remove(0).error)
    }
}

/// An answer item that names the id it converts.
pub(crate) trait SourceId {
    /// The id that was sent.
    fn source_id(&self) -> &str;
}

/// Converts `ids` (duplicates sent once) in chunks of at most `limit`: `request` builds each chunk's
/// call and `answer` splits its answer into converted items and ids listed as invalid.
pub(crate) async fn in_chunks<R, T>(
    client: &WecomClient,
    ids: Vec<String>,
    limit: usize,
    request: impl Fn(Vec<String>) -> R,
    answer: impl Fn(R::Response) -> (Vec<T>, Vec<String>),
) -> Conversion<T>
where
    R: Endpoint,
    T: SourceId,
{
    let mut seen = HashSet::new();
    let ids: Vec<String> = ids
        .into_iter()
        .filter(|id| seen.insert(id.clone()))
        .collect();
    let mut outcome = Conversion::default();
    for chunk in ids.chunks(limit.max(1)) {
        match client.execute(&request(chunk.to_vec())).await {
            Ok(response) => {
                let (items, invalid) = answer(response);
                let answered: HashSet<&str> = items
                    .iter()
                    .map(SourceId::source_id)
                    .chain(invalid.iter().map(String::as_str))
                    .collect();
                let unanswered: Vec<String> = chunk
                    .iter()
                    .filter(|id| !answered.contains(id.as_str()))
                    .cloned()
                    .collect();
                outcome.unanswered.extend(unanswered);
                outcome.converted.extend(items);
                outcome.invalid.extend(invalid);
            }
            Err(error) => outcome.failed.push(FailedChunk {
                ids: chunk.to_vec(),
                error,
            }),
        }
    }
    outcome
}

/// Collects ids given as any iterator of strings.
pub(crate) fn collect_ids<I, S>(ids: I) -> Vec<String>
where
    I: IntoIterator<Item = S>,
    S: Into<String>,
{
    ids.into_iter().map(Into::into).collect()
}
