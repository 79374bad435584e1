//! Picking a language from what a browser or a directory says.

use super::{LANGUAGES, Language};

/// The tags of an `Accept-Language` header, best first; `q=0` and `*` are dropped, and
/// equal weights keep the header's order.
pub fn accept_language(header: &str) -> Vec<&str> {
    let mut tags: Vec<(&str, f32)> = header
        .split(',')
        .take(32)
        .filter_map(|part| {
            let mut it = part.split(';');
            let tag = it.next()?.trim();
            let q = it
                .find_map(|p| p.trim().strip_prefix("q="))
                .map_or(Some(1.0), |q| q.trim().parse::<f32>().ok())?;
            (!tag.is_empty() && tag != "*" && q > 0.0 && q.is_finite()).then_some((tag, q))
        })
        .collect();
    tags.sort_by(|a, b| b.1.total_cmp(&a.1));
    tags.into_iter().map(|(t, _)| t).collect()
}

/// The first wanted tag Rekey speaks: exactly, else by its primary language.
pub(super) fn best<'a>(wanted: impl IntoIterator<Item = &'a str>) -> Option<&'static Language> {
    wanted.into_iter().find_map(|tag| {
        let tag = tag.trim().replace('_', "-");
        LANGUAGES
            .iter()
            .find(|l| l.code.eq_ignore_ascii_case(&tag))
            .or_else(|| {
                let primary = tag.split('-').next().unwrap_or("");
                LANGUAGES.iter().find(|l| {
                    l.code
                        .split('-')
                        .next()
                        .is_some_and(|p| p.eq_ignore_ascii_case(primary))
                })
            })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn weights_order_the_tags() {
        assert_eq!(
            accept_language("da, en-GB;q=0.8, de;q=0.9, fr;q=0, *;q=0.1"),
            vec!["da", "de", "en-GB"]
        );
        assert_eq!(accept_language(""), Vec::<&str>::new());
        assert_eq!(accept_language("en;q=abc, ja"), vec!["ja"]);
    }

    #[test]
    fn regional_and_primary_tags_match() {
        let code = |tags: &[&str]| best(tags.iter().copied()).map(|l| l.code);
        assert_eq!(code(&["de-AT"]), Some("de"));
        assert_eq!(code(&["pt"]), Some("pt-BR"));
        assert_eq!(code(&["pt_BR"]), Some("pt-BR"));
        assert_eq!(code(&["da", "ar-EG"]), Some("ar"));
        assert_eq!(code(&["da", "sv"]), None);
    }
}
