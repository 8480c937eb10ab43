1; id: rust.ast.clap-parser
; role: control-plane
; weight: 0.5
; why: derives a command-line parser (#[derive(Parser)], #[derive(StructOpt)]): very weak, servers take flags too
(attribute_item
  (attribute
    (identifier) @_d
    arguments: (token_tree (identifier) @_t)) @signal
  (#eq? @_d "derive")
  (#any-of? @_t "Parser" "StructOpt" "FromArgs"))
