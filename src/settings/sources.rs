//! Where the configuration comes from: defaults, the TOML file, `REKEY_*` variables and
//! `*_file` secrets, with every problem named by its key and variable.

use std::{collections::HashSet, fmt, path::Path};

use secrecy::SecretString;
use serde::de::DeserializeOwned;

use super::{Purpose, Settings, validate};

/// One thing wrong with the configuration, naming the key it is about.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigProblem {
    /// Dotted key, e.g. `tenant.client_secret`.
    pub key: String,
    pub message: String,
}

impl ConfigProblem {
    pub fn new(key: impl Into<String>, message: impl Into<String>) -> Self {
        Self {
            key: key.into(),
            message: message.into(),
        }
    }

    /// The environment variable that sets this key.
    pub fn env_var(&self) -> String {
        env_var_for(&self.key)
    }
}

pub fn env_var_for(key: &str) -> String {
    format!("REKEY_{}", key.replace('.', "__").to_uppercase())
}

impl fmt::Display for ConfigProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.key, self.message)
    }
}

#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    #[error("cannot read the configuration file {path}: {source}")]
    Read {
        path: String,
        source: std::io::Error,
    },
    #[error("the configuration has {} problem(s)", .0.len())]
    Invalid(Vec<ConfigProblem>),
}

const SECTIONS: &[&str] = &[
    "server",
    "tenant",
    "database",
    "security",
    "email",
    "sms",
    "branding",
    "policy",
    "reminders",
    "signins",
    "ad",
    "admin",
    "log",
];

/// Loads the configuration: defaults, then `path` (if any), then `REKEY_*` variables from
/// `env`, then `*_file` secrets. Returns every problem found, not just the first.
pub fn load(
    path: Option<&Path>,
    env: impl IntoIterator<Item = (String, String)>,
    purpose: Purpose,
) -> Result<Settings, LoadError> {
    let text = match path {
        Some(p) => std::fs::read_to_string(p).map_err(|source| LoadError::Read {
            path: p.display().to_string(),
            source,
        })?,
        None => String::new(),
    };
    load_from_str(&text, env, purpose)
}

/// As [`load`], from TOML text already in memory.
pub fn load_from_str(
    text: &str,
    env: impl IntoIterator<Item = (String, String)>,
    purpose: Purpose,
) -> Result<Settings, LoadError> {
    let mut problems = Vec::new();
    let mut root: toml::Table = match text.parse() {
        Ok(t) => t,
        Err(e) => {
            let line = e
                .span()
                .map(|s| text[..s.start.min(text.len())].lines().count().max(1));
            let key = line.map_or("(file)".to_string(), |l| format!("(file, line {l})"));
            return Err(LoadError::Invalid(vec![ConfigProblem::new(
                key,
                e.message().to_string(),
            )]));
        }
    };
    for key in root.keys() {
        if !SECTIONS.contains(&key.as_str()) {
            problems.push(ConfigProblem::new(
                key.clone(),
                format!("unknown section; expected one of {}", SECTIONS.join(", ")),
            ));
        }
    }
    let from_env = apply_env(&mut root, env, &mut problems);

    let mut s = Settings {
        server: section(&root, "server", &from_env, &mut problems),
        tenant: section(&root, "tenant", &from_env, &mut problems),
        database: section(&root, "database", &from_env, &mut problems),
        security: section(&root, "security", &from_env, &mut problems),
        email: section(&root, "email", &from_env, &mut problems),
        sms: section(&root, "sms", &from_env, &mut problems),
        branding: section(&root, "branding", &from_env, &mut problems),
        policy: section(&root, "policy", &from_env, &mut problems),
        reminders: section(&root, "reminders", &from_env, &mut problems),
        admin: section(&root, "admin", &from_env, &mut problems),
        signins: section(&root, "signins", &from_env, &mut problems),
        ad: section(&root, "ad", &from_env, &mut problems),
        log: section(&root, "log", &from_env, &mut problems),
    };
    read_secret_files(&mut s, &mut problems);
    problems.extend(validate::validate(&s, purpose));
    if problems.is_empty() {
        Ok(s)
    } else {
        Err(LoadError::Invalid(problems))
    }
}

/// `REKEY_SECTION__KEY=value` sets `section.key`. Values that read as TOML booleans,
/// numbers or arrays keep that type; anything else is a string. Returns the keys set.
fn apply_env(
    root: &mut toml::Table,
    env: impl IntoIterator<Item = (String, String)>,
    problems: &mut Vec<ConfigProblem>,
) -> HashSet<String> {
    let mut set = HashSet::new();
    for (name, raw) in env {
        let Some(rest) = name.strip_prefix("REKEY_") else {
            continue;
        };
        let Some((section, key)) = rest.split_once("__") else {
            continue; // REKEY_CONFIG and friends belong to the command line
        };
        let section = section.to_lowercase();
        let key = key.to_lowercase().replace("__", ".");
        if !SECTIONS.contains(&section.as_str()) {
            problems.push(ConfigProblem::new(
                name.clone(),
                format!("unknown section `{section}` in environment variable"),
            ));
            continue;
        }
        let value = typed_env_value(&raw);
        let table = root
            .entry(section.clone())
            .or_insert_with(|| toml::Value::Table(toml::Table::new()));
        if let toml::Value::Table(t) = table {
            t.insert(key.clone(), value);
            set.insert(format!("{section}.{key}"));
        }
    }
    set
}

