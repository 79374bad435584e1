//! The reset flow as a state machine: start → choose method → enter code → [second
//! method] → new password → done. Pure: no HTTP, SQL or templates. Steps cannot be
//! skipped, replayed or reordered; [`service`] does the I/O through the ports.

pub mod codes;
pub mod decoy;
mod devices;
mod limits;
pub mod mask;
mod on_premises;
mod password;
pub mod service;
mod start;
mod verify;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

pub use on_premises::CloudSync;
pub use service::{Outgoing, RequestCtx, ResetService, SetOutcome};

/// The channel a code travels by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum MethodKind {
    Email,
    Sms,
}

/// A place a code can go, as the user sees it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Method {
    /// Stable within the flow, e.g. `email:0`.
    pub id: String,
    pub kind: MethodKind,
    pub masked: String,
    /// The real address or number; `None` for decoys, which never receive anything.
    pub target: Option<String>,
}

/// Why a verified person must call the helpdesk instead of resetting here.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum HelpdeskReason {
    Disabled,
    SyncedFromOnPremises,
    Privileged,
    Federated,
    NotEnoughMethods,
    /// Synced, but no on-premises object matches the account.
    OnPremisesNoMatch,
    /// Synced, and several on-premises objects match: never guess which.
    OnPremisesSeveralMatches,
}

impl HelpdeskReason {
    /// The reason as audit events and metrics name it.
    pub fn as_str(self) -> &'static str {
        match self {
            HelpdeskReason::Disabled => "disabled",
            HelpdeskReason::SyncedFromOnPremises => "synced_from_on_premises",
            HelpdeskReason::Privileged => "privileged",
            HelpdeskReason::Federated => "federated",
            HelpdeskReason::NotEnoughMethods => "not_enough_methods",
            HelpdeskReason::OnPremisesNoMatch => "ad_no_match",
            HelpdeskReason::OnPremisesSeveralMatches => "ad_several_matches",
        }
    }
}

/// Where a flow is: which page the person sees and which transitions are allowed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "step", rename_all = "snake_case")]
pub enum Step {
    ChooseMethod,
    EnterCode {
        method: String,
    },
    NewPassword,
    /// A password change is in flight; claimed so a double submit cannot reset twice.
    Setting {
        since: DateTime<Utc>,
    },
    Helpdesk {
        reason: HelpdeskReason,
    },
    Done {
        at: DateTime<Utc>,
    },
    /// A synced user's locked AD account was unlocked, the password unchanged.
    Unlocked {
        at: DateTime<Utc>,
    },
}

/// The directory facts the flow keeps about a real account.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FlowUser {
    pub id: String,
    pub upn: String,
    pub display_name: Option<String>,
    pub given_name: Option<String>,
    pub surname: Option<String>,
    pub mail: Option<String>,
    pub enabled: bool,
    pub synced: bool,
    pub preferred_language: Option<String>,
    pub company_name: Option<String>,
    /// For synced users: the on-premises object's SID and account name, from Graph.
    #[serde(default)]
    pub on_premises_sid: Option<String>,
    #[serde(default)]
    pub on_premises_account: Option<String>,
    #[serde(default)]
    pub on_premises_domain: Option<String>,
    /// Graph's `lastPasswordChangeDateTime` when the reset began: for a password written to
    /// AD, its moving says Entra Connect has synced the new one.
    #[serde(default)]
    pub cloud_changed_at: Option<DateTime<Utc>>,
}

/// One person's reset, from the name typed to the changed password: stored between requests
/// (as JSON, with an optimistic version) and never sent to the browser.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Flow {
    pub id: String,
    /// The name as typed, trimmed and lower-cased: the key for limits and audit.
    pub account: String,
    /// `None` when no account matched: the flow runs on decoys and can never succeed.
    pub user: Option<FlowUser>,
    pub methods: Vec<Method>,
    pub verified: Vec<String>,
    pub required: u8,
    pub step: Step,
    pub created_at: DateTime<Utc>,
    /// This portal writes synced users' passwords to on-premises AD (`[ad]` is set), so a
    /// synced user may reset here instead of at the helpdesk.
    #[serde(default)]
    pub on_premises: bool,
    /// AD's password rules for this synced user, read once they were verified.
    #[serde(default)]
    pub on_premises_rules: Option<crate::ports::OnPremisesRules>,
    /// Graph showed that Entra Connect synced the password this flow wrote to AD.
    #[serde(default)]
    pub cloud_synced: bool,
    #[serde(skip)]
    pub version: i64,
}

/// Why a transition was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum StepError {
    #[error("this step is not available now")]
    OutOfOrder,
    #[error("no such method")]
    UnknownMethod,
    #[error("a method of this kind was already verified")]
    SameChannel,
    #[error("the reset is already complete")]
    Closed,
}

