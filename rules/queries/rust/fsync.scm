; id: rust.ast.fsync
; role: data-path
; weight: 1
; why: forces writes to stable storage (sync_all, sync_data, fsync): durable logs and storage engines
(call_expression
  function: (field_expression
    field: (field_identifier) @_f) @signal
  (#any-of? @_f "sync_all" "sync_data" "sync_file_range"))

(call_expression
  function: (scoped_identifier
    name: (identifier) @_f) @signal
  (#any-of? @_f "fsync" "fdatasync" "sync_file_range" "syncfs"))
