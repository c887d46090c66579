//! 管理商品图册 (doc 95096): create, list, read, edit and delete products. Prices are integers in fen (分).

use serde::{Deserialize, Serialize};
use wecom_core::{check, EmptyResponse, Error, Result};

use super::attachment::{ProductAttachment, MAX_ATTACHMENTS};

/// Longest `description`, in characters (不超过300个字).
pub const MAX_DESCRIPTION_CHARS: usize = 300;
/// Highest `price`, in fen: 5万元 (最大不超过5万元).
pub const MAX_PRICE_FEN: u64 = 5_000_000;
/// Longest `product_sn`, in bytes (不超过128个字节; digits and letters only).
pub const MAX_PRODUCT_SN_BYTES: usize = 128;

/// A product, as the get and list calls answer it.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(default)]
pub struct Product {
    /// 商品id.
    pub product_id: String,
    /// 商品的名称、特色等.
    pub description: String,
    /// 商品的价格, in fen (分).
    pub price: u64,
    /// 商品图册创建时间 (unix seconds; answered by `get_product_album`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub create_time: Option<i64>,
    /// 商品编码.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub product_sn: Option<String>,
    /// 附件 (images; their media ids can be downloaded with 获取临时素材).
    pub attachments: Vec<ProductAttachment>,
}

/// Checks each documented limit of the fields that are set; `attachments` from `min_attachments`.
fn check_product(
    description: Option<&str>,
    price: Option<u64>,
    product_sn: Option<&str>,
    attachments: Option<&[ProductAttachment]>,
    min_attachments: usize,
) -> Result<()> {
    if let Some(description) = description {
        if description.is_empty() {
            return Err(Error::invalid_request("description is empty"));
        }
        check::max_chars("description", description, MAX_DESCRIPTION_CHARS)?;
    }
    if let Some(price) = price {
        check::between("price", price, 0, MAX_PRICE_FEN)?;
    }
    if let Some(sn) = product_sn {
        check::max_bytes("product_sn", sn, MAX_PRODUCT_SN_BYTES)?;
        if !sn.bytes().all(|b| b.is_ascii_alphanumeric()) {
            return Err(Error::invalid_request(format!(
                "product_sn {sn:?} holds more than digits and letters"
            )));
        }
    }
    if let Some(attachments) = attachments {
        check::count_between(
            "attachments",
            attachments.len(),
            min_attachments,
            MAX_ATTACHMENTS,
        )?;
        for (i, attachment) in attachments.iter().enumerate() {
            if attachment.kind() != "image" {
                return Err(Error::invalid_request(format!(
                    "attachments[{i}] is of type {:?}; only image is supported",
                    attachment.kind()
                )));
            }
        }
    }
    Ok(())
}

/// The body of `POST /cgi-bin/externalcontact/add_product_album` (创建商品图册).
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct AddProductAlbumRequest {
    /// 商品的名称、特色等, 1 ..= [`MAX_DESCRIPTION_CHARS`] characters.
    pub description: String,
    /// 商品的价格, in fen (分), at most [`MAX_PRICE_FEN`].
    pub price: u64,
    /// 商品编码: digits and letters, at most [`MAX_PRODUCT_SN_BYTES`] bytes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub product_sn: Option<String>,
    /// 附件: 1 ..= 9 images.
    pub attachments: Vec<ProductAttachment>,
}

impl AddProductAlbumRequest {
    /// A product described by `description`, priced `price_fen` fen (¥300.00 is `30000`), with these
    /// pictures.
    pub fn new(
        description: impl Into<String>,
        price_fen: u64,
        attachments: impl IntoIterator<Item = ProductAttachment>,
    ) -> Self {
        Self {
            description: description.into(),
            price: price_fen,
            product_sn: None,
            attachments: attachments.into_iter().collect(),
        }
    }

    /// 商品编码.
    pub fn product_sn(mut self, v: impl Into<String>) -> Self {
        self.product_sn = Some(v.into());
        self
    }

