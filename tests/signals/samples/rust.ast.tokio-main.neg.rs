//! migrate-once: builds its runtime by hand in a synchronous main; instrumented with tracing.
use std::time::Duration;

#[tracing::instrument]
async fn migrate(step: u32) {
    tokio::time::sleep(Duration::from_millis(10)).await;
    println!("step {step} done");
}

fn main() {
    let rt = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
    rt.block_on(async {
        for step in 1..=3 {
            migrate(step).await;
        }
    });
}

#[cfg(test)]
mod tests {
    #[tokio::test]
    async fn runs_a_step() {
        super::migrate(0).await;
    }
}
