//! The SVG chart of `stats behavior`: one panel per figure (their scales differ: counts, a percentage,
//! minutes), each a line over the days, with the dates along the bottom.

use std::path::Path;

use plotters::prelude::*;

use super::dates;
use super::figures::{Day, FIGURES};
use crate::error::CliError;

/// One colour per figure, in the order of [`FIGURES`].
pub const PALETTE: [RGBColor; 7] = [
    RGBColor(0x1f, 0x77, 0xb4),
    RGBColor(0xff, 0x7f, 0x0e),
    RGBColor(0x2c, 0xa0, 0x2c),
    RGBColor(0xd6, 0x27, 0x28),
    RGBColor(0x94, 0x67, 0xbd),
    RGBColor(0x8c, 0x56, 0x4b),
    RGBColor(0xe3, 0x77, 0xc2),
];

const SIZE: (u32, u32) = (1200, 1150);

/// Draws `days` into the SVG file `path`, under `title`.
pub fn write(path: &Path, days: &[Day], title: &str) -> Result<(), CliError> {
    let failed = |e: &dyn std::fmt::Display| {
        CliError::Failed(format!("cannot draw the chart {}: {e}", path.display()))
    };
    let root = SVGBackend::new(path, SIZE).into_drawing_area();
    draw(&root, days, title).map_err(|e| failed(&e))?;
    root.present().map_err(|e| failed(&e))
}

/// Draws into any drawing area (a file, or a string in tests).
pub fn draw<DB: DrawingBackend>(
    root: &DrawingArea<DB, plotters::coord::Shift>,
    days: &[Day],
    title: &str,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    root.fill(&WHITE)?;
    let body = root.titled(title, ("sans-serif", 24))?;
    let panels = body.split_evenly((4, 2));
    let last_x = days.len().saturating_sub(1).max(1) as f64;
    let label = |x: &f64| {
        let i = (x.round().max(0.0) as usize).min(days.len().saturating_sub(1));
        days.get(i)
            .map(|d| dates::format(d.stat_time)[5..].to_owned())
            .unwrap_or_default()
    };
    for ((panel, figure), color) in panels.iter().zip(&FIGURES).zip(PALETTE) {
        let points: Vec<(f64, f64)> = (0..)
            .zip(days)
            .filter_map(|(i, d)| (figure.value)(d).map(|v| (f64::from(i), v)))
            .collect();
        let highest = points.iter().map(|p| p.1).fold(0.0, f64::max) * 1.1;
        // Counts get a whole-number axis of at least 0..5, so small ones do not repeat labels.
        let top = if figure.count {
            highest.max(5.0).ceil()
        } else {
            highest.max(1.0)
        };
        let mut chart = ChartBuilder::on(panel)
            .caption(figure.title, ("sans-serif", 16))
            .margin(12)
            .x_label_area_size(28)
            .y_label_area_size(48)
            // A little room on both sides, so the first and last points are not cut by the frame.
            .build_cartesian_2d(-0.3..last_x + 0.3, 0.0..top)?;
        chart
            .configure_mesh()
            .x_labels(days.len().clamp(2, 8))
            .x_label_formatter(&label)
            .y_labels(5)
            .y_label_formatter(&|y: &f64| match figure.count {
                true => format!("{y:.0}"),
                false => format!("{y:.1}"),
            })
            .light_line_style(RGBColor(0xee, 0xee, 0xee))
            .draw()?;
        if points.is_empty() {
            // WeCom gives reply figures only on days with replies: there may be none at all.
            let (w, h) = panel.dim_in_pixel();
            let at = (
                i32::try_from(w / 2).unwrap_or(0) - 40,
                i32::try_from(h / 2).unwrap_or(0),
            );
            panel.draw(&Text::new(
                "no data",
                at,
                ("sans-serif", 16).into_font().color(&color),
            ))?;
            continue;
        }
        chart.draw_series(LineSeries::new(points, color.stroke_width(2)).point_size(3))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_figure_is_one_line_of_its_own_colour() {
        let first = dates::parse("2024-11-01").unwrap();
        let days: Vec<Day> = (0..5)
            .map(|i| Day {
                stat_time: first + i * dates::DAY,
                chat_cnt: i,
                reply_percentage: (i % 2 == 0).then_some(50.0),
                avg_reply_time: (i == 3).then_some(4.0),
                ..Day::default()
            })
            .collect();
        let mut svg = String::new();
        {
            let root = SVGBackend::with_string(&mut svg, SIZE).into_drawing_area();
            draw(&root, &days, "test").unwrap();
            root.present().unwrap();
        }
        for (figure, color) in FIGURES.iter().zip(PALETTE) {
            let stroke = format!(
                "<polyline fill=\"none\" opacity=\"1\" stroke=\"#{:02X}{:02X}{:02X}\"",
                color.0, color.1, color.2
            );
            assert_eq!(svg.matches(&stroke).count(), 1, "{}", figure.key);
            assert!(svg.contains(figure.key), "{}", figure.key);
        }
        assert!(svg.contains("\n11-03\n"), "dates along the bottom");
        assert!(!svg.contains("no data"));
    }

    #[test]
    fn a_figure_without_any_value_says_so() {
        let days = [Day::default(), Day::default()];
        let mut svg = String::new();
        {
            let root = SVGBackend::with_string(&mut svg, SIZE).into_drawing_area();
            draw(&root, &days, "test").unwrap();
            root.present().unwrap();
        }
        // reply_percentage and avg_reply_time: no day has one.
        assert_eq!(svg.matches("\nno data\n").count(), 2);
    }
}
