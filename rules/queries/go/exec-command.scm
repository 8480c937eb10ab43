; id: go.ast.exec-command
; role: control-plane
; weight: 1
; why: runs external programs (exec.Command): orchestration, provisioning and CLI glue
(call_expression
  function: (selector_expression
    operand: (identifier) @_pkg
    field: (field_identifier) @_f) @signal
  (#eq? @_pkg "exec")
  (#any-of? @_f "Command" "CommandContext"))
