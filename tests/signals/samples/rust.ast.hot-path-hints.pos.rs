//! hashd: the lookup path of an in-memory index, tuned by hand.
#[inline(always)]
fn fx_hash(key: &[u8]) -> u64 {
    let mut h: u64 = 0;
    for &b in key {
        h = (h.rotate_left(5) ^ u64::from(b)).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
    h
}

#[cold]
#[inline(never)]
fn grow(table: &mut Vec<Option<u64>>) {
    let n = table.len() * 2;
    table.resize(n, None);
}

fn insert(table: &mut Vec<Option<u64>>, key: &[u8]) {
    if table.iter().filter(|s| s.is_some()).count() * 4 >= table.len() * 3 {
        grow(table);
    }
    let i = (fx_hash(key) as usize) % table.len();
    // SAFETY: i is reduced modulo the length just above.
    unsafe { std::hint::assert_unchecked(i < table.len()) };
    table[i] = Some(fx_hash(key));
}

fn main() {
    let mut t = vec![None; 16];
    insert(&mut t, b"key");
}
