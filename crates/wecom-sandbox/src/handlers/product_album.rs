//! 管理商品图册 (doc 95096): products stored per world, checked as documented (description 1..=300
//! characters, price at most 5万元 in fen, code at most 128 bytes of digits and letters, 1..=9 images
//! by media id) and listed with a cursor. A broken rule or unknown id is 40058. Media ids are taken as
//! given: the sandbox does not check that 上传附件资源 issued them.

use axum::http::Method;
use serde::Deserialize;
use serde_json::{json, Value};

use super::{paging, Endpoint};
use crate::metrics::Counters;
use crate::reply::{ok, ApiError, Input, Reply};
use crate::Shared;

/// 商品的名称、特色等;不超过300个字.
const MAX_DESCRIPTION_CHARS: usize = 300;
/// 最大不超过5万元, in fen.
const MAX_PRICE_FEN: u64 = 5_000_000;
/// 商品编码；不超过128个字节.
const MAX_SN_BYTES: usize = 128;
/// 最多不超过9个附件.
const MAX_ATTACHMENTS: usize = 9;
/// get_product_album_list: 最大值100，默认值50，超过最大值时取默认值.
const MAX_LIST_LIMIT: u64 = 100;
const DEFAULT_LIST_LIMIT: usize = 50;

/// One product: its fields and the media ids of its images.
#[derive(Debug, Clone)]
pub(crate) struct Product {
    product_id: String,
    description: String,
    price: u64,
    product_sn: String,
    media_ids: Vec<String>,
    create_time: i64,
}

/// The products of one world, in creation order.
#[derive(Debug, Default)]
pub(crate) struct ProductAlbums {
    list: Vec<Product>,
}

/// The product-album endpoint served at `path`, if it is one.
pub(crate) fn route(path: &str) -> Option<Endpoint> {
    let handler: fn(&Shared, Input<'_>) -> Reply = match path {
        "/cgi-bin/externalcontact/add_product_album" => add,
        "/cgi-bin/externalcontact/get_product_album_list" => list,
        "/cgi-bin/externalcontact/get_product_album" => get,
        "/cgi-bin/externalcontact/update_product_album" => update,
        "/cgi-bin/externalcontact/delete_product_album" => delete,
        _ => return None,
    };
    Some(Endpoint {
        method: Method::POST,
        handler,
    })
}

#[derive(Deserialize)]
struct Attachment {
    #[serde(default, rename = "type")]
    kind: String,
    image: Option<ImagePayload>,
}

#[derive(Deserialize)]
struct ImagePayload {
    #[serde(default)]
    media_id: String,
}

#[derive(Deserialize)]
struct ProductFields {
    #[serde(default)]
    product_id: String,
    description: Option<String>,
    price: Option<u64>,
    product_sn: Option<String>,
    attachments: Option<Vec<Attachment>>,
}

/// The checked media ids of `attachments`.
fn media_ids(attachments: &[Attachment]) -> Result<Vec<String>, ApiError> {
    if attachments.is_empty() || attachments.len() > MAX_ATTACHMENTS {
        return Err(ApiError::invalid("attachments holds 1 to 9 images"));
    }
    attachments
        .iter()
        .map(|a| match (&a.kind[..], &a.image) {
            ("image", Some(image)) if !image.media_id.is_empty() => Ok(image.media_id.clone()),
            _ => Err(ApiError::invalid(
                "attachments: only image with a media_id is supported",
            )),
        })
        .collect()
}

fn check_fields(f: &ProductFields) -> Result<(), ApiError> {
    if let Some(d) = &f.description {
        let chars = d.chars().count();
        if chars == 0 || chars > MAX_DESCRIPTION_CHARS {
            return Err(ApiError::invalid(
                "description must have 1 to 300 characters",
            ));
        }
    }
    if f.price.is_some_and(|p| p > MAX_PRICE_FEN) {
        return Err(ApiError::invalid("price is at most 5万元 (5000000 fen)"));
    }
    if let Some(sn) = &f.product_sn {
        if sn.len() > MAX_SN_BYTES || !sn.bytes().all(|b| b.is_ascii_alphanumeric()) {
            return Err(ApiError::invalid(
                "product_sn holds at most 128 bytes of digits and letters",
            ));
        }
    }
    Ok(())
}

