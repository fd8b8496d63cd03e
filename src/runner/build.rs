//! Building a run's exercises, group by group (batches first, when asked for), and handing each
//! job to the test workers as soon as its build is there, while the rest of the build goes on.

use std::collections::{HashMap, HashSet};
use std::path::Path;
use std::sync::{Arc, Mutex};

use anyhow::Result;

use super::{Plan, RunOptions};
use crate::batch::{self, BatchEnd};
use crate::build_crate::{self, Group, Workspace};
use crate::compile::{self, CompileEnd, Compiled, Wanted};
use crate::dep_info;
use crate::direct_rustc;
use crate::exercise::{Exercise, Mode};
use crate::job_queue::JobQueue;
use crate::kit::{Kit, Source};
use crate::libraries;
use crate::supervise::Cancel;

/// A job of a run: the index of its (source, exercise) in the run's list, and the build its
/// tests run from (shared by the sources whose files are the same); `None` when the source has
/// no file to grade.
pub(super) type Job = (usize, Option<Arc<Compiled>>);

/// Builds every exercise of `jobs`, group by group (batches first, when asked for), and queues
/// each job once its build is there: as soon as it has built, or when the build ends for one
/// that did not. Jobs with no file to grade are queued first. `Ok(false)` when cancelled.
pub(super) fn build_all(
    plan: &Plan<'_>,
    queue: &JobQueue<Job>,
    options: &RunOptions,
    cancel: &Cancel,
) -> Result<bool> {
    let Plan { kit, sources, .. } = *plan;
    let exercises = kit.list.exercises();
    // The jobs waiting for each build, by (owner, exercise).
    let mut waiting: HashMap<(usize, String), Vec<usize>> = HashMap::new();
    for (slot, &(source, index)) in plan.jobs.iter().enumerate() {
        let exercise = &exercises[index];
        if plan.has_file(source, exercise) {
            let owner = plan.owner(source, exercise);
            waiting
                .entry((owner, exercise.name.clone()))
                .or_default()
                .push(slot);
        } else {
            queue.push((slot, None));
        }
    }
    let waiting = Mutex::new(waiting);
    let enqueue = |owner: usize, name: &str, built: Compiled| {
        let slots = waiting
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .remove(&(owner, name.to_owned()))
            .unwrap_or_default();
        let built = Arc::new(built);
        for slot in slots {
            queue.push((slot, Some(Arc::clone(&built))));
        }
    };
    for group in [Group::Plain, Group::WithDependencies] {
        if let Some(ws) = plan.workspaces.get(&group)
            && !build_group(plan, ws, &enqueue, options, cancel)?
        {
            return Ok(false);
        }
    }
    let left = waiting.into_inner().unwrap_or_else(|e| e.into_inner());
    if let Some(((owner, name), _)) = left.iter().next() {
        anyhow::bail!(
            "{name} of {} was not built",
            kit.display_path(&kit.source_dir(&sources[*owner]))
        );
    }
    Ok(true)
}

