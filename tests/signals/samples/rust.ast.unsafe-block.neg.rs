//! handle-registry: declares Send/Sync for a handle type; the code itself has no unsafe blocks.
use std::collections::HashMap;
use std::sync::Mutex;

struct Handle(u64);

unsafe impl Send for Handle {}
unsafe impl Sync for Handle {}

fn main() {
    let registry: Mutex<HashMap<String, Handle>> = Mutex::new(HashMap::new());
    registry.lock().unwrap().insert("primary".into(), Handle(1));
    let name = std::str::from_utf8(b"primary").unwrap();
    println!("{}", registry.lock().unwrap().get(name).map(|h| h.0).unwrap_or(0));
}
