//! Days as WeCom counts them, from 0:00 in China (UTC+8): `YYYY-MM-DD` to unix seconds and back.

/// One day in seconds.
pub const DAY: i64 = 86_400;
/// UTC+8, the zone of WeCom's 0:00.
const UTC8: i64 = 8 * 3_600;

/// 0:00 (UTC+8) of the day `YYYY-MM-DD`, as unix seconds.
pub fn parse(text: &str) -> Result<i64, String> {
    let bad = || format!("{text:?} is not a date of the form YYYY-MM-DD");
    let mut parts = text.trim().splitn(3, '-');
    let mut next = |len: usize| {
        parts
            .next()
            .filter(|p| p.len() == len && p.bytes().all(|b| b.is_ascii_digit()))
            .and_then(|p| p.parse::<i64>().ok())
            .ok_or_else(bad)
    };
    let (year, month, day) = (next(4)?, next(2)?, next(2)?);
    if !(1..=12).contains(&month) || day < 1 || day > days_in_month(year, month) {
        return Err(format!("{text:?} is not a day of the calendar"));
    }
    Ok(days_from_civil(year, month, day) * DAY - UTC8)
}

/// `YYYY-MM-DD` of the day (UTC+8) holding `t`.
pub fn format(t: i64) -> String {
    let (y, m, d) = civil_from_days((t + UTC8).div_euclid(DAY));
    format!("{y:04}-{m:02}-{d:02}")
}

fn days_in_month(year: i64, month: i64) -> i64 {
    match month {
        2 if year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The date of a day count since 1970-01-01.
fn civil_from_days(z: i64) -> (i64, i64, i64) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (
        if m <= 2 {
            yoe + era * 400 + 1
        } else {
            yoe + era * 400
        },
        m,
        d,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_start_at_midnight_in_china() {
        // 2024-12-01 00:00 +08:00.
        assert_eq!(parse("2024-12-01"), Ok(1_732_982_400));
        assert_eq!(parse("1970-01-01"), Ok(-UTC8));
        assert_eq!(format(1_732_982_400), "2024-12-01");
        assert_eq!(format(1_732_982_400 + DAY - 1), "2024-12-01");
        assert_eq!(format(1_732_982_400 - 1), "2024-11-30");
        assert_eq!(parse("2024-02-29").map(format), Ok("2024-02-29".to_owned()));
    }

    #[test]
    fn malformed_dates_are_refused() {
        for text in [
            "2024-2-01",
            "2024-02-30",
            "2023-02-29",
            "2024-13-01",
            "24-01-01",
            "2024-01-01x",
            "yesterday",
        ] {
            assert!(parse(text).is_err(), "{text}");
        }
    }

    #[test]
    fn every_day_of_four_centuries_round_trips() {
        let first = parse("1900-01-01").unwrap();
        let last = parse("2300-12-31").unwrap();
        let mut t = first;
        while t <= last {
            assert_eq!(parse(&format(t)), Ok(t));
            t += DAY;
        }
    }
}
