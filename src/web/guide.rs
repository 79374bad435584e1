//! Where an old password hides after a reset, and how to replace it, ordered so the
//! device the person is holding comes first.

use serde::Serialize;

use super::device::Platform;

#[derive(Debug, Clone, Serialize)]
pub struct Place {
    pub id: &'static str,
    pub title: &'static str,
    pub steps: &'static [&'static str],
    #[serde(skip)]
    pub platforms: &'static [Platform],
}

use Platform::*;

pub const PLACES: &[Place] = &[
    Place {
        id: "ios-mail",
        title: "iPhone or iPad: Mail, Outlook and Teams apps",
        steps: &[
            "Open the Outlook or Teams app: when it asks, sign in again with the new password.",
            "Built-in Mail app: Settings › Apps › Mail › Mail Accounts › your work account › Account, then type the new password and tap Done.",
            "If the account keeps failing, delete it from Mail and add it again.",
        ],
        platforms: &[Ios],
    },
    Place {
        id: "android-mail",
        title: "Android: Outlook, Teams, Gmail and other mail apps",
        steps: &[
            "Open Outlook and Teams: sign in again with the new password when asked.",
            "Gmail or Samsung Email with a work account: Settings › your work account › Server settings (or Account settings), then type the new password.",
            "If Microsoft Authenticator or Company Portal asks you to sign in, use the new password.",
        ],
        platforms: &[Android],
    },
    Place {
        id: "windows-signin",
        title: "Windows: sign-in and the lock screen",
        steps: &[
            "Lock the computer (Windows key + L) and unlock it with the new password.",
            "Away from the office network? Connect to VPN first, or the computer may keep the old password until it can reach the network.",
        ],
        platforms: &[Windows],
    },
    Place {
        id: "outlook-desktop",
        title: "Outlook, Teams and OneDrive on a computer",
        steps: &[
            "Close and reopen Outlook, Teams and OneDrive; sign in with the new password when they ask.",
            "If Outlook keeps asking: File › Account Settings › Account Settings, select the account, Repair.",
        ],
        platforms: &[Windows, Macos],
    },
    Place {
        id: "credential-manager",
        title: "Windows Credential Manager and mapped drives",
        steps: &[
            "Open Start, type Credential Manager, open Windows Credentials.",
            "Edit every entry with your work user name (for example MicrosoftOffice, mapped drives, printers) and type the new password, or remove it to be asked again.",
            "Mapped network drives: right-click the drive in File Explorer, Disconnect, then map it again.",
        ],
        platforms: &[Windows],
    },
    Place {
        id: "keychain",
        title: "Mac: Keychain",
        steps: &[
            "Open Keychain Access (Applications › Utilities).",
            "Search for your work email, open each entry (Exchange, Outlook, Wi-Fi) and update the password, or delete the entry to be asked again.",
        ],
        platforms: &[Macos],
    },
    Place {
        id: "wifi",
        title: "Office Wi-Fi",
        steps: &[
            "On each phone, tablet and laptop: forget the office Wi-Fi network (Settings › Wi-Fi › the network › Forget).",
            "Join it again and sign in with the new password.",
        ],
        platforms: &[Ios, Android, Windows, Macos, Linux, Other],
    },
    Place {
        id: "vpn",
        title: "VPN",
        steps: &[
            "Open the VPN app, edit the saved connection and replace the saved password, or clear it so the app asks.",
        ],
        platforms: &[Windows, Macos, Ios, Android, Linux, Other],
    },
    Place {
        id: "browsers",
        title: "Passwords saved in browsers",
        steps: &[
            "Edge or Chrome: Settings › Passwords (Password Manager); Firefox: Settings › Passwords; Safari: Settings › Passwords.",
            "Search for your work email and update or delete the saved entry.",
        ],
        platforms: &[Windows, Macos, Linux, Ios, Android, Other],
    },
    Place {
        id: "other-devices",
        title: "Other phones, tablets, home computers, scanners and scripts",
        steps: &[
            "Think of every other device that signs in as you: a second phone, a tablet, a home computer, a scanner that emails documents, scheduled scripts.",
            "Update each one. Until you do, it keeps trying the old password.",
        ],
        platforms: &[],
    },
];

/// Places relevant to this device first, then the rest, each once.
pub fn ordered(platform: Platform) -> Vec<&'static Place> {
    let (mine, rest): (Vec<_>, Vec<_>) =
        PLACES.iter().partition(|p| p.platforms.contains(&platform));
    mine.into_iter().chain(rest).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_device_in_hand_comes_first() {
        assert_eq!(ordered(Ios)[0].id, "ios-mail");
        assert_eq!(ordered(Windows)[0].id, "windows-signin");
        assert_eq!(ordered(Android)[0].id, "android-mail");
        for p in [Ios, Android, Windows, Macos, Linux, Other] {
            assert_eq!(ordered(p).len(), PLACES.len());
        }
    }
}
