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
  (#any-of? @_m "GET" "POST" "PUT" "DELETE" "PATCH" "Get" "Post" "Put" "Delete" "Patch")
  (#match? @_path "^\"/"))

(call_expression
  function: (selector_expression
    field: (field_identifier) @_m) @signal
  arguments: (argument_list
    (interpreted_string_literal) @_verb)
  (#eq? @_m "Methods")
  (#match? @_verb "^\"(POST|PUT|DELETE|PATCH)\"$"))
