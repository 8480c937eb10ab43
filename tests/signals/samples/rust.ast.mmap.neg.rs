//! config-render: reads a small config file and renders it as JSON.
use serde_json::{Map, Value};
use std::collections::HashMap;
use std::fs;
use std::io::{BufRead, BufReader};

fn main() -> std::io::Result<()> {
    let raw = fs::read_to_string("/etc/app/app.env")?;
    let mut env: HashMap<String, String> = HashMap::new();
    for line in BufReader::new(raw.as_bytes()).lines() {
        let line = line?;
        if let Some((k, v)) = line.split_once('=') {
            env.insert(k.trim().to_string(), v.trim().to_string());
        }
    }
    let mut out = Map::new();
    for (k, v) in env {
        out.insert(k, Value::String(v));
    }
    println!("{}", Value::Object(out));
    Ok(())
}
