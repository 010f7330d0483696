//! The bar chart of `kiln bench`, as SVG: one horizontal bar per program for its ratio
//! (interpreter time / kiln time) with a whisker for its spread, a dashed line at 1.0 (the same
//! speed), the value at the end of each bar, and the geometric mean as the last bar.

use super::{geomean, plural, Setup, Timing};
use std::fmt::Write;

const WIDTH: f64 = 760.0;
const ROW: f64 = 28.0;
const BAR: f64 = 18.0;
const TOP: f64 = 96.0;
const FONT: &str = "system-ui, -apple-system, 'Segoe UI', Helvetica, Arial, sans-serif";
const FASTER: &str = "#4e79a7";
const SLOWER: &str = "#e15759";
const GEOMEAN_FASTER: &str = "#1f3f66";
const GEOMEAN_SLOWER: &str = "#9c2f31";

/// `s` escaped for SVG text and attribute values.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            // Characters XML does not allow at all.
            c if (c as u32) < 0x20 && !matches!(c, '\t' | '\n' | '\r') => out.push('?'),
            c => out.push(c),
        }
    }
    out
}

/// The axis: its largest value and the distance between ticks, so that every bar and whisker
/// fits and there are at most 8 ticks.
fn axis(largest: f64) -> (f64, f64) {
    let want = largest.max(1.0) * 1.05;
    let mut step = 0.1;
    'find: for scale in [1.0, 10.0, 100.0, 1000.0, 10000.0] {
        for s in [0.1, 0.2, 0.25, 0.5] {
            step = s * scale;
            if want / step <= 8.0 {
                break 'find;
            }
        }
    }
    ((want / step).ceil() * step, step)
}

fn tick_label(v: f64) -> String {
    let s = format!("{v:.2}");
    let s = s.trim_end_matches('0').trim_end_matches('.');
    s.to_string()
}

/// The whole chart.
pub fn chart(s: &Setup, timings: &[Timing]) -> String {
    let geo = geomean(timings);
    let longest = timings
        .iter()
        .map(|t| t.name.chars().count())
        .chain(std::iter::once("geomean".len()))
        .max()
        .unwrap_or(7);
    let x0 = (longest as f64 * 7.5 + 24.0).clamp(90.0, 260.0);
    let x1 = WIDTH - 84.0;
    let rows = timings.len() + usize::from(geo.is_some());
    let gap = if geo.is_some() { 12.0 } else { 0.0 };
    let axis_y = TOP + rows.max(1) as f64 * ROW + gap + 6.0;
    let height = axis_y + 44.0;
    let largest = timings
        .iter()
        .map(|t| t.spread().1.max(t.ratio()))
        .chain(geo)
        .filter(|v| v.is_finite())
        .fold(1.0, f64::max);
    let (vmax, step) = axis(largest);
    let x = |v: f64| x0 + (v.clamp(0.0, vmax) / vmax) * (x1 - x0);

    let mut o = String::new();
    let title = format!(
        "kiln vs {} ({}): time ratio",
        s.interpreter_name, s.interpreter_version
    );
    let _ = writeln!(
        o,
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{height}" viewBox="0 0 {WIDTH} {height}" font-family="{}" font-size="13">"#,
        escape(FONT)
    );
    let _ = writeln!(o, "<title>{}</title>", escape(&title));
    let _ = writeln!(
        o,
        r##"<rect x="0" y="0" width="{WIDTH}" height="{height}" fill="#ffffff"/>"##
    );
    let _ = writeln!(
        o,
        r##"<text x="16" y="28" font-size="17" font-weight="bold" fill="#222">{}</text>"##,
        escape(&title)
    );
    let subtitle = [
        format!(
            "bar: {} median time / kiln median time over {} each ({} runs the {}); \
             above 1, kiln is faster",
            s.interpreter_name,
            plural(s.timed_runs, "run"),
            s.interpreter_name,
            s.runs
        ),
        "whisker: the smallest to the largest ratio of one interpreter run to the kiln run \
         after it"
            .to_string(),
    ];
    for (i, line) in subtitle.iter().enumerate() {
        let _ = writeln!(
            o,
            r##"<text x="16" y="{}" font-size="11.5" fill="#555">{}</text>"##,
            50 + 16 * i,
            escape(line)
        );
    }

    // Grid and ticks.
    let mut v = 0.0;
    while v <= vmax + step / 2.0 {
        let gx = x(v);
        let _ = writeln!(
            o,
            r##"<line x1="{gx:.1}" y1="{:.1}" x2="{gx:.1}" y2="{axis_y:.1}" stroke="#e6e6e6" stroke-width="1"/>"##,
            TOP - 4.0
        );
        let _ = writeln!(
            o,
            r##"<text x="{gx:.1}" y="{:.1}" text-anchor="middle" font-size="11" fill="#555">{}</text>"##,
            axis_y + 16.0,
            tick_label(v)
        );
        v += step;
    }
    let _ = writeln!(
        o,
        r##"<line x1="{x0:.1}" y1="{axis_y:.1}" x2="{x1:.1}" y2="{axis_y:.1}" stroke="#999" stroke-width="1"/>"##
    );
    let _ = writeln!(
        o,
        r##"<text x="{:.1}" y="{:.1}" text-anchor="middle" font-size="11" fill="#555">{} time / kiln time</text>"##,
        (x0 + x1) / 2.0,
        axis_y + 34.0,
        escape(&s.interpreter_name)
    );

    if timings.is_empty() {
        let _ = writeln!(
            o,
            r##"<text x="{:.1}" y="{:.1}" text-anchor="middle" fill="#9c2f31">no program was timed</text>"##,
            (x0 + x1) / 2.0,
            TOP + ROW / 2.0 + 4.0
        );
    }
    for (i, t) in timings.iter().enumerate() {
        let y = TOP + i as f64 * ROW;
        let (lo, hi) = t.spread();
        let r = t.ratio();
        let tip = format!(
            "{}: {} {:.3} s, kiln {:.3} s (medians); ratio {:.2}, run pairs {:.2} to {:.2}",
            t.name,
            s.interpreter_name,
            t.python_median(),
            t.kiln_median(),
            r,
            lo,
            hi
        );
        bar(
            &mut o,
            &x,
            y,
            &t.name,
            r,
            Some((lo, hi)),
            if r >= 1.0 { FASTER } else { SLOWER },
            false,
            &tip,
        );
    }
    if let Some(g) = geo {
        let y = TOP + timings.len() as f64 * ROW + gap;
        let _ = writeln!(
            o,
            r##"<line x1="16" y1="{:.1}" x2="{:.1}" y2="{:.1}" stroke="#bbb" stroke-width="1"/>"##,
            y - gap / 2.0,
            WIDTH - 16.0,
            y - gap / 2.0
        );
        let tip = format!("geometric mean of the {} ratios: {g:.2}", timings.len());
        let fill = if g >= 1.0 {
            GEOMEAN_FASTER
        } else {
            GEOMEAN_SLOWER
        };
        bar(&mut o, &x, y, "geomean", g, None, fill, true, &tip);
    }

    // The line at 1.0 goes over the bars.
    let one = x(1.0);
    let _ = writeln!(
        o,
        r##"<line x1="{one:.1}" y1="{:.1}" x2="{one:.1}" y2="{axis_y:.1}" stroke="#333" stroke-width="1.5" stroke-dasharray="5 3"/>"##,
        TOP - 8.0
    );
    let _ = writeln!(
        o,
        r##"<text x="{:.1}" y="{:.1}" font-size="11" fill="#333" stroke="#ffffff" stroke-width="3" paint-order="stroke">1.0 = same speed</text>"##,
        one + 4.0,
        TOP - 12.0
    );
    o.push_str("</svg>\n");
    o
}

