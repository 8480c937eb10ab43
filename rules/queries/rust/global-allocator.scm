; id: rust.ast.global-allocator
; role: data-path
; weight: 1
; why: installs a custom global allocator (#[global_allocator]): allocation cost matters on the hot path
(attribute_item
  (attribute
    (identifier) @_a) @signal
  (#eq? @_a "global_allocator"))
