//! The two families of rules groups. Their JSON is the same but for the privileges and the path, so
//! every request is generic over a [`Family`] marker and the API of each family fixes it.

use std::fmt::Debug;

use serde::de::DeserializeOwned;
use serde::Serialize;

use super::{CustomerPrivilege, MomentPrivilege};

mod sealed {
    pub trait Sealed {}
}

/// A family of rules groups: [`CustomerFamily`] (客户联系规则组, `customer_strategy/*`) or
/// [`MomentFamily`] (客户朋友圈规则组, `moment_strategy/*`). Sealed: WeCom defines the families.
pub trait Family:
    sealed::Sealed + Debug + Clone + Copy + PartialEq + Eq + Default + Send + Sync + 'static
{
    /// The permissions (`privilege`) of a rules group of this family.
    type Privilege: Debug
        + Clone
        + PartialEq
        + Default
        + Serialize
        + DeserializeOwned
        + Send
        + Sync
        + 'static;
}

/// 客户联系规则组 (doc 94883): rules groups of customer management, with [`CustomerPrivilege`]s and tags.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash)]
pub struct CustomerFamily;

/// 客户朋友圈规则组 (doc 94890): rules groups of customer moments, with [`MomentPrivilege`]s.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash)]
pub struct MomentFamily;

impl sealed::Sealed for CustomerFamily {}
impl sealed::Sealed for MomentFamily {}

impl Family for CustomerFamily {
    type Privilege = CustomerPrivilege;
}

impl Family for MomentFamily {
    type Privilege = MomentPrivilege;
}
