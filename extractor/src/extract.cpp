#include "policyloc/front_matter.h"
