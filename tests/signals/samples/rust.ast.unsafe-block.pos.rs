//! rawsock: opens a packet socket through libc.
fn main() {
    let fd = unsafe { libc::socket(libc::AF_PACKET, libc::SOCK_RAW, (libc::ETH_P_ALL as u16).to_be() as i32) };
    if fd < 0 {
        eprintln!("socket: {}", std::io::Error::last_os_error());
        std::process::exit(1);
    }
    let mut buf = [0u8; 2048];
    let n = unsafe { libc::recv(fd, buf.as_mut_ptr() as *mut libc::c_void, buf.len(), 0) };
    println!("{n} bytes");
    unsafe { libc::close(fd) };
}
