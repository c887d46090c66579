//! Request and response types of 管理商品图册, each request beside its endpoint description.

mod attachment;
mod list;
mod product;

pub use attachment::{Image, ProductAttachment, MAX_ATTACHMENTS};
pub use list::{GetProductAlbumListRequest, GetProductAlbumListResponse, MAX_LIST_LIMIT};
pub use product::{
    AddProductAlbumRequest, AddProductAlbumResponse, DeleteProductAlbumRequest,
    GetProductAlbumRequest, GetProductAlbumResponse, Product, UpdateProductAlbumRequest,
    MAX_DESCRIPTION_CHARS, MAX_PRICE_FEN, MAX_PRODUCT_SN_BYTES,
};
