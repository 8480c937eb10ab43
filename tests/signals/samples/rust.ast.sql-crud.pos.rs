//! users-svc: reads and writes users with sqlx.
use sqlx::postgres::PgPoolOptions;

#[derive(sqlx::FromRow, Debug)]
struct User {
    id: i64,
    email: String,
}

#[tokio::main]
async fn main() -> Result<(), sqlx::Error> {
    let pool = PgPoolOptions::new().max_connections(5).connect("postgres://app@db/app").await?;
    sqlx::query("INSERT INTO users (email) VALUES ($1)")
        .bind("ada@example.com")
        .execute(&pool)
        .await?;
    let user = sqlx::query_as::<_, User>("SELECT id, email FROM users WHERE email = $1")
        .bind("ada@example.com")
        .fetch_one(&pool)
        .await?;
    println!("{user:?}");
    let n = sqlx::query!("UPDATE users SET last_seen = now() WHERE id = $1", user.id)
        .execute(&pool)
        .await?
        .rows_affected();
    println!("{n} updated");
    Ok(())
}
