//! kvnode: a key-value node that installs mimalloc as its global allocator.
use mimalloc::MiMalloc;
use std::collections::HashMap;

#[global_allocator]
static GLOBAL: MiMalloc = MiMalloc;

fn main() {
    let mut map: HashMap<Vec<u8>, Vec<u8>> = HashMap::with_capacity(1 << 20);
    map.insert(b"k".to_vec(), b"v".to_vec());
    println!("{}", map.len());
}
