1//! opsctl: restart and drain payment deployments.

use clap::{Parser, Subcommand};
use k8s_openapi::api::apps::v1::Deployment;
use kube::api::{Api, Patch, PatchParams};
use kube::Client;

#[derive(Parser)]
#[command(name = "opsctl", about = "Day-two operations for payments")]
struct Cli {
    #[arg(long, default_value = "payments")]
    namespace: String,
    #[command(subcommand)]
    cmd: Cmd,
}

#[derive(Subcommand)]
enum Cmd {
    /// Rolling-restart a deployment.
    Restart { deployment: String },
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let cli = Cli::parse();
    let client = Client::try_default().await?;
    let api: Api<Deployment> = Api::namespaced(client, &cli.namespace);
    match cli.cmd {
        Cmd::Restart { deployment } => {
            let patch = serde_json::json!({
                "spec": { "template": { "metadata": { "annotations": {
                    "kubectl.kubernetes.io/restartedAt": "opsctl"
                }}}}
            });
            api.patch(&deployment, &PatchParams::default(), &Patch::Merge(&patch)).await?;
            println!("restarted {deployment}");
        }
    }
    Ok(())
}
