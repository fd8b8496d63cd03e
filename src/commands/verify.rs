//! `rustprep verify`: check many exercises at once, in parallel, and report in the format asked
//! for; or grade a class of submissions (or one share of it, `--partition`) into a gradebook.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

use anyhow::{Context, Result, bail};
use colored::Colorize;
use indicatif::{ProgressBar, ProgressStyle};

use super::{Exit, class};
use crate::atomic_file;
use crate::cli::VerifyArgs;
use crate::exercise::Exercise;
use crate::kit::{Kit, Source};
use crate::process_slots::ProcessSlots;
use crate::report::{self, Format, Graded, gradebook, html, json};
use crate::runner::{self, Event, ManyEnd, RunOptions};
use crate::rustc_limits::CompileLimits;
use crate::sandbox::SandboxMode;
use crate::state::State;
use crate::supervise::Cancel;

use super::{cancel_on_signals, interrupted};

pub fn verify(kit: &Kit, request: &VerifyArgs) -> Result<Exit> {
    kit.list.require_any()?;
    let indices = kit.list.select(&request.selectors)?;
    // A report that cannot be written is said before the grading, not after it.
    if let Some(path) = &request.output {
        atomic_file::check(path)
            .with_context(|| format!("cannot write the report to {}", path.display()))?;
    }
    let grading = request.exercises.is_some() || request.submissions.is_some();
    let mode = request.sandbox.unwrap_or(if grading {
        SandboxMode::Auto
    } else {
        SandboxMode::Off
    });
    let sandbox = super::sandbox(mode)?;
    let options = RunOptions {
        jobs: request.jobs.max(1),
        test_slots: std::sync::Arc::new(ProcessSlots::new(request.test_threads)),
        // A submission that compiles for ever, or crashes the compiler, fails alone; in the
        // sandbox, the compiler too reads only the student's folder and the hidden tests.
        compile_limits: grading.then_some(CompileLimits {
            timeout: kit.settings.compile_timeout,
            memory: crate::limits::COMPILE_MEMORY,
            confine: sandbox.is_some(),
        }),
        sandbox,
        ..RunOptions::default()
    };
    let cancel = cancel_on_signals();
    if let Some(dir) = &request.submissions {
        return grade_class(kit, dir, &indices, &options, &cancel, request);
    }
    let source = match (&request.exercises, request.solutions) {
        (Some(dir), _) => Source::Folder(folder(dir)?),
        (None, true) => Source::Solutions,
        (None, false) => Source::Learner,
    };

    let bar = progress_bar(indices.len(), "exercises");
    let on_event = |event: Event<'_>| match event {
        Event::Compiling { count, .. } => bar.set_message(format!("compiling {count} exercises")),
        Event::Running { .. } => bar.set_message("running hidden tests"),
        Event::Finished { .. } => bar.inc(1),
    };
    let sources = [source];
    let end = runner::run_many(kit, &sources, &indices, &options, &cancel, &on_event)?;
    bar.finish_and_clear();
    let ManyEnd::Done(mut per_source) = end else {
        return Ok(interrupted());
    };
    let results = per_source.pop().unwrap_or_default();
    let [source] = sources;

    let exercises = kit.list.exercises();
    let graded = Graded {
        kit,
        source: &source,
        results: results.iter().map(|(i, o)| (&exercises[*i], o)).collect(),
    };
    let rendered = report::render(
        request.format,
        &graded,
        request.verbose,
        std::time::SystemTime::now(),
    )?;
    match &request.output {
        Some(path) => {
            atomic_file::write(path, strip_if_file(request.format, &rendered).as_bytes())?;
            let passed = results.iter().filter(|(_, o)| o.passed()).count();
            eprintln!(
                "Wrote {}: {passed} passed, {} failed.",
                path.display(),
                results.len() - passed
            );
        }
        None => print!("{rendered}"),
    }

    if source == Source::Learner {
        State::update(kit, |state| {
            for (index, outcome) in &results {
                state.mark(&exercises[*index].name, outcome.passed());
            }
        })?;
    }
    let kit_sound =
        source != Source::Solutions || kit_check(kit, &indices, &options, &cancel, request.format)?;
    Ok(if kit_sound && results.iter().all(|(_, o)| o.passed()) {
        Exit::Ok
    } else {
        Exit::Failed
    })
}

