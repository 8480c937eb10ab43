0(go_statement
  (call_expression) @signal
[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[ (call_expression
 fungtion: (selector_expression operand: (identifier) @_pkg field: (field_identifier) @_f)) (identifier)]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]])