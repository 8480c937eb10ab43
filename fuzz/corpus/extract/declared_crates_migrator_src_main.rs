1//! migrator: applies pending migrations, then records the schema version in a
//! ConfigMap so the payment pods can refuse to start on a stale schema.

use std::collections::BTreeMap;

use clap::Parser;
use k8s_openapi::api::core::v1::ConfigMap;
use kube::api::{Api, Patch, PatchParams};
use kube::Client;

#[derive(Parser)]
struct Args {
    #[arg(long, env = "DATABASE_URL")]
    database_url: String,
    #[arg(long, default_value = "payments")]
    namespace: String,
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let args = Args::parse();
    let pool = sqlx::PgPool::connect(&args.database_url).await?;
    sqlx::migrate!("./migrations").run(&pool).await?;
    let version: i64 = sqlx::query_scalar("SELECT max(version) FROM _sqlx_migrations")
        .fetch_one(&pool)
        .await?;

    let client = Client::try_default().await?;
    let maps: Api<ConfigMap> = Api::namespaced(client, &args.namespace);
    let mut data = BTreeMap::new();
    data.insert("schema-version".to_string(), version.to_string());
    let cm = ConfigMap { data: Some(data), ..Default::default() };
    maps.patch("ledger-schema", &PatchParams::apply("migrator"), &Patch::Apply(&cm)).await?;
    println!("schema at version {version}");
    Ok(())
}
