//! App-only tokens by the client-credentials grant: cached, refreshed ahead of expiry,
//! and fetched by one caller at a time while the others wait for its result.

use std::{path::Path, sync::Arc, time::Duration};

use base64::{Engine, engine::general_purpose::URL_SAFE_NO_PAD as B64URL};
use chrono::{DateTime, Utc};
use secrecy::{ExposeSecret, SecretString};
use serde::Deserialize;
use sha2::Digest;
use tokio::sync::Mutex;

use super::errors;
use crate::{
    clock::Clock,
    ports::directory::{DirectoryError, DirectoryErrorKind as K, Grants, RequestIds},
    random::Random,
    settings::AssertionAlg,
};

/// How the app proves who it is.
pub enum Credential {
    Secret(SecretString),
    Certificate(CertificateCredential),
}

impl std::fmt::Debug for Credential {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Credential::Secret(_) => "Credential::Secret(..)",
            Credential::Certificate(_) => "Credential::Certificate(..)",
        })
    }
}

/// A certificate and its RSA key, for signed client assertions.
pub struct CertificateCredential {
    key: aws_lc_rs::rsa::KeyPair,
    sha256_thumbprint: String,
    sha1_thumbprint: String,
    alg: AssertionAlg,
}

impl CertificateCredential {
    /// Reads a PEM certificate and a PEM (PKCS#8 or PKCS#1) RSA private key.
    pub fn from_pem_files(
        cert: &Path,
        key: &Path,
        alg: AssertionAlg,
    ) -> Result<Self, DirectoryError> {
        use rustls_pki_types::{CertificateDer, PrivateKeyDer, pem::PemObject};
        let bad = |what: &str, e: &dyn std::fmt::Display| {
            DirectoryError::new(K::BadCredentials, format!("{what}: {e}"))
        };
        let cert_der = CertificateDer::from_pem_file(cert)
            .map_err(|e| bad(&format!("cannot read certificate {}", cert.display()), &e))?;
        let key_der = PrivateKeyDer::from_pem_file(key)
            .map_err(|e| bad(&format!("cannot read private key {}", key.display()), &e))?;
        let key = match &key_der {
            PrivateKeyDer::Pkcs8(k) => aws_lc_rs::rsa::KeyPair::from_pkcs8(k.secret_pkcs8_der()),
            PrivateKeyDer::Pkcs1(k) => aws_lc_rs::rsa::KeyPair::from_der(k.secret_pkcs1_der()),
            _ => {
                return Err(DirectoryError::new(
                    K::BadCredentials,
                    "the private key must be RSA (PKCS#8 or PKCS#1 PEM)",
                ));
            }
        }
        .map_err(|e| bad("the private key is not a usable RSA key", &e))?;
        Ok(Self {
            key,
            sha256_thumbprint: B64URL.encode(sha2::Sha256::digest(cert_der.as_ref())),
            sha1_thumbprint: B64URL.encode(sha1::Sha1::digest(cert_der.as_ref())),
            alg,
        })
    }

    /// A signed JWT for the token endpoint `audience` (GRAPH.md §1.3).
    fn assertion(
        &self,
        client_id: &str,
        audience: &str,
        now: DateTime<Utc>,
        rng: &dyn Random,
    ) -> Result<String, DirectoryError> {
        let header = match self.alg {
            AssertionAlg::Ps256 => serde_json::json!({
                "alg": "PS256", "typ": "JWT", "x5t#S256": self.sha256_thumbprint
            }),
            AssertionAlg::Rs256 => serde_json::json!({
                "alg": "RS256", "typ": "JWT", "x5t": self.sha1_thumbprint
            }),
        };
        let iat = now.timestamp();
        let claims = serde_json::json!({
            "aud": audience, "iss": client_id, "sub": client_id,
            "jti": uuid_from(rng), "nbf": iat, "iat": iat, "exp": iat + 300,
        });
        let signing_input = format!(
            "{}.{}",
            B64URL.encode(header.to_string()),
            B64URL.encode(claims.to_string())
        );
        let padding: &'static dyn aws_lc_rs::signature::RsaEncoding = match self.alg {
            AssertionAlg::Ps256 => &aws_lc_rs::signature::RSA_PSS_SHA256,
            AssertionAlg::Rs256 => &aws_lc_rs::signature::RSA_PKCS1_SHA256,
        };
        let mut sig = vec![0u8; self.key.public_modulus_len()];
        self.key
            .sign(
                padding,
                &aws_lc_rs::rand::SystemRandom::new(),
                signing_input.as_bytes(),
                &mut sig,
            )
            .map_err(|_| DirectoryError::new(K::BadCredentials, "signing the assertion failed"))?;
        Ok(format!("{signing_input}.{}", B64URL.encode(sig)))
    }
}

