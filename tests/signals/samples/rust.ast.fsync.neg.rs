//! report-gen: writes a CSV report; flushing the buffer is all it needs.
use std::fs::File;
use std::io::{BufWriter, Write};
use std::sync::{mpsc, Arc};

fn main() -> std::io::Result<()> {
    let rows = Arc::new(vec![("acme", 42u64), ("globex", 7)]);
    let (tx, rx) = mpsc::channel();
    let shared = Arc::clone(&rows);
    std::thread::spawn(move || {
        for r in shared.iter() {
            tx.send(*r).unwrap();
        }
    });
    let mut out = BufWriter::new(File::create("report.csv")?);
    writeln!(out, "customer,orders")?;
    for (name, n) in rx {
        writeln!(out, "{name},{n}")?;
    }
    out.flush()?;
    Ok(())
}
