; id: rust.ast.reconcile-fn
; role: control-plane
; lifecycle: server
; weight: 3
; why: defines an async reconcile function: drives observed state towards desired state, an operator's core
(function_item
  (function_modifiers) @_mods
  name: (identifier) @signal
  (#match? @_mods "async")
  (#match? @signal "^reconcile"))
