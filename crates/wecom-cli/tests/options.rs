//! What every command shares: credentials only from the environment or `--config`, `--base-url`,
//! errors with the errcode and its meaning, exit statuses, plain progress lines when stderr is not a
//! terminal, and `--quiet`.

mod common;

use common::{bare_wecom, run, sandbox, text_of, wecom, Scratch};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn without_credentials_nothing_is_sent_and_the_status_is_2() {
    let sandbox = sandbox(2, 10, 0).await;
    let mut cmd = bare_wecom();
    cmd.env("WECOM_BASE_URL", sandbox.base_url());
    let done = run(cmd, &["tags", "export"]).await;
    assert_eq!(done.status, 2);
    assert_eq!(
        done.stderr,
        "error: no credentials: set WECOM_CORP_ID and WECOM_SECRET in the environment, or in a file \
         named by --config (they are never read from the command line)\n"
    );
    assert_eq!(sandbox.total_hits(), 0);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_secret_on_the_command_line_is_refused() {
    let sandbox = sandbox(2, 10, 0).await;
    for flag in ["--secret", "--corp-id"] {
        let done = run(wecom(&sandbox), &["tags", "export", flag, "s3cret"]).await;
        assert_eq!(done.status, 2, "{flag}");
        assert!(
            done.stderr
                .contains(&format!("unexpected argument '{flag}'")),
            "{}",
            done.stderr
        );
    }
    assert_eq!(sandbox.total_hits(), 0);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_config_file_supplies_the_credentials_and_wins_over_the_environment() {
    let sandbox = sandbox(2, 10, 0).await;
    let dir = Scratch::new("config");
    let good = dir.write(
        "good.env",
        &format!(
            "# the sandbox\nWECOM_CORP_ID={}\nWECOM_SECRET=\"{}\"\nWECOM_BASE_URL={}\n",
            sandbox.corp_id(),
            sandbox.secret(),
            sandbox.base_url()
        ),
    );
    let done = run(
        bare_wecom(),
        &["--config", &good, "tags", "export", "--format", "csv"],
    )
    .await;
    assert_eq!(done.status, 0, "{}", done.stderr);
    assert!(
        done.stdout.starts_with("strategy_id,group_id,"),
        "{}",
        done.stdout
    );

    // The file's wrong secret beats the environment's right one; the error names errcode 40001.
    let wrong = dir.write("wrong.env", "WECOM_SECRET=not-the-secret\n");
    let done = run(wecom(&sandbox), &["--config", &wrong, "tags", "export"]).await;
    assert_eq!(done.status, 1, "{}", done.stderr);
    assert!(
        done.stderr
            .contains("errcode 40001: 不合法的secret参数 (invalid secret)"),
        "{}",
        done.stderr
    );
    assert!(
        !done.stderr.contains("not-the-secret"),
        "the secret is never printed"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_base_url_flag_wins_over_the_environment() {
    let sandbox = sandbox(2, 10, 0).await;
    let mut cmd = wecom(&sandbox);
    cmd.env("WECOM_BASE_URL", "http://127.0.0.1:9");
    let done = run(cmd, &["--base-url", &sandbox.base_url(), "tags", "export"]).await;
    assert_eq!(done.status, 0, "{}", done.stderr);

    let mut cmd = wecom(&sandbox);
    cmd.env("WECOM_BASE_URL", "http://127.0.0.1:9");
    let done = run(cmd, &["tags", "export"]).await;
    assert_eq!(done.status, 1);
    assert!(done.stderr.starts_with("error: "), "{}", done.stderr);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn progress_is_plain_lines_off_a_terminal_and_quiet_prints_nothing() {
    let sandbox = sandbox(5, 500, 0).await;
    let dir = Scratch::new("progress");
    let out = text_of(&dir.path("c.jsonl"));
    let done = run(wecom(&sandbox), &["customers", "export", "-o", &out]).await;
    assert_eq!(done.status, 0, "{}", done.stderr);
    let lines: Vec<&str> = done.stderr.lines().collect();
    assert!(
        lines[0].starts_with("customers export: 500 customers ("),
        "{}",
        done.stderr
    );
    assert_eq!(lines[1], "500 customers of 5 members exported");
    assert!(
        !done.stderr.contains('\r') && !done.stderr.contains('\u{1b}'),
        "{:?}",
        done.stderr
    );

    let done = run(
        wecom(&sandbox),
        &["--quiet", "customers", "export", "-o", &out],
    )
    .await;
    assert_eq!(done.status, 0, "{}", done.stderr);
    assert_eq!(done.stderr, "");
    assert_eq!(std::fs::read_to_string(&out).unwrap().lines().count(), 500);
}
