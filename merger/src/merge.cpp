#include "policyloc/reflow.h"
