//! Synced users, whose password lives in on-premises AD: finding their object and its
//! password rules once a code is accepted, writing the password or unlocking there, and
//! what AD's refusals mean for the person.

use secrecy::SecretString;

use super::{
    Flow, HelpdeskReason, Step,
    password::NotWritten,
    service::{FlowError, RequestCtx, ResetService, SetOutcome},
};
use crate::{
    i18n::Arg,
    policy::{DirectoryRules, Rule, Verdict},
    ports::{
        OnPremisesError, OnPremisesErrorKind, OnPremisesMatch, OnPremisesName, OnPremisesUser,
    },
    telemetry::names as m,
};

/// How long verification waits for AD's answer about the person.
const PREPARE_BUDGET: std::time::Duration = std::time::Duration::from_secs(5);

impl ResetService {
    /// Once a synced user is verified: their AD object, so the password page shows AD's
    /// rules for them, or the helpdesk page now (no match, several, protected) rather than
    /// after they chose a password. An unreachable DC changes nothing here: the write
    /// looks again.
    pub(super) async fn prepare_on_premises(&self, flow: &mut Flow) {
        let Some(user) = flow.user.clone() else {
            return;
        };
        if !(flow.step == Step::NewPassword && flow.on_premises && user.synced) {
            return;
        }
        // Optional here (the write looks again), so it may not hold the verified person up.
        let looked = tokio::time::timeout(PREPARE_BUDGET, self.on_premises_object(&user)).await;
        let Ok(looked) = looked else {
            tracing::warn!("AD did not answer in time at verification; the write will look again");
            return;
        };
        match looked {
            Ok((_, object)) => flow.on_premises_rules = object.rules,
            Err(NotWritten::Helpdesk(reason)) => flow.setting_refused(reason),
            Err(NotWritten::OnPremises(e)) => {
                tracing::warn!(error = %e, "AD's rules for this user not read; the write will look again");
            }
            Err(NotWritten::Directory(_)) => {}
        }
    }

    /// The rules to show this flow's user before they type: Rekey's, with AD's merged in.
    pub fn rules_shown(&self, flow: &Flow) -> Vec<crate::i18n::Msg> {
        self.policy.rules_for(self.directory_rules(flow).as_ref())
    }

    /// The shortest password this flow's user may choose.
    pub fn min_length(&self, flow: &Flow) -> usize {
        self.policy
            .min_length_for(self.directory_rules(flow).as_ref())
    }

    /// The rules AD adds for this flow's user, as the policy checks them.
    pub(super) fn directory_rules(&self, flow: &Flow) -> Option<DirectoryRules> {
        let rules = flow.on_premises_rules.as_ref()?;
        Some(DirectoryRules {
            min_length: usize::try_from(rules.min_length).unwrap_or(usize::MAX),
            complexity: rules.complexity,
            history: rules.history,
            account: Some(rules.account.clone()),
            display_name: rules.display_name.clone(),
        })
    }

    /// The password of a synced user, written to the on-premises directory that masters it.
    /// The object is found by the SID Graph knows for the user (or its account name); a
    /// protected object, or none or several matches, are the helpdesk's.
    pub(super) async fn write_on_premises(
        &self,
        user: &super::FlowUser,
        secret: &SecretString,
    ) -> Result<serde_json::Value, NotWritten> {
        let (ad, object) = self.on_premises_object(user).await?;
        ad.set_password(&object, secret)
            .await
            .map_err(NotWritten::OnPremises)?;
        Ok(serde_json::json!({"directory": "ad", "unlocked": object.locked}))
    }

    /// The synced user's object in AD, where Rekey may write it: found by SID (or account
    /// name), exactly once, and not protected.
    async fn on_premises_object(
        &self,
        user: &super::FlowUser,
    ) -> Result<(&dyn crate::ports::OnPremises, OnPremisesUser), NotWritten> {
        let Some(ad) = self.on_premises.as_deref() else {
            return Err(NotWritten::Helpdesk(HelpdeskReason::SyncedFromOnPremises));
        };
        let found = ad
            .find(OnPremisesName {
                sid: user.on_premises_sid.as_deref(),
                account: user.on_premises_account.as_deref(),
                domain: user.on_premises_domain.as_deref(),
            })
            .await
            .map_err(NotWritten::OnPremises)?;
        let object = match found {
            OnPremisesMatch::None => {
                return Err(NotWritten::Helpdesk(HelpdeskReason::OnPremisesNoMatch));
            }
            OnPremisesMatch::Several(_) => {
                return Err(NotWritten::Helpdesk(
                    HelpdeskReason::OnPremisesSeveralMatches,
                ));
            }
            OnPremisesMatch::One(u) if u.protected => {
                return Err(NotWritten::Helpdesk(HelpdeskReason::Privileged));
            }
            OnPremisesMatch::One(u) => u,
        };
        Ok((ad, object))
    }

