//! relctl: asks the release API for a plan; "accept" here is a content type and a policy call.
use reqwest::header::ACCEPT;

struct Policy {
    allowed: Vec<String>,
}

impl Policy {
    fn accept(&self, channel: &str) -> bool {
        self.allowed.iter().any(|c| c == channel)
    }
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let policy = Policy { allowed: vec!["stable".into(), "beta".into()] };
    let channel = std::env::args().nth(1).unwrap_or_else(|| "stable".into());
    if !policy.accept(&channel) {
        return Err(format!("channel {channel} is not allowed").into());
    }
    let client = reqwest::blocking::Client::builder()
        .danger_accept_invalid_certs(false)
        .build()?;
    let plan = client
        .get(format!("https://releases.internal/v1/plan/{channel}"))
        .header(ACCEPT, "application/json")
        .send()?
        .text()?;
    println!("{plan}");
    Ok(())
}
