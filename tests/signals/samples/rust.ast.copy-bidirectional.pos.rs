//! tcp-lb: forwards each connection to a backend and splices the two streams.
use tokio::io;
use tokio::net::{TcpListener, TcpStream};

#[tokio::main]
async fn main() -> io::Result<()> {
    let listener = TcpListener::bind("0.0.0.0:443").await?;
    let backends = ["10.0.0.11:8443", "10.0.0.12:8443"];
    let mut next = 0usize;
    loop {
        let (mut inbound, _) = listener.accept().await?;
        let target = backends[next % backends.len()];
        next += 1;
        tokio::spawn(async move {
            let mut outbound = match TcpStream::connect(target).await {
                Ok(s) => s,
                Err(_) => return,
            };
            let _ = tokio::io::copy_bidirectional(&mut inbound, &mut outbound).await;
        });
    }
}
