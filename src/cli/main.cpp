// muster: news text about military deployments, turned into maps.
#include "cli/commands.hpp"

int main(int argc, char** argv) {
    return muster::cli::run_cli(muster::cli::Words(argv + 1, argv + argc));
}
