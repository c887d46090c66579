//! The methods of [`CustomerStrategyApi`](crate::CustomerStrategyApi) and
//! [`MomentStrategyApi`](crate::MomentStrategyApi): one per endpoint, plus streams over the two
//! cursor-paged lists.

mod customer;
mod moment;
