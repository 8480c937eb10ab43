; id: rust.ast.simd
; role: data-path
; weight: 3
; why: uses SIMD intrinsics, CPU-feature dispatch or inline assembly (std::arch, target_feature, asm!): every cycle counts
(scoped_identifier
  path: (identifier) @_root
  name: (identifier) @_mod
  (#any-of? @_root "std" "core")
  (#any-of? @_mod "arch" "simd")) @signal

(macro_invocation
  macro: (identifier) @_m
  (#match? @_m "^(is_[a-z0-9_]+_feature_detected|asm|global_asm|naked_asm)$")) @signal

(attribute_item
  (attribute
    (identifier) @_a) @signal
  (#eq? @_a "target_feature"))
