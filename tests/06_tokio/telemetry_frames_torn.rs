use super::*;
// The prelude's types by name: a type of the exercise's own by one of these names cannot take
// their place here (a named import wins over `super::*`; see CONTRIBUTING.md).
#[allow(unused_imports)]
use std::prelude::rust_2024::{Box, Err, None, Ok, Option, Result, Some, String, ToString, Vec};

use ::tokio;
use tokio::sync::mpsc;

use tokio::io::AsyncWriteExt;
use tokio::time::Instant;

fn ms(n: u64) -> Duration {
    Duration::from_millis(n)
}

const EVERY: u64 = 100;

fn frame(text: &str) -> Vec<u8> {
    let mut bytes = u16::try_from(text.len()).unwrap().to_be_bytes().to_vec();
    bytes.extend_from_slice(text.as_bytes());
    bytes
}

/// Runs `collect` against a device that writes each piece of `script` at its time (ms after
/// the start), then hangs up. Returns every batch with the time it left, in ms.
async fn run(script: Vec<(u64, Vec<u8>)>) -> Vec<(u64, Vec<String>)> {
    let start = Instant::now();
    let (mut device, link) = tokio::io::duplex(4096);
    tokio::spawn(async move {
        for (at, piece) in script {
            tokio::time::sleep_until(start + ms(at)).await;
            device.write_all(&piece).await.unwrap();
        }
    });
    let (out, mut batches) = mpsc::channel(100);
    let collector = tokio::spawn(collect(link, ms(EVERY), out));
    let mut seen = Vec::new();
    while let Some(batch) = batches.recv().await {
        let at = start.elapsed().as_millis() as u64;
        seen.push((at, batch));
    }
    if let Err(error) = collector.await.expect("collect panicked") {
        panic!(
            "collect failed with \"{error}\" after sending {seen:?}: the stream lost its place \
             between frames, so a length or a payload was torn apart"
        );
    }
    seen
}

fn batch(at: u64, frames: &[&str]) -> (u64, Vec<String>) {
    (at, frames.iter().map(|f| f.to_string()).collect())
}

#[tokio::test(start_paused = true)]
async fn whole_frames_go_out_in_their_batch() {
    let mut both = frame("temp=21.5");
    both.extend(frame("hum=40"));
    let seen = run(vec![
        (31, both),
        (151, frame("temp=21.7")),
        (171, frame("wind=3")),
    ])
    .await;
    assert_eq!(
        seen,
        [
            batch(100, &["temp=21.5", "hum=40"]),
            batch(171, &["temp=21.7", "wind=3"]),
        ]
    );
}

#[tokio::test(start_paused = true)]
async fn a_payload_split_across_a_batch() {
    let first = frame("pressure=1013");
    let (early, late) = first.split_at(6);
    let seen = run(vec![
        (81, early.to_vec()),
        (131, late.to_vec()),
        (141, frame("after")),
        (251, frame("later")),
    ])
    .await;
    assert_eq!(
        seen,
        [
            batch(100, &[]),
            batch(200, &["pressure=1013", "after"]),
            batch(251, &["later"]),
        ],
        "a frame whose payload was still arriving when a batch left was lost or torn"
    );
}

#[tokio::test(start_paused = true)]
async fn a_length_split_across_a_batch() {
    let first = frame("co2=412ppm");
    let seen = run(vec![
        (91, first[..1].to_vec()),
        (111, first[1..].to_vec()),
        (121, frame("ok")),
    ])
    .await;
    assert_eq!(
        seen,
        [batch(100, &[]), batch(121, &["co2=412ppm", "ok"])],
        "a frame whose length was half received when a batch left was lost or torn"
    );
}

#[tokio::test(start_paused = true)]
async fn a_frame_trickling_in_over_several_batches() {
    let slow = frame("gps=59.91,10.75");
    let script: Vec<(u64, Vec<u8>)> = slow
        .iter()
        .enumerate()
        .map(|(i, &byte)| (1 + 37 * i as u64, vec![byte]))
        .collect();
    // The last byte arrives at 1 + 37 * 16 = 593 ms.
    let seen = run(script).await;
    let expected: Vec<(u64, Vec<String>)> = (1..=5)
        .map(|k| batch(k * EVERY, &[]))
        .chain([batch(593, &["gps=59.91,10.75"])])
        .collect();
    assert_eq!(
        seen, expected,
        "a batch must leave every {EVERY} ms, also while a frame is still arriving"
    );
}

#[tokio::test(start_paused = true)]
async fn a_long_stream_cut_anywhere() {
    let texts: Vec<String> = (0..25).map(|i| format!("reading {i}: {}", i * i)).collect();
    let bytes: Vec<u8> = texts.iter().flat_map(|t| frame(t)).collect();
    // Where each frame ends in the stream.
    let mut ends = Vec::new();
    let mut at = 0;
    for text in &texts {
        at += 2 + text.len();
        ends.push(at);
    }
    // Cut the stream into pieces of 1 to 9 bytes, written 10 to 50 ms apart, always at a
    // time that ends in 1 (never at the same moment as a batch).
    let mut seed = 11_u32;
    let mut next = || {
        seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12_345);
        (seed >> 16) as usize
    };
    let mut script = Vec::new();
    let (mut written, mut time) = (0, 1);
    let mut completed_at = Vec::new();
    while written < bytes.len() {
        let size = (1 + next() % 9).min(bytes.len() - written);
        written += size;
        script.push((time, bytes[written - size..written].to_vec()));
        while completed_at.len() < ends.len() && ends[completed_at.len()] <= written {
            completed_at.push(time);
        }
        time += 10 * (1 + next() as u64 % 5);
    }
    let last_write = script.last().unwrap().0;
    let seen = run(script).await;

    let mut expected = Vec::new();
    for k in 1..=last_write / EVERY {
        let frames: Vec<&str> = texts
            .iter()
            .zip(&completed_at)
            .filter(|&(_, &done)| done > (k - 1) * EVERY && done < k * EVERY)
            .map(|(text, _)| text.as_str())
            .collect();
        expected.push(batch(k * EVERY, &frames));
    }
    let rest: Vec<&str> = texts
        .iter()
        .zip(&completed_at)
        .filter(|&(_, &done)| done > last_write / EVERY * EVERY)
        .map(|(text, _)| text.as_str())
        .collect();
    if !rest.is_empty() {
        expected.push(batch(last_write, &rest));
    }
    assert_eq!(seen, expected);
}

#[tokio::test(start_paused = true)]
async fn a_quiet_device_still_gets_heartbeats() {
    let seen = run(vec![(301, frame("bye"))]).await;
    assert_eq!(
        seen,
        [
            batch(100, &[]),
            batch(200, &[]),
            batch(300, &[]),
            batch(301, &["bye"])
        ]
    );
}
