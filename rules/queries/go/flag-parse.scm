; id: go.ast.flag-parse
; role: control-plane
; weight: 0.5
; why: parses command-line flags with the flag package (very weak: servers take flags too)
(call_expression
  function: (selector_expression
    operand: (identifier) @_pkg
    field: (field_identifier) @_f) @signal
  (#eq? @_pkg "flag")
  (#eq? @_f "Parse"))
