; id: rust.ast.kube-api
; role: control-plane
; weight: 2
; why: opens typed Kubernetes API handles or watchers (Api::namespaced, Api::all, watcher(...)): reads and writes cluster state
(call_expression
  function: (scoped_identifier
    path: [(identifier) @_t (generic_type type: (type_identifier) @_t)]
    name: (identifier) @_n) @signal
  (#eq? @_t "Api")
  (#any-of? @_n "namespaced" "all" "default_namespaced" "namespaced_with" "all_with" "default_namespaced_with"))

(call_expression
  function: [(identifier) @_n
             (scoped_identifier name: (identifier) @_n)] @signal
  arguments: (arguments) @_args
  (#any-of? @_n "watcher" "metadata_watcher" "reflector")
  (#match? @_args "[Cc]onfig|[Aa]pi|[Ss]tore|[Ww]riter"))
