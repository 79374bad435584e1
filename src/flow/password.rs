//! Choosing the new password: the policy verdict (live and final, with breached passwords
//! and history), and setting it in the directory once.

use chrono::Duration;
use secrecy::SecretString;
use zeroize::Zeroizing;

use super::{
    Flow, HelpdeskReason, MethodKind, Step, StepError,
    service::{FlowError, Outgoing, RequestCtx, ResetService, SetOutcome},
};
use crate::{
    policy::{Rule, UserContext, Verdict},
    ports::{DirectoryError, DirectoryErrorKind as DK, OnPremisesError},
    telemetry::names as m,
};

/// From when sign-in failures count against a device: the change itself, or for a password
/// written to AD, the end of the sync window.
pub(super) fn counted_from(
    flow: &Flow,
    changed_at: chrono::DateTime<chrono::Utc>,
) -> chrono::DateTime<chrono::Utc> {
    let via_ad = flow.on_premises && flow.user.as_ref().is_some_and(|u| u.synced);
    if via_ad {
        changed_at + super::service::AD_SYNC_WINDOW
    } else {
        changed_at
    }
}

/// Why a password was not written, from whichever directory holds it.
pub(super) enum NotWritten {
    Directory(DirectoryError),
    OnPremises(OnPremisesError),
    Helpdesk(HelpdeskReason),
}

impl ResetService {
    /// The policy's context for this flow's user.
    pub fn user_context(&self, flow: &Flow) -> UserContext {
        let u = flow.user.as_ref();
        UserContext {
            given_name: u.and_then(|u| u.given_name.clone()),
            surname: u.and_then(|u| u.surname.clone()),
            display_name: u.and_then(|u| u.display_name.clone()),
            upn: u.map(|u| u.upn.clone()),
            mail: u.and_then(|u| u.mail.clone()),
            org_name: u
                .and_then(|u| u.company_name.clone())
                .or_else(|| Some(self.cfg.org_name.clone()))
                .filter(|name| !name.trim().is_empty()),
            extra_terms: Vec::new(),
        }
    }

    /// The policy alone, off the async threads and within the concurrency bound.
    pub(super) async fn policy_verdict(
        &self,
        flow: &Flow,
        candidate: &Zeroizing<String>,
    ) -> Verdict {
        let unavailable = || Verdict::rejected(Rule::Strength, "policy-unavailable");
        let permit = match tokio::time::timeout(
            std::time::Duration::from_secs(2),
            self.evaluations.clone().acquire_owned(),
        )
        .await
        {
            Ok(Ok(p)) => p,
            _ => return unavailable(),
        };
        let policy = self.policy.clone();
        let ctx = self.user_context(flow);
        let directory = self.directory_rules(flow);
        let pw = candidate.clone();
        let result = tokio::task::spawn_blocking(move || {
            let v = policy.evaluate_for(&pw, &ctx, directory.as_ref());
            drop(permit);
            v
        })
        .await;
        result.unwrap_or_else(|_| unavailable())
    }

    /// The live meter's verdict: the policy without the (slow) history check.
    pub async fn evaluate_live(&self, flow: &Flow, candidate: Zeroizing<String>) -> Verdict {
        self.policy_verdict(flow, &candidate).await
    }

    /// The policy verdict for a candidate, including password history.
    pub async fn evaluate(&self, flow: &Flow, candidate: &Zeroizing<String>) -> Verdict {
        let mut verdict = self.policy_verdict(flow, candidate).await;
        if !verdict.accepted {
            return verdict;
        }
        if let Some(check) = &self.breached {
            match check.is_breached(candidate).await {
                Ok(false) => {}
                Ok(true) => verdict.reject(Rule::Breached, crate::policy::BREACHED_ID),
                // Fail-closed by configuration: say so rather than accept unchecked.
                Err(e) => {
                    tracing::warn!(error = %crate::telemetry::Chain(&e), "breached-password check unavailable");
                    verdict.reject(Rule::Breached, "policy-breached-unavailable");
                }
            }
            if !verdict.accepted {
                return verdict;
            }
        }
        if let Some(u) = &flow.user
            && self.cfg.history_depth > 0
            && self.reused(&u.id, candidate).await
        {
            verdict.reject(Rule::History, "policy-history");
        }
        verdict
    }

