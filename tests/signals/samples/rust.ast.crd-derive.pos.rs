//! backup-operator: defines the Backup custom resource and prints its CRD.
use kube::{CustomResource, CustomResourceExt};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

#[derive(CustomResource, Deserialize, Serialize, Clone, Debug, JsonSchema)]
#[kube(group = "backup.example.com", version = "v1", kind = "Backup", namespaced)]
#[kube(status = "BackupStatus")]
pub struct BackupSpec {
    pub schedule: String,
    pub retention_days: u32,
}

#[derive(Deserialize, Serialize, Clone, Debug, Default, JsonSchema)]
pub struct BackupStatus {
    pub last_run: Option<String>,
}

fn main() {
    print!("{}", serde_yaml::to_string(&Backup::crd()).unwrap());
}
