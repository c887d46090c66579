//! Each request of each family bound to its path (one `impl_endpoint!` per endpoint).

use wecom_core::EmptyResponse;

use super::{
    CustomerFamily, CustomerPrivilege, MomentFamily, MomentPrivilege, StrategyCreateRequest,
    StrategyCreateResponse, StrategyDelRequest, StrategyEditRequest, StrategyGetRangeRequest,
    StrategyGetRangeResponse, StrategyGetRequest, StrategyGetResponse, StrategyListRequest,
    StrategyListResponse,
};

wecom_core::impl_endpoint!(StrategyListRequest<CustomerFamily> => StrategyListResponse,
    Post "/cgi-bin/externalcontact/customer_strategy/list", Idempotent,
    validate = StrategyListRequest::check);
wecom_core::impl_endpoint!(StrategyGetRequest<CustomerFamily> => StrategyGetResponse<CustomerPrivilege>,
    Post "/cgi-bin/externalcontact/customer_strategy/get", Idempotent);
wecom_core::impl_endpoint!(StrategyGetRangeRequest<CustomerFamily> => StrategyGetRangeResponse,
    Post "/cgi-bin/externalcontact/customer_strategy/get_range", Idempotent,
    validate = StrategyGetRangeRequest::check);
wecom_core::impl_endpoint!(StrategyCreateRequest<CustomerFamily> => StrategyCreateResponse,
    Post "/cgi-bin/externalcontact/customer_strategy/create", NotIdempotent,
    validate = StrategyCreateRequest::check);
wecom_core::impl_endpoint!(StrategyEditRequest<CustomerFamily> => EmptyResponse,
    Post "/cgi-bin/externalcontact/customer_strategy/edit", Idempotent,
    validate = StrategyEditRequest::check);
wecom_core::impl_endpoint!(StrategyDelRequest<CustomerFamily> => EmptyResponse,
    Post "/cgi-bin/externalcontact/customer_strategy/del", Idempotent);

wecom_core::impl_endpoint!(StrategyListRequest<MomentFamily> => StrategyListResponse,
    Post "/cgi-bin/externalcontact/moment_strategy/list", Idempotent,
    validate = StrategyListRequest::check);
wecom_core::impl_endpoint!(StrategyGetRequest<MomentFamily> => StrategyGetResponse<MomentPrivilege>,
    Post "/cgi-bin/externalcontact/moment_strategy/get", Idempotent);
wecom_core::impl_endpoint!(StrategyGetRangeRequest<MomentFamily> => StrategyGetRangeResponse,
    Post "/cgi-bin/externalcontact/moment_strategy/get_range", Idempotent,
    validate = StrategyGetRangeRequest::check);
wecom_core::impl_endpoint!(StrategyCreateRequest<MomentFamily> => StrategyCreateResponse,
    Post "/cgi-bin/externalcontact/moment_strategy/create", NotIdempotent,
    validate = StrategyCreateRequest::check);
wecom_core::impl_endpoint!(StrategyEditRequest<MomentFamily> => EmptyResponse,
    Post "/cgi-bin/externalcontact/moment_strategy/edit", Idempotent,
    validate = StrategyEditRequest::check);
wecom_core::impl_endpoint!(StrategyDelRequest<MomentFamily> => EmptyResponse,
    Post "/cgi-bin/externalcontact/moment_strategy/del", Idempotent);
