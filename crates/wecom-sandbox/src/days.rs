//! Days as WeCom counts them: from 0:00 in China (UTC+8), 86,400 seconds long.

/// One day in seconds.
pub(crate) const DAY: i64 = 86_400;
/// UTC+8, the zone of WeCom's 0:00.
const UTC8: i64 = 8 * 3_600;
/// WeCom keeps statistics for 180 days (用户最多可获取最近180天内的数据); the generated history is as long.
pub(crate) const HISTORY_DAYS: i64 = 180;

/// 0:00 (UTC+8) of the day holding `t`; saturates instead of overflowing at the ends of `i64`.
pub(crate) fn day_start(t: i64) -> i64 {
    t.saturating_add(UTC8)
        .div_euclid(DAY)
        .saturating_mul(DAY)
        .saturating_sub(UTC8)
}

/// The first second from which WeCom still has statistics, seen at `now`.
pub(crate) fn history_start(now: i64) -> i64 {
    day_start(now).saturating_sub(HISTORY_DAYS * DAY)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_start_at_midnight_in_china() {
        // 2024-12-01 00:00 +08:00 and a second before it.
        assert_eq!(day_start(1_732_982_400), 1_732_982_400);
        assert_eq!(day_start(1_732_982_400 + DAY - 1), 1_732_982_400);
        assert_eq!(day_start(1_732_982_399), 1_732_982_400 - DAY);
        assert_eq!(day_start(i64::MAX), day_start(i64::MAX - UTC8));
        assert!(day_start(i64::MIN) <= i64::MIN + DAY);
    }
}
