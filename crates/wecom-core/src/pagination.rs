//! Paging as `futures::Stream`s.
//!
//! Most WeCom lists take a `cursor` and answer `next_cursor` (empty when done): [`CursorRequest`]. A few
//! take `offset` / `limit`: [`OffsetRequest`]. Both become a [`Paginator`], whose [`Paginator::pages`]
//! and [`Paginator::items`] streams fetch one page at a time, stop on an empty or repeated cursor, and
//! yield the first error and end.

use std::collections::HashSet;

use futures::stream::{self, BoxStream, StreamExt};

use crate::{Endpoint, Result, WecomClient};

/// An answer that holds one page of items.
pub trait Page {
    /// One element of the page.
    type Item: Send + 'static;
    /// The page's items, in WeCom's order.
    fn into_items(self) -> Vec<Self::Item>;
}

/// A page of a cursor-paged list.
pub trait CursorPage: Page {
    /// WeCom's `next_cursor`; empty when this was the last page.
    fn next_cursor(&self) -> &str;
}

/// A request of a cursor-paged list.
pub trait CursorRequest: Endpoint<Response: CursorPage> + Clone + Send + 'static {
    /// Sets the `cursor` of the next request.
    fn set_cursor(&mut self, cursor: &str);
}

/// A page of an offset-paged list.
pub trait OffsetPage: Page {
    /// The offset of the next page, `None` when this was the last one.
    fn next_offset(&self) -> Option<u64>;
}

/// A request of an offset-paged list.
pub trait OffsetRequest: Endpoint<Response: OffsetPage> + Clone + Send + 'static {
    /// Sets the `offset` of the next request.
    fn set_offset(&mut self, offset: u64);
}

/// Moves a request to the page after the given one; returns the new position, `None` at the end.
type Advance<R> = fn(&mut R, &<R as Endpoint>::Response) -> Option<String>;

/// Walks a paged list; build it with [`WecomClient::paginate`] or [`WecomClient::paginate_offset`].
pub struct Paginator<R: Endpoint> {
    client: WecomClient,
    first: R,
    advance: Advance<R>,
}

impl<R: Endpoint> std::fmt::Debug for Paginator<R> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Paginator")
            .field("path", &R::PATH)
            .finish_non_exhaustive()
    }
}

impl WecomClient {
    /// Pages through a cursor-paged list, starting with `first` as it is (its cursor included).
    pub fn paginate<R: CursorRequest>(&self, first: R) -> Paginator<R> {
        Paginator {
            client: self.clone(),
            first,
            advance: |req, page| {
                let next = page.next_cursor();
                (!next.is_empty()).then(|| {
                    req.set_cursor(next);
                    next.to_owned()
                })
            },
        }
    }

    /// Pages through an offset-paged list, starting with `first` as it is.
    pub fn paginate_offset<R: OffsetRequest>(&self, first: R) -> Paginator<R> {
        Paginator {
            client: self.clone(),
            first,
            advance: |req, page| {
                page.next_offset().map(|next| {
                    req.set_offset(next);
                    next.to_string()
                })
            },
        }
    }
}

impl<R> Paginator<R>
where
    R: Endpoint<Response: Page> + Clone + Send + 'static,
{
    /// Every page, fetched when polled. Ends after the last page, after a repeated cursor, or after
    /// the first error (which it yields). Boxed once, so it is `Unpin`: `try_next()` works directly.
    pub fn pages(self) -> BoxStream<'static, Result<R::Response>> {
        struct State<R: Endpoint> {
            client: WecomClient,
            next: Option<R>,
            seen: HashSet<String>,
            advance: Advance<R>,
        }
        let state = State {
            client: self.client,
            next: Some(self.first),
            seen: HashSet::new(),
            advance: self.advance,
        };
        stream::unfold(state, |mut state| async move {
            let req = state.next.take()?;
            match state.client.execute(&req).await {
                Ok(page) => {
                    let mut following = req;
                    if let Some(position) = (state.advance)(&mut following, &page) {
                        if state.seen.insert(position) {
                            state.next = Some(following);
                        } else {
                            tracing::warn!(path = R::PATH, "repeated cursor; stopping");
                        }
                    }
                    Some((Ok(page), state))
                }
                Err(err) => Some((Err(err), state)),
            }
        })
        .boxed()
    }

    /// Every item of every page, in order; ends like [`Paginator::pages`].
    pub fn items(self) -> BoxStream<'static, Result<<R::Response as Page>::Item>> {
        items(self.pages())
    }
}

/// Every item of every page `pages` yields, in order, an error yielded where its page would have been:
/// [`Paginator::items`] for any stream of pages (e.g. pages of several requests chained).
pub fn items<P: Page>(
    pages: impl futures::Stream<Item = Result<P>> + Send + 'static,
) -> BoxStream<'static, Result<P::Item>> {
    pages
        .map(|page| match page {
            Ok(page) => stream::iter(page.into_items().into_iter().map(Ok)).left_stream(),
            Err(err) => stream::once(async move { Err(err) }).right_stream(),
        })
        .flatten()
        .boxed()
}
