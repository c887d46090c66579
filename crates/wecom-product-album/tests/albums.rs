//! 管理商品图册: add, list (and stream), get, update and delete products against a mock WeCom.

use futures::TryStreamExt;
use httpmock::MockServer;
use serde_json::json;
use wecom_core::test_util::mock::{mock_any_body, mock_post, mock_status};
use wecom_core::test_util::{assert_api_error, assert_round_trip, client, wecom_error};
use wecom_core::{EmptyResponse, Error};
use wecom_product_album::*;

const ADD: &str = "/cgi-bin/externalcontact/add_product_album";
const LIST: &str = "/cgi-bin/externalcontact/get_product_album_list";
const GET: &str = "/cgi-bin/externalcontact/get_product_album";
const UPDATE: &str = "/cgi-bin/externalcontact/update_product_album";
const DELETE: &str = "/cgi-bin/externalcontact/delete_product_album";

fn sample_add() -> AddProductAlbumRequest {
    AddProductAlbumRequest::new(
        "世界上最好的商品",
        30_000,
        [ProductAttachment::image("MEDIA_ID")],
    )
    .product_sn("xxxxxxxx")
}

#[tokio::test]
async fn add_product_album_sends_wecoms_sample_with_the_price_in_fen() {
    let server = MockServer::start_async().await;
    let mock = mock_post(
        &server,
        ADD,
        json!({
            "description": "世界上最好的商品",
            "price": 30000,
            "product_sn": "xxxxxxxx",
            "attachments": [{"type": "image", "image": {"media_id": "MEDIA_ID"}}]
        }),
        include_str!("fixtures/add_product_album.json"),
    )
    .await;
    let resp = client(&server.base_url())
        .product_album()
        .add_product_album(&sample_add())
        .await
        .unwrap();
    assert_eq!(resp.product_id, "xxxxxxxxxx");
    assert_round_trip::<AddProductAlbumResponse>(include_str!("fixtures/add_product_album.json"));
    mock.assert_calls_async(1).await;
}

#[tokio::test]
async fn add_product_album_is_not_resent_after_a_502_and_keeps_errcodes() {
    let server = MockServer::start_async().await;
    let mock = mock_status(&server, ADD, 502).await;
    let err = client(&server.base_url())
        .product_album()
        .add_product_album(&sample_add())
        .await
        .unwrap_err();
    assert!(
        matches!(err, Error::HttpStatus { status: 502, .. }),
        "{err:?}"
    );
    mock.assert_calls_async(1).await;

    let server = MockServer::start_async().await;
    let expired = mock_any_body(&server, ADD, &wecom_error(40007, "invalid media_id")).await;
    let result = client(&server.base_url())
        .product_album()
        .add_product_album(&sample_add())
        .await;
    assert_api_error(result, 40007, ADD);
    expired.assert_calls_async(1).await;
}

#[tokio::test]
async fn get_product_album_list_sends_limit_and_cursor_and_decodes_products() {
    let server = MockServer::start_async().await;
    let mock = mock_post(
        &server,
        LIST,
        json!({"limit": 50, "cursor": "CURSOR"}),
        include_str!("fixtures/get_product_album_list.json"),
    )
    .await;
    let page = client(&server.base_url())
        .product_album()
        .get_product_album_list(&GetProductAlbumListRequest::new().limit(50).cursor("CURSOR"))
        .await
        .unwrap();
    assert_eq!(page.next_cursor, "CURSOR");
    assert_eq!(
        page.product_list,
        [Product {
            product_id: "xxxxxxxxxx".into(),
            description: "世界上最好的商品".into(),
            price: 30000,
            create_time: None,
            product_sn: Some("xxxxxxxx".into()),
            attachments: vec![ProductAttachment::image("MEDIA_ID")],
        }]
    );
    assert_round_trip::<GetProductAlbumListResponse>(include_str!(
        "fixtures/get_product_album_list.json"
    ));
    mock.assert_calls_async(1).await;

    let server = MockServer::start_async().await;
    mock_post(
        &server,
        LIST,
        json!({}),
        &wecom_error(48002, "api forbidden"),
    )
    .await;
    let result = client(&server.base_url())
        .product_album()
        .get_product_album_list(&GetProductAlbumListRequest::new())
        .await;
    assert_api_error(result, 48002, LIST);
}

