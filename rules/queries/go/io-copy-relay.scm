; id: go.ast.io-copy-relay
; role: data-path
; lifecycle: server
; weight: 2
; why: copies one stream into another from a goroutine: the bidirectional relay of a proxy or tunnel (not a process's stdout/stderr)
(go_statement
  (call_expression
    function: (selector_expression
      operand: (identifier) @_pkg
      field: (field_identifier) @_f)
    arguments: (argument_list) @_args) @signal
  (#eq? @_pkg "io")
  (#any-of? @_f "Copy" "CopyBuffer" "CopyN")
  (#not-match? @_args "os\\.Std(out|err|in)|io\\.Discard"))

(go_statement
  (call_expression
    function: (func_literal
      body: (block
        (expression_statement
          (call_expression
            function: (selector_expression
              operand: (identifier) @_pkg
              field: (field_identifier) @_f)
            arguments: (argument_list) @_args) @signal))))
  (#eq? @_pkg "io")
  (#any-of? @_f "Copy" "CopyBuffer" "CopyN")
  (#not-match? @_args "os\\.Std(out|err|in)|io\\.Discard"))

(go_statement
  (call_expression
    function: (func_literal
      body: (block
        [(short_var_declaration
          right: (expression_list
            (call_expression
              function: (selector_expression
                operand: (identifier) @_pkg
                field: (field_identifier) @_f)
              arguments: (argument_list) @_args) @signal))
         (assignment_statement
          right: (expression_list
            (call_expression
              function: (selector_expression
                operand: (identifier) @_pkg
                field: (field_identifier) @_f)
              arguments: (argument_list) @_args) @signal))])))
  (#eq? @_pkg "io")
  (#any-of? @_f "Copy" "CopyBuffer" "CopyN")
  (#not-match? @_args "os\\.Std(out|err|in)|io\\.Discard"))

(call_expression
  function: (selector_expression
    operand: (identifier) @_pkg
    field: (field_identifier) @_f)
  arguments: (argument_list) @_args
  (#eq? @_pkg "io")
  (#any-of? @_f "Copy" "CopyBuffer")
  (#match? @_args "[Cc]onn[^a-z]|[Cc]onn$|[Bb]ackend|[Uu]pstream|[Dd]ownstream|[Rr]emote|[Pp]eer|[Tt]unnel|[Ss]ock")) @signal
