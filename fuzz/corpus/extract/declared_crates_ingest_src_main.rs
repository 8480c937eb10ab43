1//! ingest: reads settlement batch files from the drop directory and appends
//! their records to the ledger journal.

use std::fs;
use std::io::{BufRead, BufReader, Write};
use std::path::Path;

use anyhow::Context;
use serde::Deserialize;

#[derive(Deserialize)]
struct Record {
    merchant: String,
    amount_cents: i64,
    currency: String,
}

fn main() -> anyhow::Result<()> {
    let drop_dir = std::env::var("INGEST_DROP").unwrap_or_else(|_| "/srv/settlement/in".into());
    let journal_path = std::env::var("INGEST_JOURNAL").unwrap_or_else(|_| "/srv/ledger/journal".into());
    let mut journal = fs::OpenOptions::new().create(true).append(true).open(&journal_path)?;

    let mut entries: Vec<_> = fs::read_dir(&drop_dir)?.collect::<Result<_, _>>()?;
    entries.sort_by_key(|e| e.file_name());
    for entry in entries {
        let path = entry.path();
        ingest_file(&path, &mut journal).with_context(|| format!("ingesting {}", path.display()))?;
        fs::remove_file(&path)?;
    }
    journal.sync_all()?;
    Ok(())
}

fn ingest_file(path: &Path, journal: &mut fs::File) -> anyhow::Result<()> {
    let reader = BufReader::new(fs::File::open(path)?);
    for line in reader.lines() {
        let rec: Record = serde_json::from_str(&line?)?;
        writeln!(journal, "{}\t{}\t{}", rec.merchant, rec.amount_cents, rec.currency)?;
    }
    Ok(())
}
