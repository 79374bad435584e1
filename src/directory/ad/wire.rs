//! What Active Directory's LDAP interface needs spelled out byte by byte (shared/AD.md):
//! binary SIDs escaped into filters, FILETIME values, the quoted UTF-16LE `unicodePwd`, and
//! the meaning of AD's answers to a password write. Pure: no connection here.

use chrono::{DateTime, Utc};

/// `S-1-5-21-a-b-c-RID` (Graph's `onPremisesSecurityIdentifier`) as the binary SID AD
/// stores in `objectSid`: revision, sub-authority count, 48-bit big-endian authority, then
/// each sub-authority as 32-bit little-endian. `None` for anything that is not a SID.
pub fn sid_bytes(sid: &str) -> Option<Vec<u8>> {
    let mut parts = sid.strip_prefix("S-")?.split('-');
    let revision: u8 = parts.next()?.parse().ok()?;
    let authority: u64 = parts.next()?.parse().ok()?;
    if authority >= 1 << 48 {
        return None;
    }
    let subs: Vec<u32> = parts.map(|p| p.parse().ok()).collect::<Option<_>>()?;
    if subs.is_empty() || subs.len() > 15 {
        return None;
    }
    let mut out = vec![revision, u8::try_from(subs.len()).ok()?];
    out.extend_from_slice(&authority.to_be_bytes()[2..]);
    for s in subs {
        out.extend_from_slice(&s.to_le_bytes());
    }
    Some(out)
}

/// The string form (`S-1-5-21-…`) of a binary SID as AD returns `objectSid`.
pub fn sid_string(bytes: &[u8]) -> Option<String> {
    let (&revision, rest) = bytes.split_first()?;
    let (&count, rest) = rest.split_first()?;
    if rest.len() != 6 + 4 * usize::from(count) {
        return None;
    }
    let mut authority = [0u8; 8];
    authority[2..].copy_from_slice(&rest[..6]);
    let mut out = format!("S-{revision}-{}", u64::from_be_bytes(authority));
    for sub in rest[6..].chunks_exact(4) {
        let v = u32::from_le_bytes([sub[0], sub[1], sub[2], sub[3]]);
        out.push_str(&format!("-{v}"));
    }
    Some(out)
}

/// An `(objectSid=…)` filter for `sid`, every byte escaped as `\xx` (RFC 4515), so nothing
/// in the value can change the filter's meaning.
pub fn sid_filter(sid: &str) -> Option<String> {
    let bytes = sid_bytes(sid)?;
    let escaped: String = bytes.iter().map(|b| format!("\\{b:02x}")).collect();
    Some(format!("(objectSid={escaped})"))
}

/// Escapes a string value for an LDAP filter (RFC 4515): `*`, `(`, `)`, `\` and NUL, and
/// every non-ASCII byte, become `\xx`.
pub fn escape_filter_value(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for b in value.bytes() {
        match b {
            b'*' | b'(' | b')' | b'\\' | 0 => out.push_str(&format!("\\{b:02x}")),
            b if b.is_ascii() => out.push(char::from(b)),
            b => out.push_str(&format!("\\{b:02x}")),
        }
    }
    out
}

/// 100-ns intervals between 1601-01-01 and 1970-01-01.
const FILETIME_UNIX_EPOCH: i64 = 116_444_736_000_000_000;

/// What a FILETIME attribute such as `msDS-UserPasswordExpiryTimeComputed` says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileTime {
    /// 0x7FFFFFFFFFFFFFFF: the password never expires.
    Never,
    /// 0: no time (must change at next logon, or nothing computed).
    Unset,
    At(DateTime<Utc>),
}

/// Reads a FILETIME: 100-ns intervals since 1601-01-01 UTC.
pub fn filetime(value: i64) -> FileTime {
    match value {
        i64::MAX => FileTime::Never,
        v if v <= 0 => FileTime::Unset,
        v => {
            let since_unix = v - FILETIME_UNIX_EPOCH;
            let secs = since_unix.div_euclid(10_000_000);
            let nanos = u32::try_from(since_unix.rem_euclid(10_000_000) * 100).unwrap_or(0);
            DateTime::from_timestamp(secs, nanos).map_or(FileTime::Unset, FileTime::At)
        }
    }
}

/// A duration AD stores as negative 100-ns intervals (`maxPwdAge`, `lockoutDuration`).
pub fn interval(value: i64) -> Option<std::time::Duration> {
    let positive = value.checked_neg().filter(|v| *v > 0)?;
    let nanos = u64::try_from(positive).ok()?.checked_mul(100)?;
    Some(std::time::Duration::from_nanos(nanos))
}

/// The value of an administrative `unicodePwd` replace: the password in double quotes,
/// UTF-16LE. Zeroized when dropped.
pub fn unicode_pwd(password: &str) -> zeroize::Zeroizing<Vec<u8>> {
    let mut out = zeroize::Zeroizing::new(Vec::with_capacity((password.len() + 2) * 2));
    for unit in std::iter::once('"')
        .chain(password.chars())
        .chain(std::iter::once('"'))
        .flat_map(|c| {
            let mut buf = [0u16; 2];
            c.encode_utf16(&mut buf).to_vec()
        })
    {
        out.extend_from_slice(&unit.to_le_bytes());
    }
    out
}

/// What AD's answer to a password write means for the person.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WriteRefusal {
    /// Result 19 with `0000052D`: AD's own policy (length, complexity, history, minimum age).
    Policy,
    /// Result 50: the service account lacks "Reset password" on this object.
    NotDelegated,
    /// Result 53: e.g. an unencrypted connection, or a protected object.
    Unwilling,
    /// Anything else: treat as an outage and keep the verified flow for a retry.
    Other,
}

