//! Helpers shared by kiln's integration tests (`differential.rs`, `bad_input.rs`):
//! running a process with a time limit, finding a CPython interpreter to act as the
//! oracle, compiling `.py` to `.pyc`, and self-removing temporary directories.
//!
//! Only `std` is used: the `kiln` crate keeps its dev-dependencies empty.

#![allow(dead_code)]

use std::ffi::OsStr;
use std::fs;
use std::io::{self, Read};
use std::os::unix::process::{CommandExt, ExitStatusExt};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::thread;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

/// The CPython minor version whose `.pyc` files the test programs are compiled to.
pub const ORACLE_VERSION: (u32, u32) = (3, 11);

/// How a process ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Status {
    /// Exited normally with this status code.
    Exited(i32),
    /// Killed by this signal (a crash: SIGSEGV, SIGABRT, ...).
    Signaled(i32),
    /// Still running when the time limit passed; it was killed.
    TimedOut,
}

impl Status {
    pub fn code(&self) -> Option<i32> {
        match self {
            Status::Exited(c) => Some(*c),
            _ => None,
        }
    }

    pub fn success(&self) -> bool {
        *self == Status::Exited(0)
    }
}

impl std::fmt::Display for Status {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Status::Exited(c) => write!(f, "exit status {}", c),
            Status::Signaled(s) => write!(f, "killed by signal {}{}", s, signal_name(*s)),
            Status::TimedOut => write!(f, "timed out"),
        }
    }
}

fn signal_name(sig: i32) -> &'static str {
    match sig {
        4 => " (SIGILL)",
        6 => " (SIGABRT)",
        7 => " (SIGBUS)",
        8 => " (SIGFPE)",
        9 => " (SIGKILL)",
        11 => " (SIGSEGV)",
        15 => " (SIGTERM)",
        _ => "",
    }
}

/// The result of a finished (or killed) process.
#[derive(Debug)]
pub struct RunOutput {
    pub status: Status,
    pub stdout: Vec<u8>,
    pub stderr: Vec<u8>,
    pub elapsed: Duration,
}

impl RunOutput {
    pub fn stdout_text(&self) -> String {
        String::from_utf8_lossy(&self.stdout).into_owned()
    }

    pub fn stderr_text(&self) -> String {
        String::from_utf8_lossy(&self.stderr).into_owned()
    }
}

fn drain<R: Read + Send + 'static>(pipe: Option<R>) -> thread::JoinHandle<Vec<u8>> {
    thread::spawn(move || {
        let mut buf = Vec::new();
        if let Some(mut p) = pipe {
            let _ = p.read_to_end(&mut buf);
        }
        buf
    })
}

/// Runs `cmd` with standard input from /dev/null, capturing stdout and stderr, and kills it
/// if it is still running after `timeout`. The process runs in a process group of its own, so
/// that a timeout also ends whatever it started (a shell script's children, an emulator).
pub fn run_with_timeout(cmd: &mut Command, timeout: Duration) -> io::Result<RunOutput> {
    cmd.stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .process_group(0);
    let start = Instant::now();
    let mut child: Child = cmd.spawn()?;
    let out_reader = drain(child.stdout.take());
    let err_reader = drain(child.stderr.take());
    let deadline = start + timeout;
    let mut sleep = Duration::from_millis(1);
    let status = loop {
        match child.try_wait()? {
            Some(st) => {
                break match (st.code(), st.signal()) {
                    (Some(c), _) => Status::Exited(c),
                    (None, Some(s)) => Status::Signaled(s),
                    (None, None) => Status::Exited(-1),
                };
            }
            None => {
                if Instant::now() >= deadline {
                    // The whole group first (std has no killpg), then the child itself.
                    let _ = Command::new("kill")
                        .args(["-KILL", "--", &format!("-{}", child.id())])
                        .stdin(Stdio::null())
                        .stdout(Stdio::null())
                        .stderr(Stdio::null())
                        .status();
                    let _ = child.kill();
                    let _ = child.wait();
                    break Status::TimedOut;
                }
                thread::sleep(sleep);
                sleep = (sleep * 2).min(Duration::from_millis(20));
            }
        }
    };
    let stdout = out_reader.join().unwrap_or_default();
    let stderr = err_reader.join().unwrap_or_default();
    Ok(RunOutput {
        status,
        stdout,
        stderr,
        elapsed: start.elapsed(),
    })
}

