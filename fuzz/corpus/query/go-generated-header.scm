0; id: go.ast.emits-generated-code
; role: tool
; weight: 3
; why: writes the "Code generated ... DO NOT EDIT" header into its output: a code generator
([(interpreted_string_literal) (raw_string_literal)] @signal
  (#match? @signal "Code generated .*DO NOT EDIT"))
