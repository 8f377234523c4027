# cmake -P: policyloc.1 by help2man, with a section for every subcommand (its own --help) and
# the hand-written text of policyloc.h2m (the project's config keys, exit codes, files).
# -DEXE=<policyloc> -DHELP2MAN=<help2man> -DINCLUDE=<policyloc.h2m> -DOUT=<policyloc.1>
set(ENV{LC_ALL} C)
set(ENV{LANGUAGE} "")
execute_process(COMMAND ${EXE} --help OUTPUT_VARIABLE top RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "${EXE} --help failed")
endif()
# The subcommands, as the program lists them after "Subcommands:".
string(REGEX REPLACE ".*\nSubcommands:\n" "" listing "${top}")
string(REGEX MATCHALL "(^|\n)  [a-z]+" names "${listing}")
file(READ ${INCLUDE} text)
string(APPEND text "\n[SUBCOMMANDS]\n")
foreach(name ${names})
  string(STRIP "${name}" name)
  execute_process(COMMAND ${EXE} ${name} --help OUTPUT_VARIABLE help RESULT_VARIABLE rc)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "${EXE} ${name} --help failed")
  endif()
  string(REPLACE "\\" "\\e" help "${help}")
  string(REGEX REPLACE "(^|\n)([.'])" "\\1\\\\&\\2" help "${help}")
  string(APPEND text ".SS \"policyloc ${name}\"\n.nf\n${help}.fi\n")
endforeach()
get_filename_component(dir ${OUT} DIRECTORY)
file(WRITE ${dir}/policyloc-man.h2m "${text}")
execute_process(
  COMMAND ${HELP2MAN} --no-info --no-discard-stderr --section=1
          "--name=localize Markdown policy pages through PO and XLIFF catalogs"
          --include=${dir}/policyloc-man.h2m --output=${OUT} ${EXE}
  RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "help2man failed")
endif()
