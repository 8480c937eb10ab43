; id: rust.ast.mmap
; role: data-path
; weight: 2.5
; why: maps files or memory directly (mmap, madvise, memmap2): storage-engine style zero-copy I/O
(call_expression
  function: (scoped_identifier
    name: (identifier) @_n) @signal
  (#any-of? @_n "mmap" "mmap64" "madvise" "posix_madvise" "mlock" "mlockall" "mremap" "msync"))

(call_expression
  function: (scoped_identifier
    path: (identifier) @_t
    name: (identifier) @_n) @signal
  (#any-of? @_t "Mmap" "MmapMut" "MmapOptions" "MmapRaw")
  (#any-of? @_n "map" "map_mut" "map_anon" "map_raw" "new" "map_copy"))
