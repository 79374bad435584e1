//! Directory adapters. Microsoft Graph is the production one.

pub mod graph;

pub use graph::{GraphConfig, GraphDirectory};
