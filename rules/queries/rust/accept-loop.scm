; id: rust.ast.accept-loop
; role: data-path
; lifecycle: server
; weight: 2
; why: accepts connections from a listener (listener.accept(), incoming()): a network server's hot path
(call_expression
  function: (field_expression
    field: (field_identifier) @_f) @signal
  arguments: (arguments) @_args
  (#eq? @_f "accept")
  (#eq? @_args "()"))

(for_expression
  value: (call_expression
    function: (field_expression
      field: (field_identifier) @_f)) @signal
  (#eq? @_f "incoming"))
