//! billing-api: ordinary helpers; plain #[inline] and #[must_use] are no hand tuning.
#[inline]
#[must_use]
fn cents(amount: f64) -> i64 {
    (amount * 100.0).round() as i64
}

#[inline(never)]
fn render_invoice(customer: &str, total: i64) -> String {
    format!("{customer}: {}.{:02}", total / 100, total % 100)
}

#[deprecated(note = "use render_invoice")]
#[allow(dead_code)]
fn old_render(customer: &str) -> String {
    customer.to_string()
}

fn main() {
    println!("{}", render_invoice("acme", cents(19.99)));
}
