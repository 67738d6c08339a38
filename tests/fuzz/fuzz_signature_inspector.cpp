// libFuzzer harness: hostile PDFs through the verifier (signature fields, ByteRange, CMS, revisions, differences).
#include "FuzzInput.h"

#include "pdf/SignatureInspector.h"

#include <cstdint>

using namespace ikkatsu;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    // Only the entry point: the report's shape is the verifier's business and may change with it.
    (void)SignatureInspector::inspectFile(fuzz::inputFile(data, size), {});
    return 0;
}
