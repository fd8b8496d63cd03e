//! The sandbox learner code is graded in (`--sandbox`), tried as a hostile submission would:
//! read the kit's solutions, overwrite the kit's `info.toml`, write into the kit from a
//! constructor while its tests are listed, connect to a port on this machine, and leave a
//! detached process holding the test's output open. Under the sandbox none of it gets out and
//! the honest answer still gets its result; with `--sandbox off` the same submission reads,
//! writes and connects, which shows each test can tell.
//!
//! Compiling is held too: a submission that includes a file outside its exercise, is a link to
//! one, or compiles for ever fails alone. The fixture is `tests/fixtures/grading/escape/`.
//! Linux only: elsewhere there is no sandbox, and `--sandbox on` must say so.

mod grading_support;

#[cfg(target_os = "linux")]
use std::net::TcpListener;

#[cfg(target_os = "linux")]
use grading_support::Output;
use grading_support::Scene;
#[cfg(target_os = "linux")]
use serde_json::Value;

#[cfg(target_os = "linux")]
struct Escape {
    scene: Scene,
    /// The port the submission is told to connect to; its detached process sleeps as long.
    port: String,
    output: Output,
    json: Value,
    info_before: String,
    info_after: String,
    /// The temporary folder rustprep was given (`TMPDIR`).
    tmp: std::path::PathBuf,
    _listener: TcpListener,
}

#[cfg(target_os = "linux")]
fn escape(mode: &str) -> Escape {
    escape_with(mode, None)
}

/// The run, with `extra` set in rustprep's environment.
#[cfg(target_os = "linux")]
fn escape_with(mode: &str, extra: Option<(&str, &str)>) -> Escape {
    let scene = Scene::new("escape/kit");
    let submission = scene.copy_in("escape/submission", "submission");
    // A submitted file that is a link to the kit's solution.
    std::os::unix::fs::symlink(
        scene.kit().join("solutions/01_escape/links_kit.rs"),
        submission.join("01_escape/links_kit.rs"),
    )
    .unwrap();
    let report = scene.path("report.json");
    let info_before = std::fs::read_to_string(scene.kit().join("info.toml")).unwrap();
    let listener = TcpListener::bind("127.0.0.1:0").expect("a port on loopback");
    let port = listener.local_addr().unwrap().port().to_string();
    let tmp = scene.path("tmp");
    std::fs::create_dir(&tmp).unwrap();
    let mut env = vec![
        ("ESCAPE_PORT", port.as_str()),
        ("TMPDIR", tmp.to_str().expect("a UTF-8 path")),
    ];
    env.extend(extra);
    let output = scene.rustprep_with_env(
        &[
            "verify",
            "--exercises",
            submission.to_str().unwrap(),
            "--sandbox",
            mode,
            "--format",
            "json",
            "--output",
            report.to_str().unwrap(),
        ],
        &env,
    );
    let text =
        std::fs::read_to_string(&report).unwrap_or_else(|e| panic!("no report: {e}\n{output:?}"));
    let info_after = std::fs::read_to_string(scene.kit().join("info.toml")).unwrap();
    Escape {
        json: serde_json::from_str(&text).unwrap(),
        scene,
        port,
        output,
        info_before,
        info_after,
        tmp,
        _listener: listener,
    }
}

#[cfg(target_os = "linux")]
impl Escape {
    fn exercise(&self, name: &str) -> &Value {
        self.json["exercises"]
            .as_array()
            .unwrap()
            .iter()
            .find(|e| e["name"] == name)
            .unwrap_or_else(|| panic!("no exercise {name}\n{:#}", self.json))
    }

    fn status(&self, name: &str) -> &str {
        self.exercise(name)["status"].as_str().unwrap()
    }

    /// Sandbox or not, a submission compiles from its own files only: in the sandbox the compiler cannot read the solution at all; without, the read is found in
    /// what the compiler says it read, and refused.
    fn assert_compiled_from_its_own_files(&self, sandboxed: bool) {
        assert_eq!(
            self.status("includes_kit"),
            "compile_error",
            "{:#}",
            self.json
        );
        let message = self.exercise("includes_kit")["message"]
            .as_str()
            .unwrap_or("");
        let refused = if sandboxed {
            message.contains("couldn't read")
                && message.contains("solutions/01_escape/includes_kit.rs")
                && message.contains("Permission denied")
        } else {
            message.contains("reads solutions/01_escape/includes_kit.rs at compile time")
        };
        assert!(refused, "{message}");
        assert_eq!(self.status("links_kit"), "fail", "{:#}", self.json);
        let note = self.exercise("links_kit")["message"].as_str().unwrap_or("");
        assert!(note.contains("is a symbolic link"), "{note}");
        // A compile that never ends is stopped at the kit's limit, for that exercise alone.
        assert_eq!(
            self.status("compiles_for_ever"),
            "timeout",
            "{:#}",
            self.json
        );
        let message = self.exercise("compiles_for_ever")["message"]
            .as_str()
            .unwrap_or("");
        assert!(
            message.contains("compiling took longer than 5 s, the limit for one exercise"),
            "{message}"
        );
    }

    /// The detached processes of this run still running, once those on their way out are gone
    /// (a moment, not a timing assertion: one left behind is there for minutes).
    fn daemons(&self) -> Vec<(u32, String)> {
        let needle = format!("sleep {}", self.port);
        let mut found = Vec::new();
        for _ in 0..50 {
            found = grading_support::processes_mentioning(&needle);
            if found.is_empty() {
                break;
            }
            std::thread::sleep(std::time::Duration::from_millis(100));
        }
        found
    }
}

