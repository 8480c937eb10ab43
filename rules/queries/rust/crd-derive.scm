; id: rust.ast.crd-derive
; role: control-plane
; weight: 3
; why: defines Kubernetes custom resources (#[derive(CustomResource)], #[kube(...)]): API types of an operator
(attribute_item
  (attribute
    (identifier) @_d
    arguments: (token_tree (identifier) @_t)) @signal
  (#eq? @_d "derive")
  (#eq? @_t "CustomResource"))

(attribute_item
  (attribute
    (identifier) @_k
    arguments: (token_tree)) @signal
  (#eq? @_k "kube"))
