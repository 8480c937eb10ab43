1//! kv-server: serves GET/PUT/DEL over a length-prefixed binary protocol.

mod protocol;

use std::net::SocketAddr;
use std::path::PathBuf;

use anyhow::Context;
use bytes::BytesMut;
use storage_engine::Engine;
use tokio::io::{AsyncReadExt, AsyncWriteExt, BufWriter};
use tokio::net::{TcpListener, TcpStream};

use crate::protocol::{Frame, Request};

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt().with_env_filter("info").init();

    let addr: SocketAddr = std::env::var("KV_LISTEN").unwrap_or_else(|_| "0.0.0.0:7379".into()).parse()?;
    let dir = PathBuf::from(std::env::var("KV_DATA_DIR").unwrap_or_else(|_| "/var/lib/kv".into()));
    let engine = Engine::open(&dir).context("opening storage engine")?;

    let listener = TcpListener::bind(addr).await?;
    tracing::info!(%addr, "kv-server listening");
    loop {
        let (socket, peer) = listener.accept().await?;
        socket.set_nodelay(true)?;
        let engine = engine.clone();
        tokio::spawn(async move {
            if let Err(err) = serve(socket, engine).await {
                tracing::debug!(%peer, %err, "connection closed");
            }
        });
    }
}

async fn serve(socket: TcpStream, engine: Engine) -> anyhow::Result<()> {
    let (mut rd, wr) = socket.into_split();
    let mut wr = BufWriter::with_capacity(64 * 1024, wr);
    let mut buf = BytesMut::with_capacity(64 * 1024);
    loop {
        while let Some(req) = Frame::parse(&mut buf)? {
            let reply = match req {
                Request::Get(key) => match engine.get(&key)? {
                    Some(v) => Frame::Value(v),
                    None => Frame::Nil,
                },
                Request::Put(key, value) => {
                    engine.put(&key, &value)?;
                    Frame::Ok
                }
                Request::Del(key) => {
                    engine.delete(&key)?;
                    Frame::Ok
                }
            };
            reply.write_to(&mut wr).await?;
        }
        wr.flush().await?;
        if rd.read_buf(&mut buf).await? == 0 {
            return Ok(());
        }
    }
}
