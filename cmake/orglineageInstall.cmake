# Install rules, the CMake package (orglineageConfig.cmake, version file, targets) for the install
# tree and the build tree, and a pkg-config file. Included from the top-level CMakeLists.txt when
# ORGLINEAGE_INSTALL is on, after every target is defined.
include(CMakePackageConfigHelpers)

set(ORGLINEAGE_CMAKE_DIR ${CMAKE_INSTALL_LIBDIR}/cmake/orglineage)
set(ORGLINEAGE_INSTALL_DATASET_DIR ${CMAKE_INSTALL_DATADIR}/orglineage/nhs-england)

# Only the library: the warnings target is a BUILD_INTERFACE dependency, never installed or exported.
install(TARGETS orglineage EXPORT orglineageTargets
  ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
  LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}
  RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR}
  INCLUDES DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(DIRECTORY ${PROJECT_SOURCE_DIR}/include/ ${ORGLINEAGE_GENERATED_INCLUDE}/ DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}
  FILES_MATCHING PATTERN "*.hpp")

# The shipped dataset, where the CLI and the package config look for it. apps/orglineage installs
# it when the CLI is built; without the CLI it is installed here.
if(NOT TARGET orglineage_cli)
  install(DIRECTORY ${ORGLINEAGE_SOURCE_DATA_DIR} DESTINATION ${CMAKE_INSTALL_DATADIR}/orglineage
    FILES_MATCHING PATTERN "*.yaml" PATTERN "*.csv" PATTERN "*.md")
endif()

# yaml-cpp and libyaml are private dependencies: consumers need it only when the library is static.
get_target_property(ORGLINEAGE_LIBRARY_TYPE orglineage TYPE)
if(ORGLINEAGE_LIBRARY_TYPE STREQUAL "STATIC_LIBRARY")
  set(ORGLINEAGE_STATIC ON)
else()
  set(ORGLINEAGE_STATIC OFF)
endif()

# Install tree.
set(ORGLINEAGE_DATASET_DIR ${ORGLINEAGE_INSTALL_DATASET_DIR})
configure_package_config_file(${CMAKE_CURRENT_LIST_DIR}/orglineageConfig.cmake.in
  ${PROJECT_BINARY_DIR}/cmake-install/orglineageConfig.cmake
  INSTALL_DESTINATION ${ORGLINEAGE_CMAKE_DIR}
  PATH_VARS ORGLINEAGE_DATASET_DIR)
write_basic_package_version_file(${PROJECT_BINARY_DIR}/orglineageConfigVersion.cmake
  VERSION ${PROJECT_VERSION} COMPATIBILITY SameMinorVersion)
install(EXPORT orglineageTargets NAMESPACE orglineage:: DESTINATION ${ORGLINEAGE_CMAKE_DIR})
install(FILES ${PROJECT_BINARY_DIR}/cmake-install/orglineageConfig.cmake
  ${PROJECT_BINARY_DIR}/orglineageConfigVersion.cmake ${CMAKE_CURRENT_LIST_DIR}/FindLibYAML.cmake
  DESTINATION ${ORGLINEAGE_CMAKE_DIR})

# Build tree: find_package(orglineage) with orglineage_DIR=<build dir> uses the library in place.
set(ORGLINEAGE_DATASET_DIR ${ORGLINEAGE_SOURCE_DATA_DIR})
configure_package_config_file(${CMAKE_CURRENT_LIST_DIR}/orglineageConfig.cmake.in
  ${PROJECT_BINARY_DIR}/orglineageConfig.cmake
  INSTALL_DESTINATION ${PROJECT_BINARY_DIR}
  PATH_VARS ORGLINEAGE_DATASET_DIR)
export(EXPORT orglineageTargets NAMESPACE orglineage:: FILE ${PROJECT_BINARY_DIR}/orglineageTargets.cmake)
configure_file(${CMAKE_CURRENT_LIST_DIR}/FindLibYAML.cmake ${PROJECT_BINARY_DIR}/FindLibYAML.cmake COPYONLY)

# pkg-config. The prefix is found from the .pc file's own place, so that an install with
# `cmake --install --prefix` (or a moved one) is described right.
file(RELATIVE_PATH ORGLINEAGE_PC_UP "/prefix/${CMAKE_INSTALL_LIBDIR}/pkgconfig" "/prefix")
string(REGEX REPLACE "/$" "" ORGLINEAGE_PC_UP "${ORGLINEAGE_PC_UP}")
foreach(dir LIBDIR INCLUDEDIR DATADIR)
  if(IS_ABSOLUTE "${CMAKE_INSTALL_${dir}}")
    set(ORGLINEAGE_PC_${dir} "${CMAKE_INSTALL_${dir}}")
  else()
    set(ORGLINEAGE_PC_${dir} "\${prefix}/${CMAKE_INSTALL_${dir}}")
  endif()
endforeach()
# A static library needs its dependencies on every link, a shared one only when a consumer links
# statically itself (--static): yaml-cpp, libyaml and the threads library go in Requires/Libs for the first,
# Requires.private/Libs.private for the second. Either way `pkg-config --libs [--static]` links.
if(ORGLINEAGE_STATIC)
  set(ORGLINEAGE_PC_REQUIRES "Requires: yaml-cpp yaml-0.1")
  set(ORGLINEAGE_PC_REQUIRES_PRIVATE "")
  set(ORGLINEAGE_PC_LIBS_EXTRA " -pthread")
  set(ORGLINEAGE_PC_LIBS_PRIVATE "")
  set(ORGLINEAGE_PC_CFLAGS_EXTRA " -DORGLINEAGE_STATIC_DEFINE")
else()
  set(ORGLINEAGE_PC_REQUIRES "")
  set(ORGLINEAGE_PC_REQUIRES_PRIVATE "Requires.private: yaml-cpp yaml-0.1")
  set(ORGLINEAGE_PC_LIBS_EXTRA "")
  set(ORGLINEAGE_PC_LIBS_PRIVATE "Libs.private: -pthread")
  set(ORGLINEAGE_PC_CFLAGS_EXTRA "")
endif()
configure_file(${CMAKE_CURRENT_LIST_DIR}/orglineage.pc.in ${PROJECT_BINARY_DIR}/orglineage.pc @ONLY)
install(FILES ${PROJECT_BINARY_DIR}/orglineage.pc DESTINATION ${CMAKE_INSTALL_LIBDIR}/pkgconfig)
