; id: go.ast.accept-loop
; role: data-path
; lifecycle: server
; weight: 2
; why: accepts network connections in a loop and serves each one: a server's hot path
(for_statement
  body: (block
    (short_var_declaration
      right: (expression_list
        (call_expression
          function: (selector_expression field: (field_identifier) @_f)
          arguments: (argument_list) @_args) @signal)))
  (#any-of? @_f "Accept" "AcceptTCP" "AcceptUnix" "AcceptStream" "AcceptUniStream")
  (#eq? @_args "()"))

(for_statement
  body: (block
    (assignment_statement
      right: (expression_list
        (call_expression
          function: (selector_expression field: (field_identifier) @_f)
          arguments: (argument_list) @_args) @signal)))
  (#any-of? @_f "Accept" "AcceptTCP" "AcceptUnix" "AcceptStream" "AcceptUniStream")
  (#eq? @_args "()"))
