//! The test harness: the portal and the Graph simulator on port 0, a fresh SQLite file
//! per test, a cookie-keeping client, a controllable clock, and the captured messages.
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used, clippy::panic)]

pub mod ad;
pub mod logs;

use std::{net::TcpListener, path::Path, process::Stdio, sync::Arc, time::Duration};

use chrono::{DateTime, Utc};
use rekey::{
    cli::drive::ResetDriver,
    clock::{Clock, ManualClock},
    notify::Catcher,
    ports::{Message, Store},
    random::{OsRandom, Random},
    settings::Settings,
    simulator::{self as sim, SimServer},
};

/// Seeded demo accounts (src/simulator/tenant.rs) the tests rely on.
pub const EMAIL_USER: &str = "alex.wilber@contoso.com";
pub const EMAIL_USER_ALT: &str = "alex.wilber@outlook.com";
pub const SMS_USER: &str = "diego.siciliani@contoso.com";
pub const SMS_USER_PHONE: &str = "+1 5555550123";
pub const BOTH_USER: &str = "adele.vance@contoso.com";
pub const BOTH_USER_ALT: &str = "adele.v@gmail.com";
pub const BOTH_USER_PHONE: &str = "+44 7700900123";
pub const PRIVILEGED_USER: &str = "megan.admin@contoso.com";
pub const PRIVILEGED_USER_ALT: &str = "megan.b@outlook.com";
pub const SYNCED_USER: &str = "sam.synced@contoso.com";
pub const SYNCED_USER_ALT: &str = "sam.s@gmail.com";
pub const DISABLED_USER: &str = "dave.disabled@contoso.com";
pub const DISABLED_USER_ALT: &str = "dave.d@gmail.com";

pub const CLIENT_ID: &str = "00000000-0000-4000-8000-00000000c0de";
pub const SECRET: &str = "test-secret";

pub struct TestApp {
    pub base: String,
    /// The browser of the tests' person; `client` is the same browser.
    pub person: ResetDriver,
    pub client: reqwest::Client,
    pub sim: SimServer,
    pub catcher: Catcher,
    pub clock: ManualClock,
    pub store: Arc<dyn Store>,
    pub outbox: rekey::notify::Outbox,
    pub server: actix_web::dev::ServerHandle,
    _dir: TempDir,
}

/// A temporary folder removed on drop.
pub struct TempDir(pub std::path::PathBuf);