    /// Checks the description (1 ..= 300 characters), the price (≤ 5万元), the code (≤ 128 bytes of
    /// digits and letters) and 1 ..= 9 images.
    pub fn check(&self) -> Result<()> {
        check_product(
            Some(&self.description),
            Some(self.price),
            self.product_sn.as_deref(),
            Some(&self.attachments),
            1,
        )
    }
}

wecom_core::impl_endpoint!(AddProductAlbumRequest => AddProductAlbumResponse,
    Post "/cgi-bin/externalcontact/add_product_album", NotIdempotent,
    validate = AddProductAlbumRequest::check);

/// The answer of `add_product_album`.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(default)]
pub struct AddProductAlbumResponse {
    /// 商品id.
    pub product_id: String,
}

/// The body of `POST /cgi-bin/externalcontact/get_product_album` (获取商品图册).
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct GetProductAlbumRequest {
    /// 商品id.
    pub product_id: String,
}

impl GetProductAlbumRequest {
    /// Reads product `product_id`.
    pub fn new(product_id: impl Into<String>) -> Self {
        Self {
            product_id: product_id.into(),
        }
    }
}

wecom_core::impl_endpoint!(GetProductAlbumRequest => GetProductAlbumResponse,
    Post "/cgi-bin/externalcontact/get_product_album", Idempotent);

/// The answer of `get_product_album`.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(default)]
pub struct GetProductAlbumResponse {
    /// 商品详情.
    pub product: Product,
}

/// The body of `POST /cgi-bin/externalcontact/update_product_album` (编辑商品图册): only the fields set
/// change; only products this app created (the 客户联系 app may change any).
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct UpdateProductAlbumRequest {
    /// 商品id.
    pub product_id: String,
    /// 商品的名称、特色等, 1 ..= [`MAX_DESCRIPTION_CHARS`] characters.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// 商品的价格, in fen (分), at most [`MAX_PRICE_FEN`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub price: Option<u64>,
    /// 商品编码.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub product_sn: Option<String>,
    /// 附件: 1 ..= 9 images, replacing the old ones.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub attachments: Option<Vec<ProductAttachment>>,
}

impl UpdateProductAlbumRequest {
    /// Changes product `product_id`; set what changes.
    pub fn new(product_id: impl Into<String>) -> Self {
        Self {
            product_id: product_id.into(),
            description: None,
            price: None,
            product_sn: None,
            attachments: None,
        }
    }

    /// A new description.
    pub fn description(mut self, v: impl Into<String>) -> Self {
        self.description = Some(v.into());
        self
    }

    /// A new price, in fen.
    pub fn price(mut self, fen: u64) -> Self {
        self.price = Some(fen);
        self
    }

    /// A new product code.
    pub fn product_sn(mut self, v: impl Into<String>) -> Self {
        self.product_sn = Some(v.into());
        self
    }

    /// New pictures, replacing the old ones.
    pub fn attachments(mut self, v: impl IntoIterator<Item = ProductAttachment>) -> Self {
        self.attachments = Some(v.into_iter().collect());
        self
    }

    /// Checks what is set as [`AddProductAlbumRequest::check`] does.
    pub fn check(&self) -> Result<()> {
        check_product(
            self.description.as_deref(),
            self.price,
            self.product_sn.as_deref(),
            self.attachments.as_deref(),
            1,
        )
    }
}

wecom_core::impl_endpoint!(UpdateProductAlbumRequest => EmptyResponse,
    Post "/cgi-bin/externalcontact/update_product_album", Idempotent,
    validate = UpdateProductAlbumRequest::check);

/// The body of `POST /cgi-bin/externalcontact/delete_product_album` (删除商品图册).
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct DeleteProductAlbumRequest {
    /// 商品id.
    pub product_id: String,
}

impl DeleteProductAlbumRequest {
    /// Deletes product `product_id`.
    pub fn new(product_id: impl Into<String>) -> Self {
        Self {
            product_id: product_id.into(),
        }
    }
}

wecom_core::impl_endpoint!(DeleteProductAlbumRequest => EmptyResponse,
    Post "/cgi-bin/externalcontact/delete_product_album", Idempotent);
