//! slotd: a lock-free slot allocator for the packet buffers of the forwarding path.
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};

const FREE: usize = 0;
const BUSY: usize = 1;

struct Slots {
    state: Vec<AtomicUsize>,
    max_seen: AtomicU64,
}

impl Slots {
    fn claim(&self) -> Option<usize> {
        for (i, s) in self.state.iter().enumerate() {
            if s.compare_exchange(FREE, BUSY, Ordering::AcqRel, Ordering::Acquire).is_ok() {
                let _ = self.max_seen.fetch_update(Ordering::Relaxed, Ordering::Relaxed, |m| {
                    Some(m.max(i as u64))
                });
                return Some(i);
            }
        }
        None
    }

    fn release(&self, i: usize) {
        self.state[i].store(FREE, Ordering::Release);
    }
}

fn main() {
    let slots = Slots { state: (0..1024).map(|_| AtomicUsize::new(FREE)).collect(), max_seen: AtomicU64::new(0) };
    if let Some(i) = slots.claim() {
        slots.release(i);
    }
}
