//! An in-memory directory for unit tests of the layers above the ports.

use std::{collections::HashMap, sync::Mutex};

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use secrecy::{ExposeSecret, SecretString};

use crate::ports::directory::{
    ContactMethods, Directory, DirectoryError, DirectoryErrorKind as K, DirectoryUser,
    DomainPolicy, Grants, SignIn, UserPage,
};

#[derive(Default)]
pub struct MemoryDirectory {
    pub users: Mutex<Vec<(DirectoryUser, ContactMethods)>>,
    pub passwords: Mutex<HashMap<String, String>>,
    pub domains: Vec<DomainPolicy>,
}

impl MemoryDirectory {
    pub fn with_users(users: Vec<(DirectoryUser, ContactMethods)>) -> Self {
        Self {
            users: Mutex::new(users),
            ..Default::default()
        }
    }

    pub fn password_of(&self, id: &str) -> Option<String> {
        self.passwords
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .get(id)
            .cloned()
    }
}

#[async_trait]
impl Directory for MemoryDirectory {
    async fn find_user(&self, name: &str) -> Result<Option<DirectoryUser>, DirectoryError> {
        let users = self.users.lock().unwrap_or_else(|e| e.into_inner());
        Ok(users
            .iter()
            .find(|(u, _)| u.upn.eq_ignore_ascii_case(name))
            .map(|(u, _)| u.clone()))
    }

    async fn contact_methods(
        &self,
        user: &DirectoryUser,
    ) -> Result<ContactMethods, DirectoryError> {
        let users = self.users.lock().unwrap_or_else(|e| e.into_inner());
        Ok(users
            .iter()
            .find(|(u, _)| u.id == user.id)
            .map(|(_, m)| m.clone())
            .unwrap_or_default())
    }

    async fn set_password(
        &self,
        user_id: &str,
        password: &SecretString,
    ) -> Result<(), DirectoryError> {
        if password.expose_secret().len() < 8 {
            return Err(DirectoryError::new(K::PasswordRejected, "too short"));
        }
        self.passwords
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .insert(user_id.into(), password.expose_secret().into());
        Ok(())
    }

    async fn revoke_sessions(&self, _user_id: &str) -> Result<(), DirectoryError> {
        Ok(())
    }

    async fn list_users(&self, cursor: Option<&str>) -> Result<UserPage, DirectoryError> {
        let start: usize = cursor.and_then(|c| c.parse().ok()).unwrap_or(0);
        let users = self.users.lock().unwrap_or_else(|e| e.into_inner());
        let page: Vec<DirectoryUser> = users
            .iter()
            .skip(start)
            .take(2)
            .map(|(u, _)| u.clone())
            .collect();
        let next = (start + 2 < users.len()).then(|| (start + 2).to_string());
        Ok(UserPage { users: page, next })
    }

    async fn domains(&self) -> Result<Vec<DomainPolicy>, DirectoryError> {
        Ok(self.domains.clone())
    }

    async fn sign_ins(
        &self,
        _user_id: &str,
        _since: DateTime<Utc>,
    ) -> Result<Vec<SignIn>, DirectoryError> {
        Ok(Vec::new())
    }

    async fn sign_in_page(
        &self,
        _since: DateTime<Utc>,
        _cursor: Option<&str>,
    ) -> Result<crate::ports::directory::SignInPage, DirectoryError> {
        Ok(Default::default())
    }

    async fn grants(&self) -> Result<Grants, DirectoryError> {
        Ok(Grants::default())
    }
}
