; id: go.ast.atomic-cas
; role: data-path
; weight: 1.5
; why: coordinates goroutines with compare-and-swap instead of locks: lock-free, contention-sensitive code
(call_expression
  function: (selector_expression
    field: (field_identifier) @_f) @signal
  (#match? @_f "^CompareAndSwap"))
