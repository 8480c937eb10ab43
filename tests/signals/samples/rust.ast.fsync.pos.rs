//! logd: appends records to a segment file and syncs before acknowledging.
use std::fs::{File, OpenOptions};
use std::io::{self, Write};
use std::os::unix::io::AsRawFd;

struct Segment {
    file: File,
    unsynced: usize,
}

impl Segment {
    fn append(&mut self, record: &[u8]) -> io::Result<()> {
        self.file.write_all(&(record.len() as u32).to_le_bytes())?;
        self.file.write_all(record)?;
        self.unsynced += 1;
        if self.unsynced >= 64 {
            self.file.sync_data()?;
            self.unsynced = 0;
        }
        Ok(())
    }

    fn close(self) -> io::Result<()> {
        self.file.sync_all()
    }
}

/// After renaming a segment into place, make the directory entry durable too.
fn sync_dir(dir: &File) -> io::Result<()> {
    if unsafe { libc::fsync(dir.as_raw_fd()) } != 0 {
        return Err(io::Error::last_os_error());
    }
    Ok(())
}

fn main() -> io::Result<()> {
    let file = OpenOptions::new().create(true).append(true).open("/var/lib/logd/00000001.seg")?;
    let mut seg = Segment { file, unsynced: 0 };
    seg.append(b"hello")?;
    seg.close()?;
    sync_dir(&File::open("/var/lib/logd")?)
}
