; id: go.life.serve
; lifecycle: server
; weight: 1
; why: listens and serves (ListenAndServe, Serve, net.Listen, grpc.NewServer): a long-running server
(call_expression
  function: (selector_expression
    field: (field_identifier) @_f) @signal
  (#any-of? @_f "ListenAndServe" "ListenAndServeTLS" "Serve" "ServeTLS" "Listen" "ListenPacket" "ListenTCP" "ListenUDP" "ListenUnix" "ListenConfig" "NewServer"))
