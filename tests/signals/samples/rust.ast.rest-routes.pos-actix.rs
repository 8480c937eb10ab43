//! notes-api: a REST API for notes with actix-web.
use actix_web::{get, post, web, App, HttpResponse, HttpServer, Responder};
use std::sync::Mutex;

struct Notes(Mutex<Vec<String>>);

#[get("/notes/{id}")]
async fn show(notes: web::Data<Notes>, id: web::Path<usize>) -> impl Responder {
    match notes.0.lock().unwrap().get(*id) {
        Some(n) => HttpResponse::Ok().body(n.clone()),
        None => HttpResponse::NotFound().finish(),
    }
}

#[post("/notes")]
async fn create(notes: web::Data<Notes>, body: String) -> impl Responder {
    notes.0.lock().unwrap().push(body);
    HttpResponse::Created().finish()
}

async fn count(notes: web::Data<Notes>) -> impl Responder {
    HttpResponse::Ok().body(notes.0.lock().unwrap().len().to_string())
}

#[actix_web::main]
async fn main() -> std::io::Result<()> {
    let notes = web::Data::new(Notes(Mutex::new(Vec::new())));
    HttpServer::new(move || {
        App::new()
            .app_data(notes.clone())
            .service(show)
            .service(create)
            .service(web::scope("/api/v1").service(web::resource("/notes/count").route(web::get().to(count))))
    })
    .bind(("0.0.0.0", 8080))?
    .run()
    .await
}
