//! The breached-password check: whether a password appears in a breach corpus. Its
//! adapters (an offline copy, Have I Been Pwned's range API) live in `crate::breached`.

/// Whether a password appears in the breach corpus.
#[async_trait::async_trait]
pub trait BreachedCheck: Send + Sync {
    /// `Ok(true)` when seen at least `min_count` times. Errors never contain the password.
    async fn is_breached(&self, password: &str) -> Result<bool, BreachedError>;
}

/// A breached-password lookup failed.
#[derive(Debug, thiserror::Error)]
pub enum BreachedError {
    #[error("breached-password list {path}: {source}")]
    Io {
        path: String,
        #[source]
        source: std::io::Error,
    },
    #[error("breached-password list {path}: {problem}")]
    Format { path: String, problem: String },
    #[error("breached-password check: {0}")]
    Config(String),
    #[error("breached-password range API timed out")]
    Timeout,
    #[error("breached-password range API answered HTTP {0}")]
    Status(u16),
    #[error("breached-password range API: {0}")]
    Network(String),
    #[error("breached-password range API sent an unreadable answer: {0}")]
    Response(String),
    #[error("breached-password lookup task failed")]
    Task,
}
