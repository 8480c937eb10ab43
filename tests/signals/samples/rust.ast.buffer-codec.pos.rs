//! frame-gw: decodes length-prefixed frames from the wire with a tokio-util codec.
use bytes::{Buf, BufMut, BytesMut};
use tokio_util::codec::{Decoder, Encoder};

struct Frame {
    kind: u16,
    payload: bytes::Bytes,
}

struct FrameCodec;

impl Decoder for FrameCodec {
    type Item = Frame;
    type Error = std::io::Error;

    fn decode(&mut self, src: &mut BytesMut) -> Result<Option<Frame>, Self::Error> {
        if src.len() < 6 {
            return Ok(None);
        }
        let len = u32::from_be_bytes([src[0], src[1], src[2], src[3]]) as usize;
        if src.len() < 6 + len {
            src.reserve(6 + len - src.len());
            return Ok(None);
        }
        src.advance(4);
        let kind = src.get_u16();
        let payload = src.split_to(len).freeze();
        Ok(Some(Frame { kind, payload }))
    }
}

impl Encoder<Frame> for FrameCodec {
    type Error = std::io::Error;

    fn encode(&mut self, f: Frame, dst: &mut BytesMut) -> Result<(), Self::Error> {
        dst.put_u32(f.payload.len() as u32);
        dst.put_u16(f.kind);
        dst.put_slice(&f.payload);
        Ok(())
    }
}

fn main() {
    let mut codec = FrameCodec;
    let mut buf = BytesMut::new();
    codec.encode(Frame { kind: 1, payload: bytes::Bytes::from_static(b"hi") }, &mut buf).unwrap();
    assert!(codec.decode(&mut buf).unwrap().is_some());
}
