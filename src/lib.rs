//! Rekey: self-service password reset for Microsoft Entra ID.
//!
//! Layers, outermost first: `web` and `cli` → `flow` → `ports` → adapters
//! (`directory`, `store`, `notify`). Pure layers never import HTTP, SQL or templates.

pub mod admin;
pub mod app;
pub mod breached;
pub mod cli;
pub mod clock;
pub mod directory;
pub mod flow;
pub mod i18n;
pub mod notify;
pub mod outbound;
pub mod permissions;
pub mod policy;
pub mod ports;
pub mod random;
pub mod reminders;
pub mod settings;
pub mod signins;
pub mod simulator;
pub mod store;
pub mod telemetry;
pub mod web;