impl Flow {
    /// The key of this flow's per-account counters and lock: the directory's user id, so
    /// every name of one person (UPN, mail alias) shares one budget and one lock; for a name
    /// that matched nobody, the normalised name.
    pub fn limit_key(&self) -> String {
        match &self.user {
            Some(u) => format!("user:{}", u.id),
            None => format!("name:{}", self.account),
        }
    }

    /// At least one code was accepted: the person has shown they hold one of the account's
    /// methods, and only now may pages reflect the account (its language, its UPN).
    pub fn is_verified(&self) -> bool {
        !self.verified.is_empty()
    }

    /// The name a page shows: as typed (normalised) until a code is accepted, so a known and
    /// an unknown name look alike; the directory's UPN after.
    pub fn shown_name(&self) -> &str {
        match &self.user {
            Some(u) if self.is_verified() => &u.upn,
            _ => &self.account,
        }
    }

    /// The account's Entra `preferredLanguage`, for pages once verified and for messages.
    pub fn preferred_language(&self) -> Option<&str> {
        self.user
            .as_ref()
            .and_then(|u| u.preferred_language.as_deref())
    }

    /// The method with this id, if the flow has it.
    pub fn method(&self, id: &str) -> Option<&Method> {
        self.methods.iter().find(|m| m.id == id)
    }

    fn verified_kinds(&self) -> Vec<MethodKind> {
        let mut kinds: Vec<MethodKind> = self
            .verified
            .iter()
            .filter_map(|id| self.method(id).map(|m| m.kind))
            .collect();
        kinds.dedup();
        kinds
    }

    /// Methods the user may still pick: a kind not yet verified.
    pub fn remaining_methods(&self) -> Vec<&Method> {
        let done = self.verified_kinds();
        self.methods
            .iter()
            .filter(|m| !done.contains(&m.kind))
            .collect()
    }

    /// The flow has ended, at the helpdesk or with the password changed.
    pub fn is_closed(&self) -> bool {
        matches!(
            self.step,
            Step::Done { .. } | Step::Helpdesk { .. } | Step::Unlocked { .. }
        )
    }

    /// Which step (1-based) of how many the user is on, for the progress indicator.
    pub fn progress(&self) -> (u8, u8) {
        let total = 2 + self.required;
        let n = match self.step {
            Step::ChooseMethod | Step::EnterCode { .. } => 2 + self.verified.len() as u8,
            Step::NewPassword | Step::Setting { .. } => total,
            Step::Helpdesk { .. } | Step::Done { .. } | Step::Unlocked { .. } => total,
        };
        (n.min(total), total)
    }

    /// Picks (or switches to, or re-sends to) a method.
    pub fn choose(&mut self, method_id: &str) -> Result<Method, StepError> {
        match self.step {
            Step::ChooseMethod | Step::EnterCode { .. } => {}
            Step::Done { .. } | Step::Helpdesk { .. } | Step::Unlocked { .. } => {
                return Err(StepError::Closed);
            }
            _ => return Err(StepError::OutOfOrder),
        }
        let m = self
            .method(method_id)
            .cloned()
            .ok_or(StepError::UnknownMethod)?;
        if self.verified_kinds().contains(&m.kind) {
            return Err(StepError::SameChannel);
        }
        self.step = Step::EnterCode {
            method: m.id.clone(),
        };
        Ok(m)
    }

    /// The method a code is expected for, if any.
    pub fn pending_method(&self) -> Option<&str> {
        match &self.step {
            Step::EnterCode { method } => Some(method),
            _ => None,
        }
    }

    /// A correct code was entered for the pending method.
    pub fn code_accepted(&mut self) -> Result<(), StepError> {
        let Step::EnterCode { method } = &self.step else {
            return Err(if self.is_closed() {
                StepError::Closed
            } else {
                StepError::OutOfOrder
            });
        };
        let method = method.clone();
        if !self.verified.contains(&method) {
            self.verified.push(method);
        }
        self.step = if self.verified_kinds().len() >= usize::from(self.required) {
            match &self.user {
                Some(u) if !u.enabled => Step::Helpdesk {
                    reason: HelpdeskReason::Disabled,
                },
                Some(u) if u.synced && !self.on_premises => Step::Helpdesk {
                    reason: HelpdeskReason::SyncedFromOnPremises,
                },
                _ => Step::NewPassword,
            }
        } else if self.remaining_methods().is_empty() {
            Step::Helpdesk {
                reason: HelpdeskReason::NotEnoughMethods,
            }
        } else {
            Step::ChooseMethod
        };
        Ok(())
    }

    /// Claims the flow for a password change. A flow stuck in `Setting` (a crash mid-call)
    /// may be claimed again after `stale`.
    pub fn begin_setting(
        &mut self,
        now: DateTime<Utc>,
        stale: chrono::Duration,
    ) -> Result<(), StepError> {
        match self.step {
            Step::NewPassword => {}
            Step::Setting { since } if now - since > stale => {}
            Step::Done { .. } | Step::Helpdesk { .. } | Step::Unlocked { .. } => {
                return Err(StepError::Closed);
            }
            _ => return Err(StepError::OutOfOrder),
        }
        self.step = Step::Setting { since: now };
        Ok(())
    }

