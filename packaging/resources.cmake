# Report stylesheet (read by ui/report) and translations, attached to the targets defined in ui/ and app/.
qt_add_resources(calens_ui calens_report_resources PREFIX "/calens" BASE ${CMAKE_SOURCE_DIR}/resources
                 FILES ${CMAKE_SOURCE_DIR}/resources/report/report.css)

# English source strings; one .ts per language under resources/translations/. `update_translations`
# refreshes them from the code (lupdate), the build compiles them into :/i18n/calens_<lang>.qm.
file(GLOB_RECURSE CALENS_TR_SOURCES CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/ui/*.cpp ${CMAKE_SOURCE_DIR}/ui/*.h
     ${CMAKE_SOURCE_DIR}/app/*.cpp)
file(GLOB CALENS_TS_FILES CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/resources/translations/*.ts)
qt_add_translations(calens TS_FILES ${CALENS_TS_FILES} SOURCES ${CALENS_TR_SOURCES} RESOURCE_PREFIX "/i18n"
                    LUPDATE_OPTIONS -no-obsolete -locations none)
