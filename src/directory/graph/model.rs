//! The client's own view of Graph's JSON. The simulator keeps separate types on purpose:
//! a shared DTO would hide drift between them.

use chrono::{DateTime, Utc};
use serde::Deserialize;

use crate::ports::directory::{DirectoryUser, DomainPolicy, SignIn};

/// Properties selected for every user read.
pub const USER_SELECT: &str = "id,userPrincipalName,displayName,givenName,surname,mail,otherMails,mobilePhone,accountEnabled,passwordPolicies,lastPasswordChangeDateTime,onPremisesSyncEnabled,onPremisesSecurityIdentifier,onPremisesSamAccountName,onPremisesDomainName,preferredLanguage,companyName";

/// Never-expiring domains store Int32.MaxValue (GRAPH.md §5.1).
pub const NEVER_EXPIRES: i64 = 2_147_483_647;

#[derive(Debug, Deserialize)]
pub struct Page<T> {
    #[serde(default = "Vec::new")]
    pub value: Vec<T>,
    #[serde(rename = "@odata.nextLink")]
    pub next_link: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct GraphUser {
    pub id: String,
    #[serde(default)]
    pub user_principal_name: String,
    pub display_name: Option<String>,
    pub given_name: Option<String>,
    pub surname: Option<String>,
    pub mail: Option<String>,
    #[serde(default)]
    pub other_mails: Option<Vec<String>>,
    pub mobile_phone: Option<String>,
    pub account_enabled: Option<bool>,
    pub password_policies: Option<String>,
    pub last_password_change_date_time: Option<DateTime<Utc>>,
    pub on_premises_sync_enabled: Option<bool>,
    pub on_premises_security_identifier: Option<String>,
    pub on_premises_sam_account_name: Option<String>,
    pub on_premises_domain_name: Option<String>,
    pub preferred_language: Option<String>,
    pub company_name: Option<String>,
}

impl From<GraphUser> for DirectoryUser {
    fn from(u: GraphUser) -> Self {
        DirectoryUser {
            id: u.id,
            upn: u.user_principal_name,
            display_name: u.display_name,
            given_name: u.given_name,
            surname: u.surname,
            mail: u.mail,
            other_mails: u.other_mails.unwrap_or_default(),
            mobile_phone: u.mobile_phone,
            // Absent means we did not select it; assume enabled and let Graph decide.
            account_enabled: u.account_enabled.unwrap_or(true),
            password_policies: u.password_policies,
            last_password_change: u.last_password_change_date_time,
            synced_from_on_premises: u.on_premises_sync_enabled == Some(true),
            preferred_language: u.preferred_language,
            company_name: u.company_name,
            on_premises_sid: u.on_premises_security_identifier,
            on_premises_account: u.on_premises_sam_account_name,
            on_premises_domain: u.on_premises_domain_name,
        }
    }
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct EmailMethod {
    pub email_address: String,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PhoneMethod {
    pub phone_number: String,
    pub phone_type: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct GraphDomain {
    pub id: String,
    pub password_validity_period_in_days: Option<i64>,
    pub password_notification_window_in_days: Option<i64>,
    pub authentication_type: Option<String>,
}

impl From<GraphDomain> for DomainPolicy {
    fn from(d: GraphDomain) -> Self {
        // "If the property isn't set, a default value of 90 days is used" (GRAPH.md §5.1).
        let validity = d.password_validity_period_in_days.unwrap_or(90);
        DomainPolicy {
            name: d.id.to_ascii_lowercase(),
            validity_days: (validity > 0 && validity < NEVER_EXPIRES)
                .then(|| u32::try_from(validity).unwrap_or(u32::MAX)),
            notification_days: d
                .password_notification_window_in_days
                .and_then(|n| u32::try_from(n).ok())
                .unwrap_or(14),
            federated: d
                .authentication_type
                .is_some_and(|t| t.eq_ignore_ascii_case("federated")),
        }
    }
}

#[derive(Debug, Deserialize, Default)]
#[serde(rename_all = "camelCase")]
pub struct SignInStatus {
    #[serde(default)]
    pub error_code: i64,
}

#[derive(Debug, Deserialize, Default)]
#[serde(rename_all = "camelCase")]
pub struct DeviceDetail {
    pub display_name: Option<String>,
    pub operating_system: Option<String>,
    pub browser: Option<String>,
}

#[derive(Debug, Deserialize, Default)]
#[serde(rename_all = "camelCase")]
pub struct Location {
    pub city: Option<String>,
    pub country_or_region: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct GraphSignIn {
    pub id: String,
    pub created_date_time: DateTime<Utc>,
    #[serde(default)]
    pub user_id: String,
    #[serde(default)]
    pub user_principal_name: String,
    pub app_display_name: Option<String>,
    pub client_app_used: Option<String>,
    pub ip_address: Option<String>,
    #[serde(default)]
    pub status: SignInStatus,
    #[serde(default)]
    pub device_detail: DeviceDetail,
    #[serde(default)]
    pub location: Location,
}

impl From<GraphSignIn> for SignIn {
    fn from(s: GraphSignIn) -> Self {
        SignIn {
            id: s.id,
            created: s.created_date_time,
            user_id: s.user_id,
            upn: s.user_principal_name,
            app: s.app_display_name,
            client_app: s.client_app_used,
            ip_address: s.ip_address,
            error_code: s.status.error_code,
            operating_system: s.device_detail.operating_system,
            browser: s.device_detail.browser,
            device_name: s.device_detail.display_name,
            city: s.location.city,
            country: s.location.country_or_region,
        }
    }
}

/// Quotes a value for an OData string literal: `'` doubles, so a name cannot end the
/// literal and change the query.
pub fn odata_string(value: &str) -> String {
    format!("'{}'", value.replace('\'', "''"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_cannot_escape_the_literal() {
        assert_eq!(
            odata_string("o'brien@contoso.com"),
            "'o''brien@contoso.com'"
        );
        assert_eq!(
            odata_string("x' or startswith(mail,'a"),
            "'x'' or startswith(mail,''a'"
        );
    }

    #[test]
    fn never_expiring_domains_have_no_validity() {
        let d = GraphDomain {
            id: "Contoso.com".into(),
            password_validity_period_in_days: Some(NEVER_EXPIRES),
            password_notification_window_in_days: Some(14),
            authentication_type: Some("Managed".into()),
        };
        let p = DomainPolicy::from(d);
        assert_eq!(p.validity_days, None);
        assert_eq!(p.name, "contoso.com");
    }
}
