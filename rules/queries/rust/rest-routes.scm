; id: rust.ast.rest-routes
; role: control-plane
; weight: 2
; why: registers HTTP routes by path and method (axum .route("/..."), #[get("/...")], web::resource): a REST API
(call_expression
  function: (field_expression
    field: (field_identifier) @_f) @signal
  arguments: (arguments
    .
    (string_literal) @_path)
  (#any-of? @_f "route" "nest" "service" "resource" "at")
  (#match? @_path "^\"/"))

(call_expression
  function: (scoped_identifier
    path: (identifier) @_web
    name: (identifier) @_f) @signal
  arguments: (arguments
    .
    (string_literal) @_path)
  (#any-of? @_web "web" "warp")
  (#any-of? @_f "resource" "scope" "path")
  (#match? @_path "^\"/?[A-Za-z{]"))

(attribute_item
  (attribute
    (identifier) @_m
    arguments: (token_tree
      .
      (string_literal) @_path)) @signal
  (#any-of? @_m "get" "post" "put" "delete" "patch" "route" "handler" "oai")
  (#match? @_path "^\"/"))