    /// Unlocks a verified synced user's AD account without changing the password.
    pub async fn unlock(&self, flow_id: &str, ctx: &RequestCtx) -> Result<SetOutcome, FlowError> {
        self.limit_address(ctx).await?;
        let mut flow = self.load(flow_id).await?;
        let Some(user) = flow.user.clone().filter(|_| flow.may_unlock()) else {
            return Err(self.out_of_order(ctx, &flow, "account.unlock").await);
        };
        let unlocked = match self.on_premises_object(&user).await {
            Ok((ad, object)) => ad.unlock(&object).await.map_err(NotWritten::OnPremises),
            Err(e) => Err(e),
        };
        match unlocked {
            Ok(()) => {
                flow.unlocked(self.now());
                self.save(&mut flow).await?;
                self.audit(ctx, Some(&flow.account), "account.unlock", "success", None)
                    .await;
                Ok(SetOutcome::Done {
                    messages: Vec::new(),
                })
            }
            Err(NotWritten::Helpdesk(reason)) => {
                self.refer_to_helpdesk(
                    &mut flow,
                    reason,
                    "account.unlock",
                    reason.as_str(),
                    None,
                    ctx,
                )
                .await
            }
            Err(NotWritten::OnPremises(e)) => {
                tracing::warn!(error = %e, "account not unlocked in Active Directory");
                let detail =
                    serde_json::json!({"directory": "ad", "kind": format!("{:?}", e.kind)});
                self.audit(
                    ctx,
                    Some(&flow.account),
                    "account.unlock",
                    "directory_unavailable",
                    Some(detail),
                )
                .await;
                Ok(SetOutcome::TryAgain {
                    retry_after_secs: 30,
                })
            }
            Err(NotWritten::Directory(e)) => Err(FlowError::Directory(e)),
        }
    }

    /// What the on-premises directory's refusal means for the person.
    pub(super) async fn on_premises_failed(
        &self,
        flow: &mut Flow,
        e: OnPremisesError,
        ctx: &RequestCtx,
    ) -> Result<SetOutcome, FlowError> {
        let detail = serde_json::json!({"directory": "ad", "kind": format!("{:?}", e.kind)});
        tracing::warn!(error = %e, "password not set in Active Directory");
        match e.kind {
            OnPremisesErrorKind::Policy => {
                flow.setting_failed();
                self.save(flow).await?;
                metrics::counter!(m::RESETS_FAILED, "reason" => "rejected_by_ad").increment(1);
                self.audit(
                    ctx,
                    Some(&flow.account),
                    "password.set",
                    "rejected_by_ad",
                    Some(detail),
                )
                .await;
                Ok(SetOutcome::Rejected(ad_refusal(flow)))
            }
            OnPremisesErrorKind::NotDelegated | OnPremisesErrorKind::Unwilling => {
                let reason = HelpdeskReason::SyncedFromOnPremises;
                metrics::counter!(m::RESETS_FAILED, "reason" => "ad_refused").increment(1);
                self.refer_to_helpdesk(
                    flow,
                    reason,
                    "password.set",
                    "ad_refused",
                    Some(detail),
                    ctx,
                )
                .await
            }
            OnPremisesErrorKind::Unavailable | OnPremisesErrorKind::Misconfigured => {
                flow.setting_failed();
                self.save(flow).await?;
                metrics::counter!(m::RESETS_FAILED, "reason" => "directory_unavailable")
                    .increment(1);
                self.audit(
                    ctx,
                    Some(&flow.account),
                    "password.set",
                    "directory_unavailable",
                    Some(detail),
                )
                .await;
                Ok(SetOutcome::TryAgain {
                    retry_after_secs: 30,
                })
            }
        }
    }
}

/// Whether a password written to AD has reached the cloud yet, for the done page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CloudSync {
    /// Not a password written to AD, or no waiting configured.
    NotWaiting,
    /// Entra has not got it yet.
    Waiting,
    /// Graph's `lastPasswordChangeDateTime` moved: Microsoft 365 takes the new password.
    Synced,
    /// The wait is over without a sign of the sync; the page says "a few minutes" again.
    GaveUp,
}

