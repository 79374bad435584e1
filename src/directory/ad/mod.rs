//! On-premises Active Directory, for hybrid users whose password lives there (issue 14):
//! the LDAPS client (`client`) and the wire-level facts it relies on (`wire`). Not yet wired
//! into the reset flow or the reminders.

pub mod client;
pub mod wire;

pub use client::{ActiveDirectory, AdConfig, AdError, AdUser, Found};
