/* Linked into muster and muster_tests only in the sanitizer build
 * (-DMUSTER_SANITIZE=ON): a dlclose() that leaves libraries loaded.
 *
 * Why: SDL unloads libEGL/libGL when its video subsystem quits, and libEGL
 * unloads Mesa's driver (libgallium/swrast_dri.so) on eglTerminate. What those
 * libraries allocated for the life of the process is then no longer reachable
 * from their (unmapped) globals, and LeakSanitizer reports it as leaked from
 * "<unknown module>" - a stack no suppression can name. With the libraries
 * kept loaded, the same run reports nothing. It hides no leak of muster's own:
 * muster never calls dlclose() itself, and a leak in muster's code has muster's
 * frames in its stack whichever libraries stay loaded. */
#include <stddef.h>

int dlclose(void* handle) {
    (void)handle;
    return 0;
}
