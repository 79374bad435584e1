//! The device family a request comes from, to order the saved-password guide. A family
//! is all the guide needs, so a few substring checks beat a full User-Agent parser.

use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Platform {
    Ios,
    Android,
    Windows,
    Macos,
    Linux,
    Other,
}

/// From the `Sec-CH-UA-Platform` client hint when present, else the User-Agent.
pub fn detect(user_agent: Option<&str>, ch_platform: Option<&str>) -> Platform {
    if let Some(p) = ch_platform {
        match p.trim_matches('"').to_ascii_lowercase().as_str() {
            "windows" => return Platform::Windows,
            "macos" => return Platform::Macos,
            "android" => return Platform::Android,
            "ios" => return Platform::Ios,
            "linux" | "chrome os" | "chromeos" => return Platform::Linux,
            _ => {}
        }
    }
    let ua = user_agent.unwrap_or("").to_ascii_lowercase();
    if ua.contains("iphone") || ua.contains("ipad") || ua.contains("ipod") {
        Platform::Ios
    } else if ua.contains("android") {
        Platform::Android
    } else if ua.contains("windows") {
        Platform::Windows
    } else if ua.contains("macintosh") || ua.contains("mac os x") {
        Platform::Macos
    } else if ua.contains("linux") || ua.contains("cros") {
        Platform::Linux
    } else {
        Platform::Other
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn real_user_agents() {
        let cases = [
            (
                "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1",
                Platform::Ios,
            ),
            (
                "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0 Mobile Safari/537.36",
                Platform::Android,
            ),
            (
                "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0 Safari/537.36 Edg/124.0",
                Platform::Windows,
            ),
            (
                "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_4) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Safari/605.1.15",
                Platform::Macos,
            ),
            (
                "Mozilla/5.0 (X11; Linux x86_64; rv:125.0) Gecko/20100101 Firefox/125.0",
                Platform::Linux,
            ),
            ("curl/8.5", Platform::Other),
        ];
        for (ua, want) in cases {
            assert_eq!(detect(Some(ua), None), want, "{ua}");
        }
        assert_eq!(
            detect(Some("Mozilla/5.0 (X11; Linux x86_64)"), Some("\"Windows\"")),
            Platform::Windows
        );
    }
}
