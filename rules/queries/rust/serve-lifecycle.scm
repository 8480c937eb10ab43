; id: rust.life.serve
; lifecycle: server
; weight: 1
; why: binds a listener or serves (TcpListener::bind, axum::serve, Server::builder, .serve(...)): a long-running server
(call_expression
  function: (scoped_identifier
    path: (_) @_p
    name: (identifier) @_n) @signal
  (#eq? @_n "bind")
  (#match? @_p "(TcpListener|UdpSocket|UnixListener|UnixDatagram|Server|HttpServer)$"))

(call_expression
  function: (field_expression
    field: (field_identifier) @_f) @signal
  (#any-of? @_f "serve" "serve_with_shutdown" "serve_with_incoming" "run_until_stopped" "bind_rustls" "bind_openssl"))

(call_expression
  function: (scoped_identifier
    name: (identifier) @_n) @signal
  (#any-of? @_n "serve" "ctrl_c"))
