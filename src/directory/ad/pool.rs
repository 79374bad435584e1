//! Bound LDAPS sessions to the domain controllers, kept for reuse: a reset's lookup and its
//! write share one TLS handshake and bind instead of paying for each.

use std::{
    sync::{
        Arc, Mutex,
        atomic::{AtomicU64, Ordering},
    },
    time::{Duration, Instant},
};

use ldap3::{Ldap, LdapConnAsync, LdapConnSettings};
use secrecy::{ExposeSecret, SecretString};

use super::AdError;

/// Idle sessions older than this are closed rather than reused. AD drops idle LDAP
/// connections after `MaxConnIdleTime` (900 s by default); staying far below it means a
/// reused session is almost never one the DC has already closed.
const MAX_IDLE: Duration = Duration::from_secs(60);

/// How to open a bound session: the URLs in failover order, TLS, and the service account.
pub(super) struct Connector {
    pub urls: Vec<String>,
    pub bind_dn: String,
    pub bind_password: SecretString,
    pub timeout: Duration,
    pub tls: Arc<rustls::ClientConfig>,
}

impl Connector {
    /// TLS (certificate checked) and a TCP connection to `url`, not yet bound.
    pub async fn open(&self, url: &str) -> Result<Ldap, AdError> {
        let settings = LdapConnSettings::new()
            .set_config(self.tls.clone())
            .set_conn_timeout(self.timeout);
        let (conn, mut ldap) = LdapConnAsync::with_settings(settings, url)
            .await
            .map_err(|e| AdError::Unreachable(format!("{url}: {e}")))?;
        ldap3::drive!(conn);
        ldap.with_timeout(self.timeout);
        Ok(ldap)
    }

    /// The service account's simple bind on an open session.
    pub async fn bind(&self, ldap: &mut Ldap, url: &str) -> Result<(), AdError> {
        match ldap
            .simple_bind(&self.bind_dn, self.bind_password.expose_secret())
            .await
        {
            Ok(r) if r.rc == 0 => Ok(()),
            Ok(r) => Err(AdError::Bind(format!("result {}: {}", r.rc, r.text))),
            Err(e) => Err(AdError::Unreachable(format!("{url}: {e}"))),
        }
    }

    /// A bound session on the first domain controller that answers.
    async fn connect(&self) -> Result<Ldap, AdError> {
        let mut failures = Vec::new();
        for url in &self.urls {
            let mut ldap = match self.open(url).await {
                Ok(l) => l,
                Err(e) => {
                    tracing::warn!(%url, error = %e, "domain controller unreachable; trying the next");
                    failures.push(e.to_string());
                    continue;
                }
            };
            self.bind(&mut ldap, url).await?;
            return Ok(ldap);
        }
        Err(AdError::Unreachable(failures.join("; ")))
    }
}

/// A bound session, and whether it came from the pool (and so may have gone stale).
pub(super) struct Session {
    pub ldap: Ldap,
    pub reused: bool,
}

/// At most `size` idle bound sessions, newest last.
pub(super) struct Pool {
    pub connector: Connector,
    idle: Mutex<Vec<(Ldap, Instant)>>,
    size: usize,
    opened: AtomicU64,
}

impl Pool {
    pub fn new(connector: Connector, size: usize) -> Self {
        Self {
            connector,
            idle: Mutex::new(Vec::new()),
            size,
            opened: AtomicU64::new(0),
        }
    }

    /// An idle session that is still open and young, or a new one.
    pub async fn get(&self) -> Result<Session, AdError> {
        while let Some((mut ldap, since)) = self.pop() {
            if since.elapsed() < MAX_IDLE && !ldap.is_closed() {
                return Ok(Session { ldap, reused: true });
            }
        }
        self.fresh().await
    }

    /// A new session, for a retry after a reused one turned out closed.
    pub async fn fresh(&self) -> Result<Session, AdError> {
        self.opened.fetch_add(1, Ordering::Relaxed);
        Ok(Session {
            ldap: self.connector.connect().await?,
            reused: false,
        })
    }

    /// Keeps a session that ended its work cleanly; beyond `size` it is closed.
    pub fn put(&self, session: Session) {
        let Ok(mut idle) = self.idle.lock() else {
            return;
        };
        if idle.len() < self.size {
            idle.push((session.ldap, Instant::now()));
        }
    }

    /// Bound sessions opened so far.
    pub fn opened(&self) -> u64 {
        self.opened.load(Ordering::Relaxed)
    }

    fn pop(&self) -> Option<(Ldap, Instant)> {
        self.idle.lock().ok()?.pop()
    }
}
