//! How long the 获客助手 quota lasts at last week's pace: the quota, plus one `statistic` per link over
//! the 7 whole days before today, summed.

use futures::{StreamExt, TryStreamExt};
use wecom_core::Result;

use crate::types::{ListLinkRequest, QuotaBatch, QuotaResponse, StatisticRequest};
use crate::CustomerAcquisitionApi;

const DAY: i64 = 86_400;
/// The days the pace is measured over.
pub const PACE_DAYS: u32 = 7;
/// `statistic` calls in flight at once while the forecast reads every link.
const CONCURRENT_STATISTICS: usize = 4;

/// The quota and how long it lasts if customers keep coming as they did last week.
#[derive(Debug, Clone, PartialEq)]
pub struct QuotaForecast {
    /// The quota as `customer_acquisition_quota` answered it.
    pub quota: QuotaResponse,
    /// The links whose figures were summed (the links still in use; deleted links are not counted).
    pub links: usize,
    /// New customers through those links over the [`PACE_DAYS`] whole days before today.
    pub new_customers: u64,
    /// New customers per day at that pace.
    pub per_day: f64,
    /// Days until the balance runs out at that pace, counting batches that expire before they are
    /// used as lost; `None` when no customer came last week (the quota does not run out by use).
    pub days_left: Option<f64>,
    /// Quota that expires before that pace uses it.
    pub expiring_unused: u64,
}

impl CustomerAcquisitionApi<'_> {
    /// Reads the quota and every link's new customers over the 7 whole days before the day of `now`
    /// (unix seconds; pass the current time), and tells how long the balance lasts at that pace.
    ///
    /// Costs one `customer_acquisition_quota`, one `list_link` per 100 links and one `statistic` per
    /// link (4 at a time). Customers of links deleted since are not counted. The first error ends it.
    pub async fn quota_forecast(&self, now: i64) -> Result<QuotaForecast> {
        let quota = self.quota().await?;
        let links: Vec<String> = self
            .list_link_stream(ListLinkRequest::new().limit(100))
            .try_collect()
            .await?;
        // WeCom counts whole days: a time stands for its day, both ends included.
        let (start, end) = (now - i64::from(PACE_DAYS) * DAY, now - DAY);
        let new_customers: u64 = futures::stream::iter(links.iter())
            .map(|link_id| async move {
                self.statistic(&StatisticRequest::new(link_id.clone(), start, end))
                    .await
                    .map(|figures| figures.new_customer_cnt)
            })
            .buffer_unordered(CONCURRENT_STATISTICS)
            .try_fold(0u64, |sum, n| async move { Ok(sum.saturating_add(n)) })
            .await?;
        Ok(forecast(quota, links.len(), new_customers, now))
    }
}

/// The forecast for `new_customers` over the last [`PACE_DAYS`] days, from `now` (unix seconds).
pub fn forecast(quota: QuotaResponse, links: usize, new_customers: u64, now: i64) -> QuotaForecast {
    let per_day = new_customers as f64 / f64::from(PACE_DAYS);
    let (days_left, expiring_unused) = if per_day > 0.0 {
        let (days, lost) = run_down(&quota, per_day, now);
        (Some(days), lost)
    } else {
        (None, 0)
    };
    QuotaForecast {
        quota,
        links,
        new_customers,
        per_day,
        days_left,
        expiring_unused,
    }
}

/// Uses the batches soonest-expiring first at `per_day`; a batch's rest is lost at its expiry. Returns
/// the days until nothing is left and the quota lost. Without batches, the balance alone.
fn run_down(quota: &QuotaResponse, per_day: f64, now: i64) -> (f64, u64) {
    let mut batches: Vec<&QuotaBatch> = quota.quota_list.iter().filter(|b| b.balance > 0).collect();
    if batches.is_empty() {
        return (quota.balance as f64 / per_day, 0);
    }
    batches.sort_by_key(|b| b.expire_date);
    let mut day = 0.0_f64;
    let mut lost = 0u64;
    for batch in batches {
        let expires_in = (batch.expire_date - now) as f64 / DAY as f64;
        let usable_days = (expires_in - day).max(0.0);
        let needed_days = batch.balance as f64 / per_day;
        if needed_days <= usable_days {
            day += needed_days;
        } else {
            let used = (usable_days * per_day).floor() as u64;
            lost += batch.balance - used.min(batch.balance);
            day = day.max(expires_in);
        }
    }
    (day, lost)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quota(balance: u64, batches: &[(i64, u64)]) -> QuotaResponse {
        QuotaResponse {
            total: 1000,
            balance,
            quota_list: batches
                .iter()
                .map(|&(expire_date, balance)| QuotaBatch {
                    expire_date,
                    balance,
                })
                .collect(),
        }
    }

    #[test]
    fn the_balance_lasts_balance_over_pace_days() {
        // 70 customers in 7 days: 10 a day; 500 left, far from expiring: 50 days.
        let f = forecast(
            quota(500, &[(1_000 * DAY, 200), (2_000 * DAY, 300)]),
            3,
            70,
            0,
        );
        assert_eq!(f.per_day, 10.0);
        assert_eq!(f.days_left, Some(50.0));
        assert_eq!(f.expiring_unused, 0);
        assert_eq!((f.links, f.new_customers), (3, 70));
    }

    #[test]
    fn a_batch_that_expires_first_is_lost_in_part() {
        // 10 a day; 200 expire in 5 days (50 used, 150 lost), then 300 more last 30 days from day 5.
        let f = forecast(quota(500, &[(5 * DAY, 200), (1_000 * DAY, 300)]), 1, 70, 0);
        assert_eq!(f.expiring_unused, 150);
        assert_eq!(f.days_left, Some(35.0));
    }

    #[test]
    fn no_customers_last_week_means_no_run_out_date() {
        let f = forecast(quota(500, &[(DAY, 500)]), 2, 0, 0);
        assert_eq!((f.per_day, f.days_left, f.expiring_unused), (0.0, None, 0));
    }

    #[test]
    fn without_batches_the_balance_alone_counts() {
        let f = forecast(quota(21, &[]), 1, 14, 0);
        assert_eq!(f.days_left, Some(10.5));
    }
}
