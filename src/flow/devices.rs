//! After the change: which sign-in sources still try the old password.

use super::{Flow, Step, service::ResetService};
use crate::{
    ports::DirectoryError,
    signins::{self, StaleSource},
};

impl ResetService {
    /// Sources failing with the old password since this flow's change; `None` while the
    /// password has not been changed in this flow.
    pub async fn stale_devices(
        &self,
        flow: &Flow,
    ) -> Result<Option<Vec<StaleSource>>, DirectoryError> {
        let (Step::Done { at }, Some(user)) = (&flow.step, &flow.user) else {
            return Ok(None);
        };
        let events = self.directory.sign_ins(&user.id, *at).await?;
        let from = super::password::counted_from(flow, *at);
        Ok(Some(signins::stale_sources(&events, from)))
    }
}
