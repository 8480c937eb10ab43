1//! Append-only value log read through a memory map.

use std::fs::{File, OpenOptions};
use std::io::Write;
use std::path::Path;
use std::sync::Mutex;

use bytes::Bytes;
use memmap2::Mmap;

use crate::{Error, Result};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ValuePointer {
    pub offset: u64,
    pub len: u32,
}

impl ValuePointer {
    pub const LEN: usize = 12;

    pub fn encode_into(&self, out: &mut Vec<u8>) {
        out.extend_from_slice(&self.offset.to_le_bytes());
        out.extend_from_slice(&self.len.to_le_bytes());
    }

    pub fn decode(raw: &[u8]) -> Option<Self> {
        if raw.len() < Self::LEN {
            return None;
        }
        let offset = u64::from_le_bytes(raw[0..8].try_into().ok()?);
        let len = u32::from_le_bytes(raw[8..12].try_into().ok()?);
        Some(Self { offset, len })
    }
}

pub struct ValueLog {
    file: Mutex<File>,
    map: Mutex<Option<Mmap>>,
}

impl ValueLog {
    pub fn open(path: &Path) -> Result<Self> {
        let file = OpenOptions::new().create(true).read(true).append(true).open(path)?;
        Ok(Self { file: Mutex::new(file), map: Mutex::new(None) })
    }

    pub fn append(&self, value: &[u8]) -> Result<ValuePointer> {
        let mut f = self.file.lock().unwrap();
        let offset = f.metadata()?.len();
        let crc = crc32fast::hash(value);
        f.write_all(&crc.to_le_bytes())?;
        f.write_all(value)?;
        *self.map.lock().unwrap() = None;
        Ok(ValuePointer { offset: offset + 4, len: value.len() as u32 })
    }

    pub fn read(&self, ptr: ValuePointer) -> Result<Bytes> {
        let mut guard = self.map.lock().unwrap();
        if guard.is_none() {
            let f = self.file.lock().unwrap();
            // SAFETY: the log is append-only and we remap after every append,
            // so the mapped range is never truncated underneath us.
            *guard = Some(unsafe { Mmap::map(&*f)? });
        }
        let map = guard.as_ref().unwrap();
        let start = ptr.offset as usize;
        let end = start + ptr.len as usize;
        if end > map.len() || start < 4 {
            return Err(Error::Corrupt(ptr.offset));
        }
        let want = u32::from_le_bytes(map[start - 4..start].try_into().unwrap());
        let value = &map[start..end];
        if crc32fast::hash(value) != want {
            return Err(Error::Corrupt(ptr.offset));
        }
        Ok(Bytes::copy_from_slice(value))
    }
}
