; id: rust.ast.fuzz-bench-harness
; role: tool
; weight: 5
; why: declares a fuzz target or benchmark harness (fuzz_target!, criterion_main!, iai::main!): a fuzz or bench binary
(macro_invocation
  macro: [(identifier) @_m (scoped_identifier name: (identifier) @_m)] @signal
  (#any-of? @_m "fuzz_target" "fuzz" "criterion_main" "criterion_group" "library_benchmark_group" "main_benchmark"))

(macro_invocation
  macro: (scoped_identifier
    path: (identifier) @_p
    name: (identifier) @_m) @signal
  (#any-of? @_p "iai" "iai_callgrind" "divan")
  (#eq? @_m "main"))
