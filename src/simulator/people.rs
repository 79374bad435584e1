//! Who the simulated tenant holds: the seeded demo accounts (one per situation Rekey must
//! handle), the devices that keep an old password, and the rule synthetic users follow.

use super::roles;

/// What the `n`th synthetic user (`user{n:06}@contoso.com`) is like. The one place the
/// seeding rule lives: benchmarks and tests that pick users ask it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Synthetic {
    pub enabled: bool,
    /// Mastered in on-premises AD.
    pub synced: bool,
    /// Has `user{n:06}@example.net` as an alternate address.
    pub alternate_email: bool,
    pub never_expires: bool,
}

impl Synthetic {
    /// Can reset here: enabled, cloud-only, with an alternate address for the code.
    pub fn can_reset(&self) -> bool {
        self.enabled && !self.synced && self.alternate_email
    }
}

pub fn synthetic(n: usize) -> Synthetic {
    Synthetic {
        enabled: n % 25 != 7,
        synced: n % 40 == 11,
        alternate_email: n.is_multiple_of(2),
        never_expires: n % 10 == 3,
    }
}

/// A seeded demo account.
pub struct Demo {
    pub upn: &'static str,
    pub name: &'static str,
    pub what: &'static str,
    /// Days until expiry (negative: expired).
    pub expires_in: i64,
    pub alt_email: Option<&'static str>,
    pub mobile: Option<&'static str>,
    pub policies: Option<&'static str>,
    pub enabled: bool,
    pub synced: bool,
    pub roles: &'static [&'static str],
    pub lang: Option<&'static str>,
    pub mailbox: bool,
}

const fn demo(upn: &'static str, name: &'static str, what: &'static str, expires_in: i64) -> Demo {
    Demo {
        upn,
        name,
        what,
        expires_in,
        alt_email: None,
        mobile: None,
        policies: None,
        enabled: true,
        synced: false,
        roles: &[],
        lang: None,
        mailbox: true,
    }
}

/// The demo tenant: one account per situation Rekey must handle.
pub const DEMO: &[Demo] = &[
    Demo {
        alt_email: Some("adele.v@gmail.com"),
        mobile: Some("+44 7700900123"),
        ..demo(
            "adele.vance@contoso.com",
            "Adele Vance",
            "alternate email and mobile; expires in 14 days",
            14,
        )
    },
    Demo {
        alt_email: Some("alex.wilber@outlook.com"),
        ..demo(
            "alex.wilber@contoso.com",
            "Alex Wilber",
            "alternate email only; expires in 7 days",
            7,
        )
    },
    Demo {
        mobile: Some("+1 5555550123"),
        ..demo(
            "diego.siciliani@contoso.com",
            "Diego Siciliani",
            "mobile only; expires in 3 days",
            3,
        )
    },
    Demo {
        alt_email: Some("lee.gu@proton.me"),
        ..demo("lee.gu@contoso.com", "Lee Gu", "expires tomorrow", 1)
    },
    Demo {
        alt_email: Some("grady.archie@yahoo.com"),
        ..demo(
            "grady.archie@contoso.com",
            "Grady Archie",
            "password expired 5 days ago",
            -5,
        )
    },
    Demo {
        alt_email: Some("johanna@gmx.de"),
        policies: Some("DisablePasswordExpiration"),
        lang: Some("de-DE"),
        ..demo(
            "johanna.lorenz@contoso.com",
            "Johanna Lorenz",
            "never expires (user policy); German",
            40,
        )
    },
    Demo {
        alt_email: Some("lidia.h@outlook.com"),
        ..demo(
            "lidia.holloway@partners.contoso.com",
            "Lidia Holloway",
            "never expires (domain policy)",
            40,
        )
    },
    Demo {
        alt_email: Some("dave.d@gmail.com"),
        enabled: false,
        ..demo(
            "dave.disabled@contoso.com",
            "Dave Disabled",
            "disabled account",
            10,
        )
    },
    Demo {
        alt_email: Some("sam.s@gmail.com"),
        synced: true,
        ..demo(
            "sam.synced@contoso.com",
            "Sam Synced",
            "synced from on-premises AD",
            10,
        )
    },
    Demo {
        alt_email: Some("megan.b@outlook.com"),
        roles: &[roles::GLOBAL_ADMINISTRATOR],
        ..demo(
            "megan.admin@contoso.com",
            "Megan Bowen",
            "privileged (Global Administrator)",
            20,
        )
    },
    demo(
        "nestor.wilke@contoso.com",
        "Nestor Wilke",
        "no alternate email or mobile registered",
        30,
    ),
    Demo {
        alt_email: Some("liam.obrien@gmail.com"),
        ..demo(
            "liam.o'brien@contoso.com",
            "Liam O'Brien",
            "a UPN with an apostrophe",
            50,
        )
    },
    Demo {
        alt_email: Some("isaiah.l@gmail.com"),
        ..demo(
            "isaiah.langer@fabrikam.com",
            "Isaiah Langer",
            "federated domain",
            30,
        )
    },
    Demo {
        alt_email: Some("pradeep@orange.fr"),
        mobile: Some("+33 612345678"),
        lang: Some("fr-FR"),
        ..demo(
            "pradeep.gupta@contoso.com",
            "Pradeep Gupta",
            "French; alternate email and mobile",
            60,
        )
    },
    Demo {
        policies: Some("DisablePasswordExpiration"),
        ..demo("rekey@contoso.com", "Rekey Mailer", "", 100)
    },
    Demo {
        alt_email: Some("patti.f@gmail.com"),
        mailbox: false,
        ..demo(
            "patti.fernandez@contoso.com",
            "Patti Fernandez",
            "no Exchange mailbox",
            70,
        )
    },
];

/// Devices that keep the old password after a reset, per demo account: (app, client app,
/// operating system, device name). After a password change the simulator logs their failures.
pub fn stale_devices(
    upn: &str,
) -> &'static [(&'static str, &'static str, &'static str, &'static str)] {
    match upn {
        "alex.wilber@contoso.com" => &[
            (
                "Office 365 Exchange Online",
                "Exchange ActiveSync",
                "iOS 17.5",
                "Alex's iPhone",
            ),
            (
                "Microsoft Office",
                "Mobile Apps and Desktop clients",
                "Windows 11",
                "ALEX-LAPTOP",
            ),
        ],
        "adele.vance@contoso.com" => &[(
            "Microsoft Outlook",
            "Mobile Apps and Desktop clients",
            "Windows 10",
            "",
        )],
        _ => &[],
    }
}

/// The password every demo account starts with (for ROPC).
pub const DEMO_PASSWORD: &str = "Demo-Passw0rd!";
