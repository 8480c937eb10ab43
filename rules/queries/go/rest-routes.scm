; id: go.ast.rest-routes
; role: control-plane
; weight: 2
; why: registers CRUD routes by HTTP method and path (GET/POST/PUT/DELETE handlers): a REST API
(call_expression
  function: (selector_expression
    field: (field_identifier) @_m) @signal
  arguments: (argument_list
    .
    (interpreted_string_literal) @_path)
  (#any-of? @_m "GET" "POST" "PUT" "DELETE" "PATCH")
  (#match? @_path "^\"/"))

(call_expression
  function: (selector_expression
    operand: (_) @_recv
    field: (field_identifier) @_m) @signal
  arguments: (argument_list
    .
    (interpreted_string_literal) @_path
    .
    (_))
  (#any-of? @_m "Get" "Post" "Put" "Delete" "Patch")
  (#match? @_recv "(^|\\.)(r|e|g|rg|app|api|v[0-9]+|[a-z]*[Rr]outer|[a-z]*[Rr]outes|[a-z]*[Mm]ux|[a-z]*[Gg]roup|[a-z]*[Aa]pi|[a-z]*[Ee]ngine)$")
  (#match? @_path "^\"/"))

(call_expression
  function: (selector_expression
    field: (field_identifier) @_m) @signal
  arguments: (argument_list
    (interpreted_string_literal) @_verb)
  (#eq? @_m "Methods")
  (#match? @_verb "^\"(POST|PUT|DELETE|PATCH)\"$"))
