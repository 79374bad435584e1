//! The PostgreSQL store, for several instances behind a load balancer.

use std::time::Duration;

use chrono::{DateTime, Utc};
use sqlx::{
    Row,
    postgres::{PgPool, PgPoolOptions, PgRow},
};

use super::{from_ts, query_err, ts};
use crate::ports::{
    StoreError,
    store::{AuditEvent, CodeRow, DayCount, FlowRow, Watch},
};

/// PostgreSQL, for several instances behind a load balancer.
#[derive(Clone, Debug)]
pub struct PostgresStore {
    pool: PgPool,
}

impl PostgresStore {
    pub async fn connect(url: &str, max_connections: u32) -> Result<Self, StoreError> {
        let pool = PgPoolOptions::new()
            .max_connections(max_connections)
            .acquire_timeout(Duration::from_secs(5))
            .connect(url)
            .await
            .map_err(StoreError::unavailable)?;
        sqlx::migrate!("migrations/postgres")
            .run(&pool)
            .await
            .map_err(|e| StoreError::unavailable(format!("migration failed: {e}")))?;
        Ok(Self { pool })
    }
}

super::sql::sql_store!(PostgresStore, PgRow);
