//! Suite tickets the receiver keeps (`ReceiverOptions::suite_tickets`, feature `suite-tickets`): a
//! `suite_ticket` event is stored before the delivery is acknowledged, so that an acknowledged ticket is
//! always there for the next suite-token fetch. Without the feature there is never a ticket to keep.

#[cfg(feature = "suite-tickets")]
use std::sync::Arc;

use tokio::time::Instant;

use super::ReceiverOptions;
use crate::Event;
#[cfg(feature = "suite-tickets")]
use crate::{AuthChange, SuiteTicket};
#[cfg(feature = "suite-tickets")]
use wecom_core::SuiteTicketStore;

/// Where this receiver keeps suite tickets, if anywhere.
pub(super) struct Tickets {
    #[cfg(feature = "suite-tickets")]
    store: Option<Arc<dyn SuiteTicketStore>>,
}

/// A ticket to store before its delivery is acknowledged.
#[cfg(feature = "suite-tickets")]
pub(super) struct Pending {
    store: Arc<dyn SuiteTicketStore>,
    suite_id: String,
    ticket: SuiteTicket,
}

/// Without the feature there is no ticket to keep.
#[cfg(not(feature = "suite-tickets"))]
pub(super) enum Pending {}

#[cfg(feature = "suite-tickets")]
impl Tickets {
    pub(super) fn new(options: &ReceiverOptions) -> Self {
        Self {
            store: options.suite_tickets.clone(),
        }
    }

    /// The ticket this event brings when the receiver keeps tickets. A `suite_ticket` event without its
    /// suite id or ticket cannot be kept: it is refused (400) before it is claimed.
    pub(super) fn pending(&self, event: &Event) -> Result<Option<Pending>, &'static str> {
        let Some(store) = &self.store else {
            return Ok(None);
        };
        if !matches!(
            event,
            Event::Authorization {
                change: AuthChange::SuiteTicket { .. },
                ..
            }
        ) {
            return Ok(None);
        }
        match event.suite_ticket() {
            Some((suite_id, ticket)) => Ok(Some(Pending {
                store: Arc::clone(store),
                suite_id: suite_id.to_owned(),
                ticket: ticket.clone(),
            })),
            None => Err("a suite_ticket event without its SuiteId or SuiteTicket"),
        }
    }
}

#[cfg(feature = "suite-tickets")]
impl Pending {
    /// Stores the ticket before `deadline`; on failure, why (never the ticket).
    pub(super) async fn keep(self, deadline: Instant) -> Result<(), String> {
        let put = self.store.put(&self.suite_id, self.ticket.expose());
        match tokio::time::timeout_at(deadline, put).await {
            Ok(Ok(())) => {
                tracing::debug!(suite_id = %self.suite_id, "suite_ticket stored");
                Ok(())
            }
            Ok(Err(error)) => Err(format!(
                "the suite ticket store failed for suite {}: {error}",
                self.suite_id
            )),
            Err(_) => Err(format!(
                "the suite ticket store missed the deadline for suite {}",
                self.suite_id
            )),
        }
    }
}

#[cfg(not(feature = "suite-tickets"))]
impl Tickets {
    pub(super) fn new(_: &ReceiverOptions) -> Self {
        Self {}
    }

    pub(super) fn pending(&self, _: &Event) -> Result<Option<Pending>, &'static str> {
        Ok(None)
    }
}

#[cfg(not(feature = "suite-tickets"))]
impl Pending {
    pub(super) async fn keep(self, _: Instant) -> Result<(), String> {
        match self {}
    }
}
