//! statusd: a tiny blocking HTTP status server, one thread per connection.
use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::thread;

fn handle(mut stream: TcpStream) -> std::io::Result<()> {
    let mut request_line = String::new();
    BufReader::new(&stream).read_line(&mut request_line)?;
    stream.write_all(b"HTTP/1.1 200 OK\r\ncontent-length: 2\r\n\r\nok")
}

fn main() -> std::io::Result<()> {
    let listener = TcpListener::bind("0.0.0.0:9100")?;
    for stream in listener.incoming() {
        let stream = stream?;
        thread::spawn(move || {
            let _ = handle(stream);
        });
    }
    Ok(())
}