/// Builds the exercises of one group (one workspace): batches first, when asked for, then the
/// rest; each build is handed to `enqueue` as soon as it is there. `Ok(false)` when cancelled.
fn build_group(
    plan: &Plan<'_>,
    ws: &Workspace,
    enqueue: &(dyn Fn(usize, &str, Compiled) + Sync),
    options: &RunOptions,
    cancel: &Cancel,
) -> Result<bool> {
    let Plan { kit, sources, .. } = *plan;
    let exercises = kit.list.exercises();
    let group = ws.group;
    let owns = |s: usize, e: &Exercise| plan.owns(s, e);
    let batched: HashSet<String> = if options.batch {
        // A batch checks its own reads, against all its sources' files.
        let ready = |s: usize, name: &str, copy: &Compiled| enqueue(s, name, copy.clone());
        let end = batch::compile(
            kit,
            sources,
            plan.indices,
            group,
            &owns,
            options.jobs,
            cancel,
            &ready,
        )?;
        match end {
            BatchEnd::Done(batched) => batched,
            BatchEnd::Cancelled => return Ok(false),
        }
    } else {
        HashSet::new()
    };
    let wanted: Vec<Wanted> = plan
        .indices
        .iter()
        .map(|&i| &exercises[i])
        .filter(|e| Group::of(e) == group && !batched.contains(&e.name))
        .filter(|e| ws.members.iter().any(|m| m.exercises.contains(&e.name)))
        .map(|e| Wanted {
            exercise: e.name.clone(),
            test: build_crate::has_hidden_tests(kit, e),
            bin: e.mode == Mode::Run,
        })
        .collect();
    if wanted.is_empty() {
        return Ok(true);
    }
    let limits = options.compile_limits;
    // One exercise's tests, ungraded (no limits): the learner's loop, which skips cargo.
    let direct = match (&wanted[..], &ws.members[..], libraries::crates(kit, group)) {
        ([only], [member], Some(crates)) if limits.is_none() && only.test && !only.bin => {
            let exercise = kit.list.get(&only.exercise)?;
            let files = [
                kit.file_in(&sources[member.source], exercise),
                kit.hidden_tests(exercise),
            ];
            let files = [files[0].as_path(), files[1].as_path()];
            let name = &only.exercise;
            direct_rustc::compile(ws, member, name, files, &crates, &kit.root, cancel)?
        }
        _ => None,
    };
    let queued = Mutex::new(HashSet::new());
    let ready = |owner: usize, name: &str, built: &Compiled| {
        let mut built = built.clone();
        refuse_outside_reads(kit, sources, ws, owner, name, &mut built);
        enqueue(owner, name, built);
        queued
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .insert((owner, name.to_owned()));
    };
    let end = match direct {
        Some(end) => end,
        None => compile::compile(ws, &wanted, options.jobs, &kit.root, limits, cancel, &ready)?,
    };
    let CompileEnd::Done(compiled) = end else {
        return Ok(false);
    };
    let queued = queued.into_inner().unwrap_or_else(|e| e.into_inner());
    for ((owner, name), mut built) in compiled {
        if !queued.contains(&(owner, name.clone())) {
            refuse_outside_reads(kit, sources, ws, owner, &name, &mut built);
            enqueue(owner, &name, built);
        }
    }
    Ok(true)
}

/// An exercise whose build read a file outside it (an `include_str!` of the solutions, of a
/// classmate's file) does not compile: what the learner wrote must stand on its own. `owner` is
/// the source whose member of `ws` built it.
fn refuse_outside_reads(
    kit: &Kit,
    sources: &[Source],
    ws: &Workspace,
    owner: usize,
    name: &str,
    built: &mut Compiled,
) {
    let ws_dir = ws.manifest.parent().unwrap_or(Path::new("."));
    let (Some(member), Ok(exercise)) = (
        ws.members.iter().find(|m| m.source == owner),
        kit.list.get(name),
    ) else {
        return;
    };
    let allowed = [
        kit.file_in(&sources[owner], exercise),
        kit.hidden_tests(exercise),
    ];
    let dirs = [
        member.dir.join("gen"),
        crate::layout::test_support_dir(&kit.root),
    ];
    let outside: Vec<_> = [&built.test_exe, &built.bin_exe]
        .into_iter()
        .flatten()
        .flat_map(|exe| dep_info::outside(&dep_info::files_read(exe, ws_dir), &allowed, &dirs))
        .collect();
    if let Some(file) = outside.first() {
        built.has_errors = true;
        built.diagnostics.push_str(&format!(
            "error: this exercise reads {} at compile time, and an exercise may read only its own file (through include!, include_str! or include_bytes!)\n",
            kit.display_path(&std::fs::canonicalize(file).unwrap_or_else(|_| file.clone()))
        ));
    }
}
