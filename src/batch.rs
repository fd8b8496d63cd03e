//! Batches: many sources' copies of one exercise compiled as a single test binary, a module each,
//! for sources that trust one another (the kit's own wrong-fix corpus; never a class, where one
//! student's module could name a classmate's items). rustc's start-up, reading std's metadata,
//! costs more than a small exercise's own code, so one crate for ten copies compiles in a
//! fraction of the time of ten crates.
//!
//! A batch never changes a verdict: one that does not compile cleanly, or that read a file outside
//! its sources, is dropped, and its copies are compiled one crate each as without batching. Each
//! copy's tests still run one process each, under the copy's module (see
//! [`Compiled::tests_under`]). A batched copy's outcome carries no compiler warnings.

use std::collections::HashSet;
use std::sync::Mutex;

use anyhow::Result;

use crate::build_crate::{self, Group};
use crate::compile::{self, CompileEnd, OnReady, Wanted};
use crate::dep_info;
use crate::exercise::{Exercise, Mode};
use crate::kit::{Kit, Source};
use crate::supervise::Cancel;

#[cfg(doc)]
use crate::compile::Compiled;

pub enum BatchEnd {
    /// The exercises batched: each copy of them (one for every source `owns`) was told to
    /// `on_ready`. The others are for the caller to compile a crate each.
    Done(HashSet<String>),
    Cancelled,
}

/// Compiles, for each exercise of `group` at `indices` that at least two sources own, the
/// owners' copies as one batch. `owns(source, exercise)`: whether that source's copy is one to
/// compile. Each copy is told to `on_ready` as soon as its batch has built.
#[allow(clippy::too_many_arguments)]
pub fn compile(
    kit: &Kit,
    sources: &[Source],
    indices: &[usize],
    group: Group,
    owns: &dyn Fn(usize, &Exercise) -> bool,
    jobs: usize,
    cancel: &Cancel,
    on_ready: OnReady<'_>,
) -> Result<BatchEnd> {
    let batches: Vec<(&Exercise, Vec<usize>)> = indices
        .iter()
        .map(|&i| &kit.list.exercises()[i])
        .filter(|e| Group::of(e) == group && batchable(kit, e))
        .map(|e| (e, (0..sources.len()).filter(|&s| owns(s, e)).collect()))
        .filter(|(e, owners): &(_, Vec<usize>)| {
            owners.len() >= 2
                && owners
                    .iter()
                    .all(|&s| build_crate::shareable(&kit.file_in(&sources[s], e)))
        })
        .collect();
    if batches.is_empty() {
        return Ok(BatchEnd::Done(HashSet::new()));
    }
    let ws = build_crate::prepare_batch(kit, sources, group, &batches)?;
    let wanted: Vec<Wanted> = batches
        .iter()
        .map(|(e, _)| Wanted {
            exercise: e.name.clone(),
            test: true,
            bin: false,
        })
        .collect();
    let ws_dir = ws.manifest.parent().unwrap_or(&kit.root);
    let support = crate::layout::test_support_dir(&kit.root);
    // Only a batch that built cleanly is told, and each of its copies with it.
    let batched = Mutex::new(HashSet::new());
    let batch_built = |_: usize, name: &str, batch: &compile::Compiled| {
        let Some((exercise, owners)) = batches.iter().find(|(e, _)| e.name == name) else {
            return;
        };
        let Some(exe) = batch.test_exe.as_ref() else {
            return;
        };
        let mut allowed: Vec<_> = owners
            .iter()
            .map(|&s| kit.file_in(&sources[s], exercise))
            .collect();
        allowed.push(kit.hidden_tests(exercise));
        let read = dep_info::files_read(exe, ws_dir);
        if !dep_info::outside(&read, &allowed, &[ws_dir.join("gen"), support.clone()]).is_empty() {
            return;
        }
        for &s in owners {
            let mut copy = compile::Compiled::default();
            copy.test_exe = Some(exe.clone());
            copy.tests_under = format!("{}::", build_crate::batch_module(s));
            on_ready(s, name, &copy);
        }
        batched
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .insert(exercise.name.clone());
    };
    match compile::compile(&ws, &wanted, jobs, &kit.root, None, cancel, &batch_built)? {
        CompileEnd::Done(_) => Ok(BatchEnd::Done(
            batched.into_inner().unwrap_or_else(|e| e.into_inner()),
        )),
        CompileEnd::Cancelled => Ok(BatchEnd::Cancelled),
    }
}

/// Whether an exercise's copies can share a crate: only tests (a program's `main` is its crate's
/// own), not checked under Miri (which builds each source's crate), and with hidden tests that
/// declare nothing a crate may have only once, but the counting allocator (mounted once at the
/// batch's root) and no other support file.
fn batchable(kit: &Kit, exercise: &Exercise) -> bool {
    if exercise.mode != Mode::Test || exercise.miri {
        return false;
    }
    let Ok(tests) = std::fs::read_to_string(kit.hidden_tests(exercise)) else {
        return false;
    };
    let support_files = tests.matches("exercise_support").count();
    support_files == tests.matches(build_crate::COUNTING_MOUNT).count()
        && !["global_allocator", "no_mangle", "export_name"]
            .iter()
            .any(|once| tests.contains(once))
}
