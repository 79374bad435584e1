//! On-premises Active Directory, for hybrid users whose password lives there: the LDAPS
//! client (`client`), the wire-level facts it relies on (`wire`), and the `OnPremises` port
//! on top of them.

pub mod client;
mod pool;
pub mod wire;

pub use client::{ActiveDirectory, AdConfig, AdError, AdUser, Found, PasswordRules};

use async_trait::async_trait;
use secrecy::SecretString;

use crate::ports::{
    OnPremises, OnPremisesError, OnPremisesErrorKind as K, OnPremisesMatch, OnPremisesName,
    OnPremisesRules, OnPremisesUser,
};

fn port_error(e: AdError) -> OnPremisesError {
    let kind = match &e {
        AdError::Refused { refusal, .. } => match refusal {
            wire::WriteRefusal::Policy => K::Policy,
            wire::WriteRefusal::NotDelegated => K::NotDelegated,
            wire::WriteRefusal::Unwilling => K::Unwilling,
            wire::WriteRefusal::Other => K::Unavailable,
        },
        AdError::Unreachable(_) | AdError::Protocol(_) => K::Unavailable,
        AdError::Bind(_) | AdError::Config(_) => K::Misconfigured,
    };
    OnPremisesError {
        kind,
        detail: e.to_string(),
    }
}

fn port_user(u: AdUser) -> OnPremisesUser {
    OnPremisesUser {
        dn: u.dn,
        protected: u.protected,
        locked: u.lockout_time > 0,
        rules: u.rules.map(|r| OnPremisesRules {
            min_length: r.min_length,
            complexity: r.complexity,
            history: r.history,
            fine_grained: r.fine_grained,
            account: u.account,
            display_name: u.display_name,
        }),
    }
}

#[async_trait]
impl OnPremises for ActiveDirectory {
    async fn find(&self, name: OnPremisesName<'_>) -> Result<OnPremisesMatch, OnPremisesError> {
        // A SID Graph knows but AD does not names another object (or one outside
        // `base_dn`): never fall back to a name someone else may hold now.
        let found = match (name.sid, name.account, name.domain) {
            (Some(sid), _, _) => self.find_by_sid(sid).await.map_err(port_error)?,
            (None, Some(account), Some(domain))
                if domain.eq_ignore_ascii_case(&self.domain_name()) =>
            {
                self.find_by_account(account).await.map_err(port_error)?
            }
            _ => Found::None,
        };
        Ok(match found {
            Found::None => OnPremisesMatch::None,
            Found::One(u) => OnPremisesMatch::One(port_user(u)),
            Found::Several(n) => OnPremisesMatch::Several(n),
        })
    }

    async fn set_password(
        &self,
        user: &OnPremisesUser,
        password: &SecretString,
    ) -> Result<(), OnPremisesError> {
        ActiveDirectory::set_password(self, &user.dn, password, user.locked)
            .await
            .map_err(port_error)
    }

    async fn unlock(&self, user: &OnPremisesUser) -> Result<(), OnPremisesError> {
        ActiveDirectory::unlock(self, &user.dn)
            .await
            .map_err(port_error)
    }

    async fn expiries(&self) -> Result<crate::ports::OnPremisesExpiries, OnPremisesError> {
        use crate::ports::OnPremisesExpiry;
        let (entries, read) = ActiveDirectory::expiries(self).await.map_err(port_error)?;
        let by_sid = entries
            .into_iter()
            .filter_map(|(sid, t)| match t {
                wire::FileTime::At(at) => Some((sid, OnPremisesExpiry::At(at))),
                wire::FileTime::Never => Some((sid, OnPremisesExpiry::Never)),
                // No expiry computed (must change at next logon): nothing to remind of.
                wire::FileTime::Unset => None,
            })
            .collect();
        Ok(crate::ports::OnPremisesExpiries {
            by_sid,
            pages: read
                .div_ceil(client::PAGE_SIZE.unsigned_abs().into())
                .max(1),
        })
    }
}
