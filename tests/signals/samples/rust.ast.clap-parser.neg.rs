//! notifier: reads its settings from a TOML file named by the first argument.
use serde::Deserialize;

#[derive(Debug, Deserialize)]
struct Config {
    smtp_host: String,
    recipients: Vec<String>,
}

#[derive(Debug, Default, Clone)]
struct Parser {
    line: usize,
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let path = std::env::args().nth(1).unwrap_or_else(|| "notifier.toml".to_string());
    let config: Config = toml::from_str(&std::fs::read_to_string(path)?)?;
    let parser = Parser::default();
    println!("{} recipients via {} (line {})", config.recipients.len(), config.smtp_host, parser.line);
    Ok(())
}
