; id: go.ast.cobra-command
; role: control-plane
; lifecycle: command
; weight: 1.5
; why: declares cobra commands (cobra.Command{...}): builds a CLI command tree
(composite_literal
  type: (qualified_type
    package: (package_identifier) @_pkg
    name: (type_identifier) @_t) @signal
  (#eq? @_pkg "cobra")
  (#eq? @_t "Command"))
