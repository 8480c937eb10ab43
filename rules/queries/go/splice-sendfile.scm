; id: go.ast.splice-sendfile
; role: data-path
; weight: 3
; why: moves bytes inside the kernel (splice, sendfile, tee): zero-copy data transfer
(call_expression
  function: (selector_expression
    operand: (identifier) @_pkg
    field: (field_identifier) @_f) @signal
  (#any-of? @_pkg "syscall" "unix")
  (#any-of? @_f "Splice" "Sendfile" "Tee" "Vmsplice" "CopyFileRange"))
