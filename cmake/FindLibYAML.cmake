# Finds libyaml (Debian: libyaml-dev), the C YAML parser whose events the dataset reader streams.
# Defines the imported target LibYAML::LibYAML and LibYAML_FOUND. Installed beside the package
# config, which finds it again for consumers of a static orglineage.
find_package(PkgConfig QUIET)
if(PKG_CONFIG_FOUND)
  pkg_check_modules(PC_LibYAML QUIET yaml-0.1)
endif()
find_path(LibYAML_INCLUDE_DIR yaml.h HINTS ${PC_LibYAML_INCLUDE_DIRS})
find_library(LibYAML_LIBRARY NAMES yaml HINTS ${PC_LibYAML_LIBRARY_DIRS})
include(FindPackageHandleStandardArgs)
find_package_handle_standard_args(LibYAML REQUIRED_VARS LibYAML_LIBRARY LibYAML_INCLUDE_DIR)
if(LibYAML_FOUND AND NOT TARGET LibYAML::LibYAML)
  add_library(LibYAML::LibYAML UNKNOWN IMPORTED)
  set_target_properties(LibYAML::LibYAML PROPERTIES IMPORTED_LOCATION ${LibYAML_LIBRARY}
    INTERFACE_INCLUDE_DIRECTORIES ${LibYAML_INCLUDE_DIR})
endif()
mark_as_advanced(LibYAML_INCLUDE_DIR LibYAML_LIBRARY)
