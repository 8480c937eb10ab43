//! ledger-check: a nightly batch job that reconciles ledger totals (bookkeeping, synchronous).
struct Entry {
    account: String,
    cents: i64,
}

fn reconcile_ledger(entries: &[Entry], expected_total: i64) -> Result<(), String> {
    let total: i64 = entries.iter().map(|e| e.cents).sum();
    if total != expected_total {
        return Err(format!("ledger off by {} cents", total - expected_total));
    }
    Ok(())
}

fn main() {
    let entries = vec![Entry { account: "cash".into(), cents: 1200 }, Entry { account: "ar".into(), cents: -200 }];
    match reconcile_ledger(&entries, 1000) {
        Ok(()) => println!("{} entries balanced ({})", entries.len(), entries[0].account),
        Err(e) => eprintln!("{e}"),
    }
}
