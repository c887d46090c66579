//! Examples and end-to-end tests of the wecom-external-contact workspace; nothing to publish.
//!
//! `cargo run --example quickstart` runs the SDK's main job against the sandbox;
//! `tests/` drives every domain through the facade against the sandbox, with faults injected.
#![forbid(unsafe_code)]

/// The Chinese README and every task guide, compiled (and run) as doc tests, so no example can rot.
/// Each page is one item here; README.md itself is the facade's crate documentation and is tested there.
#[cfg(doctest)]
mod docs {
    macro_rules! pages {
        ($($name:ident => $path:literal),* $(,)?) => {
            $(#[doc = include_str!($path)] pub struct $name;)*
        };
    }
    pages! {
        ReadmeZhCn => "../README.zh-CN.md",
        GuideIndex => "../docs/guide/README.md",
        GuideIndexZhCn => "../docs/guide/README.zh-CN.md",
        FirstCall => "../docs/guide/first-call.md",
        FirstCallZhCn => "../docs/guide/first-call.zh-CN.md",
        Callbacks => "../docs/guide/callbacks.md",
        CallbacksZhCn => "../docs/guide/callbacks.zh-CN.md",
        ExportCustomers => "../docs/guide/export-customers.md",
        ExportCustomersZhCn => "../docs/guide/export-customers.zh-CN.md",
        BulkTagging => "../docs/guide/bulk-tagging.md",
        BulkTaggingZhCn => "../docs/guide/bulk-tagging.zh-CN.md",
        LeaverHandover => "../docs/guide/leaver-handover.md",
        LeaverHandoverZhCn => "../docs/guide/leaver-handover.zh-CN.md",
        MassMessage => "../docs/guide/mass-message.md",
        MassMessageZhCn => "../docs/guide/mass-message.zh-CN.md",
        Moment => "../docs/guide/moment.md",
        MomentZhCn => "../docs/guide/moment.zh-CN.md",
        SandboxTesting => "../docs/guide/sandbox-testing.md",
        SandboxTestingZhCn => "../docs/guide/sandbox-testing.zh-CN.md",
        RedisTokens => "../docs/guide/redis-tokens.md",
        RedisTokensZhCn => "../docs/guide/redis-tokens.zh-CN.md",
        Cli => "../docs/guide/cli.md",
        CliZhCn => "../docs/guide/cli.zh-CN.md",
    }
}
