//! Rows for `tags mark` tests: real (member, customer) pairs of a sandbox with tags to add and remove,
//! their CSV, and the check that every row's tags are set.

use std::collections::HashMap;

use futures::TryStreamExt;
use wecom_external_contact::prelude::*;
use wecom_external_contact::tag::GetCorpTagListRequest;
use wecom_sandbox::Sandbox;

/// One row: a customer of a member, a tag to add and one to remove.
pub struct Row {
    pub userid: String,
    pub external_userid: String,
    pub add: String,
    pub remove: String,
}

/// `n` rows over distinct customers, cycling through the corp's tags.
pub async fn rows(sandbox: &Sandbox, n: usize) -> Vec<Row> {
    let client = sandbox.client_builder().build().unwrap();
    let tags: Vec<String> = client
        .tag()
        .get_corp_tag_list(&GetCorpTagListRequest::new())
        .await
        .unwrap()
        .tag_group
        .into_iter()
        .flat_map(|g| g.tag.into_iter().map(|t| t.id))
        .collect();
    assert!(tags.len() >= 3);
    let users = client
        .customer()
        .get_follow_user_list()
        .await
        .unwrap()
        .follow_user;
    let pairs: Vec<(String, String)> = client
        .customer()
        .batch_get_by_users_stream(users, Some(100))
        .map_ok(|c| (c.follow_info.userid, c.external_contact.external_userid))
        .try_collect()
        .await
        .unwrap();
    assert!(pairs.len() >= n, "{} customers", pairs.len());
    (0..n)
        .map(|i| Row {
            userid: pairs[i].0.clone(),
            external_userid: pairs[i].1.clone(),
            add: tags[i % tags.len()].clone(),
            remove: tags[(i + 1) % tags.len()].clone(),
        })
        .collect()
}

pub fn csv_of(rows: &[Row]) -> String {
    let mut text = String::from("userid,external_userid,add_tag,remove_tag\n");
    for r in rows {
        text.push_str(&format!(
            "{},{},{},{}\n",
            r.userid, r.external_userid, r.add, r.remove
        ));
    }
    text
}

/// Every row's tag is set and the removed one is not.
pub async fn assert_tags_set(sandbox: &Sandbox, rows: &[Row]) {
    let client = sandbox.client_builder().build().unwrap();
    let users = client
        .customer()
        .get_follow_user_list()
        .await
        .unwrap()
        .follow_user;
    let tags: HashMap<(String, String), Vec<String>> = client
        .customer()
        .batch_get_by_users_stream(users, Some(100))
        .map_ok(|c| {
            let key = (c.follow_info.userid, c.external_contact.external_userid);
            (key, c.follow_info.tag_id)
        })
        .try_collect()
        .await
        .unwrap();
    for r in rows {
        let set = &tags[&(r.userid.clone(), r.external_userid.clone())];
        assert!(
            set.contains(&r.add),
            "{} lacks {}",
            r.external_userid,
            r.add
        );
        assert!(
            !set.contains(&r.remove),
            "{} keeps {}",
            r.external_userid,
            r.remove
        );
    }
}

/// Entries of a checkpoint (its lines but the header).
pub fn entries(path: &std::path::Path) -> usize {
    std::fs::read_to_string(path)
        .map(|t| t.lines().skip(1).count())
        .unwrap_or(0)
}
