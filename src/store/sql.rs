//! The SQL shared by every backend: the same statements run on SQLite and PostgreSQL (both
//! accept `$n` parameters, `RETURNING` and `ON CONFLICT`), so a query is written once.

/// Implements [`crate::ports::Store`] for `$store` (with a `pool` field) over rows `$row`.
macro_rules! sql_store {
    ($store:ty, $row:ty) => {
        mod rows {
            use super::*;
            pub fn flow_from(row: &$row) -> Result<FlowRow, StoreError> {
                Ok(FlowRow {
                    id: row.try_get("id").map_err(query_err)?,
                    data: row.try_get("data").map_err(query_err)?,
                    version: row.try_get("version").map_err(query_err)?,
                    updated_at: from_ts(row.try_get("updated_at").map_err(query_err)?)?,
                    expires_at: from_ts(row.try_get("expires_at").map_err(query_err)?)?,
                })
            }

            pub fn audit_from(row: &$row) -> Result<AuditEvent, StoreError> {
                Ok(AuditEvent {
                    id: row.try_get("id").map_err(query_err)?,
                    at: from_ts(row.try_get("at").map_err(query_err)?)?,
                    correlation_id: row.try_get("correlation_id").map_err(query_err)?,
                    account: row.try_get("account").map_err(query_err)?,
                    action: row.try_get("action").map_err(query_err)?,
                    outcome: row.try_get("outcome").map_err(query_err)?,
                    client_addr: row.try_get("client_addr").map_err(query_err)?,
                    user_agent: row.try_get("user_agent").map_err(query_err)?,
                    detail: row.try_get("detail").map_err(query_err)?,
                })
            }

        }

        #[async_trait::async_trait]
        impl crate::ports::store::Store for $store {

            async fn ping(&self) -> Result<(), StoreError> {
                sqlx::query("SELECT 1")
                    .execute(&self.pool)
                    .await
                    .map(|_| ())
                    .map_err(query_err)
            }

            async fn flow_insert(&self, flow: &FlowRow) -> Result<(), StoreError> {
                sqlx::query(
                    "INSERT INTO flows (id, data, version, updated_at, expires_at) VALUES ($1, $2, $3, $4, $5)",
                )
                .bind(&flow.id)
                .bind(&flow.data)
                .bind(flow.version)
                .bind(ts(flow.updated_at))
                .bind(ts(flow.expires_at))
                .execute(&self.pool)
                .await
                .map(|_| ())
                .map_err(query_err)
            }

            async fn flow_get(&self, id: &str) -> Result<Option<FlowRow>, StoreError> {
                let row = sqlx::query(
                    "SELECT id, data, version, updated_at, expires_at FROM flows WHERE id = $1",
                )
                .bind(id)
                .fetch_optional(&self.pool)
                .await
                .map_err(query_err)?;
                row.as_ref().map(rows::flow_from).transpose()
            }

            async fn flow_update(&self, flow: &FlowRow) -> Result<bool, StoreError> {
                let done = sqlx::query(
                    "UPDATE flows SET data = $1, version = $2, updated_at = $3, expires_at = $4 WHERE id = $5 AND version = $6",
                )
                .bind(&flow.data)
                .bind(flow.version)
                .bind(ts(flow.updated_at))
                .bind(ts(flow.expires_at))
                .bind(&flow.id)
                .bind(flow.version - 1)
                .execute(&self.pool)
                .await
                .map_err(query_err)?;
                Ok(done.rows_affected() == 1)
            }

            async fn flow_delete(&self, id: &str, version: i64) -> Result<bool, StoreError> {
                let mut tx = self.pool.begin().await.map_err(query_err)?;
                let done = sqlx::query("DELETE FROM flows WHERE id = $1 AND version = $2")
                    .bind(id)
                    .bind(version)
                    .execute(&mut *tx)
                    .await
                    .map_err(query_err)?;
                sqlx::query("DELETE FROM codes WHERE flow_id = $1")
                    .bind(id)
                    .execute(&mut *tx)
                    .await
                    .map_err(query_err)?;
                tx.commit().await.map_err(query_err)?;
                Ok(done.rows_affected() == 1)
            }

            async fn flows_prune(&self, now: DateTime<Utc>) -> Result<u64, StoreError> {
                let mut tx = self.pool.begin().await.map_err(query_err)?;
                sqlx::query(
                    "DELETE FROM codes WHERE flow_id IN (SELECT id FROM flows WHERE expires_at < $1)",
                )
                .bind(ts(now))
                .execute(&mut *tx)
                .await
                .map_err(query_err)?;
                let done = sqlx::query("DELETE FROM flows WHERE expires_at < $1")
                    .bind(ts(now))
                    .execute(&mut *tx)
                    .await
                    .map_err(query_err)?;
                tx.commit().await.map_err(query_err)?;
                Ok(done.rows_affected())
            }

            async fn retention_prune(&self, before: DateTime<Utc>) -> Result<u64, StoreError> {
                let mut n = 0;
                for sql in [
                    "DELETE FROM audit WHERE at < $1",
                    "DELETE FROM counters WHERE window_start < $1",
                    "DELETE FROM locks WHERE until < $1",
                ] {
                    n += sqlx::query(sql)
                        .bind(ts(before))
                        .execute(&self.pool)
                        .await
                        .map_err(query_err)?
                        .rows_affected();
                }
                Ok(n)
            }

            async fn code_put(&self, code: &CodeRow) -> Result<(), StoreError> {
                sqlx::query(
                    "INSERT INTO codes (flow_id, method, hash, expires_at, attempts, consumed) VALUES ($1, $2, $3, $4, $5, $6)
                     ON CONFLICT (flow_id, method) DO UPDATE SET hash = excluded.hash, expires_at = excluded.expires_at,
                     attempts = excluded.attempts, consumed = excluded.consumed",
                )
                .bind(&code.flow_id)
                .bind(&code.method)
                .bind(&code.hash)
                .bind(ts(code.expires_at))
                .bind(i64::from(code.attempts))
                .bind(code.consumed)
                .execute(&self.pool)
                .await
                .map(|_| ())
                .map_err(query_err)
            }

            async fn code_get(&self, flow_id: &str, method: &str) -> Result<Option<CodeRow>, StoreError> {
                let row = sqlx::query(
                    "SELECT flow_id, method, hash, expires_at, attempts, consumed FROM codes WHERE flow_id = $1 AND method = $2",
                )
                .bind(flow_id)
                .bind(method)
                .fetch_optional(&self.pool)
                .await
                .map_err(query_err)?;
                let Some(row) = row else { return Ok(None) };
                let attempts: i64 = row.try_get("attempts").map_err(query_err)?;
                Ok(Some(CodeRow {
                    flow_id: row.try_get("flow_id").map_err(query_err)?,
                    method: row.try_get("method").map_err(query_err)?,
                    hash: row.try_get("hash").map_err(query_err)?,
                    expires_at: from_ts(row.try_get("expires_at").map_err(query_err)?)?,
                    attempts: u32::try_from(attempts).unwrap_or(u32::MAX),
                    consumed: row.try_get("consumed").map_err(query_err)?,
                }))
            }

            async fn code_fail(&self, flow_id: &str, method: &str) -> Result<u32, StoreError> {
                let row = sqlx::query(
                    "UPDATE codes SET attempts = attempts + 1 WHERE flow_id = $1 AND method = $2 RETURNING attempts",
                )
                .bind(flow_id)
                .bind(method)
                .fetch_optional(&self.pool)
                .await
                .map_err(query_err)?;
                let n: i64 = match row {
                    Some(r) => r.try_get("attempts").map_err(query_err)?,
                    None => 0,
                };
                Ok(u32::try_from(n).unwrap_or(u32::MAX))
            }

            async fn code_consume(&self, flow_id: &str, method: &str) -> Result<bool, StoreError> {
                let done = sqlx::query(
                    "UPDATE codes SET consumed = TRUE WHERE flow_id = $1 AND method = $2 AND consumed = FALSE",
                )
                .bind(flow_id)
                .bind(method)
                .execute(&self.pool)
                .await
                .map_err(query_err)?;
                Ok(done.rows_affected() == 1)
            }

            async fn counter_hit(&self, key: &str, window_start: i64) -> Result<u32, StoreError> {
                let row = sqlx::query(
                    "INSERT INTO counters (key, window_start, count) VALUES ($1, $2, 1)
                     ON CONFLICT (key, window_start) DO UPDATE SET count = counters.count + 1 RETURNING count",
                )
                .bind(key)
                .bind(window_start)
                .fetch_one(&self.pool)
                .await
                .map_err(query_err)?;
                let n: i64 = row.try_get("count").map_err(query_err)?;
                Ok(u32::try_from(n).unwrap_or(u32::MAX))
            }

            async fn counter_get(&self, key: &str, window_start: i64) -> Result<u32, StoreError> {
                let n: Option<i64> =
                    sqlx::query_scalar("SELECT count FROM counters WHERE key = $1 AND window_start = $2")
                        .bind(key)
                        .bind(window_start)
                        .fetch_optional(&self.pool)
                        .await
                        .map_err(query_err)?;
                Ok(n.map_or(0, |n| u32::try_from(n).unwrap_or(u32::MAX)))
            }

            async fn lock_set(
                &self,
                key: &str,
                until: DateTime<Utc>,
                now: DateTime<Utc>,
            ) -> Result<bool, StoreError> {
                let done = sqlx::query(
                    "INSERT INTO locks (key, until) VALUES ($1, $2)
                     ON CONFLICT (key) DO UPDATE SET until = excluded.until WHERE locks.until <= $3",
                )
                .bind(key)
                .bind(ts(until))
                .bind(ts(now))
                .execute(&self.pool)
                .await
                .map_err(query_err)?;
                Ok(done.rows_affected() == 1)
            }

            async fn lock_get(&self, key: &str) -> Result<Option<DateTime<Utc>>, StoreError> {
                let until: Option<i64> = sqlx::query_scalar("SELECT until FROM locks WHERE key = $1")
                    .bind(key)
                    .fetch_optional(&self.pool)
                    .await
                    .map_err(query_err)?;
                until.map(from_ts).transpose()
            }

            async fn audit_append(&self, e: &AuditEvent) -> Result<(), StoreError> {
                sqlx::query(
                    "INSERT INTO audit (id, at, correlation_id, account, action, outcome, client_addr, user_agent, detail)
                     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
                )
                .bind(&e.id)
                .bind(ts(e.at))
                .bind(&e.correlation_id)
                .bind(&e.account)
                .bind(&e.action)
                .bind(&e.outcome)
                .bind(&e.client_addr)
                .bind(&e.user_agent)
                .bind(&e.detail)
                .execute(&self.pool)
                .await
                .map(|_| ())
                .map_err(query_err)
            }

            async fn audit_after(
                &self,
                at: DateTime<Utc>,
                after_id: &str,
                limit: u32,
            ) -> Result<Vec<AuditEvent>, StoreError> {
                let rows = sqlx::query(
                    "SELECT id, at, correlation_id, account, action, outcome, client_addr, user_agent, detail
                     FROM audit WHERE at > $1 OR (at = $1 AND id > $2) ORDER BY at, id LIMIT $3",
                )
                .bind(ts(at))
                .bind(after_id)
                .bind(i64::from(limit))
                .fetch_all(&self.pool)
                .await
                .map_err(query_err)?;
                rows.iter().map(rows::audit_from).collect()
            }

            async fn ledger_get(
                &self,
                user_id: &str,
                cycle: i64,
            ) -> Result<Vec<(u32, String)>, StoreError> {
                let rows = sqlx::query(
                    "SELECT threshold, status FROM reminder_ledger WHERE user_id = $1 AND cycle = $2",
                )
                .bind(user_id)
                .bind(cycle)
                .fetch_all(&self.pool)
                .await
                .map_err(query_err)?;
                rows.iter()
                    .map(|r| {
                        let t: i64 = r.try_get("threshold").map_err(query_err)?;
                        let s: String = r.try_get("status").map_err(query_err)?;
                        Ok((u32::try_from(t).unwrap_or(0), s))
                    })
                    .collect()
            }

            async fn ledger_record(
                &self,
                user_id: &str,
                cycle: i64,
                threshold: u32,
                at: DateTime<Utc>,
            ) -> Result<bool, StoreError> {
                let done = sqlx::query(
                    "INSERT INTO reminder_ledger (user_id, cycle, threshold, status, recorded_at) VALUES ($1, $2, $3, 'pending', $4)
                     ON CONFLICT (user_id, cycle, threshold) DO NOTHING",
                )
                .bind(user_id)
                .bind(cycle)
                .bind(i64::from(threshold))
                .bind(ts(at))
                .execute(&self.pool)
                .await
                .map_err(query_err)?;
                Ok(done.rows_affected() == 1)
            }

            async fn ledger_mark(
                &self,
                user_id: &str,
                cycle: i64,
                threshold: u32,
                status: &str,
                at: DateTime<Utc>,
            ) -> Result<(), StoreError> {
                sqlx::query(
                    "UPDATE reminder_ledger SET status = $1, sent_at = $2 WHERE user_id = $3 AND cycle = $4 AND threshold = $5",
                )
                .bind(status)
                .bind(ts(at))
                .bind(user_id)
                .bind(cycle)
                .bind(i64::from(threshold))
                .execute(&self.pool)
                .await
                .map(|_| ())
                .map_err(query_err)
            }

            async fn lease_acquire(
                &self,
                name: &str,
                holder: &str,
                until: DateTime<Utc>,
                now: DateTime<Utc>,
            ) -> Result<bool, StoreError> {
                let done = sqlx::query(
                    "INSERT INTO leases (name, holder, until) VALUES ($1, $2, $3)
                     ON CONFLICT (name) DO UPDATE SET holder = excluded.holder, until = excluded.until
                     WHERE leases.holder = excluded.holder OR leases.until < $4",
                )
                .bind(name)
                .bind(holder)
                .bind(ts(until))
                .bind(ts(now))
                .execute(&self.pool)
                .await
                .map_err(query_err)?;
                Ok(done.rows_affected() == 1)
            }

            async fn lease_release(&self, name: &str, holder: &str) -> Result<(), StoreError> {
                sqlx::query("DELETE FROM leases WHERE name = $1 AND holder = $2")
                    .bind(name)
                    .bind(holder)
                    .execute(&self.pool)
                    .await
                    .map(|_| ())
                    .map_err(query_err)
            }

            async fn lease_get(
                &self,
                name: &str,
            ) -> Result<Option<(String, DateTime<Utc>)>, StoreError> {
                let row = sqlx::query("SELECT holder, until FROM leases WHERE name = $1")
                    .bind(name)
                    .fetch_optional(&self.pool)
                    .await
                    .map_err(query_err)?;
                match row {
                    Some(r) => Ok(Some((
                        r.try_get("holder").map_err(query_err)?,
                        from_ts(r.try_get("until").map_err(query_err)?)?,
                    ))),
                    None => Ok(None),
                }
            }

            async fn daily_counts(&self, since: DateTime<Utc>) -> Result<Vec<DayCount>, StoreError> {
                let resets = sqlx::query(
                    "SELECT at / 86400 AS day, COUNT(*) AS n FROM audit
                     WHERE action = 'password.set' AND outcome = 'success' AND at >= $1 GROUP BY at / 86400",
                )
                .bind(ts(since))
                .fetch_all(&self.pool)
                .await
                .map_err(query_err)?;
                let reminders = sqlx::query(
                    "SELECT sent_at / 86400 AS day, COUNT(*) AS n FROM reminder_ledger
                     WHERE status = 'sent' AND sent_at >= $1 GROUP BY sent_at / 86400",
                )
                .bind(ts(since))
                .fetch_all(&self.pool)
                .await
                .map_err(query_err)?;
                let mut days = std::collections::BTreeMap::<i64, DayCount>::new();
                for (rows, is_reset) in [(resets, true), (reminders, false)] {
                    for r in rows {
                        let day: i64 = r.try_get("day").map_err(query_err)?;
                        let n: i64 = r.try_get("n").map_err(query_err)?;
                        let e = days.entry(day).or_insert(DayCount { day, ..Default::default() });
                        if is_reset {
                            e.resets = u64::try_from(n).unwrap_or(0);
                        } else {
                            e.reminders = u64::try_from(n).unwrap_or(0);
                        }
                    }
                }
                Ok(days.into_values().collect())
            }

            async fn watch_add(&self, w: &Watch) -> Result<(), StoreError> {
                sqlx::query(
                    "INSERT INTO signin_watch (user_id, upn, mail_to, changed_at, until) VALUES ($1, $2, $3, $4, $5)
                     ON CONFLICT (user_id) DO UPDATE SET upn = excluded.upn, mail_to = excluded.mail_to,
                     changed_at = excluded.changed_at, until = excluded.until",
                )
                .bind(&w.user_id)
                .bind(&w.upn)
                .bind(&w.mail_to)
                .bind(ts(w.changed_at))
                .bind(ts(w.until))
                .execute(&self.pool)
                .await
                .map(|_| ())
                .map_err(query_err)
            }

            async fn watch_active(&self, now: DateTime<Utc>) -> Result<Vec<Watch>, StoreError> {
                let rows = sqlx::query(
                    "SELECT user_id, upn, mail_to, changed_at, until FROM signin_watch WHERE until > $1",
                )
                .bind(ts(now))
                .fetch_all(&self.pool)
                .await
                .map_err(query_err)?;
                rows.iter()
                    .map(|r| {
                        Ok(Watch {
                            user_id: r.try_get("user_id").map_err(query_err)?,
                            upn: r.try_get("upn").map_err(query_err)?,
                            mail_to: r.try_get("mail_to").map_err(query_err)?,
                            changed_at: from_ts(r.try_get("changed_at").map_err(query_err)?)?,
                            until: from_ts(r.try_get("until").map_err(query_err)?)?,
                        })
                    })
                    .collect()
            }

            async fn notified_insert(
                &self,
                user_id: &str,
                source: &str,
                at: DateTime<Utc>,
            ) -> Result<bool, StoreError> {
                let done = sqlx::query(
                    "INSERT INTO signin_notified (user_id, source, notified_at) VALUES ($1, $2, $3)
                     ON CONFLICT (user_id, source) DO NOTHING",
                )
                .bind(user_id)
                .bind(source)
                .bind(ts(at))
                .execute(&self.pool)
                .await
                .map_err(query_err)?;
                Ok(done.rows_affected() == 1)
            }

            async fn kv_get(&self, name: &str) -> Result<Option<String>, StoreError> {
                sqlx::query_scalar("SELECT value FROM kv WHERE name = $1")
                    .bind(name)
                    .fetch_optional(&self.pool)
                    .await
                    .map_err(query_err)
            }

            async fn kv_set(&self, name: &str, value: &str) -> Result<(), StoreError> {
                sqlx::query(
                    "INSERT INTO kv (name, value) VALUES ($1, $2) ON CONFLICT (name) DO UPDATE SET value = excluded.value",
                )
                .bind(name)
                .bind(value)
                .execute(&self.pool)
                .await
                .map(|_| ())
                .map_err(query_err)
            }

            async fn kv_set_new(&self, name: &str, value: &str) -> Result<bool, StoreError> {
                let done = sqlx::query(
                    "INSERT INTO kv (name, value) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING",
                )
                .bind(name)
                .bind(value)
                .execute(&self.pool)
                .await
                .map_err(query_err)?;
                Ok(done.rows_affected() == 1)
            }

            async fn history_get(&self, user_id: &str) -> Result<Vec<String>, StoreError> {
                sqlx::query_scalar("SELECT hash FROM password_history WHERE user_id = $1 ORDER BY seq DESC")
                    .bind(user_id)
                    .fetch_all(&self.pool)
                    .await
                    .map_err(query_err)
            }

            async fn history_push(&self, user_id: &str, hash: &str, keep: u32) -> Result<(), StoreError> {
                let mut tx = self.pool.begin().await.map_err(query_err)?;
                let next: i64 = sqlx::query_scalar(
                    "SELECT COALESCE(MAX(seq), 0) + 1 FROM password_history WHERE user_id = $1",
                )
                .bind(user_id)
                .fetch_one(&mut *tx)
                .await
                .map_err(query_err)?;
                sqlx::query("INSERT INTO password_history (user_id, seq, hash) VALUES ($1, $2, $3)")
                    .bind(user_id)
                    .bind(next)
                    .bind(hash)
                    .execute(&mut *tx)
                    .await
                    .map_err(query_err)?;
                sqlx::query("DELETE FROM password_history WHERE user_id = $1 AND seq <= $2")
                    .bind(user_id)
                    .bind(next - i64::from(keep))
                    .execute(&mut *tx)
                    .await
                    .map_err(query_err)?;
                tx.commit().await.map_err(query_err)
            }
        }
    };
}

pub(crate) use sql_store;
