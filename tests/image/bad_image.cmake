# The command line with an image that cannot be used, and a compile that cannot write: each case's
# exit code, standard output and standard error exactly. Run with -DCLI=... -DFIXTURE=DIR -DWORK=DIR.
cmake_minimum_required(VERSION 3.20)
file(REMOVE_RECURSE ${WORK})
file(MAKE_DIRECTORY ${WORK})
file(COPY ${FIXTURE}/ DESTINATION ${WORK}/small)
set(data ${WORK}/small)
set(image ${WORK}/small.olimg)
set(fail "")

# check(NAME RC STDOUT STDERR ARGS...): runs the tool and compares all three.
function(check name rc out err)
  execute_process(COMMAND ${ARGN} RESULT_VARIABLE got_rc OUTPUT_VARIABLE got_out ERROR_VARIABLE got_err)
  if(NOT "${got_rc}" STREQUAL "${rc}")
    string(APPEND fail "${name}: exit ${got_rc}, expected ${rc}\n")
  endif()
  if(NOT "${got_out}" STREQUAL "${out}")
    string(APPEND fail "${name}: stdout\n[${got_out}]\nexpected\n[${out}]\n")
  endif()
  if(NOT "${got_err}" STREQUAL "${err}")
    string(APPEND fail "${name}: stderr\n[${got_err}]\nexpected\n[${err}]\n")
  endif()
  set(fail "${fail}" PARENT_SCOPE)
endfunction()

set(answer "ID       KIND  NAME                 ODS  ONS        FROM        TO          NOTES\npct/5QA  pct   Kernow and West PCT  5QA  E16000901  2006-10-01  2013-03-31  -\n")
set(fix "reading the sources instead (run 'orglineage compile ${data}' to update it)")

execute_process(COMMAND ${CLI} compile ${data} RESULT_VARIABLE rc OUTPUT_QUIET)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "compile failed: ${rc}")
endif()
check("current image" 0 "${answer}" "" ${CLI} --data ${data} resolve 5QA --on 2010-01-01)
check("current image, --version" 0 "orglineage 0.1.0 (library)\ndata cli-fixture 0.0.1-test (${data})\nimage ${image}\n" ""
  ${CLI} --data ${data} --version)

# A source changed since compiling: the sources answer, and the note says how to bring the image up to date.
file(APPEND ${data}/dataset.yaml "# changed\n")
check("stale image" 0 "${answer}"
  "orglineage: note: ${image} is stale ('dataset.yaml' changed since it was compiled); ${fix}\n"
  ${CLI} --data ${data} resolve 5QA --on 2010-01-01)

# A file that is not an image where the image belongs: the same.
file(WRITE ${image} "not an image at all")
set(bad "orglineage: note: ${image} cannot be used (bad compiled image: truncated at offset 19 (the header needs 32 bytes)); ${fix}\n")
check("corrupt image" 0 "${answer}" "${bad}" ${CLI} --data ${data} resolve 5QA --on 2010-01-01)
check("corrupt image, --version" 0 "orglineage 0.1.0 (library)\ndata cli-fixture 0.0.1-test (${data})\n" "${bad}"
  ${CLI} --data ${data} --version)
# Given as the data itself, a bad image is still no reason for --version to fail.
string(ASCII 13 10 26 magic_tail)
file(WRITE ${WORK}/given.olimg "OLIMG${magic_tail} but cut short")
check("bad image as --data, --version" 0 "orglineage 0.1.0 (library)\n"
  "orglineage: note: no data version: ${WORK}/given.olimg: bad compiled image: truncated at offset 22 (the header needs 32 bytes)\n"
  ${CLI} --data ${WORK}/given.olimg --version)

# A compile that cannot write says why, exits 74 and leaves nothing behind.
check("compile into a missing directory" 74 ""
  "orglineage: ${WORK}/none/x.olimg: cannot create a file in '${WORK}/none' (No such file or directory)\n"
  ${CLI} compile ${data} -o ${WORK}/none/x.olimg)
check("compile onto a directory" 74 "" "orglineage: ${WORK}: cannot write: it is a directory\n"
  ${CLI} compile ${data} -o ${WORK})
# A file size limit of 512 bytes makes the write fail half way (SIGXFSZ ignored: write says EFBIG).
# The shell's lines are apart by line ends: a `;` would split the argument as a CMake list.
check("compile that runs out of room" 74 "" "orglineage: ${WORK}/limited.olimg: cannot write (File too large)\n"
  sh -c "trap '' XFSZ\nulimit -f 1\nexec \"$0\" compile \"$1\" -o \"$2\"" ${CLI} ${data} ${WORK}/limited.olimg)
file(GLOB left ${WORK}/.limited* ${WORK}/limited*)
if(left)
  string(APPEND fail "a failed compile left files behind: ${left}\n")
endif()

if(fail)
  message(FATAL_ERROR "${fail}")
endif()
message(STATUS "bad images and failed compiles: all cases as expected")
