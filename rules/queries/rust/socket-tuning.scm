; id: rust.ast.socket-tuning
; role: data-path
; weight: 1.5
; why: tunes sockets (SO_REUSEPORT, buffer sizes, keepalive, TCP_NODELAY): a network server or proxy
(call_expression
  function: (field_expression
    field: (field_identifier) @_f) @signal
  (#any-of? @_f "set_reuse_port" "set_reuseport" "set_recv_buffer_size" "set_send_buffer_size" "set_tcp_keepalive" "set_nodelay" "set_tcp_nodelay" "set_mark" "set_ip_transparent" "set_freebind" "set_tcp_fastopen" "set_zero_copy" "set_linger"))