/// One row: the label, the bar for `ratio`, the whisker for `spread`, and the value.
#[allow(clippy::too_many_arguments)]
fn bar(
    o: &mut String,
    x: &dyn Fn(f64) -> f64,
    y: f64,
    label: &str,
    ratio: f64,
    spread: Option<(f64, f64)>,
    fill: &str,
    bold: bool,
    tip: &str,
) {
    let x0 = x(0.0);
    let mid = y + ROW / 2.0;
    let weight = if bold { r#" font-weight="bold""# } else { "" };
    let _ = writeln!(o, "<g>");
    let _ = writeln!(o, "<title>{}</title>", escape(tip));
    let _ = writeln!(
        o,
        r##"<text x="{:.1}" y="{:.1}" text-anchor="end" fill="#222"{weight}>{}</text>"##,
        x0 - 8.0,
        mid + 4.5,
        escape(label)
    );
    let end = if ratio.is_finite() { x(ratio) } else { x0 };
    let _ = writeln!(
        o,
        r#"<rect x="{x0:.1}" y="{:.1}" width="{:.1}" height="{BAR}" rx="2" fill="{fill}"/>"#,
        mid - BAR / 2.0,
        (end - x0).max(0.5)
    );
    let mut label_x = end;
    if let Some((lo, hi)) = spread.filter(|(lo, hi)| lo.is_finite() && hi.is_finite()) {
        let (a, b) = (x(lo), x(hi));
        let _ = writeln!(
            o,
            r##"<path d="M{a:.1} {mid:.1}H{b:.1}M{a:.1} {:.1}V{:.1}M{b:.1} {:.1}V{:.1}" stroke="#222" stroke-width="1.2" fill="none"/>"##,
            mid - 5.0,
            mid + 5.0,
            mid - 5.0,
            mid + 5.0
        );
        label_x = label_x.max(b);
    }
    let _ = writeln!(
        o,
        r##"<text x="{:.1}" y="{:.1}" fill="#222" stroke="#ffffff" stroke-width="3" paint-order="stroke"{weight}>{}</text>"##,
        label_x + 6.0,
        mid + 4.5,
        escape(&format!("{ratio:.2}×"))
    );
    let _ = writeln!(o, "</g>");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_escaped() {
        assert_eq!(
            escape("a<b & 'c' \"d\">"),
            "a&lt;b &amp; &apos;c&apos; &quot;d&quot;&gt;"
        );
    }

    #[test]
    fn the_axis_holds_the_largest_value() {
        for v in [0.3, 1.0, 1.7, 4.2, 9.9, 37.0, 250.0] {
            let (max, step) = axis(v);
            assert!(max >= v && max / step <= 8.0 + 1e-9, "{v}: {max} {step}");
        }
    }
}
