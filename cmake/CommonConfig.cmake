# One INTERFACE target carries warnings and strict Qt defines for every target of the project.
add_library(ikkatsu_common INTERFACE)
add_library(Ikkatsu::Common ALIAS ikkatsu_common)

target_compile_features(ikkatsu_common INTERFACE cxx_std_20)
if(MSVC)
    # The Windows workflow's compiler. /utf-8: the sources hold Japanese string literals.
    target_compile_options(ikkatsu_common INTERFACE /W4 /permissive- /utf-8 /Zc:__cplusplus
        $<$<BOOL:${IKKATSU_WERROR}>:/WX>)
    target_compile_definitions(ikkatsu_common INTERFACE NOMINMAX WIN32_LEAN_AND_MEAN)
else()
    target_compile_options(ikkatsu_common INTERFACE
        -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Wcast-align -Wunused -Woverloaded-virtual
        -Wformat=2 -Wimplicit-fallthrough
        $<$<BOOL:${IKKATSU_WERROR}>:-Werror>)
endif()
target_compile_definitions(ikkatsu_common INTERFACE
    QT_NO_CAST_FROM_ASCII
    QT_NO_CAST_TO_ASCII
    QT_NO_CAST_FROM_BYTEARRAY
    QT_NO_CONTEXTLESS_CONNECT
    QT_NO_FOREACH
    QT_NO_NARROWING_CONVERSIONS_IN_CONNECT
    QT_USE_QSTRINGBUILDER
    QT_STRICT_ITERATORS
    QT_DISABLE_DEPRECATED_UP_TO=0x060400
    OPENSSL_API_COMPAT=30000
    OPENSSL_NO_DEPRECATED
    $<$<CONFIG:Debug>:QT_FORCE_ASSERTS>
    $<$<CONFIG:Debug>:_GLIBCXX_ASSERTIONS>)

option(IKKATSU_WERROR "Treat warnings as errors" OFF)
option(IKKATSU_SANITIZE "Build with AddressSanitizer and UndefinedBehaviorSanitizer" OFF)
if(IKKATSU_SANITIZE)
    target_compile_options(ikkatsu_common INTERFACE -fsanitize=address,undefined -fno-omit-frame-pointer)
    target_link_options(ikkatsu_common INTERFACE -fsanitize=address,undefined)
endif()
if(NOT IKKATSU_SANITIZE AND NOT MSVC)
    target_compile_definitions(ikkatsu_common INTERFACE $<$<NOT:$<CONFIG:Debug>>:_FORTIFY_SOURCE=2>)
endif()
