//! scan: counts newlines in large buffers with AVX2 when the CPU has it.
#[cfg(target_arch = "x86_64")]
use std::arch::x86_64::*;

#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2")]
unsafe fn count_newlines_avx2(buf: &[u8]) -> usize {
    let nl = _mm256_set1_epi8(b'\n' as i8);
    let mut n = 0usize;
    let chunks = buf.chunks_exact(32);
    let rest = chunks.remainder();
    for c in chunks {
        let v = _mm256_loadu_si256(c.as_ptr() as *const __m256i);
        n += _mm256_movemask_epi8(_mm256_cmpeq_epi8(v, nl)).count_ones() as usize;
    }
    n + rest.iter().filter(|&&b| b == b'\n').count()
}

fn count_newlines(buf: &[u8]) -> usize {
    #[cfg(target_arch = "x86_64")]
    {
        if is_x86_feature_detected!("avx2") {
            return unsafe { count_newlines_avx2(buf) };
        }
    }
    buf.iter().filter(|&&b| b == b'\n').count()
}

fn main() {
    println!("{}", count_newlines(b"a\nb\nc\n"));
}