impl CloudSync {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::NotWaiting => "not_waiting",
            Self::Waiting => "waiting",
            Self::Synced => "synced",
            Self::GaveUp => "gave_up",
        }
    }
}

impl ResetService {
    /// Whether Entra Connect has synced the password this flow wrote to AD. Graph is asked
    /// at most [`CLOUD_SYNC_ASKS_PER_MINUTE`] times a minute per reset, and not after
    /// `cloud_sync_wait`; the answer, once yes, is kept in the flow.
    pub async fn cloud_sync(&self, flow: &mut Flow) -> CloudSync {
        let Step::Done { at } = flow.step else {
            return CloudSync::NotWaiting;
        };
        let Some(user) = flow.user.clone().filter(|u| u.synced && flow.on_premises) else {
            return CloudSync::NotWaiting;
        };
        if self.cfg.cloud_sync_wait <= chrono::Duration::zero() {
            return CloudSync::NotWaiting;
        }
        if flow.cloud_synced {
            return CloudSync::Synced;
        }
        if self.now() - at > self.cfg.cloud_sync_wait {
            return CloudSync::GaveUp;
        }
        let (start, _) = super::limits::window(self.now(), 60);
        match self
            .store
            .counter_hit(&format!("cloud-sync:{}", flow.id), start)
            .await
        {
            Ok(n) if n <= CLOUD_SYNC_ASKS_PER_MINUTE => {}
            _ => return CloudSync::Waiting,
        }
        // Graph finds users by name; the id confirms it is still the same person.
        let moved = match self.directory.find_user(&user.upn).await {
            Ok(Some(now)) => {
                now.id == user.id
                    && now.last_password_change.is_some()
                    && now.last_password_change != user.cloud_changed_at
            }
            Ok(None) => false,
            Err(e) => {
                tracing::debug!(error = %crate::telemetry::Chain(&e), "cloud sync not checked");
                false
            }
        };
        if !moved {
            return CloudSync::Waiting;
        }
        flow.cloud_synced = true;
        if let Err(e) = self.save(flow).await {
            tracing::debug!(error = %e, "cloud sync not remembered; Graph will be asked again");
        }
        CloudSync::Synced
    }
}

/// How often a reset's done page may have Graph asked whether the sync happened.
pub const CLOUD_SYNC_ASKS_PER_MINUTE: u32 = 12;

/// What to tell a person whose password AD refused. Length and complexity were checked
/// against the rules AD showed, so the likely causes left are the history, or a
/// fine-grained policy the service account may not read.
fn ad_refusal(flow: &Flow) -> Verdict {
    match &flow.on_premises_rules {
        Some(rules) if rules.history > 0 => Verdict::rejected_with(
            Rule::History,
            "policy-ad-history",
            vec![("depth", Arg::from(rules.history))],
        ),
        _ => Verdict::rejected(Rule::Strength, "policy-ad-rejected"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ports::OnPremisesRules;

    fn flow_with(rules: Option<OnPremisesRules>) -> Flow {
        let mut flow: Flow = serde_json::from_value(serde_json::json!({
            "id": "f", "account": "a", "user": null, "methods": [], "verified": [],
            "required": 1, "step": {"step": "new_password"}, "created_at": "2026-01-01T00:00:00Z"
        }))
        .unwrap();
        flow.on_premises_rules = rules;
        flow
    }

    #[test]
    fn a_refusal_despite_known_rules_names_the_history() {
        let v = ad_refusal(&flow_with(Some(OnPremisesRules {
            min_length: 7,
            complexity: true,
            history: 24,
            fine_grained: None,
            account: "jsmith".into(),
            display_name: None,
        })));
        assert_eq!(v.failed[0].message_id, "policy-ad-history");
        assert!(
            v.failed[0].message.contains("24"),
            "{}",
            v.failed[0].message
        );
    }

    #[test]
    fn without_rules_or_history_the_refusal_stays_general() {
        assert_eq!(
            ad_refusal(&flow_with(None)).failed[0].message_id,
            "policy-ad-rejected"
        );
        let no_history = OnPremisesRules {
            min_length: 7,
            complexity: true,
            history: 0,
            fine_grained: None,
            account: "jsmith".into(),
            display_name: None,
        };
        assert_eq!(
            ad_refusal(&flow_with(Some(no_history))).failed[0].message_id,
            "policy-ad-rejected"
        );
    }
}
