; id: go.ast.compiler-directives
; role: data-path
; weight: 1.5
; why: uses low-level compiler directives (go:noescape, go:nosplit, go:linkname): hand-tuned runtime-level code
((comment) @signal
  (#match? @signal "^//go:(noescape|nosplit|linkname|nocheckptr|norace|registerparams|uintptrescapes)"))
