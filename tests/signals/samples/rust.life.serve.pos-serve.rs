//! apid: a small HTTP service, served by the framework's server builder.
async fn handle() -> &'static str {
    "ok"
}

#[tokio::main]
async fn main() {
    let app = router(handle);
    let listener = open("0.0.0.0:8080").await;
    app.into_service().serve(listener).await;
}
