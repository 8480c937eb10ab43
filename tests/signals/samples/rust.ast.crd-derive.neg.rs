//! inventory: plain serde types for the inventory API; no Kubernetes resources.
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

#[derive(Deserialize, Serialize, Clone, Debug, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct Resource {
    pub kind: String,
    pub name: String,
    pub owner_team: String,
}

fn main() {
    let r = Resource { kind: "Database".into(), name: "orders".into(), owner_team: "payments".into() };
    println!("{}", serde_json::to_string_pretty(&r).unwrap());
}
