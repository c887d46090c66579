//! Request and response types of id conversion, each request beside its endpoint description.

mod external_userid;
mod tag;
mod tmp;
mod unionid;

pub use external_userid::{
    ConvertToOpenidRequest, ConvertToOpenidResponse, ExternalUseridResponse,
    FinishExternalUseridMigrationRequest, FromServiceExternalUseridRequest,
    GetNewExternalUseridRequest, GroupChatGetNewExternalUseridRequest, NewExternalUserid,
    NewExternalUseridResponse, ToServiceExternalUseridRequest, MAX_NEW_EXTERNAL_USERIDS,
};
pub use tag::{
    ExternalTagidRequest, ExternalTagidResponse, OpenExternalTagid, MAX_EXTERNAL_TAGIDS,
};
pub use tmp::{
    BusinessType, ConvertTmpExternalUseridRequest, ConvertTmpExternalUseridResponse,
    TmpExternalUserid, UserType, MAX_TMP_EXTERNAL_USERIDS,
};
pub use unionid::{
    CorpExternalUserid, ExternalUseridToPendingIdRequest, ExternalUseridToPendingIdResponse,
    IdconvertUnionidToExternalUseridRequest, IdconvertUnionidToExternalUseridResponse, PendingId,
    SubjectType, UnionidToExternalUserid3rdRequest, UnionidToExternalUserid3rdResponse,
    UnionidToExternalUseridRequest, MAX_PENDING_ID_QUERY,
};

pub(crate) use external_userid::required;
