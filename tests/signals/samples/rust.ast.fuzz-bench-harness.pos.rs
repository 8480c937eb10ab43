#![no_main]
//! Fuzzes the HTTP/1 request parser with arbitrary bytes.
use libfuzzer_sys::fuzz_target;

fn parse(data: &[u8]) -> Option<(&[u8], &[u8])> {
    let line_end = data.iter().position(|&b| b == b'\n')?;
    let mut parts = data[..line_end].splitn(3, |&b| b == b' ');
    Some((parts.next()?, parts.next()?))
}

fuzz_target!(|data: &[u8]| {
    let _ = parse(data);
});
