//! The first step: look the name up within the start step's time budget and make a flow
//! of the same shape for known and unknown names.

use super::{
    Flow, FlowUser, Method, MethodKind, Step, decoy, mask,
    service::{FlowError, RequestCtx, ResetService, normalise_account},
};
use crate::{
    ports::directory::{ContactMethods, DirectoryUser},
    telemetry::names as m,
};

impl ResetService {
    /// The account and where its codes can go, within the start step's budget. The lookup
    /// runs as its own task: when the budget runs out (Graph throttling the method reads,
    /// retries and all) the step goes on with what is known — a name not found in time is
    /// treated as unknown, methods not read in time as the directory's fallback (profile
    /// addresses where allowed, else none: decoys) — and the task finishes in the background,
    /// warming the methods cache for the person's next try. A failed method read is treated
    /// the same way: answering differently would tell a stranger that the name exists.
    pub(super) async fn lookup(
        &self,
        account: &str,
    ) -> Result<Option<(DirectoryUser, ContactMethods)>, FlowError> {
        let directory = self.directory.clone();
        let name = account.to_string();
        let (found_tx, found_rx) = tokio::sync::oneshot::channel();
        let task = tokio::spawn(async move {
            let found = directory.find_user(&name).await;
            let user = found.as_ref().ok().cloned().flatten();
            let _ = found_tx.send(found);
            match user {
                Some(u) => Some(directory.contact_methods(&u).await),
                None => None,
            }
        });
        let deadline = self
            .cfg
            .lookup_budget()
            .map(|b| tokio::time::Instant::now() + b);
        let within = |deadline: Option<tokio::time::Instant>| async move {
            match deadline {
                Some(d) => tokio::time::sleep_until(d).await,
                None => std::future::pending().await,
            }
        };
        let found = tokio::select! {
            r = found_rx => match r {
                Ok(r) => r.map_err(FlowError::Directory)?,
                Err(_) => return Err(FlowError::Internal("the account lookup stopped".into())),
            },
            () = within(deadline) => {
                tracing::warn!("account lookup slower than the start floor; going on without it");
                return Ok(None);
            }
        };
        let Some(user) = found else {
            return Ok(None);
        };
        // Not in time or not readable: the user's own record where allowed (profile
        // fallback), else nothing (decoys).
        let contact = tokio::select! {
            r = task => match r {
                Ok(Some(Ok(c))) => c,
                Ok(Some(Err(e))) => {
                    tracing::warn!(error = %crate::telemetry::Chain(&e), "contact methods unavailable; using the fallback");
                    self.directory.fallback_methods(&user)
                }
                Ok(None) | Err(_) => self.directory.fallback_methods(&user),
            },
            () = within(deadline) => {
                tracing::warn!("contact methods slower than the start floor; using the fallback");
                self.directory.fallback_methods(&user)
            }
        };
        Ok(Some((user, contact)))
    }

    /// Starts a flow for whatever was typed. Known and unknown names produce flows of the
    /// same shape, in the same time; only the audit trail knows which is which.
    pub async fn start(&self, typed: &str, ctx: &RequestCtx) -> Result<Flow, FlowError> {
        self.limit_address(ctx).await?;
        let account = normalise_account(typed);
        let (user, methods) = match self.lookup(&account).await? {
            Some((u, contact)) => {
                let mut methods: Vec<Method> = Vec::new();
                for (i, e) in contact.emails.iter().enumerate() {
                    methods.push(Method {
                        id: format!("email:{i}"),
                        kind: MethodKind::Email,
                        masked: mask::email(e),
                        target: Some(e.clone()),
                    });
                }
                for (i, p) in contact.mobiles.iter().enumerate() {
                    methods.push(Method {
                        id: format!("sms:{i}"),
                        kind: MethodKind::Sms,
                        masked: mask::phone(p),
                        target: Some(p.clone()),
                    });
                }
                if methods.is_empty() {
                    // Nothing registered (or not known in time): decoys, so the page looks
                    // like any other.
                    methods = decoy::methods(&self.decoy_key, &account);
                }
                let flow_user = FlowUser {
                    id: u.id.clone(),
                    upn: u.upn.clone(),
                    display_name: u.display_name.clone(),
                    given_name: u.given_name.clone(),
                    surname: u.surname.clone(),
                    mail: u.mail.clone(),
                    enabled: u.account_enabled,
                    synced: u.synced_from_on_premises,
                    preferred_language: u.preferred_language.clone(),
                    company_name: u.company_name.clone(),
                    on_premises_sid: u.on_premises_sid.clone(),
                    on_premises_account: u.on_premises_account.clone(),
                    on_premises_domain: u.on_premises_domain.clone(),
                    cloud_changed_at: u.last_password_change,
                };
                (Some(flow_user), methods)
            }
            None => (None, decoy::methods(&self.decoy_key, &account)),
        };
        let known = user.is_some();
        let mut flow = Flow {
            id: self.rng.token_hex(24),
            account: account.clone(),
            user,
            methods,
            verified: Vec::new(),
            required: self.cfg.required_methods,
            step: Step::ChooseMethod,
            created_at: self.now(),
            on_premises: self.on_premises.is_some(),
            on_premises_rules: None,
            cloud_synced: false,
            version: 0,
        };
        self.save(&mut flow).await?;
        metrics::counter!(m::RESETS_STARTED).increment(1);
        self.audit(
            ctx,
            Some(&account),
            "reset.start",
            if known { "known" } else { "unknown" },
            None,
        )
        .await;
        Ok(flow)
    }
}
