# Pinned tree-sitter grammars, fetched from the npm registry at configure time.
# Each entry: target name, npm package spec, tarball file name npm writes, SHA-512 of that
# tarball (hex form of npm's `dist.integrity`), and the C sources to compile.
# To bump a grammar: change the version, run `npm view NAME@VER dist.integrity`, convert the
# base64 digest to hex (`echo DIGEST | base64 -d | xxd -p -c 64`) and record it here.

set(AL_GRAMMARS go rust toml yaml)

set(AL_GRAMMAR_go_SPEC    "tree-sitter-go@0.23.4")
set(AL_GRAMMAR_go_TARBALL "tree-sitter-go-0.23.4.tgz")
set(AL_GRAMMAR_go_SHA512  "89068712ce3231afe1328fd9086a8b7c6eb51749a28a750b5357c587e199ade091b4aca514bb6f9fbf7ca1c0998cedabfee9e0359800635b3584f17203091cef")
set(AL_GRAMMAR_go_SOURCES parser.c)

set(AL_GRAMMAR_rust_SPEC    "tree-sitter-rust@0.23.3")
set(AL_GRAMMAR_rust_TARBALL "tree-sitter-rust-0.23.3.tgz")
set(AL_GRAMMAR_rust_SHA512  "b8b7592752b6e84b894c1309973d65b53960ee72720184e17e8b9782281fe62c4a39ab0e2f9c0dad10a9b964ec97aac370a9592bd517f9a9e714ba8ffe4721c1")
set(AL_GRAMMAR_rust_SOURCES parser.c scanner.c)

set(AL_GRAMMAR_toml_SPEC    "@tree-sitter-grammars/tree-sitter-toml@0.7.0")
set(AL_GRAMMAR_toml_TARBALL "tree-sitter-grammars-tree-sitter-toml-0.7.0.tgz")
set(AL_GRAMMAR_toml_SHA512  "f3bdca979d7c426e6085b59a748498e35af016379ed2ffb66d4e2dc30bc0c3654025c5b08f6bc1a3717784e0977dba876858aa738aa1e9e2e190c976619252d2")
set(AL_GRAMMAR_toml_SOURCES parser.c scanner.c)

set(AL_GRAMMAR_yaml_SPEC    "@tree-sitter-grammars/tree-sitter-yaml@0.7.0")
set(AL_GRAMMAR_yaml_TARBALL "tree-sitter-grammars-tree-sitter-yaml-0.7.0.tgz")
set(AL_GRAMMAR_yaml_SHA512  "18e3082b721a0ef1020f479912102c2e5d3744cb4cd44f12b71b86327e8fa4c28583b8f243e8d2cf1259e0999cfed622b5a87dfc0102b7ca38b65450e7211942")
set(AL_GRAMMAR_yaml_SOURCES parser.c scanner.c)

# al_fetch_grammar(NAME OUT_SRC_DIR): makes the verified, unpacked `src/` of grammar NAME
# available and returns its path. Tarballs come from ARCHLINT_GRAMMARS_DIR when it holds them
# (offline builds), else from `npm pack`; both are checked against the recorded SHA-512.
function(al_fetch_grammar name out_src_dir)
  set(spec    "${AL_GRAMMAR_${name}_SPEC}")
  set(tarball "${AL_GRAMMAR_${name}_TARBALL}")
  set(want    "${AL_GRAMMAR_${name}_SHA512}")
  set(dl_dir  "${CMAKE_BINARY_DIR}/grammars/download")
  set(unpack  "${CMAKE_BINARY_DIR}/grammars/${name}")
  file(MAKE_DIRECTORY "${dl_dir}")

  if(ARCHLINT_GRAMMARS_DIR AND EXISTS "${ARCHLINT_GRAMMARS_DIR}/${tarball}")
    set(path "${ARCHLINT_GRAMMARS_DIR}/${tarball}")
  else()
    set(path "${dl_dir}/${tarball}")
    if(NOT EXISTS "${path}")
      find_program(NPM_EXECUTABLE npm REQUIRED)
      message(STATUS "archlint: npm pack ${spec}")
      execute_process(
        COMMAND "${NPM_EXECUTABLE}" pack --silent "${spec}" --pack-destination "${dl_dir}"
        RESULT_VARIABLE rc OUTPUT_QUIET ERROR_VARIABLE err)
      if(NOT rc EQUAL 0 OR NOT EXISTS "${path}")
        message(FATAL_ERROR "archlint: cannot fetch grammar ${spec} with npm: ${err}")
      endif()
    endif()
  endif()

  file(SHA512 "${path}" got)
  if(NOT got STREQUAL want)
    file(REMOVE "${dl_dir}/${tarball}")
    message(FATAL_ERROR "archlint: ${path}: SHA-512 mismatch for ${spec} (got ${got})")
  endif()

  if(NOT EXISTS "${unpack}/.verified-${want}")
    file(REMOVE_RECURSE "${unpack}")
    file(MAKE_DIRECTORY "${unpack}")
    file(ARCHIVE_EXTRACT INPUT "${path}" DESTINATION "${unpack}")
    file(WRITE "${unpack}/.verified-${want}" "${spec}\n")
  endif()
  set(${out_src_dir} "${unpack}/package/src" PARENT_SCOPE)
endfunction()