/// With user namespaces where the system allows them, and without (Ubuntu 24.04 and GitHub's
/// runners refuse them): Landlock alone holds. The two runs go side by side: each spends most of
/// its time waiting on the kit's limits (a compile that never ends, a test that hangs).
#[cfg(target_os = "linux")]
#[test]
fn in_the_sandbox_nothing_gets_out_and_the_honest_answer_still_counts() {
    let (with, without) = std::thread::scope(|scope| {
        let with = scope.spawn(|| escape("on"));
        let without =
            scope.spawn(|| escape_with("on", Some(("RUSTPREP_SANDBOX_NO_NAMESPACES", "1"))));
        (with.join(), without.join())
    });
    eprintln!("the run with user namespaces where the system allows them:");
    assert_contained(&with.expect("the run with namespaces finished"));
    eprintln!("the run without user namespaces:");
    let without = without.expect("the run without namespaces finished");
    assert!(
        !without.output.stderr.contains("no network"),
        "{:?}",
        without.output
    );
    assert_contained(&without);
}

#[cfg(target_os = "linux")]
fn assert_contained(run: &Escape) {
    run.assert_compiled_from_its_own_files(true);
    run.output.assert_code(1);
    assert!(
        run.output.stderr.contains("Sandbox: Landlock ABI"),
        "{:?}",
        run.output
    );
    assert_eq!(run.status("reads_kit"), "fail", "{:#}", run.json);
    assert_eq!(run.status("writes_kit"), "fail", "{:#}", run.json);
    assert_eq!(
        run.info_after, run.info_before,
        "the kit's info.toml was written"
    );
    // Listing the tests runs the submission's constructor: confined too, it writes nothing, and
    // the honest answer beside it counts.
    assert_eq!(run.status("writes_when_listed"), "pass", "{:#}", run.json);
    assert!(
        !run.scene.kit().join("listed.txt").exists(),
        "the listing wrote into the kit"
    );
    assert_eq!(run.status("connects"), "fail", "{:#}", run.json);
    assert_eq!(run.status("hangs"), "timeout", "{:#}", run.json);
    // The detached process held the output open: the test still reports, and passes.
    assert_eq!(run.status("detaches"), "pass", "{:#}", run.json);
    let left = run.scene.processes_left_behind();
    assert!(left.is_empty(), "left running: {left:#?}");
    let daemons = run.daemons();
    assert!(daemons.is_empty(), "outlived the run: {daemons:?}");
    // Each test's scratch folder is gone with it (the confined supervisor cannot remove it).
    let kept: Vec<_> = std::fs::read_dir(&run.tmp)
        .unwrap()
        .map(|entry| entry.unwrap().file_name())
        .collect();
    assert!(kept.is_empty(), "left in the temporary folder: {kept:?}");
}

#[cfg(target_os = "linux")]
#[test]
fn without_the_sandbox_the_same_submission_reads_writes_and_connects() {
    let run = escape("off");
    run.assert_compiled_from_its_own_files(false);
    assert_eq!(run.status("reads_kit"), "pass", "{:#}", run.json);
    assert_eq!(run.status("writes_kit"), "pass", "{:#}", run.json);
    assert_ne!(run.info_after, run.info_before);
    assert!(
        run.scene.kit().join("listed.txt").exists(),
        "the constructor did not run when the tests were listed\n{:#}",
        run.json
    );
    assert_eq!(run.status("connects"), "pass", "{:#}", run.json);
    // Unconfined, the detached process outlives the run (the sandbox is what stops it).
    let daemons = grading_support::processes_mentioning(&format!("sleep {}", run.port));
    for (pid, _) in &daemons {
        let _ = std::process::Command::new("kill")
            .arg(pid.to_string())
            .status();
    }
    assert!(
        !daemons.is_empty(),
        "the detached process was not started\n{:#}",
        run.json
    );
}

/// rustprep killed outright (SIGKILL: no chance to stop its runs) in the middle of a sandboxed
/// test takes the test, and what the test started, with it.
#[cfg(target_os = "linux")]
#[test]
fn killing_rustprep_leaves_nothing_of_a_sandboxed_run() {
    let scene = Scene::new("escape/kit");
    let submission = scene.copy_in("escape/submission", "submission");
    let listener = TcpListener::bind("127.0.0.1:0").expect("a port on loopback");
    let port = listener.local_addr().unwrap().port().to_string();
    let kit = scene.kit();
    let mut rustprep = std::process::Command::new(env!("CARGO_BIN_EXE_rustprep"))
        .args(["--kit", kit.to_str().unwrap(), "verify", "--exercises"])
        .arg(&submission)
        .args(["--sandbox", "on", "--format", "json", "hangs"])
        .env("ESCAPE_PORT", &port)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .expect("rustprep starts");
    let needle = format!("sleep {port}");
    let started = std::time::Instant::now();
    while grading_support::processes_mentioning(&needle).is_empty() {
        assert!(
            started.elapsed() < std::time::Duration::from_secs(120),
            "the test never started its process"
        );
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    rustprep.kill().expect("rustprep is killed");
    rustprep.wait().unwrap();
    // The supervisor hears its parent die and stops everything: give it a moment (a process
    // left behind is there for minutes, not seconds).
    let mut left = grading_support::processes_mentioning(&needle);
    for _ in 0..50 {
        if left.is_empty() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(100));
        left = grading_support::processes_mentioning(&needle);
    }
    assert!(left.is_empty(), "outlived rustprep: {left:?}");
    let in_scene = scene.processes_left_behind();
    assert!(in_scene.is_empty(), "outlived rustprep: {in_scene:#?}");
}

#[cfg(not(target_os = "linux"))]
#[test]
fn sandbox_on_is_refused_where_there_is_none() {
    let run = Scene::new("escape/kit").rustprep(&["verify", "--sandbox", "on"]);
    run.assert_code(2);
    assert!(run.stderr.contains("needs Linux"), "{run:?}");
}
