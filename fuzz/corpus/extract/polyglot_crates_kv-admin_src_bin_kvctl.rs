1//! kvctl: inspect and scale kv-server clusters.

use anyhow::Context;
use clap::{Parser, Subcommand};
use k8s_openapi::api::apps::v1::StatefulSet;
use kube::api::{Api, ListParams, Patch, PatchParams};
use kube::Client;
use serde_json::json;

#[derive(Parser, Debug)]
#[command(name = "kvctl", version, about = "Manage kv-server clusters")]
struct Cli {
    /// Kubernetes namespace of the cluster.
    #[arg(short, long, env = "KVCTL_NAMESPACE", default_value = "kv")]
    namespace: String,

    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// List clusters and their ready replicas.
    Status,
    /// Change the number of replicas of a cluster.
    Scale {
        cluster: String,
        #[arg(long)]
        replicas: i32,
    },
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let cli = Cli::parse();
    let client = Client::try_default().await.context("connecting to the Kubernetes API")?;
    let sets: Api<StatefulSet> = Api::namespaced(client, &cli.namespace);

    match cli.command {
        Command::Status => {
            let lp = ListParams::default().labels("app.kubernetes.io/name=kv-server");
            for sts in sets.list(&lp).await? {
                let name = sts.metadata.name.unwrap_or_default();
                let ready = sts.status.and_then(|s| s.ready_replicas).unwrap_or(0);
                println!("{name}\t{ready} ready");
            }
        }
        Command::Scale { cluster, replicas } => {
            let patch = json!({ "spec": { "replicas": replicas } });
            sets.patch(&cluster, &PatchParams::apply("kvctl"), &Patch::Merge(&patch))
                .await
                .with_context(|| format!("scaling {cluster}"))?;
            println!("{cluster} scaled to {replicas}");
        }
    }
    Ok(())
}
