//! session-cache: talks to Redis; cmd() builds a Redis command, not a process.
use redis::Commands;

fn main() -> redis::RedisResult<()> {
    let client = redis::Client::open("redis://127.0.0.1/")?;
    let mut con = client.get_connection()?;
    redis::cmd("SET").arg("session:42").arg("ada").arg("EX").arg(3600).query::<()>(&mut con)?;
    let user: String = con.get("session:42")?;
    println!("pid {} cached {}", std::process::id(), user);
    Ok(())
}
