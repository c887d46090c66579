//! Verify + decrypt + parse of one ~530-byte `add_external_contact` event (vector pos-13), single thread.
//!
//! `cargo bench -p wecom-callback --bench callback -- --warm-up-time 1 --measurement-time 5`

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use wecom_callback::{Event, MsgCrypt};

const TOKEN: &str = "m0xVQzJXtw3X";
const KEY: &str = "VBOsrT5mH3DaWvTrmFLHBMUAPTT0aZN0dnruqXa71PA";
const CORP: &str = "ww5f2e0c9d8a7b6c41";
const TIMESTAMP: &str = "1718000200";
const NONCE: &str = "100000000";
const EVENT: &str = "<xml><ToUserName><![CDATA[ww5f2e0c9d8a7b6c41]]></ToUserName><FromUserName><![CDATA[sys]]></FromUserName><CreateTime>1718000001</CreateTime><MsgType><![CDATA[event]]></MsgType><Event><![CDATA[change_external_contact]]></Event><ChangeType><![CDATA[add_external_contact]]></ChangeType><UserID><![CDATA[zhangsan]]></UserID><ExternalUserID><![CDATA[wmJr5dCgAAc3xW9pQ2nT7vLk0sYb4eHu]]></ExternalUserID><State><![CDATA[spring_campaign_2024]]></State><WelcomeCode><![CDATA[Dk7c1zEYkqGDvM3jLw0uSx5TbNnHa8RfQpi2A9oVyWe]]></WelcomeCode></xml>";

fn bench(c: &mut Criterion) {
    let crypt = MsgCrypt::new(TOKEN, KEY, CORP).unwrap();
    let encrypt = crypt.encrypt(EVENT).unwrap();
    let signature = crypt.signature(TIMESTAMP, NONCE, &encrypt);
    let body = format!(
        "<xml><ToUserName><![CDATA[{CORP}]]></ToUserName><Encrypt><![CDATA[{encrypt}]]></Encrypt>\
         <AgentID><![CDATA[]]></AgentID></xml>"
    );
    assert_eq!(EVENT.len(), 531);
    assert!(matches!(
        Event::parse(EVENT).unwrap(),
        Event::ExternalContact { .. }
    ));

    let mut group = c.benchmark_group("callback");
    group.throughput(Throughput::Elements(1));
    group.bench_function("verify_decrypt_parse", |b| {
        b.iter(|| {
            let xml = crypt
                .decrypt(black_box(&signature), TIMESTAMP, NONCE, black_box(&body))
                .unwrap();
            black_box(Event::parse(&xml).unwrap())
        })
    });
    group.bench_function("verify_decrypt", |b| {
        b.iter(|| {
            crypt
                .decrypt(black_box(&signature), TIMESTAMP, NONCE, black_box(&body))
                .unwrap()
        })
    });
    group.bench_function("parse", |b| {
        b.iter(|| Event::parse(black_box(EVENT)).unwrap())
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
