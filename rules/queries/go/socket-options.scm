; id: go.ast.socket-options
; role: data-path
; weight: 1.5
; why: sets raw socket options (SO_REUSEPORT, TCP_FASTOPEN, buffer sizes) below net.Listen: a tuned network server
(call_expression
  function: (selector_expression
    operand: (identifier) @_pkg
    field: (field_identifier) @_f) @signal
  (#any-of? @_pkg "syscall" "unix")
  (#match? @_f "^(Setsockopt|SetsockoptInt|SetsockoptString|SetsockoptLinger|SetsockoptTimeval|SetsockoptTCPInfo)"))
