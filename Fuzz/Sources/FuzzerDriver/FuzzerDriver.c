// Header-only module; this file exists because SwiftPM needs a source per C target.
#include "FuzzerDriver.h"
