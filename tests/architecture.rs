//! The shape of the code: no module of src/ reaches, through its imports, back to itself. A
//! circle makes two modules one in all but name, so the data flow (info.toml → exercise list →
//! runner → outcome → reporters and screens) stays one way only if this holds.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// Every `.rs` file under `dir`.
fn rust_files(dir: &Path, found: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("src/ is readable") {
        let path = entry.expect("src/ is readable").path();
        if path.is_dir() {
            rust_files(&path, found);
        } else if path.extension().is_some_and(|e| e == "rs") {
            found.push(path);
        }
    }
}

/// `src/watch/view.rs` → `watch::view`; `src/watch/mod.rs` → `watch`.
fn module_of(src: &Path, file: &Path) -> String {
    let rel = file
        .strip_prefix(src)
        .expect("under src")
        .with_extension("");
    let mut parts: Vec<String> = rel
        .iter()
        .map(|p| p.to_string_lossy().into_owned())
        .collect();
    if matches!(
        parts.last().map(String::as_str),
        Some("mod" | "lib" | "main")
    ) {
        parts.pop();
    }
    parts.join("::")
}

/// The paths after `prefix` in `text` (`crate::kit::Kit` → `kit::Kit`).
fn paths_after<'t>(text: &'t str, prefix: &str) -> Vec<&'t str> {
    text.match_indices(prefix)
        .filter(|(at, _)| {
            // A whole word: not the tail of `mycrate::`.
            !text[..*at]
                .chars()
                .next_back()
                .is_some_and(|c| c.is_alphanumeric() || c == '_')
        })
        .map(|(at, _)| {
            let rest = &text[at + prefix.len()..];
            let end = rest
                .find(|c: char| !(c.is_alphanumeric() || c == '_' || c == ':'))
                .unwrap_or(rest.len());
            rest[..end].trim_end_matches(':')
        })
        .collect()
}

/// The longest known module that `path` (`a::b::Item`) starts with.
fn longest_module<'m>(modules: &'m BTreeSet<String>, path: &str) -> Option<&'m String> {
    let parts: Vec<&str> = path.split("::").collect();
    (1..=parts.len())
        .rev()
        .find_map(|n| modules.get(&parts[..n].join("::")))
}

/// Which modules each module names, outside its unit tests and doc comments.
fn import_graph() -> BTreeMap<String, BTreeSet<String>> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    let modules: BTreeSet<String> = files.iter().map(|f| module_of(&src, f)).collect();
    let mut graph = BTreeMap::new();
    for file in &files {
        let module = module_of(&src, file);
        let text = std::fs::read_to_string(file).expect("readable source");
        let code: String = text
            .split("#[cfg(test)]")
            .next()
            .unwrap_or_default()
            .lines()
            .filter(|l| !l.trim_start().starts_with("//"))
            .collect::<Vec<_>>()
            .join("\n");
        let parent = module.rsplit_once("::").map_or("", |(p, _)| p).to_owned();
        let mut named = BTreeSet::new();
        for path in paths_after(&code, "crate::") {
            named.extend(longest_module(&modules, path).cloned());
        }
        for path in paths_after(&code, "super::") {
            let full = if parent.is_empty() {
                path.to_owned()
            } else {
                format!("{parent}::{path}")
            };
            named.extend(
                longest_module(&modules, &full)
                    .or_else(|| modules.get(&parent))
                    .cloned(),
            );
        }
        named.remove(&module);
        named.remove("");
        graph.insert(module, named);
    }
    graph
}

/// A circle through `start`, if there is one: the modules in order.
fn circle_through(graph: &BTreeMap<String, BTreeSet<String>>, start: &str) -> Option<Vec<String>> {
    let mut stack = vec![(start.to_owned(), vec![start.to_owned()])];
    let mut seen = BTreeSet::new();
    while let Some((at, path)) = stack.pop() {
        for next in graph.get(&at).into_iter().flatten() {
            if next == start {
                return Some(path.clone());
            }
            if seen.insert(next.clone()) {
                let mut longer = path.clone();
                longer.push(next.clone());
                stack.push((next.clone(), longer));
            }
        }
    }
    None
}

/// `a::b` → `a`: the top-level module.
fn top(module: &str) -> String {
    module.split("::").next().unwrap_or_default().to_owned()
}

#[track_caller]
fn assert_no_circles(graph: &BTreeMap<String, BTreeSet<String>>) {
    let circles: Vec<String> = graph
        .keys()
        .filter_map(|m| circle_through(graph, m))
        .map(|c| c.join(" → "))
        .collect();
    assert!(
        circles.is_empty(),
        "import circles:\n{}",
        circles.join("\n")
    );
}

#[test]
fn no_module_imports_itself_through_others() {
    let graph = import_graph();
    assert!(
        graph.contains_key("runner") && graph["runner"].contains("compile"),
        "the import graph was not read: the runner must be seen to use the compiler"
    );
    assert_no_circles(&graph);
}

#[test]
fn no_top_level_module_imports_itself_through_others() {
    let mut tops: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for (module, named) in import_graph() {
        let entry = tops.entry(top(&module)).or_default();
        entry.extend(named.iter().map(|n| top(n)).filter(|n| *n != top(&module)));
    }
    assert_no_circles(&tops);
}

#[test]
fn the_screens_never_build_or_compile() {
    let graph = import_graph();
    for (module, named) in &graph {
        if ["tui", "watch", "interview"].contains(&top(module).as_str()) {
            for forbidden in ["build_crate", "compile", "rules_build", "judge", "miri"] {
                assert!(
                    !named.iter().any(|n| top(n) == forbidden),
                    "{module} uses {forbidden}: screens go through the runner"
                );
            }
        }
    }
}
