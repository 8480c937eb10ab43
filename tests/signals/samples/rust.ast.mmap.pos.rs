//! segment-server: serves reads from memory-mapped, immutable segment files.
use memmap2::{Mmap, MmapOptions};
use std::fs::File;

fn open_segment(path: &str) -> std::io::Result<Mmap> {
    let file = File::open(path)?;
    let map = unsafe { MmapOptions::new().populate().map(&file)? };
    #[cfg(unix)]
    unsafe {
        libc::madvise(map.as_ptr() as *mut libc::c_void, map.len(), libc::MADV_RANDOM);
    }
    Ok(map)
}

fn main() -> std::io::Result<()> {
    let seg = open_segment("/var/lib/segments/000001.seg")?;
    let whole = unsafe { Mmap::map(&File::open("/var/lib/segments/index")?)? };
    println!("{} {}", seg.len(), whole.len());
    Ok(())
}
