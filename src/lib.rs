//! Examples and end-to-end tests of the wecom-external-contact workspace; nothing to publish.
//!
//! `cargo run --example quickstart` runs the SDK's main job against the sandbox;
//! `tests/` drives every domain through the facade against the sandbox, with faults injected.
#![forbid(unsafe_code)]
