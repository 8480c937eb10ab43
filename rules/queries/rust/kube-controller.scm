; id: rust.ast.kube-controller
; role: control-plane
; lifecycle: server
; weight: 3.5
; why: builds a kube-runtime Controller (Controller::new(api, watcher_config)...run(reconcile, ...)): a Kubernetes reconcile loop
(call_expression
  function: (scoped_identifier
    path: [(identifier) @_t (generic_type type: (type_identifier) @_t)]
    name: (identifier) @_n) @signal
  arguments: (arguments) @_args
  (#eq? @_t "Controller")
  (#any-of? @_n "new" "new_with" "for_stream" "for_stream_with" "for_shared_stream" "for_shared_stream_with")
  (#match? @_args ","))
