//! The JSON file of `kiln bench`: the setup, each timed program's times and ratio, the programs
//! that failed, and the geometric mean. Written by hand (the `kiln` crate has no dependencies).

use super::{geomean, Failure, Setup, Timing};

/// `s` as a JSON string literal.
pub fn string(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// `x` as a JSON number (`null` when it is not finite, which JSON cannot say).
pub fn number(x: f64) -> String {
    if x.is_finite() {
        format!("{x}")
    } else {
        "null".into()
    }
}

fn numbers(xs: &[f64]) -> String {
    let items: Vec<String> = xs.iter().map(|&x| number(x)).collect();
    format!("[{}]", items.join(", "))
}

/// The whole file.
pub fn report(s: &Setup, timings: &[Timing], failures: &[Failure]) -> String {
    let mut o = String::from("{\n");
    let field = |o: &mut String, key: &str, value: String| {
        o.push_str(&format!("  {}: {value},\n", string(key)));
    };
    field(&mut o, "kiln_version", string(env!("CARGO_PKG_VERSION")));
    field(&mut o, "target", string(&s.target));
    field(
        &mut o,
        "runner",
        s.runner.as_deref().map(string).unwrap_or("null".into()),
    );
    field(
        &mut o,
        "interpreter",
        format!(
            "{{\"name\": {}, \"command\": {}, \"executable\": {}, \"version\": {}, \"implementation\": {}, \"runs\": {}}}",
            string(&s.interpreter_name),
            string(&s.interpreter_command),
            string(&s.interpreter_executable),
            string(&s.interpreter_version),
            string(&s.implementation),
            string(s.runs)
        ),
    );
    field(&mut o, "warmup_runs", s.warmup.to_string());
    field(&mut o, "timed_runs", s.timed_runs.to_string());
    field(
        &mut o,
        "ratio",
        string("interpreter median time / kiln median time; above 1 means kiln is faster"),
    );
    field(
        &mut o,
        "spread",
        string(
            "ratio_min and ratio_max: the smallest and largest ratio of one timed interpreter \
             run to the kiln run right after it",
        ),
    );
    let programs: Vec<String> = timings
        .iter()
        .map(|t| {
            let (lo, hi) = t.spread();
            format!(
                "    {{\"name\": {}, \"path\": {}, \"python_median_s\": {}, \"kiln_median_s\": {}, \
                 \"ratio\": {}, \"ratio_min\": {}, \"ratio_max\": {}, \"python_times_s\": {}, \
                 \"kiln_times_s\": {}}}",
                string(&t.name),
                string(&t.path.to_string_lossy()),
                number(t.python_median()),
                number(t.kiln_median()),
                number(t.ratio()),
                number(lo),
                number(hi),
                numbers(&t.python),
                numbers(&t.kiln)
            )
        })
        .collect();
    field(&mut o, "programs", list(&programs));
    let failed: Vec<String> = failures
        .iter()
        .map(|f| {
            format!(
                "    {{\"name\": {}, \"path\": {}, \"error\": {}}}",
                string(&f.name),
                string(&f.path.to_string_lossy()),
                string(&f.message)
            )
        })
        .collect();
    field(&mut o, "failed", list(&failed));
    let geo = geomean(timings).map(number).unwrap_or("null".into());
    o.push_str(&format!("  \"geomean\": {geo}\n}}\n"));
    o
}

/// Items already indented by four spaces, as a JSON array.
fn list(items: &[String]) -> String {
    if items.is_empty() {
        "[]".into()
    } else {
        format!("[\n{}\n  ]", items.join(",\n"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_are_escaped() {
        assert_eq!(string("a\"b\\c\nd\u{1}é"), "\"a\\\"b\\\\c\\nd\\u0001é\"");
    }

    #[test]
    fn numbers_that_json_cannot_say_are_null() {
        assert_eq!(number(1.5), "1.5");
        assert_eq!(number(f64::NAN), "null");
        assert_eq!(number(f64::INFINITY), "null");
    }
}
