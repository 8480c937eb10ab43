//! drainer: keeps its workers running until Ctrl-C, then drains them.
#[tokio::main]
async fn main() {
    let workers = start_workers(4);
    tokio::signal::ctrl_c().await.expect("signal handler");
    workers.drain().await;
}