impl TempDir {
    pub fn new(tag: &str) -> Self {
        let rng = OsRandom;
        let p = std::env::temp_dir().join(format!("rekey-{tag}-{}", rng.token_hex(6)));
        std::fs::create_dir_all(&p).unwrap();
        Self(p)
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

pub fn start_time() -> DateTime<Utc> {
    rekey::clock::SystemClock.now()
}

/// Settings for a test portal in front of `sim_base`.
pub fn test_settings(sim_base: &str, db: &str) -> Settings {
    use base64::Engine;
    let b64 = |n: usize| {
        let mut b = vec![0u8; n];
        OsRandom.fill(&mut b);
        secrecy::SecretString::from(base64::engine::general_purpose::STANDARD.encode(b))
    };
    let mut s = Settings::default();
    s.server.public_url = url::Url::parse("http://localhost/").unwrap();
    s.server.session_key = Some(b64(64));
    s.security.code_key = Some(b64(32));
    s.security.start_floor_ms = 0;
    s.tenant.tenant_id = "contoso.com".into();
    s.tenant.client_id = CLIENT_ID.into();
    s.tenant.client_secret = Some(secrecy::SecretString::from(SECRET.to_string()));
    s.tenant.authority_host = url::Url::parse(sim_base).unwrap();
    s.tenant.graph_base = url::Url::parse(&format!("{sim_base}/v1.0")).unwrap();
    s.tenant.deadline_ms = 5_000;
    s.tenant.request_timeout_ms = 2_000;
    s.tenant.methods_cache_secs = 0;
    s.database.set_url(format!("sqlite://{db}"));
    s.email.transport = rekey::settings::EmailTransport::Catcher;
    s.sms.provider = rekey::settings::SmsProvider::Catcher;
    s.branding.org_name = "Contoso".into();
    s.branding.helpdesk_phone = Some("+1 555 0100".into());
    s
}

pub fn sim_options(now: DateTime<Utc>) -> sim::SimOptions {
    sim::SimOptions {
        tenant: "contoso.com".into(),
        client_id: CLIENT_ID.into(),
        client_secret: SECRET.into(),
        seed_demo: true,
        now,
        reports_rate_per_10s: 0,
        ..sim::SimOptions::default()
    }
}

impl TestApp {
    pub async fn spawn() -> Self {
        Self::spawn_with(|_| {}, |_| {}).await
    }

    pub async fn spawn_with(
        sim_cfg: impl FnOnce(&mut sim::SimOptions),
        cfg: impl FnOnce(&mut Settings),
    ) -> Self {
        let now = start_time();
        let mut opts = sim_options(now);
        sim_cfg(&mut opts);
        let sim = sim::start(opts, TcpListener::bind("127.0.0.1:0").unwrap())
            .await
            .unwrap();
        let dir = TempDir::new("app");
        let db = dir.0.join("rekey.db");
        let mut settings = test_settings(&sim.base_url, db.to_str().unwrap());
        if let Some(url) = fresh_postgres().await {
            settings.database.set_url(url);
        }
        cfg(&mut settings);
        let clock = ManualClock::new(now);
        let catcher = Catcher::new(Arc::new(clock.clone()), 1000);
        let services = rekey::app::assemble(
            settings,
            Arc::new(clock.clone()),
            Arc::new(OsRandom),
            Some(catcher.clone()),
        )
        .await
        .unwrap();
        let store = services.store.clone();
        let outbox = services.outbox.clone();
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let port = listener.local_addr().unwrap().port();
        let server = rekey::web::build(services, listener).unwrap();
        let handle = server.handle();
        tokio::spawn(server);
        let person = ResetDriver::new().unwrap();
        TestApp {
            base: format!("http://127.0.0.1:{port}"),
            client: person.client().clone(),
            person,
            sim,
            catcher,
            clock,
            store,
            outbox,
            server: handle,
            _dir: dir,
        }
    }

    pub fn new_client() -> reqwest::Client {
        reqwest::Client::builder()
            .cookie_store(true)
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .unwrap()
    }

    /// A client that keeps no cookies: the test carries them itself.
    pub fn new_client_without_cookies() -> reqwest::Client {
        reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .unwrap()
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    pub async fn get(&self, path: &str) -> reqwest::Response {
        self.client.get(self.url(path)).send().await.unwrap()
    }

    pub async fn get_text(&self, path: &str) -> String {
        self.get(path).await.text().await.unwrap()
    }

    pub async fn get_json(&self, path: &str) -> serde_json::Value {
        let r = self.get(path).await;
        assert_eq!(r.status(), 200, "GET {path}");
        r.json().await.unwrap()
    }

    /// The CSRF token on the page at `path`.
    pub async fn csrf(&self, path: &str) -> String {
        let page = self.get_text(path).await;
        extract_value(&page, "name=\"csrf\" value=\"").unwrap_or_default()
    }

    pub async fn post_form(&self, path: &str, form: &[(&str, &str)]) -> reqwest::Response {
        self.client
            .post(self.url(path))
            .form(form)
            .send()
            .await
            .unwrap()
    }

    /// Starts a reset for `username` and returns the response to the start POST.
    pub async fn start(&self, username: &str) -> reqwest::Response {
        let csrf = self.csrf("/").await;
        self.post_form("/reset/start", &[("csrf", &csrf), ("username", username)])
            .await
    }

    /// Waits until every message queued so far is delivered: then "nothing was sent" means
    /// nothing was sent, not "not yet".
    pub async fn flush(&self) {
        tokio::time::timeout(std::time::Duration::from_secs(30), self.outbox.flush())
            .await
            .expect("the outbox drains");
    }

    /// Messages the catcher holds, newest first.
    pub fn messages(&self) -> Vec<Message> {
        self.catcher
            .messages()
            .into_iter()
            .map(|m| m.message)
            .collect()
    }

    /// Waits for the newest message to `to` and returns the code in it.
    pub async fn code_sent_to(&self, to: &str) -> String {
        match self
            .catcher
            .code_for(to, std::time::Duration::from_secs(10))
            .await
        {
            Some(code) => code,
            None => panic!("no code was sent to {to}: {:?}", self.messages()),
        }
    }

    /// Start → send to the first method → enter the code: lands on the password step.
    pub async fn verify(&self, username: &str, target: &str) {
        assert!(
            self.person
                .start(&self.base, username)
                .await
                .unwrap()
                .moved_on()
        );
        assert!(self.person.send(&self.base, None).await.unwrap().moved_on());
        let code = self.code_sent_to(target).await;
        let step = self.person.enter_code(&self.base, &code).await.unwrap();
        assert_eq!(step.status, 303, "the code was refused");
    }
}

/// Waits (up to a minute) until a child process prints a line containing `needle` — Rekey
/// announces its address once it listens — and keeps reading the rest of the stream in the
/// background so the child never blocks on a full pipe.
pub async fn announced(stream: impl std::io::Read + Send + 'static, needle: &str) -> bool {
    let needle = needle.to_string();
    let (tx, rx) = tokio::sync::oneshot::channel();
    std::thread::spawn(move || {
        use std::io::BufRead;
        let mut tx = Some(tx);
        for line in std::io::BufReader::new(stream).lines() {
            let Ok(line) = line else { break };
            if line.contains(&needle)
                && let Some(tx) = tx.take()
            {
                let _ = tx.send(());
            }
        }
    });
    matches!(
        tokio::time::timeout(Duration::from_secs(60), rx).await,
        Ok(Ok(()))
    )
}

/// Mail goes out over plain SMTP to the server on `port` (an [`SmtpServer`]).
pub fn send_mail_through(s: &mut Settings, port: u16) {
    s.email.transport = rekey::settings::EmailTransport::Smtp;
    s.email.smtp_host = "127.0.0.1".into();
    s.email.smtp_port = port;
    s.email.smtp_tls = rekey::settings::SmtpTls::None;
    s.email.from = "Contoso IT <it@contoso.com>".into();
}

/// The CSRF token on the page at `url`, read with `client` (after a privilege step the
/// session has a new one).
pub async fn csrf_at(client: &reqwest::Client, url: &str) -> String {
    let page = client.get(url).send().await.unwrap().text().await.unwrap();
    extract_value(&page, "name=\"csrf\" value=\"").unwrap()
}

/// With `REKEY_TEST_STORE=postgres` (set by scripts/test.sh for its second pass), each test
/// app gets its own new database on the PostgreSQL server at `REKEY_TEST_PG_URL`.
pub async fn fresh_postgres() -> Option<String> {
    if std::env::var("REKEY_TEST_STORE").as_deref() != Ok("postgres") {
        return None;
    }
    assert!(
        std::env::var("REKEY_TEST_PG_URL").is_ok(),
        "REKEY_TEST_STORE=postgres needs REKEY_TEST_PG_URL"
    );
    new_postgres_database().await
}

/// A new, empty database on the server at `REKEY_TEST_PG_URL`, if there is one.
pub async fn new_postgres_database() -> Option<String> {
    use sqlx::Connection;
    let base = std::env::var("REKEY_TEST_PG_URL").ok()?;
    let name = format!("rekey_t_{}", OsRandom.token_hex(6));
    let mut admin = sqlx::PgConnection::connect(&base).await.unwrap();
    sqlx::raw_sql(sqlx::AssertSqlSafe(format!("CREATE DATABASE {name}")))
        .execute(&mut admin)
        .await
        .unwrap();
    let (prefix, _) = base.rsplit_once('/').unwrap();
    Some(format!("{prefix}/{name}"))
}

#[allow(unused_imports)]
pub use rekey::notify::find_code;

/// The list of methods on a methods page.
pub fn methods_fieldset(page: &str) -> String {
    let start = page.find("<fieldset>").unwrap();
    let end = page.find("</fieldset>").unwrap();
    page[start..end].to_string()
}

/// The text after `marker` up to the next quote.
pub fn extract_value(page: &str, marker: &str) -> Option<String> {
    let start = page.find(marker)? + marker.len();
    let end = page[start..].find('"')? + start;
    Some(page[start..end].to_string())
}

/// A real SMTP server process (aiosmtpd) on loopback, writing what it receives to a maildir.
pub struct SmtpServer {
    child: std::process::Child,
    pub port: u16,
    pub maildir: TempDir,
}

impl Drop for SmtpServer {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

pub async fn smtp_server() -> SmtpServer {
    let port = TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let maildir = TempDir::new("maildir");
    let child = std::process::Command::new("python3")
        .args(["-m", "aiosmtpd", "-n", "-l", &format!("127.0.0.1:{port}")])
        .args(["-c", "aiosmtpd.handlers.Mailbox"])
        .arg(maildir.0.join("box"))
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("python3 -m aiosmtpd (installed by scripts/test.sh)");
    for _ in 0..100 {
        if std::net::TcpStream::connect(("127.0.0.1", port)).is_ok() {
            return SmtpServer {
                child,
                port,
                maildir,
            };
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    let mut child = child;
    let _ = child.kill();
    let _ = child.wait();
    panic!("aiosmtpd did not start");
}

pub fn mails(dir: &Path) -> Vec<String> {
    let mut out = Vec::new();
    for sub in ["new", "cur"] {
        if let Ok(entries) = std::fs::read_dir(dir.join("box").join(sub)) {
            for e in entries.flatten() {
                out.push(std::fs::read_to_string(e.path()).unwrap_or_default());
            }
        }
    }
    out
}

pub async fn wait_for_mail(dir: &Path, to: &str, contains: &str) -> String {
    for _ in 0..200 {
        if let Some(m) = mails(dir)
            .into_iter()
            .find(|m| m.contains(&format!("To: {to}")) && m.contains(contains))
        {
            return m;
        }
        tokio::time::sleep(Duration::from_millis(25)).await;
    }
    panic!("no mail to {to} containing {contains:?}: {:?}", mails(dir));
}
