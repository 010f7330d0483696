//! No output is lost at exit: buffered `sys.stdout` and open files that were never closed or
//! flushed are written out when the program ends normally, by `sys.exit`, and by an uncaught
//! exception, exactly as CPython 3.11 writes them (stdout a pipe, so block-buffered in both).
//! SIGTERM and Ctrl-C are covered by `tests/signals.rs`.
//!
//! Without a CPython 3.11 the test prints a note and passes without checking anything.

mod support;

use std::fs;
use std::process::Command;
use std::time::Duration;

use support::{find_oracle_python, last_nonempty_line, run_with_timeout, TempDir};

/// The endings: each program writes stdout and two files (one text, one binary), then ends so.
const ENDINGS: [(&str, &str); 4] = [
    ("normal", "pass"),
    ("sys_exit", "import sys\nsys.exit(3)"),
    ("exception", "raise ValueError('at the end')"),
    ("exit_message", "raise SystemExit('bye')"),
];

fn program(ending: &str) -> String {
    format!(
        "\
t = open('text.txt', 'w')
b = open('data.bin', 'wb')
for i in range(2000):
    print('line', i)
    t.write(f'text {{i}}\\n')
b.write(bytes(range(256)) * 10)
{ending}
"
    )
}

#[test]
fn output_is_flushed_at_every_ending() {
    let py = match find_oracle_python() {
        Ok(p) => p,
        Err(why) => {
            eprintln!("note: skipped, needs CPython 3.11: {why}");
            return;
        }
    };
    for (name, ending) in ENDINGS {
        let dir = TempDir::new("kiln-exit-flush").expect("cannot create a temporary directory");
        let pyc = py
            .compile_source(dir.path(), name, &program(ending))
            .expect("CPython cannot compile the program");
        let exe = dir.join(name);
        let built = run_with_timeout(
            Command::new(env!("CARGO_BIN_EXE_kiln"))
                .arg("build")
                .arg(&pyc)
                .arg("-o")
                .arg(&exe),
            Duration::from_secs(120),
        )
        .expect("cannot run kiln");
        assert!(built.status.success(), "{}", built.stderr_text());

        let mut outcomes = Vec::new();
        for mut cmd in [
            {
                let mut c = Command::new(&py.program);
                c.arg(&pyc);
                c
            },
            Command::new(&exe),
        ] {
            let out = run_with_timeout(cmd.current_dir(dir.path()), Duration::from_secs(60))
                .expect("cannot run the program");
            let text = fs::read(dir.join("text.txt")).unwrap_or_default();
            let data = fs::read(dir.join("data.bin")).unwrap_or_default();
            let _ = fs::remove_file(dir.join("text.txt"));
            let _ = fs::remove_file(dir.join("data.bin"));
            outcomes.push((
                out.status,
                out.stdout_text(),
                last_nonempty_line(&out.stderr_text()).to_string(),
                text,
                data,
            ));
        }
        let (expected, got) = (&outcomes[0], &outcomes[1]);
        assert_eq!(got.0, expected.0, "{name}: exit status");
        assert_eq!(got.1, expected.1, "{name}: stdout");
        assert_eq!(got.2, expected.2, "{name}: last line of stderr");
        assert_eq!(got.3, expected.3, "{name}: the text file");
        assert_eq!(got.4, expected.4, "{name}: the binary file");
        assert_eq!(
            got.3.len(),
            (0..2000)
                .map(|i| format!("text {i}\n").len())
                .sum::<usize>()
        );
        assert_eq!(got.4.len(), 2560, "{name}");
    }
}
