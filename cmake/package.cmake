# package.cmake: `cmake --install` and the Debian package made from it by CPack
# (`cpack` in the build folder writes archlint_<version>_<arch>.deb). The binary carries
# its rules and grammars, so the package depends only on the shared libraries it links,
# which dpkg-shlibdeps reads off the binary.
include(GNUInstallDirs)
install(TARGETS archlint RUNTIME DESTINATION "${CMAKE_INSTALL_BINDIR}")
install(FILES README.md DESTINATION "${CMAKE_INSTALL_DOCDIR}")
install(FILES schema/archlint-config.schema.json DESTINATION "${CMAKE_INSTALL_DATADIR}/archlint")
install(DIRECTORY ci-examples/ DESTINATION "${CMAKE_INSTALL_DOCDIR}/ci-examples" USE_SOURCE_PERMISSIONS)

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME archlint)
set(CPACK_PACKAGE_VERSION "${PROJECT_VERSION}")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY
    "architecture linter for Go and Rust services: Rust on the data path, Go on the control plane")
set(CPACK_PACKAGE_CONTACT "archlint maintainers <archlint@localhost>")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION devel)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS git)
include(CPack)
