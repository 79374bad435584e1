//! The Samba AD domain controller that scripts/samba.sh starts for the tests.

use std::{path::PathBuf, time::Duration};

use rekey::{
    directory::ad::{ActiveDirectory, AdConfig, AdError},
    random::{OsRandom, Random},
};
use secrecy::SecretString;

/// The domain controller `scripts/samba.sh` started: its folder, URL, base DN, admin DN, CA.
pub struct Dc {
    pub dir: PathBuf,
    pub url: String,
    pub base_dn: String,
    pub admin_dn: String,
    pub ca: PathBuf,
    pub admin_password: String,
}

/// A delegated (non-administrator) service account, as `[ad]` settings.
pub struct ServiceAccount {
    pub settings: rekey::settings::AdSettings,
}

pub fn dc() -> Option<Dc> {
    let Ok(spec) = std::env::var("REKEY_TEST_AD") else {
        assert!(
            std::env::var("CI").is_err(),
            "CI must provide REKEY_TEST_AD (scripts/samba.sh)"
        );
        eprintln!("no Samba DC: AD tests skipped");
        return None;
    };
    let parts: Vec<&str> = spec.split_whitespace().collect();
    let dir = PathBuf::from(parts[0]);
    let admin_password = std::fs::read_to_string(dir.join("admin-password"))
        .unwrap()
        .trim()
        .to_string();
    Some(Dc {
        url: parts[1].into(),
        base_dn: parts[2].into(),
        admin_dn: parts[3].into(),
        ca: parts[4].into(),
        dir,
        admin_password,
    })
}

impl Dc {
    pub fn config(&self) -> AdConfig {
        AdConfig {
            urls: vec![self.url.clone()],
            bind_dn: self.admin_dn.clone(),
            bind_password: SecretString::from(self.admin_password.clone()),
            base_dn: self.base_dn.clone(),
            ca_file: self.ca.clone(),
            timeout: Duration::from_secs(5),
            pool_size: 4,
            enforce_history: true,
        }
    }

    /// The domain's DNS name, as Graph's `onPremisesDomainName` gives it.
    pub fn domain(&self) -> String {
        rekey::directory::ad::wire::dns_domain(&self.base_dn)
    }

    /// Runs `samba-tool ARGS` against the DC as the administrator.
    pub fn samba_tool(&self, args: &[&str]) -> String {
        let out = std::process::Command::new("samba-tool")
            .args(args)
            .arg("-s")
            .arg(self.dir.join("etc/smb.conf"))
            .args(["-H", "ldap://127.0.0.1", "-U", "Administrator"])
            .arg(format!("--password={}", self.admin_password))
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "samba-tool {args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout).to_string()
    }

    /// A new user of this test's own, with `password`.
    pub fn new_user(&self, password: &str) -> String {
        let name = format!("t{}", OsRandom.token_hex(5));
        self.samba_tool(&["user", "create", &name, password]);
        name
    }

    /// A service account delegated exactly what docs/hybrid.md asks, on `account` only:
    /// the "Reset password" extended right and write access to `lockoutTime`.
    pub fn delegated_service_account(&self, account: &str) -> ServiceAccount {
        let password = format!("Svc-{}-Pa55!", OsRandom.token_hex(8));
        let name = self.new_user(&password);
        let sid_of = |who: &str| {
            let shown = self.samba_tool(&["user", "show", who, "--attributes=objectSid"]);
            shown
                .lines()
                .find_map(|l| l.strip_prefix("objectSid: "))
                .unwrap()
                .trim()
                .to_string()
        };
        let sid = sid_of(&name);
        let user_dn = format!("CN={account},CN=Users,{}", self.base_dn);
        let reset_password = "00299570-246d-11d0-a768-00aa006e0529";
        let lockout_time = "28630ebf-41d5-11d1-a9c1-0000f80367c1";
        self.samba_tool(&[
            "dsacl",
            "set",
            &format!("--objectdn={user_dn}"),
            &format!("--sddl=(OA;;CR;{reset_password};;{sid})(OA;;WP;{lockout_time};;{sid})"),
        ]);
        let mut settings = self.settings();
        settings.bind_dn = format!("CN={name},CN=Users,{}", self.base_dn);
        settings.bind_password = Some(SecretString::from(password));
        ServiceAccount { settings }
    }

    /// Gives `other` the `sAMAccountName` of `account` as well, writing the domain partition
    /// directly: Samba refuses duplicates, as AD does within a domain, but a directory can
    /// still hold them (a forest searched through a global catalog, a botched migration).
    pub fn duplicate_account_name(&self, account: &str, other: &str) {
        let partition = self
            .dir
            .join("private/sam.ldb.d")
            .join(format!("{}.ldb", self.base_dn.to_uppercase()));
        let ldif = self.dir.join(format!("dup-{other}.ldif"));
        std::fs::write(
            &ldif,
            format!(
                "dn: CN={other},CN=Users,{}\nchangetype: modify\nreplace: sAMAccountName\nsAMAccountName: {account}\n",
                self.base_dn
            ),
        )
        .unwrap();
        let out = std::process::Command::new("ldbmodify")
            .arg("-H")
            .arg(&partition)
            .arg(&ldif)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "ldbmodify: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }

    /// The SID of `account`, as Graph's `onPremisesSecurityIdentifier` gives it.
    pub async fn sid_of(&self, account: &str) -> String {
        let ad = ActiveDirectory::new(self.config()).unwrap();
        match ad.find_by_account(account).await.unwrap() {
            rekey::directory::ad::Found::One(user) => user.sid,
            other => panic!("{account}: expected one AD user, found {other:?}"),
        }
    }

    /// A portal with these `[ad]` settings where the simulator's `EMAIL_USER` is synced
    /// from AD's `account`.
    pub async fn synced_portal(
        &self,
        account: &str,
        settings: rekey::settings::AdSettings,
    ) -> super::TestApp {
        let sid = self.sid_of(account).await;
        let app = super::TestApp::spawn_with(|_| {}, move |s| s.ad = settings).await;
        app.sim
            .state
            .set_on_premises(super::EMAIL_USER, Some(&sid), account, &self.domain());
        app
    }

    /// Whether `account` can bind with `password` (as Entra Connect's users sign in on-prem).
    pub async fn binds(&self, account: &str, password: &str) -> bool {
        let mut cfg = self.config();
        cfg.bind_dn = format!("{account}@corp.contoso.test");
        cfg.bind_password = SecretString::from(password.to_string());
        let ad = ActiveDirectory::new(cfg).unwrap();
        match ad.find_by_account(account).await {
            Ok(_) => true,
            Err(AdError::Bind(_)) => false,
            Err(e) => panic!("binding as {account}: {e}"),
        }
    }
}

impl Dc {
    /// `[ad]` settings for a portal that writes to this DC.
    pub fn settings(&self) -> rekey::settings::AdSettings {
        rekey::settings::AdSettings {
            urls: vec![self.url.clone()],
            bind_dn: self.admin_dn.clone(),
            bind_password: Some(SecretString::from(self.admin_password.clone())),
            bind_password_file: None,
            base_dn: self.base_dn.clone(),
            ca_file: Some(self.ca.clone()),
            timeout_secs: 5,
            ..Default::default()
        }
    }
}
