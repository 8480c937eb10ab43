; id: go.ast.copy-buffer
; role: data-path
; weight: 1
; why: streams bytes through a caller-supplied buffer (io.CopyBuffer): avoids an allocation per copy on a hot path
(call_expression
  function: (selector_expression
    operand: (identifier) @_pkg
    field: (field_identifier) @_f) @signal
  (#eq? @_pkg "io")
  (#eq? @_f "CopyBuffer"))
