1//! Example: open an engine directory and print a few keys.
//!
//!     cargo run -p storage-engine --example scan -- /var/lib/kv

use std::path::PathBuf;

use storage_engine::Engine;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let dir: PathBuf = std::env::args().nth(1).unwrap_or_else(|| "data".into()).into();
    let engine = Engine::open(&dir)?;
    for key in ["user:1", "user:2", "cart:1"] {
        match engine.get(key.as_bytes())? {
            Some(v) => println!("{key} = {} bytes", v.len()),
            None => println!("{key} missing"),
        }
    }
    Ok(())
}
