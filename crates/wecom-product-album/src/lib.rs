//! WeCom external-contact API: product albums (管理商品图册): products with a description, a price in
//! fen (分), a code and pictures, that members send customers.
//!
//! In the facade crate `wecom-external-contact`: feature `product-album`, on by default. There this
//! crate is `wecom_external_contact::product_album`, and `use wecom_external_contact::prelude::*;`
//! brings `client.product_album()` into scope.
//!
//! Reach it through [`ProductAlbumExt::product_album`] on a [`wecom_core::WecomClient`]. The pictures are
//! media ids of 上传附件资源: `media().upload_attachment` (wecom-media) with `attachment_type` 2
//! (商品图册); this crate takes them as strings.
//!
//! ```no_run
//! use futures::TryStreamExt;
//! use wecom_core::WecomClient;
//! use wecom_product_album::{
//!     AddProductAlbumRequest, GetProductAlbumListRequest, ProductAlbumExt, ProductAttachment,
//!     UpdateProductAlbumRequest,
//! };
//!
//! #[tokio::main]
//! async fn main() -> wecom_core::Result<()> {
//!     let client = WecomClient::builder()
//!         .corp_id("ww0123456789")
//!         .secret("the 客户联系 secret")
//!         .build()?;
//!
//!     // A picture uploaded with 上传附件资源 (wecom-media: `upload_attachment`, attachment_type 2).
//!     let media_id = "MEDIA_ID";
//!     // ¥300.00 is 30000 fen; never re-sent on an ambiguous failure.
//!     let req = AddProductAlbumRequest::new(
//!         "世界上最好的商品",
//!         30_000,
//!         [ProductAttachment::image(media_id)],
//!     )
//!     .product_sn("SKU2024A");
//!     let product_id = client
//!         .product_album()
//!         .add_product_album(&req)
//!         .await?
//!         .product_id;
//!     client
//!         .product_album()
//!         .update_product_album(&UpdateProductAlbumRequest::new(&product_id).price(25_000))
//!         .await?;
//!
//!     let products: Vec<_> = client
//!         .product_album()
//!         .get_product_album_list_stream(GetProductAlbumListRequest::new().limit(100))
//!         .try_collect()
//!         .await?;
//!     println!("{} products", products.len());
//!     Ok(())
//! }
//! ```
#![forbid(unsafe_code)]
#![warn(missing_docs, missing_debug_implementations)]

mod api;
mod types;

pub use types::*;

wecom_core::accessor! {
    /// Product albums (管理商品图册).
    ProductAlbumApi, ProductAlbumExt, product_album
}
