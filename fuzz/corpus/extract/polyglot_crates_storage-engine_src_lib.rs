1//! The storage engine behind kv-server: RocksDB for the LSM tree, plus a
//! memory-mapped, checksummed value log for large values.

mod vlog;

use std::path::Path;
use std::sync::Arc;

use bytes::Bytes;
use rocksdb::{BlockBasedOptions, Cache, Options, WriteBatch, WriteOptions, DB};

pub use vlog::{ValueLog, ValuePointer};

/// Values at least this large go to the value log; the LSM keeps a pointer.
pub const LARGE_VALUE: usize = 4096;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("rocksdb: {0}")]
    Rocks(#[from] rocksdb::Error),
    #[error("value log: {0}")]
    Io(#[from] std::io::Error),
    #[error("corrupt value at offset {0}")]
    Corrupt(u64),
}

pub type Result<T> = std::result::Result<T, Error>;

/// A handle on an open engine; cheap to clone and share between tasks.
#[derive(Clone)]
pub struct Engine {
    db: Arc<DB>,
    vlog: Arc<ValueLog>,
}

impl Engine {
    pub fn open(dir: &Path) -> Result<Self> {
        let mut block = BlockBasedOptions::default();
        block.set_block_cache(&Cache::new_lru_cache(512 << 20));
        block.set_bloom_filter(10.0, false);

        let mut opts = Options::default();
        opts.create_if_missing(true);
        opts.set_block_based_table_factory(&block);
        opts.increase_parallelism(num_cpus());
        opts.set_compression_type(rocksdb::DBCompressionType::Lz4);

        let db = DB::open(&opts, dir.join("lsm"))?;
        let vlog = ValueLog::open(&dir.join("vlog"))?;
        Ok(Self { db: Arc::new(db), vlog: Arc::new(vlog) })
    }

    pub fn get(&self, key: &[u8]) -> Result<Option<Bytes>> {
        match self.db.get_pinned(key)? {
            None => Ok(None),
            Some(raw) if raw.first() == Some(&1) => {
                let ptr = ValuePointer::decode(&raw[1..]).ok_or(Error::Corrupt(0))?;
                Ok(Some(self.vlog.read(ptr)?))
            }
            Some(raw) => Ok(Some(Bytes::copy_from_slice(&raw[1..]))),
        }
    }

    pub fn put(&self, key: &[u8], value: &[u8]) -> Result<()> {
        let mut batch = WriteBatch::default();
        if value.len() >= LARGE_VALUE {
            let ptr = self.vlog.append(value)?;
            let mut inline = Vec::with_capacity(1 + ValuePointer::LEN);
            inline.push(1);
            ptr.encode_into(&mut inline);
            batch.put(key, inline);
        } else {
            let mut inline = Vec::with_capacity(1 + value.len());
            inline.push(0);
            inline.extend_from_slice(value);
            batch.put(key, inline);
        }
        let mut wo = WriteOptions::default();
        wo.set_sync(false);
        self.db.write_opt(batch, &wo)?;
        Ok(())
    }

    pub fn delete(&self, key: &[u8]) -> Result<()> {
        self.db.delete(key)?;
        Ok(())
    }
}

fn num_cpus() -> i32 {
    std::thread::available_parallelism().map(|n| n.get() as i32).unwrap_or(4)
}
