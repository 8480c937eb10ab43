1use std::io;
fn main() { unsafe { f() } }
#[cfg(test)]
#[allow(unused)]
pub(crate) mod tests {
    use super::*;
    const S: &str = r#"}"#;
    fn t<'a>(x: &'a str) -> char { '}' }
    /* } /* { */ */
}
fn g() {}
