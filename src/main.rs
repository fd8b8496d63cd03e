use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let cli = rustprep::cli::Cli::parse();
    rustprep::style::apply(cli.color);
    match rustprep::commands::dispatch(cli) {
        Ok(code) => code.into(),
        Err(error) => {
            eprintln!("error: {error:#}");
            rustprep::commands::Exit::Usage.into()
        }
    }
}
