//! The traits the flow talks to, and the values they exchange. Nothing else lives here.

pub mod directory;
pub mod notifier;
pub mod store;

pub use directory::{Directory, DirectoryError, DirectoryErrorKind};
pub use notifier::{Message, Notifier, NotifyError};
pub use store::{Store, StoreError};

/// The breached-password check is a port too; its adapters live in `crate::breached`.
pub use crate::breached::BreachedCheck;
