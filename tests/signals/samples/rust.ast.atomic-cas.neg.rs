//! usage-api: counts requests with relaxed atomics and keeps per-tenant totals behind a mutex.
use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::Mutex;

struct Usage {
    total: AtomicU64,
    shutting_down: AtomicBool,
    per_tenant: Mutex<HashMap<String, u64>>,
}

impl Usage {
    fn record(&self, tenant: &str) {
        if self.shutting_down.load(Ordering::Relaxed) {
            return;
        }
        self.total.fetch_add(1, Ordering::Relaxed);
        *self.per_tenant.lock().unwrap().entry(tenant.to_string()).or_default() += 1;
    }
}

fn main() {
    let usage = Usage {
        total: AtomicU64::new(0),
        shutting_down: AtomicBool::new(false),
        per_tenant: Mutex::new(HashMap::new()),
    };
    usage.record("acme");
    println!("{}", usage.total.load(Ordering::Relaxed));
}
