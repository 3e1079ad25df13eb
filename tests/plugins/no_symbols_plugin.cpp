// A valid shared library that is not an orgplan plugin.
extern "C" __attribute__((visibility("default"))) int not_a_plugin() { return 7; }