    pub(super) async fn reused(&self, user_id: &str, candidate: &Zeroizing<String>) -> bool {
        let hashes = match self.store.history_get(user_id).await {
            Ok(h) => h,
            Err(e) => {
                tracing::warn!(error = %crate::telemetry::Chain(&e), "password history unavailable");
                return false;
            }
        };
        if hashes.is_empty() {
            return false;
        }
        let pw = candidate.clone();
        tokio::task::spawn_blocking(move || {
            use argon2::password_hash::{PasswordVerifier, phc::PasswordHash};
            let argon = argon2::Argon2::default();
            hashes.iter().any(|h| {
                PasswordHash::new(h)
                    .is_ok_and(|parsed| argon.verify_password(pw.as_bytes(), &parsed).is_ok())
            })
        })
        .await
        .unwrap_or(false)
    }

    pub(super) async fn remember(&self, user_id: &str, password: &Zeroizing<String>) {
        if self.cfg.history_depth == 0 {
            return;
        }
        let pw = password.clone();
        let hashed = tokio::task::spawn_blocking(move || {
            use argon2::password_hash::PasswordHasher;
            argon2::Argon2::default()
                .hash_password(pw.as_bytes())
                .map(|h| h.to_string())
        })
        .await;
        match hashed {
            Ok(Ok(h)) => {
                if let Err(e) = self
                    .store
                    .history_push(user_id, &h, self.cfg.history_depth)
                    .await
                {
                    tracing::warn!(error = %crate::telemetry::Chain(&e), "password history not recorded");
                }
            }
            _ => tracing::warn!("password history hash failed"),
        }
    }

    /// Sets the new password in the directory, once.
    pub async fn set_password(
        &self,
        flow_id: &str,
        password: Zeroizing<String>,
        revoke_sessions: bool,
        ctx: &RequestCtx,
    ) -> Result<SetOutcome, FlowError> {
        self.limit_address(ctx).await?;
        let mut flow = self.load(flow_id).await?;
        if !matches!(flow.step, Step::NewPassword | Step::Setting { .. }) {
            return Err(self.out_of_order(ctx, &flow, "password.set").await);
        }
        let verdict = self.evaluate(&flow, &password).await;
        if !verdict.accepted {
            let rules: Vec<Rule> = verdict.failed.iter().map(|f| f.rule).collect();
            for f in &verdict.failed {
                let rule = serde_json::to_value(f.rule)
                    .ok()
                    .and_then(|v| v.as_str().map(str::to_string))
                    .unwrap_or_default();
                metrics::counter!(m::POLICY_REJECTIONS, "rule" => rule).increment(1);
            }
            self.audit(
                ctx,
                Some(&flow.account),
                "password.set",
                "rejected_by_policy",
                Some(serde_json::json!({"rules": rules})),
            )
            .await;
            return Ok(SetOutcome::Rejected(verdict));
        }
        let Some(user) = flow.user.clone() else {
            return Err(StepError::OutOfOrder.into());
        };
        flow.begin_setting(self.now(), Duration::seconds(120))?;
        self.save(&mut flow).await?;
        let secret = SecretString::from(password.as_str().to_string());
        let written = if user.synced && flow.on_premises {
            self.write_on_premises(&user, &secret).await
        } else {
            self.directory
                .set_password(&user.id, &secret)
                .await
                .map(|()| serde_json::json!({"directory": "entra"}))
                .map_err(NotWritten::Directory)
        };
        drop(secret);
        match written {
            Ok(detail) => {
                self.finished(&mut flow, &user, &password, revoke_sessions, detail, ctx)
                    .await
            }
            Err(NotWritten::Directory(e)) => self.set_failed(&mut flow, e, ctx).await,
            Err(NotWritten::OnPremises(e)) => self.on_premises_failed(&mut flow, e, ctx).await,
            Err(NotWritten::Helpdesk(reason)) => {
                metrics::counter!(m::RESETS_FAILED, "reason" => reason.as_str()).increment(1);
                self.refer_to_helpdesk(
                    &mut flow,
                    reason,
                    "password.set",
                    reason.as_str(),
                    None,
                    ctx,
                )
                .await
            }
        }
    }

