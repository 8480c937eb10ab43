//! dns-operator: keeps DNS records in line with the Service objects that ask for them.
use k8s_openapi::api::core::v1::Service;
use kube::runtime::controller::Action;
use std::sync::Arc;
use std::time::Duration;

struct Context {
    zone: String,
}

async fn reconcile(svc: Arc<Service>, ctx: Arc<Context>) -> Result<Action, kube::Error> {
    let name = svc.metadata.name.clone().unwrap_or_default();
    println!("ensuring {name}.{} points at the service", ctx.zone);
    Ok(Action::requeue(Duration::from_secs(600)))
}

#[tokio::main]
async fn main() {
    let ctx = Arc::new(Context { zone: "svc.example.com".into() });
    let _ = reconcile(Arc::new(Service::default()), ctx).await;
}
