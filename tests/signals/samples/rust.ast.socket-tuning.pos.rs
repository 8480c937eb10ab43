//! quicfront: binds one SO_REUSEPORT listener per core with large buffers.
use socket2::{Domain, Protocol, Socket, Type};
use std::net::SocketAddr;

fn listener(addr: SocketAddr) -> std::io::Result<std::net::TcpListener> {
    let socket = Socket::new(Domain::for_address(addr), Type::STREAM, Some(Protocol::TCP))?;
    socket.set_reuse_address(true)?;
    socket.set_reuse_port(true)?;
    socket.set_recv_buffer_size(4 << 20)?;
    socket.set_send_buffer_size(4 << 20)?;
    socket.set_nodelay(true)?;
    socket.bind(&addr.into())?;
    socket.listen(4096)?;
    Ok(socket.into())
}

fn main() -> std::io::Result<()> {
    let addr: SocketAddr = "0.0.0.0:8443".parse().unwrap();
    let workers: Vec<_> = (0..4).map(|_| listener(addr)).collect::<Result<_, _>>()?;
    println!("{} listeners", workers.len());
    Ok(())
}
