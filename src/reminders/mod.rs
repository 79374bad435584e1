//! Password expiry reminders.

pub mod expiry;
