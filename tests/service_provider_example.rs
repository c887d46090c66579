//! `cargo run --example service_provider` runs its whole flow against the sandbox: no credentials, no
//! network.

#[allow(dead_code)]
#[path = "../examples/service_provider.rs"]
mod service_provider;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_service_provider_example_runs_its_whole_flow_against_the_sandbox() {
    if let Err(err) = service_provider::run_against_sandbox().await {
        panic!("the service provider example failed: {err}");
    }
}
