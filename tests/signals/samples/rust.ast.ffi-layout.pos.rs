//! pktstat: shares a C-layout ring header with the kernel module and exports a C hook.
#[repr(C)]
pub struct RingHeader {
    pub producer: u32,
    pub consumer: u32,
    pub size: u32,
    pub flags: u32,
}

#[repr(C, align(64))]
pub struct Counters {
    pub packets: u64,
    pub bytes: u64,
}

#[no_mangle]
pub extern "C" fn pktstat_on_packet(len: u32, counters: *mut Counters) {
    if let Some(c) = unsafe { counters.as_mut() } {
        c.packets += 1;
        c.bytes += u64::from(len);
    }
}

#[unsafe(export_name = "pktstat_reset")]
pub extern "C" fn reset(counters: *mut Counters) {
    if let Some(c) = unsafe { counters.as_mut() } {
        c.packets = 0;
        c.bytes = 0;
    }
}

fn main() {
    let mut c = Counters { packets: 0, bytes: 0 };
    pktstat_on_packet(64, &mut c);
    println!("{} {}", c.packets, std::mem::size_of::<RingHeader>());
}
