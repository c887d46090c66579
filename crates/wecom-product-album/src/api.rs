//! The methods of [`ProductAlbumApi`]: one per endpoint, plus a stream over the cursor-paged list.

use futures::Stream;
use wecom_core::{EmptyResponse, Result};

use crate::types::*;
use crate::ProductAlbumApi;

impl<'a> ProductAlbumApi<'a> {
    /// 创建商品图册: a product members can send customers, with up to 9 pictures.
    ///
    /// <https://developer.work.weixin.qq.com/document/path/95096>. Validated before sending:
    /// description 1..=300 characters, price at most 5万元 (5 000 000 fen), product code at most 128
    /// bytes of digits and letters, 1..=9 images. The images' media ids come from
    /// `media().upload_attachment` (wecom-media) with `attachment_type` 2.
    ///
    /// Not idempotent: never re-sent after an ambiguous failure, so a product is never created twice.
    pub async fn add_product_album(
        &self,
        req: &AddProductAlbumRequest,
    ) -> Result<AddProductAlbumResponse> {
        self.client().execute(req).await
    }

    /// 获取商品图册列表: one page of the corp's products.
    ///
    /// <https://developer.work.weixin.qq.com/document/path/95096>. Validated before sending: limit
    /// 1..=100.
    ///
    /// Idempotent: retried on -1/45033/timeouts/5xx.
    pub async fn get_product_album_list(
        &self,
        req: &GetProductAlbumListRequest,
    ) -> Result<GetProductAlbumListResponse> {
        self.client().execute(req).await
    }

    /// Every [`Product`] of [`get_product_album_list`](Self::get_product_album_list), fetching page
    /// after page from `req`'s cursor on; ends after the last page or the first error (which it yields).
    pub fn get_product_album_list_stream(
        &self,
        req: GetProductAlbumListRequest,
    ) -> impl Stream<Item = Result<Product>> + Send + Unpin + 'static {
        self.client().paginate(req).items()
    }

    /// 获取商品图册: one product, with its creation time.
    ///
    /// <https://developer.work.weixin.qq.com/document/path/95096>.
    ///
    /// Idempotent: retried on -1/45033/timeouts/5xx.
    pub async fn get_product_album(
        &self,
        req: &GetProductAlbumRequest,
    ) -> Result<GetProductAlbumResponse> {
        self.client().execute(req).await
    }

    /// 编辑商品图册: changes the fields set.
    ///
    /// <https://developer.work.weixin.qq.com/document/path/95096>. Validated like
    /// [`add_product_album`](Self::add_product_album) for what is set.
    ///
    /// Idempotent: retried on -1/45033/timeouts/5xx.
    pub async fn update_product_album(
        &self,
        req: &UpdateProductAlbumRequest,
    ) -> Result<EmptyResponse> {
        self.client().execute(req).await
    }

    /// 删除商品图册.
    ///
    /// <https://developer.work.weixin.qq.com/document/path/95096>.
    ///
    /// Idempotent: retried on -1/45033/timeouts/5xx (a repeated delete may answer an errcode).
    pub async fn delete_product_album(
        &self,
        req: &DeleteProductAlbumRequest,
    ) -> Result<EmptyResponse> {
        self.client().execute(req).await
    }
}
