use std::process::ExitCode;

use std::io::Write;

fn main() -> ExitCode {
    // Die quietly, as command-line tools do, when the reader of a pipe goes away
    // (`rustprep list | head`), instead of panicking on the failed write.
    #[cfg(unix)]
    // SAFETY: called first thing, before any thread exists; SIG_DFL is always valid.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
    // The launcher of a child process, started by rustprep itself: not a command for people.
    #[cfg(unix)]
    {
        let mut args = std::env::args_os().skip(1);
        if args.next().is_some_and(|a| a == rustprep::launch::LAUNCH) {
            let args: Vec<std::ffi::OsString> = args.collect();
            let code = rustprep::launch::main(&args);
            return ExitCode::from(u8::try_from(code).unwrap_or(u8::MAX));
        }
    }
    // The supervisor of a confined test process: not a command for people.
    #[cfg(target_os = "linux")]
    {
        let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
        if args.get(1).is_some_and(|a| a == rustprep::sandbox::CONTAIN) {
            let code = rustprep::sandbox::contain::main(&args[2..]);
            return ExitCode::from(u8::try_from(code).unwrap_or(u8::MAX));
        }
    }
    // cargo's wrapper around rustc, when grading: rustc under a time and memory limit.
    if let Some(limits) = rustprep::rustc_limits::from_env() {
        let args: Vec<std::ffi::OsString> = std::env::args_os().skip(1).collect();
        let code = rustprep::rustc_limits::main(limits, &args);
        return ExitCode::from(u8::try_from(code).unwrap_or(1));
    }
    // Children start through this binary's launcher (see rustprep::launch): on Linux the very
    // binary running, even if its file is replaced or deleted while a session goes on.
    #[cfg(target_os = "linux")]
    rustprep::launch::use_helper("/proc/self/exe".into());
    #[cfg(all(unix, not(target_os = "linux")))]
    if let Ok(exe) = std::env::current_exe() {
        rustprep::launch::use_helper(exe);
    }
    let cli = rustprep::cli::Cli::from_env();
    rustprep::style::apply(cli.color);
    match rustprep::commands::dispatch(cli) {
        Ok(code) => code.into(),
        Err(error) => {
            // Not eprintln!: after a hang-up there is no terminal to write to, and that is no
            // reason to panic.
            let _ = writeln!(std::io::stderr(), "error: {error:#}");
            rustprep::commands::Exit::Usage.into()
        }
    }
}
