; id: rust.ast.kube-controller
; role: control-plane
; weight: 4
; why: builds a kube-runtime Controller (Controller::new(...).run(reconcile, ...)): a Kubernetes reconcile loop
(call_expression
  function: (scoped_identifier
    path: (identifier) @_t
    name: (identifier) @_n) @signal
  (#eq? @_t "Controller")
  (#any-of? @_n "new" "new_with" "for_stream" "for_stream_with" "for_shared_stream" "for_shared_stream_with"))

(call_expression
  function: (scoped_identifier
    path: (generic_type type: (type_identifier) @_t)
    name: (identifier) @_n) @signal
  (#eq? @_t "Controller")
  (#any-of? @_n "new" "new_with" "for_stream" "for_shared_stream"))