fn typed_env_value(raw: &str) -> toml::Value {
    let parsed: Result<toml::Table, _> = format!("v = {raw}").parse();
    match parsed.ok().and_then(|mut t| t.remove("v")) {
        Some(v @ (toml::Value::Boolean(_) | toml::Value::Integer(_) | toml::Value::Float(_)))
        | Some(v @ toml::Value::Array(_)) => v,
        _ => toml::Value::String(raw.to_string()),
    }
}

/// Deserializes one section, naming the exact key of any error. A value that came from
/// the environment and was read as a number or boolean is retried as a string, so that
/// `REKEY_TENANT__CLIENT_ID=1234` works for a string key.
fn section<T: DeserializeOwned + Default>(
    root: &toml::Table,
    name: &str,
    from_env: &HashSet<String>,
    problems: &mut Vec<ConfigProblem>,
) -> T {
    let mut table = match root.get(name) {
        Some(toml::Value::Table(t)) => t.clone(),
        Some(_) => {
            problems.push(ConfigProblem::new(name, "must be a table ([section])"));
            return T::default();
        }
        None => toml::Table::new(),
    };
    // On an error, name it, drop the offending key and parse again: one bad value must not
    // hide the section's other problems, nor turn its good values into defaults.
    for _ in 0..32 {
        let de = toml::Value::Table(table.clone());
        let err = match serde_path_to_error::deserialize::<_, T>(de) {
            Ok(v) => return v,
            Err(e) => e,
        };
        let path = err.path().to_string();
        let key = if path == "." || path.is_empty() {
            name.to_string()
        } else {
            format!("{name}.{path}")
        };
        let segments: Vec<&str> = if path == "." || path.is_empty() {
            Vec::new()
        } else {
            path.split('.').collect()
        };
        if from_env.contains(&key)
            && let Some(v) = lookup_mut(&mut table, &segments)
            && !matches!(v, toml::Value::String(_))
        {
            // REKEY_TENANT__CLIENT_ID=1234 is meant as a string.
            *v = toml::Value::String(v.to_string());
            continue;
        }
        let message = err.into_inner().to_string();
        let message = message.lines().next().unwrap_or("").to_string();
        let message = match message.split_once(", expected") {
            Some((m, exp)) if m.starts_with("unknown field") => {
                format!("unknown key; expected{exp}")
            }
            _ => message,
        };
        problems.push(ConfigProblem::new(key, message));
        if !remove_path(&mut table, &segments) {
            return T::default();
        }
    }
    T::default()
}

fn lookup_mut<'a>(table: &'a mut toml::Table, path: &[&str]) -> Option<&'a mut toml::Value> {
    let (last, parents) = path.split_last()?;
    let mut t = table;
    for p in parents {
        t = t.get_mut(*p)?.as_table_mut()?;
    }
    t.get_mut(*last)
}

fn remove_path(table: &mut toml::Table, path: &[&str]) -> bool {
    let Some((last, parents)) = path.split_last() else {
        return false;
    };
    let mut t = table;
    for p in parents {
        match t.get_mut(*p).and_then(toml::Value::as_table_mut) {
            Some(next) => t = next,
            None => return false,
        }
    }
    t.remove(*last).is_some()
}

fn read_secret_files(s: &mut Settings, problems: &mut Vec<ConfigProblem>) {
    let pairs: [(&str, &mut Option<SecretString>, &Option<std::path::PathBuf>); 9] = [
        (
            "ad.bind_password",
            &mut s.ad.bind_password,
            &s.ad.bind_password_file,
        ),
        ("database.url", &mut s.database.url, &s.database.url_file),
        (
            "server.session_key_previous",
            &mut s.server.session_key_previous,
            &s.server.session_key_previous_file,
        ),
        (
            "security.code_key_previous",
            &mut s.security.code_key_previous,
            &s.security.code_key_previous_file,
        ),
        (
            "server.session_key",
            &mut s.server.session_key,
            &s.server.session_key_file,
        ),
        (
            "tenant.client_secret",
            &mut s.tenant.client_secret,
            &s.tenant.client_secret_file,
        ),
        (
            "security.code_key",
            &mut s.security.code_key,
            &s.security.code_key_file,
        ),
        (
            "email.smtp_password",
            &mut s.email.smtp_password,
            &s.email.smtp_password_file,
        ),
        (
            "sms.auth_token",
            &mut s.sms.auth_token,
            &s.sms.auth_token_file,
        ),
    ];
    for (key, secret, file) in pairs {
        let Some(path) = file else { continue };
        if secret.is_some() {
            problems.push(ConfigProblem::new(
                format!("{key}_file"),
                format!("set either {key} or {key}_file, not both"),
            ));
            continue;
        }
        match std::fs::read_to_string(path) {
            Ok(text) => {
                let value = text.trim_end_matches(['\r', '\n']).to_string();
                if value.is_empty() {
                    problems.push(ConfigProblem::new(
                        format!("{key}_file"),
                        format!("{} is empty", path.display()),
                    ));
                } else {
                    *secret = Some(SecretString::from(value));
                }
            }
            Err(e) => problems.push(ConfigProblem::new(
                format!("{key}_file"),
                format!("cannot read {}: {e}", path.display()),
            )),
        }
    }
}
