#include "geodata/gdal_offline.hpp"

#include <cpl_conv.h>
#include <cpl_http.h>
#include <cpl_string.h>
#include <ogr_srs_api.h>

#include <mutex>

namespace muster {
namespace {

// Every fetch fails: a result that says why, and no data.
CPLHTTPResult* refuse_fetch(const char* /*url*/, CSLConstList /*options*/, GDALProgressFunc /*progress*/,
                            void* /*progress_arg*/, CPLHTTPFetchWriteFunc /*write*/, void* /*write_arg*/,
                            void* /*user_data*/) {
    auto* result = static_cast<CPLHTTPResult*>(CPLCalloc(1, sizeof(CPLHTTPResult)));
    result->nStatus = 1;
    result->pszErrBuf = CPLStrdup(gdal_offline_message);
    return result;
}

}  // namespace

void keep_gdal_offline() {
    static std::once_flag once;
    std::call_once(once, [] {
        CPLHTTPSetFetchCallback(refuse_fetch, nullptr);
        // Config options win over the environment: a user's GDAL_HTTP_PROXY
        // or CPL_VSIL_CURL_ALLOWED_EXTENSIONS cannot open the way again.
        CPLSetConfigOption("GDAL_HTTP_PROXY", "127.0.0.1:9");
        CPLSetConfigOption("GDAL_HTTPS_PROXY", "127.0.0.1:9");
        CPLSetConfigOption("GDAL_HTTP_MAX_RETRY", "0");
        CPLSetConfigOption("GDAL_HTTP_TIMEOUT", "1");
        CPLSetConfigOption("GDAL_HTTP_CONNECTTIMEOUT", "1");
        CPLSetConfigOption("CPL_VSIL_CURL_ALLOWED_EXTENSIONS", ".muster-no-network");
        CPLSetConfigOption("LIBKML_EXTERNAL_STYLE", "NO");
        CPLSetConfigOption("LIBKML_RESOLVE_STYLE", "NO");
        OSRSetPROJEnableNetwork(FALSE);
    });
}

}  // namespace muster
