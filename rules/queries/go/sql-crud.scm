; id: go.ast.sql-crud
; role: control-plane
; weight: 1.5
; why: runs hand-written CRUD SQL (SELECT/INSERT/UPDATE/DELETE) against an application database: a business service
(call_expression
  function: (selector_expression
    field: (field_identifier) @_f) @signal
  arguments: (argument_list
    [(interpreted_string_literal) (raw_string_literal)] @_q)
  (#any-of? @_f "Query" "QueryRow" "QueryContext" "QueryRowContext" "Exec" "ExecContext" "Select" "Get" "NamedExec" "NamedQuery" "Raw")
  (#match? @_q "(SELECT|select)[[:space:]].*[[:space:]](FROM|from)[[:space:]]|(INSERT|insert)[[:space:]]+(INTO|into)[[:space:]]|(UPDATE|update)[[:space:]].*[[:space:]](SET|set)[[:space:]]|(DELETE|delete)[[:space:]]+(FROM|from)[[:space:]]"))
