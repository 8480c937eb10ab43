; id: rust.ast.clap-subcommands
; role: control-plane
; lifecycle: command
; weight: 2
; why: declares a subcommand tree (#[derive(Subcommand)], #[command(subcommand)]): a multi-command CLI
(attribute_item
  (attribute
    (identifier) @_d
    arguments: (token_tree (identifier) @_t)) @signal
  (#eq? @_d "derive")
  (#eq? @_t "Subcommand"))

(attribute_item
  (attribute
    (identifier) @_d
    arguments: (token_tree (identifier) @_t)) @signal
  (#any-of? @_d "command" "clap" "structopt")
  (#eq? @_t "subcommand"))
