//! A person going through the reset pages over HTTP, as a browser would: each step reads
//! the page it is on for the CSRF token (and the methods offered), so the driver follows
//! the portal's own rules. `rekey bench resets` and the tests share it.

use std::time::{Duration, Instant};

/// What a step did: the status of its POST and how long that took.
#[derive(Debug, Clone, Copy)]
pub struct Stepped {
    pub status: u16,
    pub took: Duration,
}

impl Stepped {
    /// The portal moved on (303 to the next page).
    pub fn moved_on(&self) -> bool {
        self.status == 303
    }
}

/// Why a step could not be taken at all (the portal is not there, or a page lacks what a
/// person would need).
#[derive(Debug, thiserror::Error)]
pub enum DriveError {
    #[error("request failed")]
    Http(#[from] reqwest::Error),
    #[error("{0}")]
    Page(String),
}

/// One browser: its own cookies, so one driver is one person's reset.
#[derive(Clone)]
pub struct ResetDriver {
    client: reqwest::Client,
}

impl ResetDriver {
    pub fn new() -> Result<Self, DriveError> {
        Ok(Self {
            client: reqwest::Client::builder()
                .cookie_store(true)
                .redirect(reqwest::redirect::Policy::none())
                .build()?,
        })
    }

    /// The client, for requests the steps do not cover.
    pub fn client(&self) -> &reqwest::Client {
        &self.client
    }

    /// The page at `url`, whatever its status.
    pub async fn page(&self, url: &str) -> Result<String, DriveError> {
        Ok(self.client.get(url).send().await?.text().await?)
    }

    /// The CSRF token on the page at `url`.
    pub async fn csrf(&self, url: &str) -> Result<String, DriveError> {
        let page = self.page(url).await?;
        value_after(&page, "name=\"csrf\" value=\"")
            .ok_or_else(|| DriveError::Page(format!("no CSRF token on {url}")))
    }

    async fn post(&self, url: &str, form: &[(&str, &str)]) -> Result<Stepped, DriveError> {
        let started = Instant::now();
        let r = self.client.post(url).form(form).send().await?;
        Ok(Stepped {
            status: r.status().as_u16(),
            took: started.elapsed(),
        })
    }

    /// Types `username` on the start page of the portal at `base`.
    pub async fn start(&self, base: &str, username: &str) -> Result<Stepped, DriveError> {
        let csrf = self.csrf(&format!("{base}/")).await?;
        self.post(
            &format!("{base}/reset/start"),
            &[("csrf", &csrf), ("username", username)],
        )
        .await
    }

    /// Asks for a code to `method`, or to the first method the page offers.
    pub async fn send(&self, base: &str, method: Option<&str>) -> Result<Stepped, DriveError> {
        let page = self.page(&format!("{base}/reset")).await?;
        let csrf = value_after(&page, "name=\"csrf\" value=\"")
            .ok_or_else(|| DriveError::Page("no CSRF token on the methods page".into()))?;
        let method = match method {
            Some(m) => m.to_string(),
            None => value_after(&page, "name=\"method\" value=\"")
                .ok_or_else(|| DriveError::Page("no method offered".into()))?,
        };
        self.post(
            &format!("{base}/reset/send"),
            &[("csrf", &csrf), ("method", &method)],
        )
        .await
    }

    /// Types `code` on the code page.
    pub async fn enter_code(&self, base: &str, code: &str) -> Result<Stepped, DriveError> {
        let csrf = self.csrf(&format!("{base}/reset")).await?;
        self.post(
            &format!("{base}/reset/code"),
            &[("csrf", &csrf), ("code", code)],
        )
        .await
    }

    /// Chooses `password` on the password page.
    pub async fn set_password(&self, base: &str, password: &str) -> Result<Stepped, DriveError> {
        let csrf = self.csrf(&format!("{base}/reset")).await?;
        self.post(
            &format!("{base}/reset/password"),
            &[("csrf", &csrf), ("password", password)],
        )
        .await
    }
}

/// The text after `marker` up to the next quote.
pub fn value_after(page: &str, marker: &str) -> Option<String> {
    let start = page.find(marker)? + marker.len();
    let end = page[start..].find('"')? + start;
    Some(page[start..end].to_string())
}
