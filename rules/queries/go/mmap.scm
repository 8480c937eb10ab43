; id: go.ast.mmap
; role: data-path
; weight: 3
; why: maps files or memory directly (mmap, madvise, mlock): storage-engine style zero-copy I/O
(call_expression
  function: (selector_expression
    operand: (identifier) @_pkg
    field: (field_identifier) @_f) @signal
  (#any-of? @_pkg "syscall" "unix")
  (#any-of? @_f "Mmap" "Munmap" "Madvise" "Mlock" "Mlockall" "Mremap" "Msync"))
