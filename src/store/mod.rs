//! Store adapters, chosen by the database URL's scheme.

#[macro_use]
mod sql;
mod postgres;
mod sqlite;

use std::sync::Arc;

use crate::ports::{Store, StoreError};

pub use postgres::PostgresStore;
pub use sqlite::SqliteStore;

/// Connects to the database named by `url`, creating and migrating it as needed.
pub async fn connect(url: &str, max_connections: u32) -> Result<Arc<dyn Store>, StoreError> {
    if url.starts_with("sqlite:") {
        Ok(Arc::new(SqliteStore::connect(url, max_connections).await?))
    } else {
        Ok(Arc::new(
            PostgresStore::connect(url, max_connections).await?,
        ))
    }
}

pub(crate) fn ts(t: chrono::DateTime<chrono::Utc>) -> i64 {
    t.timestamp()
}

pub(crate) fn from_ts(secs: i64) -> Result<chrono::DateTime<chrono::Utc>, StoreError> {
    chrono::DateTime::from_timestamp(secs, 0)
        .ok_or_else(|| StoreError::Corrupt(format!("timestamp out of range: {secs}")))
}

pub(crate) fn query_err(e: sqlx::Error) -> StoreError {
    match e {
        sqlx::Error::PoolTimedOut | sqlx::Error::PoolClosed | sqlx::Error::Io(_) => {
            StoreError::unavailable(e)
        }
        other => StoreError::query(other),
    }
}
