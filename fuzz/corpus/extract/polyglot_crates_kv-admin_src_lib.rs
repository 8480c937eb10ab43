1//! Shared helpers for kvctl: the KvCluster custom resource and its status.

use serde::{Deserialize, Serialize};

pub const GROUP: &str = "kv.shop.example.com";
pub const VERSION: &str = "v1alpha1";
pub const PLURAL: &str = "kvclusters";

#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct KvClusterSpec {
    pub replicas: i32,
    pub storage_class: Option<String>,
    pub version: String,
}

#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct KvClusterStatus {
    pub ready_replicas: i32,
    pub phase: String,
}
