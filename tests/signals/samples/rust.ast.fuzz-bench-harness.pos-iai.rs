//! Instruction-count benchmarks of the header parser (iai, run under cachegrind).
use iai::black_box;

fn parse_header(line: &[u8]) -> Option<usize> {
    line.iter().position(|&b| b == b':')
}

fn bench_short_header() -> Option<usize> {
    parse_header(black_box(b"host: example.com"))
}

fn bench_long_header() -> Option<usize> {
    parse_header(black_box(b"x-forwarded-for: 10.0.0.1, 10.0.0.2, 10.0.0.3"))
}

iai::main!(bench_short_header, bench_long_header);
