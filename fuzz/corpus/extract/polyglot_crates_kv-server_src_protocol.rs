1//! Wire protocol: `u32` big-endian length, one opcode byte, then the body.

use bytes::{Buf, Bytes, BytesMut};
use tokio::io::{AsyncWrite, AsyncWriteExt};

pub enum Request {
    Get(Bytes),
    Put(Bytes, Bytes),
    Del(Bytes),
}

pub enum Frame {
    Ok,
    Nil,
    Value(Bytes),
}

impl Frame {
    /// Parses one request from the front of `buf`, leaving partial frames in place.
    pub fn parse(buf: &mut BytesMut) -> anyhow::Result<Option<Request>> {
        if buf.len() < 5 {
            return Ok(None);
        }
        let len = u32::from_be_bytes([buf[0], buf[1], buf[2], buf[3]]) as usize;
        if len > 64 << 20 {
            anyhow::bail!("frame of {len} bytes exceeds the limit");
        }
        if buf.len() < 4 + len {
            buf.reserve(4 + len - buf.len());
            return Ok(None);
        }
        buf.advance(4);
        let mut body = buf.split_to(len).freeze();
        let op = body.get_u8();
        Ok(Some(match op {
            b'G' => Request::Get(body),
            b'D' => Request::Del(body),
            b'P' => {
                let klen = body.get_u16() as usize;
                let key = body.split_to(klen);
                Request::Put(key, body)
            }
            other => anyhow::bail!("unknown opcode {other:#x}"),
        }))
    }

    pub async fn write_to<W: AsyncWrite + Unpin>(&self, w: &mut W) -> std::io::Result<()> {
        match self {
            Frame::Ok => w.write_all(&[0, 0, 0, 1, b'+']).await,
            Frame::Nil => w.write_all(&[0, 0, 0, 1, b'_']).await,
            Frame::Value(v) => {
                w.write_all(&((v.len() + 1) as u32).to_be_bytes()).await?;
                w.write_all(b"$").await?;
                w.write_all(v).await
            }
        }
    }
}
