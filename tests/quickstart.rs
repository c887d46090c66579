//! The README's first command, `cargo run --example quickstart`, runs its whole flow against the sandbox.
//! The test calls the sandbox flow directly, so it runs (and never touches a real WeCom) whatever
//! `WECOM_CORP_ID` / `WECOM_SECRET` say.

#[allow(dead_code)]
#[path = "../examples/quickstart.rs"]
mod quickstart;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_quickstart_runs_its_whole_flow_against_the_sandbox() {
    if let Err(err) = quickstart::run_against_sandbox().await {
        panic!("the quickstart failed: {err}");
    }
}
