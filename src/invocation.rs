//! How the user starts rustprep, so that messages name commands they can type: `cargo run -- X`
//! in a clone of the kit (cargo sets CARGO_MANIFEST_DIR for what `cargo run` starts), and
//! `rustprep X` for an installed binary.

/// The command line that runs rustprep with `args`.
pub fn command(args: &str) -> String {
    if std::env::var_os("CARGO_MANIFEST_DIR").is_some() {
        format!("cargo run -- {args}")
    } else {
        format!("rustprep {args}")
    }
}
