//! The launcher (`rustprep __launch`) that test processes, programs and tools start through:
//! the child gets its limits as it would if forked with them, goes when the process that started
//! it dies, holds nothing of the launcher's, and a program that cannot start is the same error a
//! failed spawn is. Unix only: elsewhere children are started without it.
#![cfg(unix)]

#[cfg(target_os = "linux")]
use std::io::{BufRead, BufReader};
use std::process::Command;
#[cfg(target_os = "linux")]
use std::process::Stdio;
#[cfg(target_os = "linux")]
use std::time::{Duration, Instant};

use rustprep::launch;
#[cfg(target_os = "linux")]
use rustprep::launch::LAUNCH;
use rustprep::limits::BACKGROUND_NICE;
use rustprep::supervise::{self, Cancel, Ending, Limits};

const RUSTPREP: &str = env!("CARGO_BIN_EXE_rustprep");

fn through_launcher(cmd: &mut Command, limits: &Limits) -> anyhow::Result<supervise::Finished> {
    launch::use_helper(RUSTPREP.into());
    supervise::run(cmd, limits, &Cancel::default())
}

/// This process's nice value, which a child inherits (and may only raise, unprivileged).
fn own_nice() -> i32 {
    // SAFETY: a plain system call about this process.
    unsafe { libc::getpriority(libc::PRIO_PROCESS, 0) }
}

#[test]
fn a_child_gets_its_memory_limit_and_nice_value() {
    let limits = Limits {
        memory: Some(64 << 20),
        background: true,
        ..Limits::default()
    };
    let mut cmd = Command::new("sh");
    cmd.args([
        "-c",
        "ulimit -d; ulimit -H -d; nice; echo \"$RP_LAUNCH_TEST\"; pwd",
    ])
    .env("RP_LAUNCH_TEST", "kept")
    .current_dir("/");
    let finished = through_launcher(&mut cmd, &limits).unwrap();
    assert!(matches!(finished.ending, Ending::Exited(s) if s.success()));
    let nice = BACKGROUND_NICE.max(own_nice());
    assert_eq!(
        finished.stdout.text(),
        format!("65536\n65536\n{nice}\nkept\n/\n"),
        "a 64 MiB limit (soft and hard, in KiB), the background's nice value, the command's \
         environment and folder"
    );
}

#[test]
fn a_child_without_limits_keeps_the_normal_priority() {
    let limits = Limits {
        memory: None,
        ..Limits::default()
    };
    let mut cmd = Command::new("sh");
    cmd.args(["-c", "nice; ulimit -H -d"]);
    let finished = through_launcher(&mut cmd, &limits).unwrap();
    let ours = rlimit::getrlimit(rlimit::Resource::DATA).unwrap().1;
    let ours = if ours == rlimit::INFINITY {
        "unlimited".to_owned()
    } else {
        (ours / 1024).to_string()
    };
    assert_eq!(finished.stdout.text(), format!("{}\n{ours}\n", own_nice()));
}

#[test]
fn a_program_that_is_nowhere_is_an_error_at_once() {
    let mut cmd = Command::new("rustprep-test-no-such-program");
    let error = through_launcher(&mut cmd, &Limits::default()).unwrap_err();
    let error = format!("{error:#}");
    assert!(
        error.contains("failed to start `rustprep-test-no-such-program`")
            && error.contains("No such file or directory"),
        "{error}"
    );
}

#[test]
fn a_program_that_cannot_run_is_an_error_that_says_why() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("not-executable");
    std::fs::write(&file, "#!/bin/sh\necho ran\n").unwrap();
    let limits = Limits {
        memory: None,
        ..Limits::default()
    };
    let error = through_launcher(&mut Command::new(&file), &limits).unwrap_err();
    let error = format!("{error:#}");
    assert!(
        error.contains("not-executable") && error.contains("Permission denied"),
        "{error}"
    );
}

/// What the program holds: /dev/null as its input, and the same descriptors as a shell started
/// straight from here with the same input and output (whatever this test process inherited): its
/// report pipe is closed at the program's start, so nothing of the launcher's reaches it.
#[cfg(target_os = "linux")]
#[test]
fn the_program_holds_no_descriptor_of_the_launcher() {
    let script = "readlink /proc/$$/fd/0; ls /proc/$$/fd";
    let mut cmd = Command::new("sh");
    cmd.args(["-c", script]);
    let finished = through_launcher(&mut cmd, &Limits::default()).unwrap();
    let straight = Command::new("sh")
        .args(["-c", script])
        .stdin(Stdio::null())
        .stderr(Stdio::piped())
        .output()
        .unwrap();
    let straight = String::from_utf8(straight.stdout).unwrap();
    assert!(straight.starts_with("/dev/null\n"), "{straight}");
    assert_eq!(finished.stdout.text(), straight);
}

/// The launcher's child goes when the process that started it is killed (SIGKILL leaves that
/// process no chance to stop it): here a shell starts it and is killed.
#[cfg(target_os = "linux")]
#[test]
fn a_child_goes_when_its_starter_is_killed() {
    let script = format!("'{RUSTPREP}' {LAUNCH} $$ - 0 -- sleep 60 & echo $!; wait");
    let mut starter = Command::new("sh")
        .args(["-c", &script])
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let mut line = String::new();
    BufReader::new(starter.stdout.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    let child: u32 = line.trim().parse().unwrap();
    // The launcher has become `sleep` (or is about to): then its starter dies.
    let comm = format!("/proc/{child}/comm");
    let became = Instant::now();
    while std::fs::read_to_string(&comm).map_or(true, |c| c.trim() != "sleep") {
        assert!(
            became.elapsed() < Duration::from_secs(30),
            "the launcher never became sleep"
        );
        std::thread::sleep(Duration::from_millis(5));
    }
    starter.kill().unwrap();
    starter.wait().unwrap();
    let gone = Instant::now();
    loop {
        // Dead, or dead and not yet reaped by whoever inherited it.
        let status = std::fs::read_to_string(format!("/proc/{child}/status")).unwrap_or_default();
        if status.is_empty() || status.contains("State:\tZ") {
            break;
        }
        assert!(
            gone.elapsed() < Duration::from_secs(30),
            "the child outlived the process that started it"
        );
        std::thread::sleep(Duration::from_millis(10));
    }
}
