//! schema-init: creates tables and session settings (DDL), and routes ad-hoc SQL it is given.
use tokio_postgres::NoTls;

#[tokio::main]
async fn main() -> Result<(), tokio_postgres::Error> {
    let (client, conn) = tokio_postgres::connect("host=db user=app", NoTls).await?;
    tokio::spawn(conn);
    client.batch_execute("SET statement_timeout = 30000").await?;
    client
        .batch_execute("CREATE TABLE IF NOT EXISTS users (id BIGSERIAL PRIMARY KEY, email TEXT NOT NULL UNIQUE)")
        .await?;
    if let Some(sql) = std::env::args().nth(1) {
        let rows = client.simple_query(&sql).await?;
        println!("{} messages", rows.len());
    }
    Ok(())
}
