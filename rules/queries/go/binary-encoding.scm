; id: go.ast.binary-encoding
; role: data-path
; weight: 1
; why: encodes fixed-width integers by hand (binary.BigEndian/LittleEndian): wire protocols and on-disk formats
(call_expression
  function: (selector_expression
    operand: (selector_expression
      operand: (identifier) @_pkg
      field: (field_identifier) @_order)
    field: (field_identifier) @_f) @signal
  (#eq? @_pkg "binary")
  (#any-of? @_order "BigEndian" "LittleEndian" "NativeEndian")
  (#match? @_f "^(Put|Append)?Uint(16|32|64)$"))
