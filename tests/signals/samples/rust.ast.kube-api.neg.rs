//! confwatch: reloads the gateway's routes when its file changes; its Api is our own REST client.
use notify::{recommended_watcher, Event, RecursiveMode, Watcher};
use std::path::Path;
use std::sync::mpsc;

struct Api {
    base: String,
}

impl Api {
    fn new(base: &str) -> Self {
        Api { base: base.to_string() }
    }
    fn reload(&self) {
        println!("POST {}/reload", self.base);
    }
}

fn main() -> notify::Result<()> {
    let api = Api::new("http://127.0.0.1:9901");
    let (tx, rx) = mpsc::channel::<notify::Result<Event>>();
    let mut w = recommended_watcher(tx)?;
    w.watch(Path::new("/etc/gateway/routes.yaml"), RecursiveMode::NonRecursive)?;
    for event in rx {
        if event.is_ok() {
            api.reload();
        }
    }
    Ok(())
}
