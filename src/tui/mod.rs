//! The pieces a full-screen command (`watch`, `interview`) is built from: the terminal guard
//! ([`terminal`]), the keyboard ([`keys`]) and file saves ([`files`]). Each feeds the command's
//! own event type through a channel, so one loop owns all the command's state.

pub mod files;
pub mod jobs;
pub mod keys;
pub mod signals;
pub mod terminal;
