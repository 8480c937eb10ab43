//! ticketctl: prints open tickets a page at a time; Vec::split_off and String::split_off are std.
fn main() {
    let mut tickets: Vec<String> = (1..=45).map(|n| format!("TCK-{n:04}")).collect();
    let page_size = 20;
    while !tickets.is_empty() {
        let rest = tickets.split_off(page_size.min(tickets.len()));
        for t in &tickets {
            println!("{t}");
        }
        tickets = rest;
    }
    let mut title = String::from("INC-2024: database failover");
    let summary = title.split_off(10);
    println!("{title}|{summary}");
}
