; id: go.ast.terminal-io
; role: control-plane
; weight: 1
; why: prints aligned tables or reads answers and passwords from a terminal: an interactive CLI
(call_expression
  function: (selector_expression
    operand: (identifier) @_pkg
    field: (field_identifier) @_f) @signal
  (#any-of? @_pkg "tabwriter" "term" "fmt")
  (#any-of? @_f "NewWriter" "ReadPassword" "MakeRaw" "Scanln" "Scanf" "Scan"))
