; id: go.ast.gc-tuning
; role: data-path
; weight: 2
; why: tunes the garbage collector or memory limit at run time: GC pauses are a known problem on this path
(call_expression
  function: (selector_expression
    operand: (identifier) @_pkg
    field: (field_identifier) @_f) @signal
  (#eq? @_pkg "debug")
  (#any-of? @_f "SetGCPercent" "SetMemoryLimit"))
