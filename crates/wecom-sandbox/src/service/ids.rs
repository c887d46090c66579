//! How the sandbox spells converted ids. A sandbox corp's ids are the same for every app (it does not
//! encrypt them per provider): customers `wm…`, tags `et…`. The conversions between subjects map them to
//! the provider's subject by prefix, `wo…` and `eo…`, and back, so every converted id converts back;
//! lookups by unionid answer the corp's `wm…` id, usable with every other endpoint.

/// A customer id in the provider's subject (服务商主体): `wm…` becomes `wo…`; other ids stay as they are.
pub(crate) fn service_form(id: &str) -> String {
    swap(id, "wm", "wo")
}

/// A customer id in the corp's subject (企业主体): `wo…` becomes `wm…`; other ids stay as they are.
pub(crate) fn corp_form(id: &str) -> String {
    swap(id, "wo", "wm")
}

/// A tag or tag-group id in the provider's subject: `et…` becomes `eo…`.
pub(crate) fn open_tag_form(id: &str) -> String {
    swap(id, "et", "eo")
}

/// A tag or tag-group id in the corp's subject: `eo…` becomes `et…`.
pub(crate) fn corp_tag_form(id: &str) -> String {
    swap(id, "eo", "et")
}

/// The tmp_external_userid a meeting, form or smart sheet hands out for customer `external_userid`.
pub(crate) fn tmp_form(external_userid: &str) -> String {
    swap(&corp_form(external_userid), "wm", "ou")
}

/// The customer id behind a tmp_external_userid (`ou…`), if it is one.
pub(crate) fn from_tmp_form(tmp: &str) -> Option<String> {
    tmp.strip_prefix("ou").map(|rest| format!("wm{rest}"))
}

/// The openid a WeChat customer with `unionid` has in the provider's mini program.
pub(crate) fn openid_of(unionid: &str) -> String {
    format!(
        "oSbxOpen{}",
        unionid.strip_prefix("oSbx").unwrap_or(unionid)
    )
}

/// The pending_id that stands for `unionid` until its user becomes a customer.
pub(crate) fn pending_id_of(unionid: &str) -> String {
    format!("pSbx{}", unionid.strip_prefix("oSbx").unwrap_or(unionid))
}

fn swap(id: &str, from: &str, to: &str) -> String {
    match id.strip_prefix(from) {
        Some(rest) => format!("{to}{rest}"),
        None => id.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_form_converts_back() {
        let id = "wmSbx0000007abcdef";
        assert_eq!(service_form(id), "woSbx0000007abcdef");
        assert_eq!(corp_form(&service_form(id)), id);
        assert_eq!(service_form(&service_form(id)), service_form(id));
        assert_eq!(from_tmp_form(&tmp_form(id)).as_deref(), Some(id));
        assert_eq!(corp_tag_form(&open_tag_form("etSbxTag001")), "etSbxTag001");
        assert_eq!(openid_of("oSbxABC"), "oSbxOpenABC");
        assert_eq!(pending_id_of("oSbxABC"), "pSbxABC");
    }
}
