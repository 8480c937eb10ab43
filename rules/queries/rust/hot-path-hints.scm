; id: rust.ast.hot-path-hints
; role: data-path
; weight: 1
; why: steers code layout and inlining by hand (#[cold], #[inline(always)], likely/unlikely, prefetch): hot-path tuning
(attribute_item
  (attribute
    (identifier) @_a) @signal
  (#eq? @_a "cold"))

(attribute_item
  (attribute
    (identifier) @_a
    arguments: (token_tree (identifier) @_arg)) @signal
  (#eq? @_a "inline")
  (#eq? @_arg "always"))

(call_expression
  function: (scoped_identifier
    name: (identifier) @_n) @signal
  (#any-of? @_n "likely" "unlikely" "prefetch_read_data" "_mm_prefetch" "assume" "assert_unchecked"))
