; id: go.ast.reverse-proxy
; role: data-path
; lifecycle: server
; weight: 2.5
; why: forwards HTTP requests to upstreams with httputil.ReverseProxy: a reverse proxy or gateway
(call_expression
  function: (selector_expression
    operand: (identifier) @_pkg
    field: (field_identifier) @_f) @signal
  (#eq? @_pkg "httputil")
  (#eq? @_f "NewSingleHostReverseProxy"))

(composite_literal
  type: (qualified_type
    package: (package_identifier) @_pkg
    name: (type_identifier) @_t) @signal
  (#eq? @_pkg "httputil")
  (#eq? @_t "ReverseProxy"))
