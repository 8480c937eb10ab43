//! podlister: lists pods of a namespace and watches for changes.
use futures::TryStreamExt;
use k8s_openapi::api::core::v1::Pod;
use kube::runtime::{watcher, WatchStreamExt};
use kube::{api::ListParams, Api, Client};

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let client = Client::try_default().await?;
    let pods: Api<Pod> = Api::namespaced(client.clone(), "default");
    for p in pods.list(&ListParams::default()).await? {
        println!("{}", p.metadata.name.unwrap_or_default());
    }
    let all: Api<Pod> = Api::all(client);
    watcher(all, watcher::Config::default())
        .applied_objects()
        .try_for_each(|p| async move {
            println!("changed: {:?}", p.metadata.name);
            Ok(())
        })
        .await?;
    Ok(())
}
