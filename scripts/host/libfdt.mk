# scripts/host/libfdt.mk - where the host's libfdt is, for every host build
# that reads a DTB (build/host/machine-check, the unit tests, the fuzzers).
#
# Owns: HOST_LIBFDT. Only the runtime library of libfdt is installed for
# the host (the -dev package is the arm64 one, for the target): it is
# linked by its full name, in the host's multiarch folder.

HOST_LIBFDT := /usr/lib/$(shell gcc -print-multiarch)/libfdt.so.1
