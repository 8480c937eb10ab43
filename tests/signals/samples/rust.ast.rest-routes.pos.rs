//! tickets-api: a REST API for support tickets with axum.
use axum::{
    extract::{Path, State},
    routing::{get, post},
    Json, Router,
};
use std::sync::{Arc, Mutex};

type Db = Arc<Mutex<Vec<String>>>;

async fn list(State(db): State<Db>) -> Json<Vec<String>> {
    Json(db.lock().unwrap().clone())
}

async fn create(State(db): State<Db>, Json(title): Json<String>) -> Json<usize> {
    let mut v = db.lock().unwrap();
    v.push(title);
    Json(v.len() - 1)
}

async fn show(State(db): State<Db>, Path(id): Path<usize>) -> Json<Option<String>> {
    Json(db.lock().unwrap().get(id).cloned())
}

#[tokio::main]
async fn main() {
    let app = Router::new()
        .route("/api/v1/tickets", get(list).post(create))
        .route("/api/v1/tickets/:id", get(show))
        .with_state(Db::default());
    let listener = tokio::net::TcpListener::bind("0.0.0.0:8080").await.unwrap();
    axum::serve(listener, app).await.unwrap();
}
