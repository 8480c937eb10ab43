//! cache-server: one command, a handful of flags.
use clap::Parser;

#[derive(Parser, Debug)]
#[command(version, about = "An in-memory cache server")]
struct Args {
    #[arg(short, long, default_value = "0.0.0.0:11211")]
    listen: String,
    #[arg(long, default_value_t = 1024)]
    memory_mb: usize,
    #[arg(short, long)]
    verbose: bool,
}

fn main() {
    let args = Args::parse();
    println!("listening on {} with {} MiB", args.listen, args.memory_mb);
}
