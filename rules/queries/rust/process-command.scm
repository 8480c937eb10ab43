; id: rust.ast.process-command
; role: control-plane
; weight: 1
; why: runs external programs or builds a command tree (Command::new): orchestration, provisioning and CLI glue
(call_expression
  function: (scoped_identifier
    path: [(identifier) (scoped_identifier)] @_p
    name: (identifier) @_n) @signal
  (#match? @_p "(^|::)Command$")
  (#eq? @_n "new"))
