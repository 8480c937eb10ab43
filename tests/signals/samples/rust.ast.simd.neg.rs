//! sysinfo-cli: prints the platform it was built for; cfg checks are not SIMD.
fn main() {
    let arch = if cfg!(target_arch = "x86_64") { "x86_64" } else { std::env::consts::ARCH };
    #[cfg(target_os = "linux")]
    let os = "linux";
    #[cfg(not(target_os = "linux"))]
    let os = std::env::consts::OS;
    println!("{os}/{arch}, pointer width {}", std::mem::size_of::<usize>() * 8);
    for (k, v) in std::env::vars().filter(|(k, _)| k.starts_with("CARGO_")) {
        println!("{k}={v}");
    }
}
