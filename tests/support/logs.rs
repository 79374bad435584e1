//! Rekey's own log set-up, at trace level, writing into memory for a test to search.

use std::{
    io::Write,
    sync::{Arc, Mutex},
};

#[derive(Clone, Default)]
pub struct LogBuffer(Arc<Mutex<Vec<u8>>>);

impl Write for LogBuffer {
    fn write(&mut self, b: &[u8]) -> std::io::Result<usize> {
        self.0
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .extend_from_slice(b);
        Ok(b.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

impl LogBuffer {
    /// Installs the process's subscriber at trace level, writing here. Once per test binary.
    pub fn install_at_trace() -> Self {
        let buf = Self::default();
        let writer = buf.clone();
        rekey::telemetry::init_with_writer(
            &rekey::settings::LogSettings {
                level: "trace".into(),
                ..Default::default()
            },
            move || writer.clone(),
            false,
        );
        buf
    }

    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.0.lock().unwrap_or_else(|e| e.into_inner())).to_string()
    }

    /// Fails with the surrounding lines if any of `secrets` was logged.
    pub fn assert_none_of(&self, secrets: &[&str]) {
        let logs = self.text();
        for secret in secrets {
            if let Some(at) = logs.find(secret) {
                let from = logs[..at]
                    .char_indices()
                    .rev()
                    .nth(200)
                    .map_or(0, |(i, _)| i);
                let context: String = logs[from..].chars().take(400).collect();
                panic!("found a secret in the logs: {secret}\n…{context}…");
            }
        }
    }
}