/// Classifies an LDAP result code and diagnostic message from a `unicodePwd` modify.
pub fn classify_write(result_code: u32, diagnostic: &str) -> WriteRefusal {
    match result_code {
        19 if diagnostic.to_ascii_uppercase().contains("0000052D") => WriteRefusal::Policy,
        50 => WriteRefusal::NotDelegated,
        53 => WriteRefusal::Unwilling,
        _ => WriteRefusal::Other,
    }
}

/// `LDAP_SERVER_POLICY_HINTS_OID`: makes an administrative reset honour the password
/// history, as a user's own change does (MS-ADTS 3.1.1.3.4.1.31; Windows Server 2012 and
/// later, Samba). Sent non-critical, so a DC without it still resets, without the history.
pub const POLICY_HINTS_OID: &str = "1.2.840.113556.1.4.2239";

/// The control's value: `SEQUENCE { Flags INTEGER }` with flag 1, "enforce".
pub const POLICY_HINTS_ENFORCE: [u8; 5] = [0x30, 0x03, 0x02, 0x01, 0x01];

/// The DNS name of the domain a DN is in (`DC=corp,DC=contoso,DC=test` → `corp.contoso.test`),
/// as Graph's `onPremisesDomainName` names it.
pub fn dns_domain(dn: &str) -> String {
    dn.split(',')
        .map(str::trim)
        .filter_map(|rdn| {
            let (key, value) = rdn.split_once('=')?;
            key.trim().eq_ignore_ascii_case("DC").then(|| value.trim())
        })
        .collect::<Vec<_>>()
        .join(".")
        .to_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_dns_domain_comes_from_the_dc_components() {
        assert_eq!(
            dns_domain("OU=Staff, DC=Corp,DC=contoso,DC=test"),
            "corp.contoso.test"
        );
        assert_eq!(dns_domain("CN=Users"), "");
    }

    #[test]
    fn a_domain_sid_becomes_28_bytes_and_an_escaped_filter() {
        let sid = "S-1-5-21-3623811015-3361044348-30300820-1013";
        let b = sid_bytes(sid).unwrap();
        assert_eq!(b.len(), 28);
        assert_eq!(&b[..8], &[1, 5, 0, 0, 0, 0, 0, 5]);
        assert_eq!(&b[8..12], &21u32.to_le_bytes());
        assert_eq!(&b[24..], &1013u32.to_le_bytes());
        let f = sid_filter(sid).unwrap();
        assert!(f.starts_with("(objectSid=\\01\\05\\00\\00\\00\\00\\00\\05\\15\\00\\00\\00"));
        assert!(f.ends_with("\\f5\\03\\00\\00)"), "{f}");
        for bad in [
            "",
            "S-1",
            "S-1-5",
            "S-x-5-21",
            "S-1-5-21-1-*",
            "S-1-281474976710656-1",
        ] {
            assert_eq!(sid_bytes(bad), None, "{bad}");
        }
    }

    #[test]
    fn the_sid_samba_returned_round_trips() {
        use base64::Engine;
        // objectSid of a user a Samba 4.17 DC created, as ldapsearch printed it.
        let stored = base64::engine::general_purpose::STANDARD
            .decode("AQUAAAAAAAUVAAAAmOijW1ZPBwbg8+ovTgQAAA==")
            .unwrap();
        let sid = "S-1-5-21-1537468568-101142358-803927008-1102";
        assert_eq!(sid_bytes(sid).unwrap(), stored);
        assert_eq!(sid_string(&stored).as_deref(), Some(sid));
        assert_eq!(sid_string(&stored[..27]), None);
    }

    #[test]
    fn filter_values_cannot_change_the_filter() {
        assert_eq!(
            escape_filter_value("a*)(uid=*))(|(uid=*"),
            "a\\2a\\29\\28uid=\\2a\\29\\29\\28|\\28uid=\\2a"
        );
        assert_eq!(escape_filter_value("ä"), "\\c3\\a4");
    }

    #[test]
    fn filetimes_read_as_ad_means_them() {
        assert_eq!(filetime(i64::MAX), FileTime::Never);
        assert_eq!(filetime(0), FileTime::Unset);
        // 2024-01-01T00:00:00Z
        let t = 133_485_408_000_000_000;
        assert_eq!(
            filetime(t),
            FileTime::At(DateTime::from_timestamp(1_704_067_200, 0).unwrap())
        );
        // 42 days as AD stores maxPwdAge.
        assert_eq!(
            interval(-36_288_000_000_000),
            Some(std::time::Duration::from_secs(42 * 86_400))
        );
        assert_eq!(interval(0), None);
        assert_eq!(interval(i64::MIN), None);
    }

    #[test]
    fn the_password_is_quoted_utf16le() {
        assert_eq!(
            unicode_pwd("Ab1").as_slice(),
            &[b'"', 0, b'A', 0, b'b', 0, b'1', 0, b'"', 0]
        );
        // Outside the BMP: a surrogate pair.
        assert_eq!(unicode_pwd("😀").len(), 2 * 2 + 4);
    }

    #[test]
    fn ad_refusals_are_told_apart() {
        let policy = "0000052D: Constraint violation - check_password_restrictions: the password is too short";
        assert_eq!(classify_write(19, policy), WriteRefusal::Policy);
        assert_eq!(classify_write(19, "something else"), WriteRefusal::Other);
        assert_eq!(classify_write(50, ""), WriteRefusal::NotDelegated);
        assert_eq!(classify_write(53, ""), WriteRefusal::Unwilling);
        assert_eq!(classify_write(52, ""), WriteRefusal::Other);
    }
}
