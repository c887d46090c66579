//! [`Flag`]: the 0/1 switch WeCom sends as an integer (是否…: 0 否, 1 是).

wecom_core::int_enum! {
    /// A 0/1 switch that WeCom sends as an integer: `need_name`, `auto_create_room` (客户群),
    /// `notify` (入群欢迎语素材), `order_asc` (群聊数据统计). Unknown values decode as `Unknown(n)`.
    ///
    /// The domains once named the two values after their field; those names stay as constants:
    /// `Notify::Silent` / `Notify::Notify` (`wecom_messaging::Notify`) and `SortOrder::Desc` /
    /// `SortOrder::Asc` (`wecom_statistics::SortOrder`) are [`Flag::No`] / [`Flag::Yes`].
    ///
    /// ```
    /// use wecom_content::Flag;
    /// assert_eq!(serde_json::to_string(&Flag::from(true)).unwrap(), "1");
    /// assert_eq!(serde_json::from_str::<Flag>("0").unwrap(), Flag::No);
    /// assert_eq!(Flag::Asc, Flag::Yes);
    /// ```
    #[derive(Default)]
    pub enum Flag {
        /// 0: 否.
        #[default]
        No = 0,
        /// 1: 是.
        Yes = 1,
    }
}

impl From<bool> for Flag {
    fn from(value: bool) -> Self {
        if value {
            Self::Yes
        } else {
            Self::No
        }
    }
}

/// The names the domains gave the two values before they shared this type, so that
/// `wecom_messaging::Notify::Silent` and `wecom_statistics::SortOrder::Asc` keep working.
#[allow(non_upper_case_globals)]
impl Flag {
    /// `notify` 0: 不通知 (= [`Flag::No`]).
    pub const Silent: Self = Self::No;
    /// `notify` 1: 通知 (= [`Flag::Yes`]).
    pub const Notify: Self = Self::Yes;
    /// `order_asc` 0: descending, WeCom's default (= [`Flag::No`]).
    pub const Desc: Self = Self::No;
    /// `order_asc` 1: ascending (= [`Flag::Yes`]).
    pub const Asc: Self = Self::Yes;
}
