; id: rust.ast.sql-crud
; role: control-plane
; weight: 1.5
; why: runs hand-written CRUD SQL (SELECT/INSERT/UPDATE/DELETE) against an application database: a business service
(call_expression
  arguments: (arguments
    [(string_literal) (raw_string_literal)] @_q) @signal
  (#match? @_q "(SELECT|select)[[:space:]].*[[:space:]](FROM|from)[[:space:]]|(INSERT|insert)[[:space:]]+(INTO|into)[[:space:]]|(UPDATE|update)[[:space:]].*[[:space:]](SET|set)[[:space:]]|(DELETE|delete)[[:space:]]+(FROM|from)[[:space:]]"))

(macro_invocation
  macro: [(identifier) @_m (scoped_identifier name: (identifier) @_m)]
  (token_tree
    [(string_literal) (raw_string_literal)] @_q) @signal
  (#any-of? @_m "query" "query_as" "query_scalar" "query_file" "query_as_unchecked" "query_unchecked")
  (#match? @_q "(SELECT|select)[[:space:]].*[[:space:]](FROM|from)[[:space:]]|(INSERT|insert)[[:space:]]+(INTO|into)[[:space:]]|(UPDATE|update)[[:space:]].*[[:space:]](SET|set)[[:space:]]|(DELETE|delete)[[:space:]]+(FROM|from)[[:space:]]"))