    /// Ends the flow at the helpdesk for `reason`, audited as `action` with `outcome`.
    pub(super) async fn refer_to_helpdesk(
        &self,
        flow: &mut Flow,
        reason: HelpdeskReason,
        action: &str,
        outcome: &str,
        detail: Option<serde_json::Value>,
        ctx: &RequestCtx,
    ) -> Result<SetOutcome, FlowError> {
        flow.setting_refused(reason);
        self.save(flow).await?;
        self.audit(ctx, Some(&flow.account), action, outcome, detail)
            .await;
        Ok(SetOutcome::Helpdesk(reason))
    }

    /// The password is set: record it, start the sign-in watch, and say what to send.
    async fn finished(
        &self,
        flow: &mut Flow,
        user: &super::FlowUser,
        password: &Zeroizing<String>,
        revoke_sessions: bool,
        detail: serde_json::Value,
        ctx: &RequestCtx,
    ) -> Result<SetOutcome, FlowError> {
        flow.setting_done(self.now());
        self.save(flow).await?;
        self.remember(&user.id, password).await;
        if revoke_sessions && let Err(e) = self.directory.revoke_sessions(&user.id).await {
            tracing::warn!(error = %crate::telemetry::Chain(&e), "sessions not revoked");
        }
        metrics::counter!(m::RESETS_COMPLETED).increment(1);
        self.audit(
            ctx,
            Some(&flow.account),
            "password.set",
            "success",
            Some(detail),
        )
        .await;
        let mut to: Vec<String> = user.mail.iter().cloned().collect();
        to.extend(
            flow.methods
                .iter()
                .filter(|m| m.kind == MethodKind::Email)
                .filter_map(|m| m.target.clone()),
        );
        to.dedup();
        if self.cfg.watch > Duration::zero() {
            let now = self.now();
            let watch = crate::ports::store::Watch {
                user_id: user.id.clone(),
                upn: user.upn.clone(),
                mail_to: to.join(","),
                changed_at: counted_from(flow, now),
                until: now + self.cfg.watch,
            };
            if let Err(e) = self.store.watch_add(&watch).await {
                tracing::warn!(error = %crate::telemetry::Chain(&e), "sign-in watch not started");
            }
        }
        Ok(SetOutcome::Done {
            messages: vec![Outgoing::Changed {
                to,
                account: user.upn.clone(),
                display_name: user.display_name.clone(),
                at: self.now(),
            }],
        })
    }

    pub(super) async fn set_failed(
        &self,
        flow: &mut Flow,
        e: DirectoryError,
        ctx: &RequestCtx,
    ) -> Result<SetOutcome, FlowError> {
        let refused = |reason| Some(reason);
        let reason = match e.kind {
            DK::Privileged => refused(HelpdeskReason::Privileged),
            DK::OnPremisesSynced => refused(HelpdeskReason::SyncedFromOnPremises),
            DK::Federated => refused(HelpdeskReason::Federated),
            DK::Disabled => refused(HelpdeskReason::Disabled),
            _ => None,
        };
        let detail = serde_json::json!({
            "kind": e.kind, "request_id": e.ids.request_id, "client_request_id": e.ids.client_request_id
        });
        let failure = reason.map_or(
            if e.kind == DK::PasswordRejected {
                "rejected_by_entra"
            } else {
                "directory_unavailable"
            },
            HelpdeskReason::as_str,
        );
        metrics::counter!(m::RESETS_FAILED, "reason" => failure).increment(1);
        if let Some(reason) = reason {
            return self
                .refer_to_helpdesk(
                    flow,
                    reason,
                    "password.set",
                    reason.as_str(),
                    Some(detail),
                    ctx,
                )
                .await;
        }
        flow.setting_failed();
        self.save(flow).await?;
        if e.kind == DK::PasswordRejected {
            self.audit(
                ctx,
                Some(&flow.account),
                "password.set",
                "rejected_by_entra",
                Some(detail),
            )
            .await;
            return Ok(SetOutcome::Rejected(Verdict::rejected(
                Rule::Strength,
                "policy-entra-rejected",
            )));
        }
        self.audit(
            ctx,
            Some(&flow.account),
            "password.set",
            "directory_unavailable",
            Some(detail),
        )
        .await;
        tracing::warn!(error = %crate::telemetry::Chain(&e), "password not set");
        Ok(SetOutcome::TryAgain {
            retry_after_secs: e.retry_after.map_or(30, |d| d.as_secs().max(1)),
        })
    }
}