fn uuid_from(rng: &dyn Random) -> String {
    let mut b = [0u8; 16];
    rng.fill(&mut b);
    uuid::Builder::from_random_bytes(b).into_uuid().to_string()
}

/// An access token; its text is a secret and never printed.
#[derive(Clone)]
pub struct AccessToken {
    pub value: Arc<SecretString>,
    pub expires_at: DateTime<Utc>,
    /// Five minutes before expiry, or at half-life for short-lived tokens.
    pub refresh_at: DateTime<Utc>,
}

impl AccessToken {
    /// The `roles` and `wids` claims. App tokens are JWTs; the signature is Graph's to check.
    pub fn grants(&self) -> Grants {
        #[derive(Deserialize, Default)]
        struct Claims {
            #[serde(default)]
            roles: Vec<String>,
            #[serde(default)]
            wids: Vec<String>,
        }
        let claims: Claims = self
            .value
            .expose_secret()
            .split('.')
            .nth(1)
            .and_then(|p| B64URL.decode(p.trim_end_matches('=')).ok())
            .and_then(|json| serde_json::from_slice(&json).ok())
            .unwrap_or_default();
        Grants {
            app_roles: claims.roles,
            directory_roles: claims.wids,
        }
    }
}

#[derive(Deserialize)]
struct TokenResponse {
    access_token: String,
    expires_in: i64,
}

pub struct TokenSource {
    pub http: reqwest::Client,
    pub token_url: url::Url,
    pub client_id: String,
    pub scope: String,
    pub credential: Credential,
    pub clock: Arc<dyn Clock>,
    pub rng: Arc<dyn Random>,
    cached: Mutex<Option<AccessToken>>,
}

impl TokenSource {
    pub fn new(
        http: reqwest::Client,
        token_url: url::Url,
        client_id: String,
        scope: String,
        credential: Credential,
        clock: Arc<dyn Clock>,
        rng: Arc<dyn Random>,
    ) -> Self {
        Self {
            http,
            token_url,
            client_id,
            scope,
            credential,
            clock,
            rng,
            cached: Mutex::new(None),
        }
    }

    /// A valid token: the cached one, or a fresh one. Concurrent callers share one fetch.
    pub async fn get(&self) -> Result<AccessToken, DirectoryError> {
        let mut cached = self.cached.lock().await;
        if let Some(t) = cached.as_ref()
            && !self.needs_refresh(t)
        {
            return Ok(t.clone());
        }
        let fresh = self.fetch().await?;
        *cached = Some(fresh.clone());
        Ok(fresh)
    }

    /// Forgets `stale` (Graph rejected it) so the next `get` fetches a new token. A token
    /// another caller already replaced is left alone.
    pub async fn invalidate(&self, stale: &AccessToken) {
        let mut cached = self.cached.lock().await;
        if cached
            .as_ref()
            .is_some_and(|c| Arc::ptr_eq(&c.value, &stale.value))
        {
            *cached = None;
        }
    }

    fn needs_refresh(&self, t: &AccessToken) -> bool {
        self.clock.now() >= t.refresh_at
    }

