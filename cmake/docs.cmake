# docs.cmake: the man page and the bash and zsh completions, written at build time by
# archlint-docgen from the command-line tables (src/cli/cli_spec.c), and where they install.
include(GNUInstallDirs)

file(GLOB AL_DOCGEN_SOURCES CONFIGURE_DEPENDS src/docgen/*.c)
add_executable(archlint-docgen ${AL_DOCGEN_SOURCES})
target_compile_options(archlint-docgen PRIVATE ${AL_WARNINGS})
target_compile_definitions(archlint-docgen PRIVATE AL_VERSION="${PROJECT_VERSION}")
target_link_libraries(archlint-docgen PRIVATE archlint_cli_spec)

set(AL_DOC_DIR "${CMAKE_BINARY_DIR}/doc")
add_custom_command(
  OUTPUT "${AL_DOC_DIR}/archlint.1" "${AL_DOC_DIR}/archlint.1.gz"
         "${AL_DOC_DIR}/archlint.bash" "${AL_DOC_DIR}/_archlint"
  COMMAND ${CMAKE_COMMAND} -E make_directory "${AL_DOC_DIR}"
  COMMAND archlint-docgen man "${AL_DOC_DIR}/archlint.1"
  COMMAND gzip -9nf -k "${AL_DOC_DIR}/archlint.1"
  COMMAND archlint-docgen bash "${AL_DOC_DIR}/archlint.bash"
  COMMAND archlint-docgen zsh "${AL_DOC_DIR}/_archlint"
  DEPENDS archlint-docgen
  COMMENT "Writing the man page and the shell completions")
add_custom_target(archlint-docs ALL DEPENDS "${AL_DOC_DIR}/archlint.1.gz"
                  "${AL_DOC_DIR}/archlint.bash" "${AL_DOC_DIR}/_archlint")

install(FILES "${AL_DOC_DIR}/archlint.1.gz" DESTINATION "${CMAKE_INSTALL_MANDIR}/man1")
install(FILES "${AL_DOC_DIR}/archlint.bash" RENAME archlint
        DESTINATION "${CMAKE_INSTALL_DATADIR}/bash-completion/completions")
install(FILES "${AL_DOC_DIR}/_archlint" DESTINATION "${CMAKE_INSTALL_DATADIR}/zsh/vendor-completions")