/// Grades every folder in `dir` (or those of the share `--partition` asks for) as a student's
/// submission, all built together and run by the same pool of jobs; writes the gradebook and one
/// JSON report per student.
fn grade_class(
    kit: &Kit,
    dir: &Path,
    indices: &[usize],
    options: &RunOptions,
    cancel: &Cancel,
    request: &VerifyArgs,
) -> Result<Exit> {
    let dir = folder(dir)?;
    let class = class::read(&dir)?;
    for warning in &class.warnings {
        eprintln!("warning: {warning}");
    }
    let class_size = class.students.len();
    let students = match request.partition {
        Some(share) => share.select(class.students, |s| s.name.as_str()),
        None => class.students,
    };
    let output = request
        .output
        .as_deref()
        .context("--submissions needs --output")?;
    let reports_dir = output
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let page = class_page(output, request.format)?;
    // Every file the grading will write, checked before it starts.
    if let Some(page) = &page {
        atomic_file::check(page)
            .with_context(|| format!("cannot write the class page to {}", page.display()))?;
    }
    for student in &students {
        let report = reports_dir.join(&student.report);
        atomic_file::check(&report)
            .with_context(|| format!("cannot write {}'s report", student.name))?;
    }
    let sources: Vec<Source> = students.iter().map(|s| s.source.clone()).collect();

    let bar = progress_bar(students.len(), "students graded");
    let finished: Vec<AtomicUsize> = students.iter().map(|_| AtomicUsize::new(0)).collect();
    let (files, compiled) = (AtomicUsize::new(0), AtomicUsize::new(0));
    let on_event = |event: Event<'_>| match event {
        Event::Compiling { count, distinct } => {
            compiled.store(distinct, Ordering::SeqCst);
            files.store(count, Ordering::SeqCst);
            bar.set_message(format!("compiling {distinct} exercises"));
        }
        Event::Running { .. } => bar.set_message("running hidden tests"),
        Event::Finished { source, .. } => {
            if finished[source].fetch_add(1, Ordering::SeqCst) + 1 == indices.len() {
                bar.inc(1);
            }
        }
    };
    // A share with no students still writes its gradebook, the columns alone, for the merge.
    let per_source = if students.is_empty() {
        Vec::new()
    } else {
        match runner::run_many(kit, &sources, indices, options, cancel, &on_event)? {
            ManyEnd::Done(per_source) => per_source,
            ManyEnd::Cancelled => return Ok(interrupted()),
        }
    };
    bar.finish_and_clear();

    let exercises = kit.list.exercises();
    let graded: Vec<(String, Graded<'_>)> = students
        .iter()
        .zip(&per_source)
        .map(|(student, results)| {
            let graded = Graded {
                kit,
                source: &student.source,
                results: results.iter().map(|(i, o)| (&exercises[*i], o)).collect(),
            };
            (student.name.clone(), graded)
        })
        .collect();

    for (student, (_, g)) in students.iter().zip(&graded) {
        atomic_file::write(
            &reports_dir.join(&student.report),
            json::render(g)?.as_bytes(),
        )?;
    }
    let columns: Vec<&Exercise> = indices.iter().map(|&i| &exercises[i]).collect();
    atomic_file::write(output, gradebook::render(&columns, &graded)?.as_bytes())?;
    let mut written = output.display().to_string().bold().to_string();
    if let Some(page) = &page {
        let html = html::render(kit, &graded, std::time::SystemTime::now());
        atomic_file::write(page, html.as_bytes())?;
        written = format!("{written}, {}", page.display().to_string().bold());
    }
    for (name, g) in &graded {
        let (earned, possible) = g.points();
        println!("{name:<24} {earned:>4}/{possible}");
    }
    if let Some(share) = request.partition {
        println!(
            "Share {share} of the class: {} of its {class_size} students",
            graded.len()
        );
    }
    if graded.is_empty() {
        println!(
            "No submission in this share: {} holds the gradebook's columns alone",
            output.display().to_string().bold()
        );
        return Ok(Exit::Ok);
    }
    println!(
        "{} submissions graded: {written} and one JSON report per student in {}",
        graded.len(),
        reports_dir.display()
    );
    let (files, compiled) = (files.into_inner(), compiled.into_inner());
    if files > compiled {
        println!(
            "{files} exercise files, {compiled} of them compiled: the other {} are byte for byte \
             one of those",
            files - compiled
        );
    }
    Ok(Exit::Ok)
}

/// Where the class page goes when `format` asks for one: beside the gradebook `output`, with its
/// name and the extension `.html`.
fn class_page(output: &Path, format: Format) -> Result<Option<PathBuf>> {
    if format != Format::Html {
        return Ok(None);
    }
    let page = output.with_extension("html");
    if page == output {
        bail!(
            "--output {} is where the CSV gradebook goes, and the class page is written beside \
             it with the same name and .html: name the gradebook .csv",
            output.display()
        );
    }
    Ok(Some(page))
}

/// After the solutions, the rest of the kit check; says what it found. `true` when all is well.
fn kit_check(
    kit: &Kit,
    indices: &[usize],
    options: &RunOptions,
    cancel: &Cancel,
    format: Format,
) -> Result<bool> {
    let spinner = ProgressBar::new_spinner()
        .with_message("checking the kit: shipped exercises, the wrong-fix corpus, rustfmt, clippy");
    spinner.enable_steady_tick(std::time::Duration::from_millis(100));
    let findings = crate::kit_check::check(kit, indices, options, cancel)?;
    spinner.finish_and_clear();
    let (notices, problems): (Vec<_>, Vec<_>) = findings.iter().partition(|f| f.notice);
    let mut text = String::new();
    for n in &notices {
        text.push_str(&format!("Note: {}\n", n.problem));
    }
    if problems.is_empty() {
        text.push_str("Kit check: every shipped exercise fails, every wrong fix of the corpus gets its verdict, and the files, hints and formatting are in order.\n");
    } else {
        text.push_str(&format!("Kit check: {} problem(s)\n", problems.len()));
        for f in &problems {
            text.push_str(&format!("  - {}\n", f.problem.replace('\n', "\n    ")));
        }
    }
    // Beside a machine-readable report on standard output, the check speaks on standard error.
    match format {
        Format::Text => print!("{text}"),
        _ => eprint!("{text}"),
    }
    Ok(problems.is_empty())
}

fn folder(dir: &Path) -> Result<PathBuf> {
    if !dir.is_dir() {
        bail!("{} is not a folder", dir.display());
    }
    Ok(std::path::absolute(dir)?)
}

fn progress_bar(len: usize, what: &str) -> ProgressBar {
    ProgressBar::new(len as u64).with_style(
        ProgressStyle::with_template(&format!("{{bar:30.green}} {{pos}}/{{len}} {what} {{msg}}"))
            .expect("the template is valid"),
    )
}

/// A report written to a file never carries terminal colour.
fn strip_if_file(format: Format, rendered: &str) -> String {
    match format {
        Format::Text => strip_ansi_escapes::strip_str(rendered),
        _ => rendered.to_owned(),
    }
}
