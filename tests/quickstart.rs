//! The README's first command, `cargo run --example quickstart`, runs its whole flow against the sandbox.

#[allow(dead_code)]
#[path = "../examples/quickstart.rs"]
mod quickstart;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_quickstart_runs_its_whole_flow_against_the_sandbox() {
    if std::env::var_os("WECOM_CORP_ID").is_some() {
        eprintln!("skipped: WECOM_CORP_ID is set, and this test must not call a real WeCom");
        return;
    }
    if let Err(err) = quickstart::run().await {
        panic!("the quickstart failed: {err}");
    }
}
