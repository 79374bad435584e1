//! Password expiry reminders.

pub mod expiry;
pub mod pass;
pub mod schedule;
