//! 管理聊天敏感词 (doc 95097): rules stored per world, at most 100, checked as documented. A member or
//! department outside the app's visibility is 60011; any other broken rule or unknown id 40058.

use axum::http::Method;
use serde::Deserialize;
use serde_json::json;

use super::strategy_rules::ROOT_DEPARTMENT;
use super::Endpoint;
use crate::metrics::Counters;
use crate::reply::{ok, ApiError, Input, Reply};
use crate::state::World;
use crate::Shared;

/// 企业敏感词规则条数上限为100个.
const MAX_RULES: usize = 100;
/// 规则名称，长度1~20个utf8字符.
const MAX_NAME_CHARS: usize = 20;
/// 敏感词长度1~32个utf8字符，列表大小不能超过300个.
const MAX_WORDS: usize = 300;
const MAX_WORD_CHARS: usize = 32;
/// 最多支持传1000个节点 (per list, per call).
const MAX_NODES: usize = 1_000;
/// 该规则最多可包含的userid总数上限为10000个.
const MAX_RULE_USERS: usize = 10_000;

/// One rule.
#[derive(Debug, Clone)]
pub(crate) struct Rule {
    rule_id: String,
    rule_name: String,
    words: Vec<String>,
    semantics: Vec<i64>,
    intercept_type: i64,
    users: Vec<String>,
    departments: Vec<i64>,
    create_time: i64,
}

/// The rules of one world, in creation order.
#[derive(Debug, Default)]
pub(crate) struct InterceptRules {
    list: Vec<Rule>,
}

