//! Dates of Easter Sunday.
//!
//! [`western`] follows the Gregorian computus (Catholic and Protestant churches), [`orthodox`]
//! the Julian computus of the Eastern Orthodox churches, given as a Gregorian calendar date.
//!
//! ```
//! use chrono::NaiveDate;
//! use tarikh::easter;
//!
//! assert_eq!(easter::western(2025), NaiveDate::from_ymd_opt(2025, 4, 20));
//! assert_eq!(easter::orthodox(2024), NaiveDate::from_ymd_opt(2024, 5, 5));
//! ```

use chrono::NaiveDate;

/// First year of the Gregorian calendar and its computus.
const FIRST_GREGORIAN_YEAR: i32 = 1583;

/// Julian day number of 0001-01-01 (proleptic Gregorian) minus one, so that
/// `jdn - JDN_OFFSET` is chrono's `num_days_from_ce`.
const JDN_OFFSET: i64 = 1_721_425;

/// Western (Gregorian) Easter Sunday of `year`, by the anonymous Gregorian algorithm
/// (Meeus/Jones/Butcher).
///
/// Returns `None` before 1583, the first full year of the Gregorian calendar, and for years
/// chrono cannot represent.
///
/// ```
/// use chrono::NaiveDate;
/// use tarikh::easter::western;
///
/// assert_eq!(western(2024), NaiveDate::from_ymd_opt(2024, 3, 31));
/// assert_eq!(western(1500), None);
/// ```
#[must_use]
#[allow(clippy::many_single_char_names)] // the algorithm's published variable names
pub fn western(year: i32) -> Option<NaiveDate> {
    if year < FIRST_GREGORIAN_YEAR {
        return None;
    }
    let y = i64::from(year);
    let a = y % 19;
    let b = y / 100;
    let c = y % 100;
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let n = h + l - 7 * m + 114;
    let month = u32::try_from(n / 31).ok()?;
    let day = u32::try_from(n % 31 + 1).ok()?;
    NaiveDate::from_ymd_opt(year, month, day)
}

/// Orthodox Easter Sunday of `year`: the Julian computus (Meeus's Julian algorithm), converted
/// from the Julian to the (proleptic) Gregorian calendar.
///
/// Returns `None` for years before 1 and for years chrono cannot represent.
///
/// ```
/// use chrono::NaiveDate;
/// use tarikh::easter::orthodox;
///
/// assert_eq!(orthodox(2025), NaiveDate::from_ymd_opt(2025, 4, 20));
/// assert_eq!(orthodox(2013), NaiveDate::from_ymd_opt(2013, 5, 5));
/// ```
#[must_use]
#[allow(clippy::many_single_char_names)] // the algorithm's published variable names
pub fn orthodox(year: i32) -> Option<NaiveDate> {
    if year < 1 {
        return None;
    }
    let y = i64::from(year);
    let a = y % 4;
    let b = y % 7;
    let c = y % 19;
    let d = (19 * c + 15) % 30;
    let e = (2 * a + 4 * b - d + 34) % 7;
    let n = d + e + 114;
    let month = n / 31; // Julian calendar month (3 or 4)
    let day = n % 31 + 1;
    let jdn = julian_calendar_to_jdn(y, month, day);
    let days_from_ce = i32::try_from(jdn - JDN_OFFSET).ok()?;
    NaiveDate::from_num_days_from_ce_opt(days_from_ce)
}

/// Julian day number of a Julian-calendar date (year ≥ 1, so no overflow in i64).
fn julian_calendar_to_jdn(year: i64, month: i64, day: i64) -> i64 {
    let a = (14 - month) / 12;
    let y = year + 4800 - a;
    let m = month + 12 * a - 3;
    day + (153 * m + 2) / 5 + 365 * y + y / 4 - 32_083
}

#[cfg(test)]
#[allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]
mod tests {
    use super::*;
    use chrono::{Datelike, Weekday};

    fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn western_known_dates() {
        assert_eq!(western(2013), Some(ymd(2013, 3, 31)));
        assert_eq!(western(2024), Some(ymd(2024, 3, 31)));
        assert_eq!(western(2025), Some(ymd(2025, 4, 20)));
        assert_eq!(western(2019), Some(ymd(2019, 4, 21)));
        assert_eq!(western(2000), Some(ymd(2000, 4, 23)));
        assert_eq!(western(1818), Some(ymd(1818, 3, 22))); // earliest possible
        assert_eq!(western(1943), Some(ymd(1943, 4, 25))); // latest possible
        assert_eq!(western(1583), Some(ymd(1583, 4, 10)));
    }

    #[test]
    fn orthodox_known_dates() {
        assert_eq!(orthodox(2013), Some(ymd(2013, 5, 5)));
        assert_eq!(orthodox(2024), Some(ymd(2024, 5, 5)));
        assert_eq!(orthodox(2025), Some(ymd(2025, 4, 20)));
        assert_eq!(orthodox(2023), Some(ymd(2023, 4, 16)));
        assert_eq!(orthodox(2021), Some(ymd(2021, 5, 2)));
        assert_eq!(orthodox(2010), Some(ymd(2010, 4, 4)));
    }

    #[test]
    fn julian_conversion() {
        // 16 July 622 Julian = 19 July 622 Gregorian; 5 October 1582 Julian = 15 October 1582.
        let jdn = julian_calendar_to_jdn(622, 7, 16);
        assert_eq!(
            jdn - JDN_OFFSET,
            i64::from(ymd(622, 7, 19).num_days_from_ce())
        );
        let jdn = julian_calendar_to_jdn(1582, 10, 5);
        assert_eq!(
            jdn - JDN_OFFSET,
            i64::from(ymd(1582, 10, 15).num_days_from_ce())
        );
    }

    #[test]
    fn always_sunday_and_in_range() {
        for year in 1583..=3000 {
            let w = western(year).unwrap();
            assert_eq!(w.weekday(), Weekday::Sun, "{year}");
            assert!((ymd(year, 3, 22)..=ymd(year, 4, 25)).contains(&w), "{year}");
            let o = orthodox(year).unwrap();
            assert_eq!(o.weekday(), Weekday::Sun, "{year}");
            assert!(o >= w, "{year}");
        }
    }

    #[test]
    fn out_of_range() {
        assert_eq!(western(1582), None);
        assert_eq!(western(i32::MIN), None);
        assert_eq!(western(i32::MAX), None);
        assert_eq!(orthodox(0), None);
        assert_eq!(orthodox(i32::MIN), None);
        assert_eq!(orthodox(i32::MAX), None);
        assert!(orthodox(1).is_some());
    }
}
