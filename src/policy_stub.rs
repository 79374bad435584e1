//! Stand-in until the policy engine lands.
#[derive(Debug, Clone, Default, serde::Deserialize)]
#[serde(default)]
pub struct PolicySettings {
    pub min_length: usize,
}
impl PolicySettings {
    pub fn validate(&self) -> Vec<(String, String)> {
        Vec::new()
    }
}