#[tokio::test]
async fn get_product_album_list_stream_walks_the_pages() {
    let server = MockServer::start_async().await;
    let first = mock_post(
        &server,
        LIST,
        json!({"limit": 1}),
        r#"{"errcode":0,"errmsg":"ok","next_cursor":"C2","product_list":[
            {"product_id":"p1","description":"a","price":100,"attachments":[]}]}"#,
    )
    .await;
    let second = mock_post(
        &server,
        LIST,
        json!({"limit": 1, "cursor": "C2"}),
        r#"{"errcode":0,"errmsg":"ok","next_cursor":"","product_list":[
            {"product_id":"p2","description":"b","price":200,"attachments":[]}]}"#,
    )
    .await;
    let products: Vec<Product> = client(&server.base_url())
        .product_album()
        .get_product_album_list_stream(GetProductAlbumListRequest::new().limit(1))
        .try_collect()
        .await
        .unwrap();
    assert_eq!(
        products
            .iter()
            .map(|p| (p.product_id.as_str(), p.price))
            .collect::<Vec<_>>(),
        [("p1", 100), ("p2", 200)]
    );
    first.assert_calls_async(1).await;
    second.assert_calls_async(1).await;
}

#[tokio::test]
async fn get_product_album_decodes_the_product_and_keeps_unknown_attachments() {
    let server = MockServer::start_async().await;
    let mock = mock_post(
        &server,
        GET,
        json!({"product_id": "xxxxxxxxxx"}),
        include_str!("fixtures/get_product_album.json"),
    )
    .await;
    let product = client(&server.base_url())
        .product_album()
        .get_product_album(&GetProductAlbumRequest::new("xxxxxxxxxx"))
        .await
        .unwrap()
        .product;
    assert_eq!(product.create_time, Some(1600000000));
    assert_eq!(product.price, 30000);
    assert_eq!(product.attachments[0].media_id(), Some("MEDIA_ID"));
    assert_round_trip::<GetProductAlbumResponse>(include_str!("fixtures/get_product_album.json"));
    mock.assert_calls_async(1).await;

    // A `type` this SDK does not know is kept whole and written back unchanged.
    let odd = assert_round_trip::<GetProductAlbumResponse>(include_str!(
        "fixtures/get_product_album_unknown_attachment.json"
    ));
    assert_eq!(odd.product.attachments[1].kind(), "video");
    assert!(matches!(
        odd.product.attachments[1],
        ProductAttachment::Unknown { .. }
    ));

    let server = MockServer::start_async().await;
    mock_post(
        &server,
        GET,
        json!({"product_id": "gone"}),
        &wecom_error(40058, "invalid product_id"),
    )
    .await;
    let result = client(&server.base_url())
        .product_album()
        .get_product_album(&GetProductAlbumRequest::new("gone"))
        .await;
    assert_api_error(result, 40058, GET);
}

#[tokio::test]
async fn update_product_album_sends_only_what_changes() {
    let server = MockServer::start_async().await;
    let full = mock_post(
        &server,
        UPDATE,
        json!({
            "product_id": "xxxxxxxxxx",
            "description": "世界上最好的商品",
            "price": 30000,
            "product_sn": "xxxxxx",
            "attachments": [{"type": "image", "image": {"media_id": "MEDIA_ID"}}]
        }),
        include_str!("fixtures/ok.json"),
    )
    .await;
    let api_client = client(&server.base_url());
    let req = UpdateProductAlbumRequest::new("xxxxxxxxxx")
        .description("世界上最好的商品")
        .price(30_000)
        .product_sn("xxxxxx")
        .attachments([ProductAttachment::image("MEDIA_ID")]);
    let resp = api_client
        .product_album()
        .update_product_album(&req)
        .await
        .unwrap();
    assert_eq!(resp, EmptyResponse {});
    full.assert_calls_async(1).await;

    let price_only = mock_post(
        &server,
        UPDATE,
        json!({"product_id": "xxxxxxxxxx", "price": 25000}),
        &wecom_error(40058, "invalid product_id"),
    )
    .await;
    let result = api_client
        .product_album()
        .update_product_album(&UpdateProductAlbumRequest::new("xxxxxxxxxx").price(25_000))
        .await;
    assert_api_error(result, 40058, UPDATE);
    price_only.assert_calls_async(1).await;
}

