; id: rust.ast.tokio-main
; role: data-path
; weight: 0.5
; why: starts an async runtime in main (#[tokio::main]): typical of network servers (very weak: controllers do too)
(attribute_item
  (attribute
    (scoped_identifier
      path: (identifier) @_rt
      name: (identifier) @_m)) @signal
  (#any-of? @_rt "tokio" "async_std" "actix_rt" "monoio" "glommio" "compio" "ntex")
  (#eq? @_m "main"))