/// A directory under `std::env::temp_dir()` with a unique name, removed when dropped
/// (unless `keep` was called).
pub struct TempDir {
    path: PathBuf,
    keep: bool,
}

static TEMP_COUNTER: AtomicUsize = AtomicUsize::new(0);

impl TempDir {
    pub fn new(prefix: &str) -> io::Result<TempDir> {
        let base = std::env::temp_dir();
        loop {
            let nanos = SystemTime::now()
                .duration_since(UNIX_EPOCH)
                .map(|d| d.as_nanos())
                .unwrap_or(0);
            let n = TEMP_COUNTER.fetch_add(1, Ordering::SeqCst);
            let path = base.join(format!("{}-{}-{}-{}", prefix, std::process::id(), nanos, n));
            match fs::create_dir(&path) {
                Ok(()) => return Ok(TempDir { path, keep: false }),
                Err(e) if e.kind() == io::ErrorKind::AlreadyExists => continue,
                Err(e) => return Err(e),
            }
        }
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    pub fn join<P: AsRef<Path>>(&self, p: P) -> PathBuf {
        self.path.join(p)
    }

    /// Leaves the directory in place when dropped (for debugging).
    pub fn keep(&mut self) {
        self.keep = true;
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        if !self.keep {
            let _ = fs::remove_dir_all(&self.path);
        }
    }
}

/// A CPython interpreter found on this machine.
#[derive(Clone, Debug)]
pub struct Python {
    pub program: PathBuf,
    pub version: (u32, u32, u32),
}

impl Python {
    pub fn version_string(&self) -> String {
        format!("{}.{}.{}", self.version.0, self.version.1, self.version.2)
    }

    pub fn minor(&self) -> (u32, u32) {
        (self.version.0, self.version.1)
    }

    /// Compiles `src` to the `.pyc` file `dst` with `py_compile` (errors raised, not printed).
    pub fn compile(&self, src: &Path, dst: &Path) -> Result<(), String> {
        let mut cmd = Command::new(&self.program);
        cmd.arg("-c")
            .arg("import py_compile, sys; py_compile.compile(sys.argv[1], cfile=sys.argv[2], doraise=True)")
            .arg(src)
            .arg(dst);
        match run_with_timeout(&mut cmd, Duration::from_secs(60)) {
            Ok(out) if out.status.success() && dst.is_file() => Ok(()),
            Ok(out) => Err(format!(
                "{} failed to compile {} ({}): {}",
                self.program.display(),
                src.display(),
                out.status,
                out.stderr_text().trim_end()
            )),
            Err(e) => Err(format!("cannot run {}: {}", self.program.display(), e)),
        }
    }

