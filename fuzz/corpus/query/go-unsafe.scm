0; id: go.ast.unsafe
; role: data-path
; weight: 1
; why: bypasses Go's memory safety (unsafe.Pointer, unsafe.Slice/String) to avoid copies: low-level performance code
(call_expression
  function: (selector_expression
    operand: (identifier) @_pkg
    field: (field_identifier) @_f)
  arguments: (argument_list) @_args
  (#eq? @_pkg "unsafe")
  (#any-of? @_f "Pointer" "Slice" "String" "StringData" "SliceData" "Add")
  (#not-match? @_args "[Rr]awDesc")) @signal
