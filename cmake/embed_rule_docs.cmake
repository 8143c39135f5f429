# Writes ${OUTPUT}: one C initializer {"rule-id", "markdown"} per page docs/rules/RULE.md,
# so SARIF reports carry each rule's documentation (report/rule_docs.c includes it).
# Run at configure time from the top CMakeLists.txt; the pages are configure
# dependencies, so editing one re-runs it.
function(nullproof_embed_rule_docs DOCS_DIR OUTPUT)
  file(GLOB _pages CONFIGURE_DEPENDS ${DOCS_DIR}/*.md)
  list(SORT _pages)
  set(_text "/* Generated from docs/rules/RULE.md by cmake/embed_rule_docs.cmake. */\n")
  foreach(_page ${_pages})
    set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS ${_page})
    get_filename_component(_id ${_page} NAME_WE)
    file(READ ${_page} _markdown)
    string(REPLACE "\\" "\\\\" _markdown "${_markdown}")
    string(REPLACE "\"" "\\\"" _markdown "${_markdown}")
    string(REPLACE "?" "\\?" _markdown "${_markdown}") # no trigraphs under -std=c11
    string(REPLACE "\n" "\\n\"\n     \"" _markdown "${_markdown}")
    string(APPEND _text "    {\"${_id}\",\n     \"${_markdown}\"},\n")
  endforeach()
  set(_old "")
  if(EXISTS ${OUTPUT})
    file(READ ${OUTPUT} _old)
  endif()
  if(NOT _old STREQUAL _text) # unchanged pages: no rebuild
    file(WRITE ${OUTPUT} "${_text}")
  endif()
endfunction()
