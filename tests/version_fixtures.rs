//! Committed `.pyc` files of every CPython version kiln reads (`tests/fixtures/versions/3.X/`,
//! made by `tools/gen_version_fixtures.sh` from some differential cases), built with kiln and
//! run: each must print what that CPython printed (`NAME.stdout`) and exit as it did
//! (`NAME.status`). Unlike the differential tests, this needs no interpreter, so every version's
//! decoder and lifter are exercised on any machine.

mod support;

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

use support::{run_with_timeout, TempDir};

fn fixtures_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures/versions")
}

/// Builds and runs one fixture; a description of what differs, if anything.
fn check(pyc: &Path, work: &Path) -> Option<String> {
    let name = pyc.file_stem().unwrap().to_string_lossy().into_owned();
    let dir = pyc.parent().unwrap();
    let want_out = fs::read(dir.join(format!("{name}.stdout"))).ok()?;
    let want_status: i32 = fs::read_to_string(dir.join(format!("{name}.status")))
        .ok()?
        .trim()
        .parse()
        .ok()?;
    let exe = work.join(&name);
    let built = Command::new(env!("CARGO_BIN_EXE_kiln"))
        .arg("build")
        .arg(pyc)
        .arg("-o")
        .arg(&exe)
        .output();
    match built {
        Ok(o) if o.status.success() => {}
        Ok(o) => {
            return Some(format!(
                "kiln build failed: {}",
                String::from_utf8_lossy(&o.stderr)
            ))
        }
        Err(e) => return Some(format!("cannot run kiln: {e}")),
    }
    let mut cmd = Command::new(&exe);
    cmd.current_dir(work);
    let out = match run_with_timeout(&mut cmd, Duration::from_secs(60)) {
        Ok(o) => o,
        Err(e) => return Some(format!("cannot run the executable: {e}")),
    };
    if out.stdout != want_out {
        return Some("stdout differs from the committed output".into());
    }
    if out.status.code() != Some(want_status) {
        return Some(format!(
            "exit status {:?}, CPython's was {want_status}",
            out.status
        ));
    }
    None
}

#[test]
fn every_version_fixture_matches_its_cpython() {
    let tmp = TempDir::new("kiln-version-fixtures").expect("temporary directory");
    let mut versions: Vec<PathBuf> = fs::read_dir(fixtures_dir())
        .expect("tests/fixtures/versions")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.is_dir())
        .collect();
    versions.sort();
    let (mut passed, mut failures) = (0, Vec::new());
    for v in &versions {
        let mut pycs: Vec<PathBuf> = fs::read_dir(v)
            .unwrap()
            .flatten()
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|e| e == "pyc"))
            .collect();
        pycs.sort();
        let work = tmp.path().join(v.file_name().unwrap());
        fs::create_dir_all(&work).unwrap();
        let mut ok = 0;
        for pyc in &pycs {
            match check(pyc, &work) {
                None => ok += 1,
                Some(why) => failures.push(format!("{}: {why}", pyc.display())),
            }
        }
        println!(
            "version_fixtures: CPython {}: {ok} of {} pass",
            v.file_name().unwrap().to_string_lossy(),
            pycs.len()
        );
        passed += ok;
    }
    assert!(passed > 0, "no fixtures found");
    assert!(
        failures.is_empty(),
        "fixtures that differ:\n{}",
        failures.join("\n")
    );
}