fn answer(p: &Product, with_time: bool) -> Value {
    let attachments: Vec<_> = p
        .media_ids
        .iter()
        .map(|m| json!({"type": "image", "image": {"media_id": m}}))
        .collect();
    let mut product = json!({
        "product_id": p.product_id,
        "description": p.description,
        "price": p.price,
        "attachments": attachments,
    });
    if !p.product_sn.is_empty() {
        product["product_sn"] = json!(p.product_sn);
    }
    if with_time {
        product["create_time"] = json!(p.create_time);
    }
    product
}

/// `POST add_product_album`.
fn add(shared: &Shared, input: Input<'_>) -> Reply {
    let f: ProductFields = input.json()?;
    check_fields(&f)?;
    let (Some(description), Some(price), Some(attachments)) =
        (&f.description, f.price, &f.attachments)
    else {
        return Err(ApiError::invalid(
            "description, price and attachments are required",
        ));
    };
    let media_ids = media_ids(attachments)?;
    let now = shared.clock.now();
    let mut world = shared.world();
    let product_id = world.next_id("pa");
    world.created.product_albums.list.push(Product {
        product_id: product_id.clone(),
        description: description.clone(),
        price,
        product_sn: f.product_sn.clone().unwrap_or_default(),
        media_ids,
        create_time: now,
    });
    Counters::add(&shared.metrics.counters.product_albums, 1);
    ok(&json!({"product_id": product_id}))
}

#[derive(Deserialize)]
struct ListRequest {
    limit: Option<u64>,
    #[serde(default)]
    cursor: String,
}

/// `POST get_product_album_list`: oldest first; a limit past 100 falls back to 50, as documented.
fn list(shared: &Shared, input: Input<'_>) -> Reply {
    let req: ListRequest = input.json()?;
    let limit = match req.limit {
        Some(n) if n > MAX_LIST_LIMIT => DEFAULT_LIST_LIMIT,
        other => paging::limit(other, DEFAULT_LIST_LIMIT, 100)?,
    };
    let world = shared.world();
    let products: Vec<Value> = world
        .created
        .product_albums
        .list
        .iter()
        .map(|p| answer(p, false))
        .collect();
    let (page, next_cursor) = paging::page(&products, &req.cursor, limit)?;
    ok(&json!({"next_cursor": next_cursor, "product_list": page}))
}

#[derive(Deserialize)]
struct OneProduct {
    #[serde(default)]
    product_id: String,
}

fn unknown(product_id: &str) -> ApiError {
    ApiError::invalid(format!("invalid product_id {product_id}"))
}

/// `POST get_product_album`.
fn get(shared: &Shared, input: Input<'_>) -> Reply {
    let req: OneProduct = input.json()?;
    let world = shared.world();
    let products = &world.created.product_albums.list;
    let product = products
        .iter()
        .find(|p| p.product_id == req.product_id)
        .ok_or_else(|| unknown(&req.product_id))?;
    ok(&json!({"product": answer(product, true)}))
}

/// `POST update_product_album`: only the fields sent change.
fn update(shared: &Shared, input: Input<'_>) -> Reply {
    let f: ProductFields = input.json()?;
    check_fields(&f)?;
    let media = f.attachments.as_deref().map(media_ids).transpose()?;
    let mut world = shared.world();
    let products = &mut world.created.product_albums.list;
    let product = products
        .iter_mut()
        .find(|p| p.product_id == f.product_id)
        .ok_or_else(|| unknown(&f.product_id))?;
    if let Some(d) = f.description {
        product.description = d;
    }
    if let Some(p) = f.price {
        product.price = p;
    }
    if let Some(sn) = f.product_sn {
        product.product_sn = sn;
    }
    if let Some(media) = media {
        product.media_ids = media;
    }
    ok(&json!({}))
}

/// `POST delete_product_album`.
fn delete(shared: &Shared, input: Input<'_>) -> Reply {
    let req: OneProduct = input.json()?;
    let mut world = shared.world();
    let products = &mut world.created.product_albums.list;
    let before = products.len();
    products.retain(|p| p.product_id != req.product_id);
    if products.len() == before {
        return Err(unknown(&req.product_id));
    }
    ok(&json!({}))
}
