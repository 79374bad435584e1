//! On-premises Active Directory, for hybrid users whose password lives there (issue 14).
//! So far the wire-level facts the adapter will need, tested on their own.

pub mod wire;