    /// Writes `source` to `dir/name.py` and compiles it to `dir/name.pyc`; returns the .pyc path.
    pub fn compile_source(&self, dir: &Path, name: &str, source: &str) -> Result<PathBuf, String> {
        let src = dir.join(format!("{}.py", name));
        let dst = dir.join(format!("{}.pyc", name));
        fs::write(&src, source).map_err(|e| format!("cannot write {}: {}", src.display(), e))?;
        self.compile(&src, &dst)?;
        Ok(dst)
    }
}

/// Asks `program` for its version; `None` when it cannot be run.
pub fn python_version<S: AsRef<OsStr>>(program: S) -> Option<(u32, u32, u32)> {
    let mut cmd = Command::new(program);
    cmd.arg("-c")
        .arg("import sys; print('%d.%d.%d' % sys.version_info[:3])");
    let out = run_with_timeout(&mut cmd, Duration::from_secs(30)).ok()?;
    if !out.status.success() {
        return None;
    }
    let text = out.stdout_text();
    let mut parts = text.trim().split('.').map(|p| p.parse::<u32>());
    match (parts.next(), parts.next(), parts.next()) {
        (Some(Ok(a)), Some(Ok(b)), Some(Ok(c))) => Some((a, b, c)),
        _ => None,
    }
}

/// `~/.pyenv/versions/<major>.<minor>.*/bin/python3`, the newest patch release found.
pub fn find_pyenv_python(major: u32, minor: u32) -> Option<PathBuf> {
    let home = std::env::var_os("HOME")?;
    let versions = Path::new(&home).join(".pyenv").join("versions");
    let prefix = format!("{}.{}.", major, minor);
    let mut best: Option<(u32, PathBuf)> = None;
    for entry in fs::read_dir(&versions).ok()?.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let Some(rest) = name.strip_prefix(&prefix) else {
            continue;
        };
        let Ok(patch) = rest.parse::<u32>() else {
            continue;
        };
        let exe = entry.path().join("bin").join("python3");
        if exe.is_file() && best.as_ref().is_none_or(|(p, _)| patch > *p) {
            best = Some((patch, exe));
        }
    }
    best.map(|(_, p)| p)
}

/// Finds the oracle interpreter for the test programs.
///
/// * `KILN_PYTHON`, when set, is used whatever its version (`Err` if it does not run);
/// * otherwise `python3` from `PATH` when it is CPython 3.11;
/// * otherwise the newest `~/.pyenv/versions/3.11.*/bin/python3`.
///
/// `Err` explains why none was found.
pub fn find_oracle_python() -> Result<Python, String> {
    if let Some(p) = std::env::var_os("KILN_PYTHON").filter(|p| !p.is_empty()) {
        let program = PathBuf::from(&p);
        return match python_version(&program) {
            Some(version) => Ok(Python { program, version }),
            None => Err(format!("KILN_PYTHON={} cannot be run", program.display())),
        };
    }
    let mut seen = Vec::new();
    if let Some(version) = python_version("python3") {
        if (version.0, version.1) == ORACLE_VERSION {
            return Ok(Python {
                program: PathBuf::from("python3"),
                version,
            });
        }
        seen.push(format!(
            "python3 is {}.{}.{}",
            version.0, version.1, version.2
        ));
    } else {
        seen.push("python3 not found".to_string());
    }
    if let Some(program) = find_pyenv_python(ORACLE_VERSION.0, ORACLE_VERSION.1) {
        if let Some(version) = python_version(&program) {
            return Ok(Python { program, version });
        }
    }
    Err(format!(
        "no CPython {}.{} found ({}; no ~/.pyenv/versions/{}.{}.*; set KILN_PYTHON to choose one)",
        ORACLE_VERSION.0,
        ORACLE_VERSION.1,
        seen.join(", "),
        ORACLE_VERSION.0,
        ORACLE_VERSION.1
    ))
}

/// The last line of `text` that is not blank, without its line ending.
pub fn last_nonempty_line(text: &str) -> &str {
    text.lines()
        .rev()
        .find(|l| !l.trim().is_empty())
        .unwrap_or("")
        .trim_end_matches('\r')
}

/// The first `max` lines of `text`, with a note of how many were left out.
pub fn head_lines(text: &str, max: usize) -> String {
    let lines: Vec<&str> = text.lines().collect();
    let mut s = lines
        .iter()
        .take(max)
        .copied()
        .collect::<Vec<_>>()
        .join("\n");
    if lines.len() > max {
        s.push_str(&format!("\n... ({} more lines)", lines.len() - max));
    }
    s
}

/// The last `max` lines of `text`, with a note of how many were left out.
pub fn tail_lines(text: &str, max: usize) -> String {
    let lines: Vec<&str> = text.lines().collect();
    let skip = lines.len().saturating_sub(max);
    let mut s = String::new();
    if skip > 0 {
        s.push_str(&format!("... ({} lines before)\n", skip));
    }
    s.push_str(&lines[skip..].join("\n"));
    s
}
