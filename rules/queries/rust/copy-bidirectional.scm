; id: rust.ast.copy-bidirectional
; role: data-path
; lifecycle: server
; weight: 3
; why: splices two connections together (copy_bidirectional, async io::copy, splice): a proxy or tunnel relay
(call_expression
  function: (scoped_identifier
    name: (identifier) @_n) @signal
  (#any-of? @_n "copy_bidirectional" "copy_bidirectional_with_sizes" "splice" "tee" "sendfile" "vmsplice" "copy_file_range"))

(call_expression
  function: (identifier) @_n @signal
  (#any-of? @_n "copy_bidirectional" "copy_bidirectional_with_sizes"))

(await_expression
  (call_expression
    function: (scoped_identifier
      path: (_) @_p
      name: (identifier) @_n) @signal)
  (#match? @_p "(^|::)io$")
  (#any-of? @_n "copy" "copy_buf"))
