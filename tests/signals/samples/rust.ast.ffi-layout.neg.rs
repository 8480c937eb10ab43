//! audit-log: compact enums and newtypes; no C layout, no exported symbols.
#[repr(u8)]
#[derive(Debug, Clone, Copy)]
enum Action {
    Create = 1,
    Update = 2,
    Delete = 3,
}

#[repr(transparent)]
#[derive(Debug)]
struct UserId(u64);

#[derive(Debug)]
struct Entry {
    user: UserId,
    action: Action,
}

fn main() {
    let e = Entry { user: UserId(7), action: Action::Update };
    println!("{:?} {}", e, e.action as u8);
}
