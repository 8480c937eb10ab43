1//! wire-relay: forwards ISO 8583 frames from acquirer links to the switch.

use std::net::{TcpListener, TcpStream};
use std::thread;

use acme_wire::{FrameReader, FrameWriter};

fn main() -> anyhow::Result<()> {
    let listener = TcpListener::bind("0.0.0.0:6001")?;
    for stream in listener.incoming() {
        let link = stream?;
        thread::spawn(move || {
            if let Err(err) = relay(link) {
                eprintln!("wire-relay: {err}");
            }
        });
    }
    Ok(())
}

fn relay(link: TcpStream) -> anyhow::Result<()> {
    let switch = TcpStream::connect("switch.payments.svc:6002")?;
    let mut reader = FrameReader::new(link);
    let mut writer = FrameWriter::new(switch);
    while let Some(frame) = reader.next_frame()? {
        writer.write_frame(&frame)?;
    }
    Ok(())
}
