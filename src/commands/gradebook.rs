//! `rustprep gradebook merge`: reads the gradebooks of a class's shares, has
//! [`crate::report::gradebook::merge`] join them, and writes the result to a file (never over one
//! of them) or to standard output. It needs no kit.

use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};

use super::Exit;
use crate::atomic_file;
use crate::report::gradebook::{self, Share};

pub fn merge(gradebooks: &[PathBuf], output: Option<&Path>) -> Result<Exit> {
    if let Some(path) = output {
        atomic_file::check(path)
            .with_context(|| format!("cannot write the gradebook to {}", path.display()))?;
        if let Some(input) = gradebooks.iter().find(|g| same_file(g, path)) {
            bail!(
                "--output {} would overwrite {}, one of the gradebooks to merge: write the merge \
                 to a file of its own",
                path.display(),
                input.display()
            );
        }
    }
    let mut texts = Vec::with_capacity(gradebooks.len());
    for path in gradebooks {
        let text = std::fs::read_to_string(path)
            .with_context(|| format!("cannot read the gradebook {}", path.display()))?;
        texts.push((path.display().to_string(), text));
    }
    let shares: Vec<Share<'_>> = texts
        .iter()
        .map(|(name, text)| Share { name, text })
        .collect();
    let merged = gradebook::merge(&shares)?;
    let merged_from = format!(
        "{} students from {} gradebooks",
        merged.students,
        shares.len()
    );
    match output {
        Some(path) => {
            atomic_file::write(path, merged.csv.as_bytes())?;
            eprintln!("Wrote {}: {merged_from}.", path.display());
        }
        // Beside the gradebook on standard output, the count goes to standard error.
        None => {
            print!("{}", merged.csv);
            eprintln!("Merged {merged_from}.");
        }
    }
    Ok(Exit::Ok)
}

/// Whether `a` and `b` name the same existing file (through links and `..` alike).
fn same_file(a: &Path, b: &Path) -> bool {
    match (std::fs::canonicalize(a), std::fs::canonicalize(b)) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}
