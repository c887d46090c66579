//! The answer of endpoints that return nothing but `errcode` and `errmsg`.

use serde::{Deserialize, Serialize};

/// An answer with no fields of its own (`{"errcode":0,"errmsg":"ok"}`); any other field is ignored.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct EmptyResponse {}
