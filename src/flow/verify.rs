//! Sending a code to a chosen method and checking the code typed back.

use super::{
    Flow, MethodKind, Step,
    limits::window,
    service::{FlowError, Outgoing, RequestCtx, ResetService},
};
use crate::{ports::store::CodeRow, telemetry::names as m};

impl ResetService {
    /// Sends a code to one of the flow's methods (a decoy "sends" nothing).
    pub async fn send_code(
        &self,
        flow_id: &str,
        method_id: &str,
        ctx: &RequestCtx,
    ) -> Result<(Flow, Option<Outgoing>), FlowError> {
        self.limit_address(ctx).await?;
        let mut flow = self.load(flow_id).await?;
        self.check_lock(&flow).await?;
        let method = match flow.choose(method_id) {
            Ok(m) => m,
            Err(e) => {
                self.audit(ctx, Some(&flow.account), "code.send", "out_of_order", None)
                    .await;
                return Err(e.into());
            }
        };
        let (start, left) = window(self.now(), 3600);
        let sent = self
            .store
            .counter_hit(&format!("send:{}", flow.limit_key()), start)
            .await?;
        if sent > self.cfg.codes_per_account_per_hour {
            self.audit(ctx, Some(&flow.account), "code.send", "rate_limited", None)
                .await;
            return Err(FlowError::TooMany {
                retry_after_secs: left,
            });
        }
        let code = super::codes::generate(&*self.rng, self.cfg.code_length);
        let user_id = flow.user.as_ref().map_or("", |u| u.id.as_str());
        self.store
            .code_put(&CodeRow {
                flow_id: flow.id.clone(),
                method: method.id.clone(),
                hash: self.key.hash(&flow.id, user_id, &method.id, &code),
                expires_at: self.now() + self.cfg.code_ttl,
                attempts: 0,
                consumed: false,
            })
            .await?;
        self.save(&mut flow).await?;
        let outgoing = method.target.clone().map(|to| Outgoing::Code {
            kind: method.kind,
            to,
            code,
            account: flow
                .user
                .as_ref()
                .map_or(flow.account.clone(), |u| u.upn.clone()),
            ttl_minutes: self.cfg.code_ttl.num_minutes(),
        });
        metrics::counter!(m::CODES_SENT, "channel" => match method.kind {
            MethodKind::Email => "email",
            MethodKind::Sms => "sms",
        })
        .increment(1);
        self.audit(
            ctx,
            Some(&flow.account),
            "code.send",
            "queued",
            Some(serde_json::json!({"method": method.id, "channel": method.kind})),
        )
        .await;
        Ok((flow, outgoing))
    }

    /// Checks a typed code against the pending method.
    pub async fn submit_code(
        &self,
        flow_id: &str,
        typed: &str,
        ctx: &RequestCtx,
    ) -> Result<(Flow, Vec<Outgoing>), FlowError> {
        self.limit_address(ctx).await?;
        let mut flow = self.load(flow_id).await?;
        self.check_lock(&flow).await?;
        let Some(method) = flow.pending_method().map(str::to_string) else {
            return Err(self.out_of_order(ctx, &flow, "code.verify").await);
        };
        let code = super::codes::normalise_input(typed);
        let row = self.store.code_get(&flow.id, &method).await?;
        let Some(row) = row.filter(|r| !r.consumed && r.expires_at > self.now()) else {
            self.audit(ctx, Some(&flow.account), "code.verify", "expired", None)
                .await;
            return Err(FlowError::CodeExpired);
        };
        let user_id = flow.user.as_ref().map_or("", |u| u.id.as_str());
        // A decoy (no target) never received a code, so no guess may pass for it.
        let real_method = flow.method(&method).is_some_and(|m| m.target.is_some());
        let correct = flow.user.is_some()
            && real_method
            && std::iter::once(&self.key)
                .chain(self.previous_key.as_ref())
                .any(|k| k.matches(&row.hash, &flow.id, user_id, &method, &code));
        if !correct {
            return Err(self.wrong_code(&flow, &method, ctx).await);
        }
        if !self.store.code_consume(&flow.id, &method).await? {
            self.audit(ctx, Some(&flow.account), "code.verify", "replayed", None)
                .await;
            return Err(FlowError::CodeExpired);
        }
        flow.code_accepted()?;
        self.prepare_on_premises(&mut flow).await;
        self.renew_id(&mut flow).await?;
        let outcome = match &flow.step {
            Step::Helpdesk { reason } => reason.as_str(),
            _ => "verified",
        };
        self.audit(
            ctx,
            Some(&flow.account),
            "code.verify",
            outcome,
            Some(serde_json::json!({"method": method})),
        )
        .await;
        Ok((flow, Vec::new()))
    }
}
