// GDAL reports problems through a global error handler that prints
// "ERROR 1: ..." on stderr; muster turns them into its own one-line
// messages instead. While a QuietGdal lives, GDAL prints nothing and its last
// message can be read back as the reason.
#pragma once

#include <cpl_error.h>

#include <string>

namespace muster {

class QuietGdal {
public:
    QuietGdal() {
        CPLPushErrorHandler(CPLQuietErrorHandler);
        CPLErrorReset();
    }
    ~QuietGdal() { CPLPopErrorHandler(); }
    QuietGdal(const QuietGdal&) = delete;
    QuietGdal& operator=(const QuietGdal&) = delete;

    // GDAL's last message, or `fallback` when it said nothing.
    [[nodiscard]] static std::string last_message(const char* fallback = "") {
        const char* message = CPLGetLastErrorMsg();
        return message && *message ? message : fallback;
    }
    // " (GDAL's last message)", or "" when it said nothing.
    [[nodiscard]] static std::string reason() {
        const std::string message = last_message();
        return message.empty() ? "" : " (" + message + ")";
    }
};

}  // namespace muster
