#include "kiosk/forms/loader.h"

namespace kiosk::forms {

namespace detail {
struct ItemSym;  // a declaration only
}

namespace {
struct ItemSym {  // this file's own
    int x = 0;
};
}  // namespace

struct Loader::Impl {
    const char* text = "struct ItemSym {";
};

class Loader {
public:
    struct ItemSym {  // a member type: Loader::ItemSym
        int y;
    };
};

int count() {
    struct ItemSym {
        int z;
    };
    return ItemSym{1}.z;
}

}  // namespace kiosk::forms
