; id: rust.ast.ffi-layout
; role: data-path
; weight: 0.5
; why: controls memory layout or symbol names (#[repr(C/packed/align)], #[no_mangle]): FFI and cache-conscious data structures (weak)
(attribute_item
  (attribute
    (identifier) @_a
    arguments: (token_tree (identifier) @_arg)) @signal
  (#eq? @_a "repr")
  (#any-of? @_arg "C" "packed" "align" "simd"))

(attribute_item
  (attribute
    (identifier) @_a) @signal
  (#any-of? @_a "no_mangle" "export_name"))

(attribute_item
  (attribute
    (identifier) @_u
    arguments: (token_tree (identifier) @_a)) @signal
  (#eq? @_u "unsafe")
  (#any-of? @_a "no_mangle" "export_name"))
