0; id: go.ast.sync-pool
; role: data-path
; weight: 1.5
; why: recycles objects or buffers through sync.Pool: allocation and GC pressure matter on this path
(qualified_type
  package: (package_identifier) @_pkg
  name: (type_identifier) @_t
  (#eq? @_pkg "sync")
  (#eq? @_t "Pool")) @signal
