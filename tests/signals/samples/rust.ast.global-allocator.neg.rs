//! settings-api: statics with ordinary attributes; the default allocator is fine here.
use std::sync::OnceLock;

#[allow(dead_code)]
#[derive(Debug)]
struct Settings {
    region: String,
    max_page: usize,
}

#[allow(non_upper_case_globals)]
static settings: OnceLock<Settings> = OnceLock::new();

fn main() {
    let s = settings.get_or_init(|| Settings { region: "eu-west-1".into(), max_page: 100 });
    let mut page: Vec<u32> = Vec::with_capacity(s.max_page);
    page.push(1);
    println!("{:?} {}", s, page.len());
}
