//! Stand-in with the policy engine's API until it lands.
#[derive(Debug, Clone, serde::Deserialize)]
#[serde(default)]
pub struct PolicySettings {
    pub min_length: usize,
    pub history_depth: u32,
}
impl Default for PolicySettings {
    fn default() -> Self {
        Self {
            min_length: 12,
            history_depth: 5,
        }
    }
}
impl PolicySettings {
    pub fn validate(&self) -> Vec<(String, String)> {
        Vec::new()
    }
}
#[derive(Clone, Debug, Default)]
pub struct UserContext {
    pub given_name: Option<String>,
    pub surname: Option<String>,
    pub display_name: Option<String>,
    pub upn: Option<String>,
    pub mail: Option<String>,
    pub org_name: Option<String>,
    pub extra_terms: Vec<String>,
}
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Rule {
    Length,
    Charset,
    Classes,
    Strength,
    Banned,
    Breached,
    History,
}
#[derive(Clone, Debug, serde::Serialize)]
pub struct Failure {
    pub rule: Rule,
    pub message_id: &'static str,
    pub message: String,
}
#[derive(Clone, Debug, serde::Serialize)]
pub struct Hint {
    pub message_id: &'static str,
    pub message: String,
}
#[derive(Clone, Debug, serde::Serialize)]
pub struct Verdict {
    pub accepted: bool,
    pub score: u8,
    pub failed: Vec<Failure>,
    pub suggestions: Vec<Hint>,
    pub crack_time: String,
}
impl Verdict {
    pub fn reject(&mut self, rule: Rule, message_id: &'static str, message: String) {
        self.accepted = false;
        self.failed.push(Failure {
            rule,
            message_id,
            message,
        });
    }
}
pub struct PasswordPolicy {
    s: PolicySettings,
}
#[derive(Debug, thiserror::Error)]
#[error("policy: {0}")]
pub struct PolicyError(String);
impl PasswordPolicy {
    pub fn new(s: &PolicySettings) -> Result<Self, PolicyError> {
        Ok(Self { s: s.clone() })
    }
    pub fn settings(&self) -> &PolicySettings {
        &self.s
    }
    pub fn describe(&self) -> Vec<String> {
        vec![format!("At least {} characters", self.s.min_length)]
    }
    pub fn evaluate(&self, candidate: &str, _ctx: &UserContext) -> Verdict {
        let mut v = Verdict {
            accepted: true,
            score: 4,
            failed: vec![],
            suggestions: vec![],
            crack_time: String::new(),
        };
        if candidate.chars().count() < self.s.min_length {
            v.reject(
                Rule::Length,
                "policy-length",
                format!("Use at least {} characters.", self.s.min_length),
            );
        }
        v
    }
}
