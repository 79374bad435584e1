//! The traits the flow talks to, and the values they exchange. Nothing else lives here.

pub mod breached;
pub mod directory;
pub mod notifier;
pub mod on_premises;
pub mod store;

pub use directory::{Directory, DirectoryError, DirectoryErrorKind};
pub use notifier::{Message, Notifier, NotifyError};
pub use on_premises::{
    OnPremises, OnPremisesError, OnPremisesErrorKind, OnPremisesExpiries, OnPremisesExpiry,
    OnPremisesMatch, OnPremisesName, OnPremisesRules, OnPremisesUser,
};
pub use store::{Store, StoreError};

pub use breached::{BreachedCheck, BreachedError};
