; id: go.ast.reconcile
; role: control-plane
; lifecycle: server
; weight: 3
; why: defines a Reconcile function: the heart of a Kubernetes controller or operator
(method_declaration
  name: (field_identifier) @signal
  (#match? @signal "^Reconcile"))

(function_declaration
  name: (identifier) @signal
  (#match? @signal "^Reconcile"))
