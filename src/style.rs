//! Colour for the terminal: the `--color` choice, `NO_COLOR`, and text that already carries
//! ANSI escapes (rustc's diagnostics) made plain when colour is off.

use std::io::IsTerminal;

use clap::ValueEnum;

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    /// Colour when standard output is a terminal and NO_COLOR is not set.
    Auto,
    Always,
    Never,
}

/// Whether `choice` means colour here: `auto` colours a terminal unless NO_COLOR is set or the
/// terminal is dumb, and CLICOLOR_FORCE colours even a pipe.
pub fn wanted(choice: ColorChoice) -> bool {
    let set = |var: &str| std::env::var_os(var).is_some_and(|v| !v.is_empty() && v != "0");
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto if set("CLICOLOR_FORCE") => true,
        ColorChoice::Auto => {
            std::io::stdout().is_terminal()
                && !set("NO_COLOR")
                && std::env::var("TERM").map_or(true, |t| t != "dumb")
        }
    }
}

/// Applies the choice for the whole process.
pub fn apply(choice: ColorChoice) {
    colored::control::set_override(wanted(choice));
}

pub fn enabled() -> bool {
    colored::control::SHOULD_COLORIZE.should_colorize()
}

/// Text with ANSI colour, kept as is when colour is on and made plain when it is off.
pub fn ansi(text: &str) -> String {
    if enabled() {
        text.to_owned()
    } else {
        strip_ansi_escapes::strip_str(text)
    }
}