    /// The change did not happen and may be tried again.
    pub fn setting_failed(&mut self) {
        if matches!(self.step, Step::Setting { .. }) {
            self.step = Step::NewPassword;
        }
    }

    /// The directory refused the change for a reason only the helpdesk can handle.
    pub fn setting_refused(&mut self, reason: HelpdeskReason) {
        self.step = Step::Helpdesk { reason };
    }

    /// The password was changed at `at`.
    /// A verified synced user may unlock their AD account instead of choosing a password,
    /// where this portal writes to AD.
    pub fn may_unlock(&self) -> bool {
        matches!(self.step, Step::NewPassword)
            && self.on_premises
            && self.user.as_ref().is_some_and(|u| u.synced && u.enabled)
    }

    /// The account was unlocked at `at`; the flow ends there.
    pub fn unlocked(&mut self, at: DateTime<Utc>) {
        self.step = Step::Unlocked { at };
    }

    pub fn setting_done(&mut self, at: DateTime<Utc>) {
        self.step = Step::Done { at };
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn flow(required: u8, kinds: &[MethodKind]) -> Flow {
        Flow {
            id: "f".into(),
            account: "a@contoso.com".into(),
            user: Some(FlowUser {
                id: "u".into(),
                upn: "a@contoso.com".into(),
                display_name: None,
                given_name: None,
                surname: None,
                mail: None,
                enabled: true,
                synced: false,
                preferred_language: None,
                company_name: None,
                on_premises_sid: None,
                on_premises_account: None,
                on_premises_domain: None,
                cloud_changed_at: None,
            }),
            methods: kinds
                .iter()
                .enumerate()
                .map(|(i, k)| Method {
                    id: format!("m{i}"),
                    kind: *k,
                    masked: "x".into(),
                    target: Some("t".into()),
                })
                .collect(),
            verified: vec![],
            required,
            step: Step::ChooseMethod,
            created_at: DateTime::from_timestamp(0, 0).unwrap(),
            on_premises: false,
            on_premises_rules: None,
            cloud_synced: false,
            version: 1,
        }
    }

    #[test]
    fn one_method_leads_to_the_password_step() {
        let mut f = flow(1, &[MethodKind::Email]);
        assert_eq!(
            f.begin_setting(f.created_at, chrono::Duration::zero()),
            Err(StepError::OutOfOrder)
        );
        assert_eq!(f.code_accepted(), Err(StepError::OutOfOrder));
        f.choose("m0").unwrap();
        f.code_accepted().unwrap();
        assert_eq!(f.step, Step::NewPassword);
    }

    #[test]
    fn two_methods_must_be_distinct_channels() {
        let mut f = flow(2, &[MethodKind::Email, MethodKind::Email, MethodKind::Sms]);
        f.choose("m0").unwrap();
        f.code_accepted().unwrap();
        assert_eq!(f.step, Step::ChooseMethod);
        assert_eq!(f.choose("m1"), Err(StepError::SameChannel));
        f.choose("m2").unwrap();
        f.code_accepted().unwrap();
        assert_eq!(f.step, Step::NewPassword);
    }

    #[test]
    fn too_few_channels_end_at_the_helpdesk_after_verification() {
        let mut f = flow(2, &[MethodKind::Email]);
        f.choose("m0").unwrap();
        f.code_accepted().unwrap();
        assert_eq!(
            f.step,
            Step::Helpdesk {
                reason: HelpdeskReason::NotEnoughMethods
            }
        );
    }

    #[test]
    fn disabled_and_synced_accounts_are_explained_only_after_verification() {
        let mut f = flow(1, &[MethodKind::Sms]);
        if let Some(u) = f.user.as_mut() {
            u.synced = true;
        }
        assert_eq!(f.step, Step::ChooseMethod);
        f.choose("m0").unwrap();
        f.code_accepted().unwrap();
        assert_eq!(
            f.step,
            Step::Helpdesk {
                reason: HelpdeskReason::SyncedFromOnPremises
            }
        );
    }

    #[test]
    fn a_finished_flow_cannot_be_set_again() {
        let mut f = flow(1, &[MethodKind::Email]);
        f.choose("m0").unwrap();
        f.code_accepted().unwrap();
        let now = f.created_at;
        f.begin_setting(now, chrono::Duration::seconds(60)).unwrap();
        // A concurrent second submit sees the claim.
        let mut twin = f.clone();
        assert_eq!(
            twin.begin_setting(now, chrono::Duration::seconds(60)),
            Err(StepError::OutOfOrder)
        );
        f.setting_done(now);
        assert_eq!(
            f.begin_setting(now, chrono::Duration::seconds(60)),
            Err(StepError::Closed)
        );
        assert_eq!(f.choose("m0"), Err(StepError::Closed));
    }
}
