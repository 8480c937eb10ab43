//! status-poller: polls the status API; reqwest's builder configures its own sockets.
use std::time::Duration;

fn main() -> Result<(), reqwest::Error> {
    let client = reqwest::blocking::Client::builder()
        .tcp_nodelay(true)
        .tcp_keepalive(Duration::from_secs(60))
        .timeout(Duration::from_secs(10))
        .build()?;
    let stream = std::net::TcpStream::connect("status.internal:80").ok();
    if let Some(s) = &stream {
        let _ = s.set_read_timeout(Some(Duration::from_secs(5)));
    }
    let body = client.get("http://status.internal/v1/summary").send()?.text()?;
    println!("{body}");
    Ok(())
}