/// The intercept-rule endpoint served at `path`, if it is one.
pub(crate) fn route(path: &str) -> Option<Endpoint> {
    let (method, handler): (Method, fn(&Shared, Input<'_>) -> Reply) = match path {
        "/cgi-bin/externalcontact/add_intercept_rule" => (Method::POST, add),
        "/cgi-bin/externalcontact/get_intercept_rule_list" => (Method::GET, list),
        "/cgi-bin/externalcontact/get_intercept_rule" => (Method::POST, get),
        "/cgi-bin/externalcontact/update_intercept_rule" => (Method::POST, update),
        "/cgi-bin/externalcontact/del_intercept_rule" => (Method::POST, del),
        _ => return None,
    };
    Some(Endpoint { method, handler })
}

#[derive(Deserialize, Default)]
struct Range {
    #[serde(default)]
    user_list: Vec<String>,
    #[serde(default)]
    department_list: Vec<i64>,
}

#[derive(Deserialize, Default)]
struct ExtraRule {
    #[serde(default)]
    semantics_list: Vec<i64>,
}

/// The body of add and update alike (update adds `rule_id` and the range changes).
#[derive(Deserialize)]
struct RuleFields {
    #[serde(default)]
    rule_id: String,
    rule_name: Option<String>,
    word_list: Option<Vec<String>>,
    semantics_list: Option<Vec<i64>>,
    extra_rule: Option<ExtraRule>,
    intercept_type: Option<i64>,
    applicable_range: Option<Range>,
    add_applicable_range: Option<Range>,
    remove_applicable_range: Option<Range>,
}

fn check_fields(world: &World, f: &RuleFields) -> Result<(), ApiError> {
    if let Some(name) = &f.rule_name {
        let chars = name.chars().count();
        if chars == 0 || chars > MAX_NAME_CHARS {
            return Err(ApiError::invalid("rule_name must have 1 to 20 characters"));
        }
    }
    if let Some(words) = &f.word_list {
        let bad = |w: &String| w.is_empty() || w.chars().count() > MAX_WORD_CHARS;
        if words.len() > MAX_WORDS || words.iter().any(bad) {
            return Err(ApiError::invalid(
                "word_list holds at most 300 words of 1 to 32 characters",
            ));
        }
    }
    let semantics = f
        .semantics_list
        .iter()
        .chain(f.extra_rule.iter().map(|e| &e.semantics_list));
    if semantics.flatten().any(|s| !(1..=3).contains(s)) {
        return Err(ApiError::invalid("semantics_list holds 1, 2 or 3"));
    }
    if f.intercept_type.is_some_and(|t| ![1, 2].contains(&t)) {
        return Err(ApiError::invalid("intercept_type is 1 or 2"));
    }
    let ranges = [
        &f.applicable_range,
        &f.add_applicable_range,
        &f.remove_applicable_range,
    ];
    for range in ranges.into_iter().flatten() {
        if range.user_list.len() > MAX_NODES || range.department_list.len() > MAX_NODES {
            return Err(ApiError::invalid(
                "a range holds at most 1000 users and 1000 departments",
            ));
        }
        if let Some(user) = range.user_list.iter().find(|u| !world.is_member(u)) {
            return Err(ApiError::new(
                60011,
                format!("no privilege to access user {user}"),
            ));
        }
        if let Some(dept) = range
            .department_list
            .iter()
            .find(|&&d| d != ROOT_DEPARTMENT)
        {
            return Err(ApiError::new(
                60011,
                format!("no privilege to access party {dept}"),
            ));
        }
    }
    Ok(())
}

fn answer(rule: &Rule) -> serde_json::Value {
    json!({
        "rule_id": rule.rule_id,
        "rule_name": rule.rule_name,
        "word_list": rule.words,
        "extra_rule": {"semantics_list": rule.semantics},
        "intercept_type": rule.intercept_type,
        "applicable_range": {"user_list": rule.users, "department_list": rule.departments},
        "create_time": rule.create_time,
    })
}

/// `POST add_intercept_rule`.
fn add(shared: &Shared, input: Input<'_>) -> Reply {
    let f: RuleFields = input.json()?;
    let (Some(name), Some(words), Some(intercept_type), Some(range)) = (
        &f.rule_name,
        &f.word_list,
        f.intercept_type,
        &f.applicable_range,
    ) else {
        return Err(ApiError::invalid(
            "rule_name, word_list, intercept_type and applicable_range are required",
        ));
    };
    if words.is_empty() || (range.user_list.is_empty() && range.department_list.is_empty()) {
        return Err(ApiError::invalid(
            "word_list and applicable_range can not be empty",
        ));
    }
    let now = shared.clock.now();
    let mut world = shared.world();
    check_fields(&world, &f)?;
    if world.created.intercept_rules.list.len() >= MAX_RULES {
        return Err(ApiError::invalid(
            "a corp holds at most 100 intercept rules",
        ));
    }
    let rule_id = world.next_id("wcrule");
    let rule = Rule {
        rule_id: rule_id.clone(),
        rule_name: name.clone(),
        words: words.clone(),
        semantics: f.semantics_list.clone().unwrap_or_default(),
        intercept_type,
        users: range.user_list.clone(),
        departments: range.department_list.clone(),
        create_time: now,
    };
    world.created.intercept_rules.list.push(rule);
    Counters::add(&shared.metrics.counters.intercept_rules, 1);
    ok(&json!({"rule_id": rule_id}))
}

/// `GET get_intercept_rule_list`.
fn list(shared: &Shared, _input: Input<'_>) -> Reply {
    let world = shared.world();
    let rules: Vec<_> = world
        .created
        .intercept_rules
        .list
        .iter()
        .map(|r| json!({"rule_id": r.rule_id, "rule_name": r.rule_name, "create_time": r.create_time}))
        .collect();
    ok(&json!({"rule_list": rules}))
}

#[derive(Deserialize)]
struct OneRule {
    #[serde(default)]
    rule_id: String,
}

fn unknown(rule_id: &str) -> ApiError {
    ApiError::invalid(format!("invalid rule_id {rule_id}"))
}

/// `POST get_intercept_rule`.
fn get(shared: &Shared, input: Input<'_>) -> Reply {
    let req: OneRule = input.json()?;
    let world = shared.world();
    let rules = &world.created.intercept_rules.list;
    let rule = rules
        .iter()
        .find(|r| r.rule_id == req.rule_id)
        .ok_or_else(|| unknown(&req.rule_id))?;
    ok(&json!({"rule": answer(rule)}))
}

/// `POST update_intercept_rule`: what is sent changes; an empty word_list is ignored, an empty
/// semantics_list clears them; the range by what is added and removed.
fn update(shared: &Shared, input: Input<'_>) -> Reply {
    let f: RuleFields = input.json()?;
    let mut world = shared.world();
    check_fields(&world, &f)?;
    let rules = &mut world.created.intercept_rules.list;
    let rule = rules
        .iter_mut()
        .find(|r| r.rule_id == f.rule_id)
        .ok_or_else(|| unknown(&f.rule_id))?;
    let mut next = rule.clone();
    if let Some(name) = f.rule_name {
        next.rule_name = name;
    }
    if let Some(words) = f.word_list.filter(|w| !w.is_empty()) {
        next.words = words;
    }
    if let Some(extra) = f.extra_rule {
        next.semantics = extra.semantics_list;
    }
    if let Some(t) = f.intercept_type {
        next.intercept_type = t;
    }
    if let Some(add) = f.add_applicable_range {
        for user in add.user_list {
            if !next.users.contains(&user) {
                next.users.push(user);
            }
        }
        for dept in add.department_list {
            if !next.departments.contains(&dept) {
                next.departments.push(dept);
            }
        }
    }
    if let Some(remove) = f.remove_applicable_range {
        next.users.retain(|u| !remove.user_list.contains(u));
        next.departments
            .retain(|d| !remove.department_list.contains(d));
    }
    if next.users.len() > MAX_RULE_USERS {
        return Err(ApiError::invalid("a rule holds at most 10000 userids"));
    }
    if next.users.is_empty() && next.departments.is_empty() {
        return Err(ApiError::invalid("applicable_range can not become empty"));
    }
    *rule = next;
    ok(&json!({}))
}

/// `POST del_intercept_rule`.
fn del(shared: &Shared, input: Input<'_>) -> Reply {
    let req: OneRule = input.json()?;
    let mut world = shared.world();
    let rules = &mut world.created.intercept_rules.list;
    let before = rules.len();
    rules.retain(|r| r.rule_id != req.rule_id);
    if rules.len() == before {
        return Err(unknown(&req.rule_id));
    }
    ok(&json!({}))
}