    #[tracing::instrument(name = "graph.token", skip_all)]
    async fn fetch(&self) -> Result<AccessToken, DirectoryError> {
        let now = self.clock.now();
        let mut form: Vec<(&str, String)> = vec![
            ("client_id", self.client_id.clone()),
            ("scope", self.scope.clone()),
            ("grant_type", "client_credentials".into()),
        ];
        match &self.credential {
            Credential::Secret(s) => form.push(("client_secret", s.expose_secret().to_string())),
            Credential::Certificate(c) => {
                form.push((
                    "client_assertion_type",
                    "urn:ietf:params:oauth:client-assertion-type:jwt-bearer".into(),
                ));
                form.push((
                    "client_assertion",
                    c.assertion(&self.client_id, self.token_url.as_str(), now, &*self.rng)?,
                ));
            }
        }
        let resp = self
            .http
            .post(self.token_url.clone())
            .form(&form)
            .timeout(Duration::from_secs(15))
            .send()
            .await
            .map_err(|e| {
                DirectoryError::new(
                    K::Unavailable,
                    format!(
                        "token endpoint unreachable: {}",
                        crate::outbound::describe(&e)
                    ),
                )
            })?;
        let status = resp.status().as_u16();
        let ids = RequestIds {
            request_id: header(&resp, "x-ms-request-id"),
            client_request_id: header(&resp, "client-request-id"),
        };
        let body = resp.bytes().await.map_err(|e| {
            DirectoryError::new(K::Unavailable, format!("token response cut off: {e}"))
        })?;
        if status != 200 {
            return Err(errors::from_token(status, &body, ids));
        }
        let parsed: TokenResponse = serde_json::from_slice(&body).map_err(|e| {
            DirectoryError::new(
                K::Protocol,
                format!("token response is not valid JSON: {e}"),
            )
        })?;
        tracing::info!(expires_in = parsed.expires_in, "obtained an app token");
        let lifetime = parsed.expires_in.max(0);
        let margin = 300.min(lifetime / 2);
        Ok(AccessToken {
            value: Arc::new(SecretString::from(parsed.access_token)),
            expires_at: now + chrono::Duration::seconds(lifetime),
            refresh_at: now + chrono::Duration::seconds(lifetime - margin),
        })
    }
}

fn header(resp: &reqwest::Response, name: &str) -> Option<String> {
    resp.headers()
        .get(name)
        .and_then(|v| v.to_str().ok())
        .map(str::to_string)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::random::SeededRandom;

    fn key_pair() -> Option<CertificateCredential> {
        // A throwaway key from aws-lc-rs itself; the certificate thumbprints are placeholders.
        let key = aws_lc_rs::rsa::KeyPair::generate(aws_lc_rs::rsa::KeySize::Rsa2048).ok()?;
        Some(CertificateCredential {
            key,
            sha256_thumbprint: "t256".into(),
            sha1_thumbprint: "t1".into(),
            alg: AssertionAlg::Ps256,
        })
    }

    #[test]
    fn assertions_verify_with_the_public_key() {
        use aws_lc_rs::signature::{
            KeyPair, RSA_PKCS1_2048_8192_SHA256, RSA_PSS_2048_8192_SHA256, UnparsedPublicKey,
        };
        let mut cred = key_pair().unwrap();
        let now = DateTime::from_timestamp(1_800_000_000, 0).unwrap();
        for (alg, verify_alg, thumb) in [
            (AssertionAlg::Ps256, &RSA_PSS_2048_8192_SHA256, "x5t#S256"),
            (AssertionAlg::Rs256, &RSA_PKCS1_2048_8192_SHA256, "x5t"),
        ] {
            cred.alg = alg;
            let jwt = cred
                .assertion(
                    "app",
                    "https://login.example/t/oauth2/v2.0/token",
                    now,
                    &SeededRandom::new(1),
                )
                .unwrap();
            let parts: Vec<&str> = jwt.split('.').collect();
            assert_eq!(parts.len(), 3);
            let header: serde_json::Value =
                serde_json::from_slice(&B64URL.decode(parts[0]).unwrap()).unwrap();
            assert!(header.get(thumb).is_some(), "{header}");
            let claims: serde_json::Value =
                serde_json::from_slice(&B64URL.decode(parts[1]).unwrap()).unwrap();
            assert_eq!(claims["iss"], "app");
            assert_eq!(claims["sub"], "app");
            assert_eq!(
                claims["exp"].as_i64().unwrap() - claims["nbf"].as_i64().unwrap(),
                300
            );
            let public =
                UnparsedPublicKey::new(verify_alg, cred.key.public_key().as_ref().to_vec());
            let signed = format!("{}.{}", parts[0], parts[1]);
            public
                .verify(signed.as_bytes(), &B64URL.decode(parts[2]).unwrap())
                .unwrap();
        }
    }
}
