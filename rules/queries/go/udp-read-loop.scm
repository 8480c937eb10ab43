; id: go.ast.packet-read-loop
; role: data-path
; lifecycle: server
; weight: 2
; why: reads datagrams or packets in a loop: a UDP, DNS or packet-processing server's hot path
(for_statement
  body: (block
    [(short_var_declaration
      right: (expression_list
        (call_expression
          function: (selector_expression field: (field_identifier) @_f)) @signal))
     (assignment_statement
      right: (expression_list
        (call_expression
          function: (selector_expression field: (field_identifier) @_f)) @signal))])
  (#any-of? @_f "ReadFromUDP" "ReadFromUDPAddrPort" "ReadMsgUDP" "ReadMsgUDPAddrPort" "ReadFromIP" "ReadBatch" "Recvmsg" "Recvfrom" "RecvmmsgContext" "ReadPacketData" "ZeroCopyReadPacketData"))
