1; id: rust.ast.atomic-cas
; role: data-path
; weight: 1.5
; why: coordinates threads with compare-and-swap on atomics instead of locks: lock-free, contention-sensitive code
(call_expression
  function: (field_expression
    field: (field_identifier) @_f) @signal
  (#any-of? @_f "compare_exchange" "compare_exchange_weak" "compare_and_swap" "fetch_update"))