#[tokio::test]
async fn delete_product_album_sends_the_id() {
    let server = MockServer::start_async().await;
    let mock = mock_post(
        &server,
        DELETE,
        json!({"product_id": "xxxxxxxxxx"}),
        include_str!("fixtures/ok.json"),
    )
    .await;
    client(&server.base_url())
        .product_album()
        .delete_product_album(&DeleteProductAlbumRequest::new("xxxxxxxxxx"))
        .await
        .unwrap();
    mock.assert_calls_async(1).await;

    let server = MockServer::start_async().await;
    mock_post(
        &server,
        DELETE,
        json!({"product_id": "p"}),
        &wecom_error(40058, "invalid product_id"),
    )
    .await;
    let result = client(&server.base_url())
        .product_album()
        .delete_product_album(&DeleteProductAlbumRequest::new("p"))
        .await;
    assert_api_error(result, 40058, DELETE);
}

#[tokio::test]
async fn product_limits_are_checked_before_sending() {
    let server = MockServer::start_async().await;
    let add = mock_any_body(
        &server,
        ADD,
        include_str!("fixtures/add_product_album.json"),
    )
    .await;
    let update = mock_any_body(&server, UPDATE, include_str!("fixtures/ok.json")).await;
    let list = mock_any_body(
        &server,
        LIST,
        include_str!("fixtures/get_product_album_list.json"),
    )
    .await;
    let api_client = client(&server.base_url());
    let api = api_client.product_album();
    let images = |n: usize| {
        (0..n)
            .map(|i| ProductAttachment::image(format!("M{i}")))
            .collect::<Vec<_>>()
    };
    let product = |description: &str, price: u64, n: usize| {
        AddProductAlbumRequest::new(description, price, images(n))
    };
    let video = ProductAttachment::Unknown {
        kind: "video".into(),
        raw: json!({"type": "video", "video": {"media_id": "V"}}),
    };
    let cases = [
        (product("", 1, 1), "description"),
        (product(&"商".repeat(301), 1, 1), "description"),
        (product("d", 5_000_001, 1), "price"),
        (product("d", 1, 0), "attachments"),
        (product("d", 1, 10), "attachments"),
        (product("d", 1, 1).product_sn("SKU-1"), "product_sn"),
        (product("d", 1, 1).product_sn("A".repeat(129)), "product_sn"),
        (
            AddProductAlbumRequest::new("d", 1, [video]),
            "attachments[0]",
        ),
    ];
    for (req, field) in cases {
        let err = api.add_product_album(&req).await.unwrap_err();
        assert!(
            matches!(&err, Error::InvalidRequest(m) if m.contains(field)),
            "{field}: {err:?}"
        );
    }
    for (req, field) in [
        (
            UpdateProductAlbumRequest::new("p").price(5_000_001),
            "price",
        ),
        (
            UpdateProductAlbumRequest::new("p").attachments([]),
            "attachments",
        ),
        (
            UpdateProductAlbumRequest::new("p").description(""),
            "description",
        ),
    ] {
        let err = api.update_product_album(&req).await.unwrap_err();
        assert!(
            matches!(&err, Error::InvalidRequest(m) if m.contains(field)),
            "{field}: {err:?}"
        );
    }
    for limit in [0, 101] {
        let err = api
            .get_product_album_list(&GetProductAlbumListRequest::new().limit(limit))
            .await
            .unwrap_err();
        assert!(
            matches!(&err, Error::InvalidRequest(m) if m.contains("limit")),
            "{err:?}"
        );
    }
    add.assert_calls_async(0).await;
    update.assert_calls_async(0).await;
    list.assert_calls_async(0).await;

    // The limits themselves pass: 300 characters, 5万元, 9 images, 128 bytes of digits and letters.
    assert!(product(&"商".repeat(300), MAX_PRICE_FEN, 9)
        .product_sn("A1".repeat(64))
        .check()
        .is_ok());
}
