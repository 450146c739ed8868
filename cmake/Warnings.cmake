# Warnings for the project's own targets, never for consumers (not exported).
add_library(orglineage_warnings INTERFACE)
if(MSVC)
  target_compile_options(orglineage_warnings INTERFACE /W4 $<$<BOOL:${ORGLINEAGE_WERROR}>:/WX>)
else()
  target_compile_options(orglineage_warnings INTERFACE
    -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Woverloaded-virtual
    $<$<BOOL:${ORGLINEAGE_WERROR}>:-Werror>)
endif()
if(ORGLINEAGE_SANITIZE)
  target_compile_options(orglineage_warnings INTERFACE -fsanitize=${ORGLINEAGE_SANITIZE} -fno-sanitize-recover=all -fno-omit-frame-pointer)
  target_link_options(orglineage_warnings INTERFACE -fsanitize=${ORGLINEAGE_SANITIZE})
endif()
