//! backup-controller: a kube-runtime controller for Backup objects.
use futures::StreamExt;
use k8s_openapi::api::batch::v1::CronJob;
use kube::runtime::controller::{Action, Controller};
use kube::runtime::watcher;
use kube::{Api, Client};
use std::sync::Arc;
use std::time::Duration;

struct Ctx {
    client: Client,
}

async fn reconcile(job: Arc<CronJob>, _ctx: Arc<Ctx>) -> Result<Action, kube::Error> {
    println!("reconciling {:?}", job.metadata.name);
    Ok(Action::requeue(Duration::from_secs(300)))
}

fn error_policy(_job: Arc<CronJob>, _err: &kube::Error, _ctx: Arc<Ctx>) -> Action {
    Action::requeue(Duration::from_secs(30))
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let client = Client::try_default().await?;
    let jobs: Api<CronJob> = Api::all(client.clone());
    Controller::new(jobs, watcher::Config::default())
        .run(reconcile, error_policy, Arc::new(Ctx { client }))
        .for_each(|res| async move {
            if let Err(e) = res {
                eprintln!("reconcile failed: {e}");
            }
        })
        .await;
    Ok(())
}
