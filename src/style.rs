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

/// Applies the choice for the whole process.
pub fn apply(choice: ColorChoice) {
    let on = match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            std::io::stdout().is_terminal()
                && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
                && std::env::var("TERM").map_or(true, |t| t != "dumb")
        }
    };
    colored::control::set_override(on);
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
