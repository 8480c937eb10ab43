; id: go.ast.fsync
; role: data-path
; weight: 1
; why: forces writes to stable storage (File.Sync, fsync, fdatasync): durable logs and storage engines
(call_expression
  function: (selector_expression
    operand: (_) @_recv
    field: (field_identifier) @_f) @signal
  arguments: (argument_list) @_args
  (#eq? @_f "Sync")
  (#eq? @_args "()")
  (#not-match? @_recv "[Ll]og|(^|\\.)lg$|[Ll]gr$|[Zz]ap|[Ss]ugar|[Ww]riter|[Ee]ncoder|[Cc]ore|[Oo]nce|[Mm]utex|[Gg]roup|[Ww]atcher|[Cc]ache|[Ii]nformer"))

(call_expression
  function: (selector_expression
    operand: (identifier) @_pkg
    field: (field_identifier) @_f) @signal
  (#any-of? @_pkg "syscall" "unix")
  (#any-of? @_f "Fsync" "Fdatasync" "SyncFileRange" "Syncfs"))
