; id: rust.ast.buffer-codec
; role: data-path
; weight: 1.5
; why: parses or frames a wire protocol by hand on byte buffers (get_u32, put_slice, split_to, freeze): a protocol engine
(call_expression
  function: (field_expression
    field: (field_identifier) @_f) @signal
  (#match? @_f "^(get|put)_(u8|u16|u32|u64|i8|i16|i32|i64|u16_le|u32_le|u64_le|slice)$|^(split_to|freeze|advance_mut|chunk_mut|unsplit)$"))
