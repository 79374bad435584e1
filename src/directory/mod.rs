//! Directory adapters. Microsoft Graph is the production one.

pub mod ad;
pub mod graph;
pub mod memory;

pub use graph::{GraphConfig, GraphDirectory};
