//! keyservice: issues API keys; "generated" here is about keys, not code.
use std::time::{SystemTime, UNIX_EPOCH};

fn new_key(user: &str) -> String {
    let now = SystemTime::now().duration_since(UNIX_EPOCH).unwrap().as_nanos();
    format!("ak_{user}_{now:x}")
}

fn main() {
    let user = std::env::args().nth(1).unwrap_or_else(|| "ada".into());
    let key = new_key(&user);
    println!("generated a new key for {}: {}", user, key);
    eprintln!("keys are generated on demand and expire after 90 days");
}
