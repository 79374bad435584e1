//! Where an old password hides after a reset, and how to replace it, ordered so the
//! device the person is holding comes first. The words are in the catalogs.

use serde::Serialize;

use super::device::Platform;

#[derive(Debug, Clone, Serialize)]
pub struct Place {
    /// Also names its messages: `guide-{id}` is the title, `guide-{id}-{n}` step n.
    pub id: &'static str,
    pub steps: u8,
    #[serde(skip)]
    pub platforms: &'static [Platform],
}

use Platform::*;

pub const PLACES: &[Place] = &[
    Place {
        id: "ios-mail",
        steps: 3,
        platforms: &[Ios],
    },
    Place {
        id: "android-mail",
        steps: 3,
        platforms: &[Android],
    },
    Place {
        id: "windows-signin",
        steps: 2,
        platforms: &[Windows],
    },
    Place {
        id: "outlook-desktop",
        steps: 2,
        platforms: &[Windows, Macos],
    },
    Place {
        id: "credential-manager",
        steps: 3,
        platforms: &[Windows],
    },
    Place {
        id: "keychain",
        steps: 2,
        platforms: &[Macos],
    },
    Place {
        id: "wifi",
        steps: 2,
        platforms: &[Ios, Android, Windows, Macos, Linux, Other],
    },
    Place {
        id: "vpn",
        steps: 1,
        platforms: &[Windows, Macos, Ios, Android, Linux, Other],
    },
    Place {
        id: "browsers",
        steps: 2,
        platforms: &[Windows, Macos, Linux, Ios, Android, Other],
    },
    Place {
        id: "other-devices",
        steps: 2,
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

    #[test]
    fn every_place_and_step_has_its_words() {
        let ids: Vec<String> = crate::i18n::Catalogs::reference_ids()
            .into_iter()
            .map(|(id, _)| id)
            .collect();
        for p in PLACES {
            assert!(ids.contains(&format!("guide-{}", p.id)), "{}", p.id);
            for n in 1..=p.steps {
                assert!(ids.contains(&format!("guide-{}-{n}", p.id)), "{} {n}", p.id);
            }
            assert!(
                !ids.contains(&format!("guide-{}-{}", p.id, p.steps + 1)),
                "{}",
                p.id
            );
        }
    }
}
