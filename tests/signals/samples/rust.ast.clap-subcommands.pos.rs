//! dbctl: administers the cluster's databases.
use clap::{Parser, Subcommand};

#[derive(Parser)]
#[command(name = "dbctl", version)]
struct Cli {
    #[command(subcommand)]
    command: Commands,
}

#[derive(Subcommand)]
enum Commands {
    /// Create a database.
    Create { name: String },
    /// Drop a database.
    Drop {
        name: String,
        #[arg(long)]
        force: bool,
    },
}

fn main() {
    match Cli::parse().command {
        Commands::Create { name } => println!("creating {name}"),
        Commands::Drop { name, force } => println!("dropping {name} (force: {force})"),
    }
}
