//! metricsd: an async server started from #[tokio::main].
use tokio::net::UdpSocket;

#[tokio::main(flavor = "multi_thread", worker_threads = 4)]
async fn main() -> std::io::Result<()> {
    let sock = UdpSocket::bind("0.0.0.0:8125").await?;
    let mut buf = [0u8; 1500];
    loop {
        let (n, peer) = sock.recv_from(&mut buf).await?;
        println!("{peer}: {} bytes", n);
    }
}
