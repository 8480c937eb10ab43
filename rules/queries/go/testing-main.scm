; id: go.ast.testing-main
; role: tool
; weight: 3
; why: drives the testing package from a main (testing.Benchmark, testing.Main): a test or benchmark runner
(call_expression
  function: (selector_expression
    operand: (identifier) @_pkg
    field: (field_identifier) @_f) @signal
  (#eq? @_pkg "testing")
  (#any-of? @_f "Benchmark" "Main" "MainStart" "RunTests" "RunBenchmarks"))
