//! profile-api: parses JSON request bodies with serde; no hand-written wire format.
use serde::Deserialize;
use std::collections::HashMap;

#[derive(Deserialize)]
struct UpdateProfile {
    display_name: String,
    locale: Option<String>,
}

fn handle(body: &[u8], store: &mut HashMap<String, String>) -> Result<(), serde_json::Error> {
    let req: UpdateProfile = serde_json::from_slice(body)?;
    let locale = req.locale.as_deref().unwrap_or("en");
    store.insert(req.display_name.clone(), locale.to_string());
    if let Some(previous) = store.get(&req.display_name) {
        println!("updated {} ({previous})", req.display_name);
    }
    Ok(())
}

fn main() {
    let mut store = HashMap::new();
    handle(br#"{"display_name":"ada","locale":"fr"}"#, &mut store).unwrap();
}
