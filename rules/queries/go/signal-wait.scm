; id: go.life.signal-wait
; lifecycle: server
; weight: 1
; why: waits for a termination signal (signal.Notify, signal.NotifyContext) or blocks forever (select {}): runs until stopped
(call_expression
  function: (selector_expression
    operand: (identifier) @_pkg
    field: (field_identifier) @_f) @signal
  (#eq? @_pkg "signal")
  (#any-of? @_f "Notify" "NotifyContext"))

((select_statement) @signal
  (#match? @signal "^select[ \t]*[{][ \t\n]*[}]$"))
