//! mirrorctl: mirrors container images between registries.
use clap::Parser;

/// Mirror images from one registry to another.
#[derive(Parser, Debug)]
#[command(version, about)]
struct Args {
    /// Source registry.
    #[arg(long)]
    from: String,
    /// Destination registry.
    #[arg(long)]
    to: String,
    /// Only print what would be copied.
    #[arg(long)]
    dry_run: bool,
}

fn main() {
    let args = Args::parse();
    println!("mirroring {} -> {} (dry run: {})", args.from, args.to, args.dry_run);
}
