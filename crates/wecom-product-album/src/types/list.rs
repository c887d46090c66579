//! 获取商品图册列表 (doc 95096): the corp's products, a page at a time.

use serde::{Deserialize, Serialize};
use wecom_core::pagination::{CursorPage, CursorRequest, Page};
use wecom_core::{check, Result};

use super::product::Product;

/// Most products per page of `get_product_album_list` (最大值100; WeCom's default 50).
pub const MAX_LIST_LIMIT: u32 = 100;

/// The body of `POST /cgi-bin/externalcontact/get_product_album_list` (获取商品图册列表).
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct GetProductAlbumListRequest {
    /// 返回的最大记录数, 1 ..= [`MAX_LIST_LIMIT`]; WeCom's default (50) when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub limit: Option<u32>,
    /// 分页游标 from the previous page's `next_cursor`; absent on the first call.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cursor: Option<String>,
}

impl GetProductAlbumListRequest {
    /// The first page, of WeCom's default size.
    pub fn new() -> Self {
        Self::default()
    }

    /// At most `v` products per page (1 ..= 100).
    pub fn limit(mut self, v: u32) -> Self {
        self.limit = Some(v);
        self
    }

    /// Starts at this cursor (a previous answer's `next_cursor`).
    pub fn cursor(mut self, v: impl Into<String>) -> Self {
        self.cursor = Some(v.into());
        self
    }

    /// Checks limit 1 ..= 100 (past 100 WeCom silently uses its default).
    pub fn check(&self) -> Result<()> {
        match self.limit {
            Some(limit) => check::between("limit", limit.into(), 1, MAX_LIST_LIMIT.into()),
            None => Ok(()),
        }
    }
}

wecom_core::impl_endpoint!(GetProductAlbumListRequest => GetProductAlbumListResponse,
    Post "/cgi-bin/externalcontact/get_product_album_list", Idempotent,
    validate = GetProductAlbumListRequest::check);

impl CursorRequest for GetProductAlbumListRequest {
    fn set_cursor(&mut self, cursor: &str) {
        self.cursor = Some(cursor.to_owned());
    }
}

/// One page of `get_product_album_list`.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(default)]
pub struct GetProductAlbumListResponse {
    /// 分页游标 of the next page; empty when there is none.
    pub next_cursor: String,
    /// 商品列表.
    pub product_list: Vec<Product>,
}

impl Page for GetProductAlbumListResponse {
    type Item = Product;
    fn into_items(self) -> Vec<Product> {
        self.product_list
    }
}

impl CursorPage for GetProductAlbumListResponse {
    fn next_cursor(&self) -> &str {
        &self.next_cursor
    }
}
