//! metricsd: answers status requests over UDP until it is stopped.
use std::net::UdpSocket;

fn main() -> std::io::Result<()> {
    let socket = UdpSocket::bind("0.0.0.0:9125")?;
    let mut buf = [0u8; 512];
    let (n, peer) = socket.recv_from(&mut buf)?;
    socket.send_to(&buf[..n], peer)?;
    Ok(())
}
