//! edge: a reverse proxy that picks an upstream by path prefix with a matchit router.
use std::collections::HashMap;

fn main() {
    let mut router = matchit::Router::new();
    router.insert("/api/{*rest}", "api-pool").unwrap();
    router.insert("/static/{*rest}", "cdn-pool").unwrap();
    let mut upstreams: HashMap<&str, Vec<&str>> = HashMap::new();
    upstreams.insert("api-pool", vec!["10.0.0.21:8080", "10.0.0.22:8080"]);
    upstreams.insert("cdn-pool", vec!["10.0.1.5:80"]);
    let cache: HashMap<String, String> = HashMap::new();
    let _ = cache.get("/api/v1/users");
    for request_path in std::env::args().skip(1) {
        if let Ok(m) = router.at(&request_path) {
            println!("{} -> {:?}", m.value, upstreams.get(m.value));
        }
    }
}
