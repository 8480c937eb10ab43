; id: go.ast.http-handlefunc
; role: control-plane
; weight: 1
; why: registers handlers on specific URL paths (other than health, metrics and debug): an HTTP API surface
(call_expression
  function: (selector_expression
    field: (field_identifier) @_m) @signal
  arguments: (argument_list
    .
    (interpreted_string_literal) @_path)
  (#any-of? @_m "HandleFunc" "Handle")
  (#match? @_path "^\"/[A-Za-z{]")
  (#not-match? @_path "^\"/(metrics|debug|healthz|readyz|livez|ready|health|healthcheck|ping|status|live|alive|version)([/\"]|$)"))
