; id: go.ast.lock-os-thread
; role: data-path
; weight: 1
; why: pins a goroutine to an OS thread: per-thread kernel state (network namespaces, affinity, io queues)
(call_expression
  function: (selector_expression
    operand: (identifier) @_pkg
    field: (field_identifier) @_f) @signal
  (#eq? @_pkg "runtime")
  (#eq? @_f "LockOSThread"))
