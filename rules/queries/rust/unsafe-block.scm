; id: rust.ast.unsafe-block
; role: data-path
; weight: 0.5
; why: opts out of the borrow checker in unsafe blocks: usually low-level performance or FFI code (weak)
(unsafe_block) @signal
