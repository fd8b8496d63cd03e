//! rustprep: auto-graded exercises for the thirteen questions most asked in Rust interviews.
//!
//! Data flows one way: `info.toml` ([`info_file`]) → the exercise list ([`exercise`], [`kit`]) →
//! the runner ([`runner`], which uses [`build_crate`], [`compile`], [`supervise`] and [`judge`])
//! → [`outcome`] values → reports ([`report`]) and the screens of the commands ([`commands`],
//! [`watch`] and [`interview`], built on [`tui`]). The UI never compiles; the runner never
//! prints.

pub mod answer_code;
pub mod atomic_file;
pub mod batch;
pub mod build_crate;
pub mod cli;
pub mod commands;
pub mod compile;
pub mod dep_info;
pub mod direct_rustc;
pub mod editor;
pub mod escape;
pub mod exercise;
pub mod exit;
pub mod file_kind;
pub mod fnv;
pub mod info_file;
pub mod interview;
pub mod invocation;
pub mod job_queue;
pub mod judge;
pub mod kit;
pub mod kit_check;
#[cfg(unix)]
pub mod launch;
pub mod layout;
pub mod libraries;
pub mod limits;
pub mod miri;
pub mod outcome;
pub mod partition;
pub mod primed;
pub mod process_slots;
pub mod progress;
pub mod report;
pub mod rule_check;
pub mod rules;
pub mod rules_build;
pub mod rules_cache;
pub mod runner;
pub mod rustc_limits;
pub mod sandbox;
pub mod shared_std;
pub mod shipped;
pub mod stall;
pub mod state;
pub mod style;
pub mod supervise;
pub mod toolchain;
pub mod tui;
pub mod watch;
pub mod wrong_fixes;
