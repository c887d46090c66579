//! get_moment_list against a mock WeCom.

use futures::TryStreamExt;
use httpmock::MockServer;
use serde_json::json;
use wecom_core::test_util::mock::mock_post;
use wecom_core::test_util::{assert_api_error, assert_round_trip, client, wecom_error};
use wecom_moment::*;

const LIST: &str = "/cgi-bin/externalcontact/get_moment_list";

#[tokio::test]
async fn get_moment_list_sends_the_filters_and_decodes_every_field() {
    let server = MockServer::start_async().await;
    let mock = mock_post(
        &server,
        LIST,
        json!({
            "start_time": 1605000000, "end_time": 1605172726, "creator": "zhangsan",
            "filter_type": 1, "cursor": "CURSOR", "limit": 10
        }),
        include_str!("fixtures/get_moment_list.json"),
    )
    .await;
    let req = GetMomentListRequest::new(1_605_000_000, 1_605_172_726)
        .creator("zhangsan")
        .filter_type(MomentFilter::Personal)
        .cursor("CURSOR")
        .limit(10);
    let page = client(&server.base_url())
        .moment()
        .get_moment_list(&req)
        .await
        .unwrap();
    assert_eq!(page.next_cursor, "CURSOR");
    let first = &page.moment_list[0];
    assert_eq!(first.moment_id, "momxxx");
    assert_eq!(first.creator.as_deref(), Some("zhangsan"));
    assert_eq!(first.create_time, 1_605_172_726);
    assert_eq!(first.create_type, MomentCreateType::Personal);
    assert_eq!(first.visible_type, VisibleType::Public);
    assert_eq!(first.text.as_ref().unwrap().content, "test");
    assert_eq!(first.image, [Media::new("WWCISP_xxxxx")]);
    assert_eq!(
        first.video,
        Some(MomentVideo {
            media_id: "WWCISP_xxxxx".into(),
            thumb_media_id: "WWCISP_xxxxx".into()
        })
    );
    assert_eq!(
        first.link,
        Some(Link::new("腾讯网-QQ.COM", "https://www.qq.com"))
    );
    let place = first.location.as_ref().unwrap();
    assert_eq!(
        (
            place.latitude.as_str(),
            place.longitude.as_str(),
            place.name.as_str()
        ),
        ("23.10647", "113.32446", "广州市 · 广州塔")
    );
    let second = &page.moment_list[1];
    assert_eq!(second.creator, None);
    assert_eq!(second.create_type, MomentCreateType::Corp);
    assert_eq!(second.visible_type, VisibleType::Partial);
    assert!(second.image.is_empty() && second.video.is_none());
    mock.assert_calls_async(1).await;
}

#[test]
fn create_time_and_coordinates_decode_as_strings_or_numbers() {
    let moment: Moment = serde_json::from_value(json!({
        "moment_id": "m", "create_time": "1605172726", "create_type": 0, "visible_type": 1,
        "location": {"latitude": 23.10647, "longitude": 113.32446, "name": "x"}
    }))
    .unwrap();
    assert_eq!(moment.create_time, 1_605_172_726);
    let place = moment.location.unwrap();
    assert_eq!(
        (place.latitude.as_str(), place.longitude.as_str()),
        ("23.10647", "113.32446")
    );
}

#[tokio::test]
async fn get_moment_list_stream_walks_the_pages() {
    let server = MockServer::start_async().await;
    let page = |ids: &[&str], next: &str| {
        json!({
            "errcode": 0, "errmsg": "ok", "next_cursor": next,
            "moment_list": ids.iter().map(|id| json!({
                "moment_id": id, "create_time": 1605172726, "create_type": 0, "visible_type": 1
            })).collect::<Vec<_>>()
        })
        .to_string()
    };
    let window = json!({"start_time": 1605000000, "end_time": 1605172726, "limit": 2});
    let mut second = window.clone();
    second["cursor"] = json!("C2");
    let first = mock_post(&server, LIST, window, &page(&["m1", "m2"], "C2")).await;
    let last = mock_post(&server, LIST, second, &page(&["m3"], "")).await;
    let moments: Vec<Moment> = client(&server.base_url())
        .moment()
        .get_moment_list_stream(GetMomentListRequest::new(1_605_000_000, 1_605_172_726).limit(2))
        .try_collect()
        .await
        .unwrap();
    let ids: Vec<&str> = moments.iter().map(|m| m.moment_id.as_str()).collect();
    assert_eq!(ids, ["m1", "m2", "m3"]);
    first.assert_calls_async(1).await;
    last.assert_calls_async(1).await;
}

#[tokio::test]
async fn get_moment_list_reports_a_non_zero_errcode() {
    let server = MockServer::start_async().await;
    mock_post(
        &server,
        LIST,
        json!({"start_time": 1605000000, "end_time": 1605172726}),
        &wecom_error(48002, "api forbidden"),
    )
    .await;
    let result = client(&server.base_url())
        .moment()
        .get_moment_list(&GetMomentListRequest::new(1_605_000_000, 1_605_172_726))
        .await;
    assert_api_error(result, 48002, LIST);
}

#[test]
fn the_page_round_trips_without_losing_a_field() {
    let page: GetMomentListResponse =
        assert_round_trip(include_str!("fixtures/get_moment_list.json"));
    assert_eq!(page.moment_list.len(), 2);
}
