# One short fuzz run for ctest: the target over a fresh copy of its seed corpus (the repository's
# corpus is only read), for SECONDS; fails on a crash, a leak, a timeout or running out of memory.
# The crashing input is kept under CRASHES/.
# cmake -DFUZZER=... -DSEEDS=... -DWORK=... -DCRASHES=... -DDICT=... -DSECONDS=... -P run_short.cmake
file(REMOVE_RECURSE ${WORK})
file(MAKE_DIRECTORY ${WORK} ${CRASHES})
file(COPY ${SEEDS}/ DESTINATION ${WORK}/corpus)
set(args -max_total_time=${SECONDS} -timeout=10 -rss_limit_mb=2048 -max_len=65536
         -print_final_stats=1 -artifact_prefix=${CRASHES}/)
if(DICT)
  list(APPEND args -dict=${DICT})
endif()
execute_process(COMMAND ${FUZZER} ${args} ${WORK}/corpus RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "${FUZZER} failed (${rc}); the input is under ${CRASHES}/")
endif()
