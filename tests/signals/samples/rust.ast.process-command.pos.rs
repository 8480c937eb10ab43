//! provision: runs terraform and then notifies the team.
use std::process::{Command, Stdio};

fn main() -> std::io::Result<()> {
    let status = Command::new("terraform")
        .args(["apply", "-auto-approve", "-input=false"])
        .current_dir("infra/prod")
        .stdin(Stdio::null())
        .status()?;
    if !status.success() {
        std::process::exit(status.code().unwrap_or(1));
    }
    let rev = std::process::Command::new("git").args(["rev-parse", "HEAD"]).output()?;
    println!("applied {}", String::from_utf8_lossy(&rev.stdout).trim());
    Ok(())
}
