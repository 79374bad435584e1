//! Which Graph application permissions and directory roles each feature needs, and how
//! to grant them. Used by `rekey check` and mirrored in docs/entra-setup.md.

use crate::ports::directory::Grants;

/// One requirement: any of `any_of` satisfies it.
#[derive(Debug, Clone)]
pub struct Requirement {
    pub feature: &'static str,
    pub any_of: &'static [&'static str],
    /// What to grant when none is present (least privilege first).
    pub fix: &'static str,
    /// Required for the configuration in use (else a warning only).
    pub required: bool,
}

pub const USER_ADMINISTRATOR: &str = "fe930be7-5e62-47db-91af-98c3a49a38b1";
pub const HELPDESK_ADMINISTRATOR: &str = "729827e3-9c14-49f7-bb1b-9608f156bbb8";
pub const PASSWORD_ADMINISTRATOR: &str = "966707d0-3269-4727-9be2-8c3a10f19b9d";
pub const AUTHENTICATION_ADMINISTRATOR: &str = "c4e39bd9-1100-46d3-8c65-fb160da0071f";
pub const PRIVILEGED_AUTHENTICATION_ADMINISTRATOR: &str = "7be44c8a-adaf-4e2a-84d6-ab2649e08a13";
pub const GLOBAL_ADMINISTRATOR: &str = "62e90394-69f5-4237-9190-012177145e10";

/// Roles that may reset ordinary users' passwords (GRAPH.md §4.2). Microsoft documents
/// "at least User Administrator" for app-only calls, so that is what we recommend.
pub const RESET_ROLES: &[&str] = &[
    USER_ADMINISTRATOR,
    HELPDESK_ADMINISTRATOR,
    PASSWORD_ADMINISTRATOR,
    AUTHENTICATION_ADMINISTRATOR,
    PRIVILEGED_AUTHENTICATION_ADMINISTRATOR,
    GLOBAL_ADMINISTRATOR,
];

/// What the enabled features need.
pub fn requirements(mail_via_graph: bool, revoke_sessions: bool) -> Vec<Requirement> {
    vec![
        Requirement {
            feature: "reset: find users",
            any_of: &[
                "User.Read.All",
                "User.ReadWrite.All",
                "Directory.Read.All",
                "Directory.ReadWrite.All",
            ],
            fix: "add the Microsoft Graph application permission User.Read.All and grant admin consent",
            required: true,
        },
        Requirement {
            feature: "reset: set passwords",
            any_of: &[
                "User-PasswordProfile.ReadWrite.All",
                "User.ReadWrite.All",
                "Directory.ReadWrite.All",
            ],
            fix: "add the application permission User-PasswordProfile.ReadWrite.All and grant admin consent",
            required: true,
        },
        Requirement {
            feature: "reset: registered email and phone methods",
            any_of: &[
                "UserAuthenticationMethod.Read.All",
                "UserAuthenticationMethod.ReadWrite.All",
                "UserAuthMethod-Phone.Read.All",
            ],
            fix: "add the application permission UserAuthenticationMethod.Read.All and grant admin consent",
            required: true,
        },
        Requirement {
            feature: "reset: sign the user out everywhere",
            any_of: &[
                "User.RevokeSessions.All",
                "User.ReadWrite.All",
                "Directory.ReadWrite.All",
            ],
            fix: "add the application permission User.RevokeSessions.All, or set security.revoke_sessions = false",
            required: revoke_sessions,
        },
        Requirement {
            feature: "reminders: domain password policies",
            any_of: &[
                "Domain.Read.All",
                "Directory.Read.All",
                "Directory.ReadWrite.All",
            ],
            fix: "add the application permission Domain.Read.All and grant admin consent",
            required: false,
        },
        Requirement {
            feature: "mail: send through Graph",
            any_of: &["Mail.Send"],
            fix: "add the application permission Mail.Send (and limit it to the sender mailbox with an application access policy)",
            required: mail_via_graph,
        },
        Requirement {
            feature: "sign-in watch: sign-in logs (Entra ID P1)",
            any_of: &["AuditLog.Read.All"],
            fix: "add the application permission AuditLog.Read.All (and Directory.Read.All); needs Entra ID P1",
            required: false,
        },
    ]
}

/// Whether `grants` satisfy `req`.
pub fn satisfied(req: &Requirement, grants: &Grants) -> bool {
    req.any_of
        .iter()
        .any(|p| grants.app_roles.iter().any(|g| g.eq_ignore_ascii_case(p)))
}

/// Whether the app holds a directory role that can reset ordinary users.
pub fn has_reset_role(grants: &Grants) -> bool {
    grants
        .directory_roles
        .iter()
        .any(|r| RESET_ROLES.iter().any(|x| x.eq_ignore_ascii_case(r)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn least_privilege_grants_satisfy_every_required_feature() {
        let g = Grants {
            app_roles: vec![
                "User.Read.All".into(),
                "User-PasswordProfile.ReadWrite.All".into(),
                "UserAuthenticationMethod.Read.All".into(),
                "User.RevokeSessions.All".into(),
            ],
            directory_roles: vec![USER_ADMINISTRATOR.into()],
        };
        for r in requirements(false, true) {
            assert!(!r.required || satisfied(&r, &g), "{}", r.feature);
        }
        assert!(has_reset_role(&g));
        let none = Grants::default();
        assert!(!has_reset_role(&none));
        assert!(
            requirements(true, true)
                .iter()
                .any(|r| r.required && !satisfied(r, &g))
        );
    }
}
