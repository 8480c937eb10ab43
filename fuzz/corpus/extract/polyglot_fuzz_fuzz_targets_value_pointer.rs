1#![no_main]

use libfuzzer_sys::fuzz_target;
use storage_engine::ValuePointer;

fuzz_target!(|data: &[u8]| {
    if let Some(ptr) = ValuePointer::decode(data) {
        let mut out = Vec::new();
        ptr.encode_into(&mut out);
        assert_eq!(ValuePointer::decode(&out), Some(ptr));
    }
});
