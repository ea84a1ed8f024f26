# SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
#
# hvgate top-level build. `make help` lists the targets.
#
# Everything is built under build/. The configuration is .config
# (kconfig-frontends); build/include/hvgate/autoconf.h is generated from it
# and is the only place lib/ gets CONFIG_* values from.

B		:= build
PREFIX		?= /usr/local
DESTDIR		?=
CC		:= gcc
CLANG		?= clang
CROSS_AARCH64	?= aarch64-linux-gnu-
PYTHON		?= python3
COV_LINES_MIN	?= 100
COV_BRANCHES_MIN ?= 95

# kbuild-style output: `make V=1` prints the full commands.
ifeq ($(V),1)
Q		:=
quiet		= @:
else
Q		:= @
quiet		= @printf '  %-8s %s\n'
endif

# Goals that must not need a configuration.
NOCONFIG_GOALS	:= defconfig menuconfig olddefconfig savedefconfig clean \
		   distclean help model
ifneq ($(filter-out $(NOCONFIG_GOALS),$(or $(MAKECMDGOALS),all)),)
-include $(B)/kconfig/auto.conf
endif

# ---- the library: one line per module, selected by Kconfig --------------
lib-y				:= error.o check.o msr_bitmap.o msr_names.o
lib-$(CONFIG_HVGATE_LBR)	+= lbr.o
lib-$(CONFIG_HVGATE_XFD)	+= xfd.o
lib-$(CONFIG_HVGATE_ARM64_DEBUG)	+= arm64_debug.o
lib-$(CONFIG_HVGATE_AUTOLOAD)	+= autoload.o
lib-$(CONFIG_HVGATE_VMX_NESTED)	+= vmcs.o vmentry.o vmentry_early.o

LIB_OBJS	= $(lib-y)

# ---- tests, tools and benchmarks -----------------------------------------
tests-y				:= check_main.o check_core.o \
				   check_msr_bitmap.o check_tools.o tool_test.o
tests-$(CONFIG_HVGATE_LBR)	+= check_lbr.o
tests-$(CONFIG_HVGATE_XFD)	+= check_xfd.o
tests-$(CONFIG_HVGATE_ARM64_DEBUG)	+= check_arm64_debug.o
tests-$(CONFIG_HVGATE_AUTOLOAD)	+= check_autoload.o
tests-$(CONFIG_HVGATE_VMX_NESTED)	+= check_vmentry_embedded.o \
					   vectors/vmentry_replay.o
tests-$(CONFIG_HVGATE_VMX_NESTED)	+= check_vmcs.o check_vmentry.o vectors.o \
					   check_vmentry_prop.o check_vmentry_early.o \
					   check_vmcheck.o
bench-y				:= bench_main.o bench_common.o bench_msr_bitmap.o
bench-$(CONFIG_HVGATE_LBR)	+= bench_lbr.o
bench-$(CONFIG_HVGATE_XFD)	+= bench_xfd.o
bench-$(CONFIG_HVGATE_ARM64_DEBUG)	+= bench_arm64_debug.o
bench-$(CONFIG_HVGATE_AUTOLOAD)	+= bench_autoload.o
bench-$(CONFIG_HVGATE_VMX_NESTED)	+= bench_vmentry.o
bare-y				:= glue-bare/bare_msr_bitmap.c
bare-$(CONFIG_HVGATE_VMX_NESTED)	+= glue-bare/bare_vmentry.c \
				   tests/vectors/vmentry_replay.c \
				   $(B)/vectors/vmentry_vectors.c
bare-aarch64-$(CONFIG_HVGATE_ARM64_DEBUG) += glue-bare/bare_arm64_debug.c \
				   glue-bare/a64_exec.c
tool-msrmap			:= msrmap.o
tool-vmcheck-$(CONFIG_HVGATE_VMX_NESTED) := vmcheck.o vmcheck_input.o vmcheck_profiles.o

# ---- flags ----------------------------------------------------------------
# Kernel dialect: gnu11, no strict aliasing (lib/ reads maps as u64 words),
# warnings are errors for gcc and clang alike.
WARN		:= -Wall -Wextra -Werror -Wmissing-prototypes \
		   -Wstrict-prototypes -Wshadow -Wvla -Wundef \
		   -Wdeclaration-after-statement
BASE_CFLAGS	:= -std=gnu11 -g -fno-strict-aliasing $(WARN)
HOSTED_INC	:= -Itests/env -Iinclude -I$(B)/include
FREE_INC	:= -Iglue-bare -Iinclude -I$(B)/include -Itests
FREE_CFLAGS	:= -std=gnu11 -O2 -fno-strict-aliasing $(WARN) \
		   -ffreestanding -nostdlib -fno-builtin -fno-pic -fno-pie \
		   -fno-stack-protector -mgeneral-regs-only
CHECK_LIBS	:= $(shell pkg-config --libs check 2>/dev/null)
DEPFLAGS	= -MMD -MP -MF $(@:.o=.d)

AUTOCONF	:= $(B)/include/hvgate/autoconf.h

.PHONY: all lib tools check unit warnings check-valgrind coverage checkpatch \
	bench fuzz freestanding bare-check module kunit model config-matrix demo install \
	defconfig menuconfig olddefconfig savedefconfig clean distclean help

all: lib tools

help:
	@echo 'hvgate targets:'
	@echo '  all            libhvgate.a and the tools (default)'
	@echo '  demo           the tools on the bundled examples'
	@echo '  check          Check suites, clang/gcc warnings, freestanding links,'
	@echo '                 bare-check, coverage and checkpatch'
	@echo '  check-valgrind Check suites under valgrind memcheck'
	@echo '  coverage       lcov line/branch coverage of lib/ (coverage/html)'
	@echo '  checkpatch     checkpatch.pl --no-tree over lib/ include/ glue-linux/'
	@echo '  bench          instructions (callgrind) and ns per operation'
	@echo '  fuzz           libFuzzer+ASan+UBSan, FUZZ_SECONDS per target'
	@echo '  freestanding   link lib/ with -ffreestanding for x86-64 and aarch64'
	@echo '  bare-check     boot the freestanding lib/ under QEMU (x86-64, arm64 EL2)'
	@echo '  module         out-of-tree kernel module against linux-headers-amd64'
	@echo '  kunit          KUnit suite in UML, linux-source-6.1 tree'
	@echo '  config-matrix  unit tests with all modules off, all on, each one off'
	@echo '  model          spin models of the concurrent protocols (tests/model)'
	@echo '  install        PREFIX=$(PREFIX) DESTDIR=$(DESTDIR)'
	@echo '  defconfig menuconfig olddefconfig savedefconfig'

# ---- configuration ---------------------------------------------------------
# KCONFIG_CONFIG names another answers file, as in the kernel build.
CONFIG_FILE	:= $(abspath $(or $(KCONFIG_CONFIG),.config))
KCONF_ENV = srctree=$(CURDIR) KCONFIG_CONFIG=$(CONFIG_FILE)

$(CONFIG_FILE):
	@$(MAKE) -s defconfig

defconfig:
	$(KCONF_ENV) kconfig-conf --defconfig=configs/defconfig Kconfig >/dev/null
	@echo 'configured $(CONFIG_FILE) from configs/defconfig'

menuconfig:
	$(KCONF_ENV) kconfig-mconf Kconfig

olddefconfig:
	$(KCONF_ENV) kconfig-conf --olddefconfig Kconfig

savedefconfig: $(CONFIG_FILE)
	$(KCONF_ENV) kconfig-conf --savedefconfig=configs/defconfig Kconfig

# kconfig-conf writes include/config/ under its working directory.
$(B)/kconfig/auto.conf $(AUTOCONF): $(CONFIG_FILE) Kconfig lib/Kconfig
	@mkdir -p $(B)/kconfig/include/config $(B)/include/hvgate
	$(quiet) KCONFIG $(AUTOCONF)
	$(Q)cd $(B)/kconfig && $(KCONF_ENV) \
		KCONFIG_AUTOCONFIG=$(CURDIR)/$(B)/kconfig/auto.conf \
		KCONFIG_AUTOHEADER=$(CURDIR)/$(AUTOCONF) \
		kconfig-conf --silentoldconfig $(CURDIR)/Kconfig
	@touch $(B)/kconfig/auto.conf $(AUTOCONF)

# ---- hosted library -------------------------------------------------------
HOSTED_LIB	= $(addprefix $(B)/hosted/lib/,$(LIB_OBJS))
COV_LIB		= $(addprefix $(B)/cov/lib/,$(LIB_OBJS))

$(B)/hosted/lib/%.o: lib/%.c $(AUTOCONF)
	@mkdir -p $(@D)
	$(quiet) CC $@
	$(Q)$(CC) $(BASE_CFLAGS) -O2 $(HOSTED_INC) $(DEPFLAGS) -c $< -o $@

$(B)/cov/lib/%.o: lib/%.c $(AUTOCONF)
	@mkdir -p $(@D)
	$(quiet) CC $@
	$(Q)$(CC) $(BASE_CFLAGS) -O0 --coverage $(HOSTED_INC) $(DEPFLAGS) -c $< -o $@

$(B)/libhvgate.a: $(HOSTED_LIB)
	$(quiet) AR $@
	$(Q)rm -f $@ && ar rcs $@ $^

lib: $(B)/libhvgate.a

$(B)/hosted/env.o: tests/env/env.c $(AUTOCONF)
	@mkdir -p $(@D)
	$(quiet) CC $@
	$(Q)$(CC) $(BASE_CFLAGS) -O2 $(HOSTED_INC) $(DEPFLAGS) -c $< -o $@

# ---- tools ---------------------------------------------------------------
TOOLS		:= $(B)/tools/hvgate-msrmap
TOOLS-$(CONFIG_HVGATE_VMX_NESTED) += $(B)/tools/hvgate-vmcheck

$(B)/tools/%.o: tools/%.c $(AUTOCONF)
	@mkdir -p $(@D)
	$(quiet) CC $@
	$(Q)$(CC) $(BASE_CFLAGS) -O2 $(HOSTED_INC) -Itools $(DEPFLAGS) -c $< -o $@

$(B)/tools/hvgate-msrmap: $(B)/tools/hvgate-msrmap.o \
		$(addprefix $(B)/tools/,$(tool-msrmap)) $(B)/libhvgate.a \
		$(B)/hosted/env.o
	$(quiet) LD $@
	$(Q)$(CC) -o $@ $^

$(B)/tools/hvgate-vmcheck: $(B)/tools/hvgate-vmcheck.o \
		$(addprefix $(B)/tools/,$(tool-vmcheck-y)) $(B)/libhvgate.a \
		$(B)/hosted/env.o
	$(quiet) LD $@
	$(Q)$(CC) -o $@ $^

tools: $(TOOLS) $(TOOLS-y)

demo: $(TOOLS) $(TOOLS-y)
	@echo '== hvgate-msrmap: a VMX MSR bitmap as KVM sets it up for a 64-bit guest'
	$(Q)$(B)/tools/hvgate-msrmap examples/vmx-msr-bitmap.bin
	@echo
	@echo '== hvgate-msrmap: an SVM MSR permission map with a stray reserved bit'
	$(Q)$(B)/tools/hvgate-msrmap examples/svm-msrpm.bin
	@echo
	@echo '== hvgate-vmcheck: a nested VMLAUNCH that failed with VMfailValid(7), Skylake i7-6700K capabilities'
	$(Q)$(B)/tools/hvgate-vmcheck --cpu skylake-i7-6700k examples/vmlaunch-failed.dump || test $$? -eq 1

# ---- Check suites ----------------------------------------------------------
TEST_OBJS	= $(addprefix $(B)/tests/,$(tests-y))
TOOL_OBJS	= $(addprefix $(B)/tools/,$(tool-msrmap) $(tool-vmcheck-y))

$(B)/tests/%.o: tests/%.c $(AUTOCONF)
	@mkdir -p $(@D)
	$(quiet) CC $@
	$(Q)$(CC) $(BASE_CFLAGS) -O1 $(HOSTED_INC) -Itools -Itests $(DEPFLAGS) \
		-DHVG_SRCDIR='"$(CURDIR)"' -c $< -o $@

# The VM-entry vectors in embedded form (tests/vectors/vmentry_vec.h), for
# the bare-metal runner and KUnit; the Check suite replays them too.
VEC_C		:= $(B)/vectors/vmentry_vectors.c
vec-obj-$(CONFIG_HVGATE_VMX_NESTED) := $(B)/tests/vmentry_vectors.o

$(B)/tests/vec2c: $(B)/tests/vec2c.o $(B)/tests/vectors.o \
		$(addprefix $(B)/tools/,$(tool-vmcheck-y)) $(HOSTED_LIB) \
		$(B)/hosted/env.o
	$(quiet) LD $@
	$(Q)$(CC) -o $@ $^ $(CHECK_LIBS)

$(VEC_C): $(B)/tests/vec2c $(wildcard tests/vectors/*.vec)
	@mkdir -p $(@D)
	$(quiet) VEC2C $@
	$(Q)$(B)/tests/vec2c tests/vectors $@ >/dev/null

$(B)/tests/vmentry_vectors.o: $(VEC_C)
	$(quiet) CC $@
	$(Q)$(CC) $(BASE_CFLAGS) -O0 $(HOSTED_INC) -Itests -c $< -o $@

$(B)/tests/check-runner: $(TEST_OBJS) $(TOOL_OBJS) $(HOSTED_LIB) \
		$(vec-obj-y) $(B)/hosted/env.o
	$(quiet) LD $@
	$(Q)$(CC) -o $@ $^ $(CHECK_LIBS)

$(B)/cov/check-runner: $(TEST_OBJS) $(TOOL_OBJS) $(COV_LIB) $(vec-obj-y) \
		$(B)/hosted/env.o
	$(quiet) LD $@
	$(Q)$(CC) --coverage -o $@ $^ $(CHECK_LIBS)

unit: $(B)/tests/check-runner
	$(Q)$(B)/tests/check-runner

# The quick layers; valgrind, bench, module and kunit are separate (.ci/run).
check: unit warnings freestanding bare-check coverage checkpatch

check-valgrind: $(B)/tests/check-runner
	$(Q)CK_FORK=no valgrind -q --error-exitcode=1 --leak-check=full \
		--errors-for-leak-kinds=definite,indirect \
		$(B)/tests/check-runner

coverage: $(B)/cov/check-runner
	@mkdir -p coverage
	@find $(B)/cov -name '*.gcda' -delete
	$(Q)CK_FORK=no $(B)/cov/check-runner >/dev/null
	@lcov -q --config-file coverage/lcovrc --capture \
		--directory $(B)/cov/lib --base-directory $(CURDIR) \
		-o coverage/all.info 2>/dev/null
	@lcov -q --config-file coverage/lcovrc --extract coverage/all.info \
		'$(CURDIR)/lib/*' -o coverage/lib.info 2>/dev/null
	@genhtml -q --config-file coverage/lcovrc -o coverage/html \
		coverage/lib.info 2>/dev/null
	@$(PYTHON) scripts/coverage-summary coverage/lib.info \
		$(COV_LINES_MIN) $(COV_BRANCHES_MIN)

# ---- clang: the same sources must be warning-free under both compilers ------
CLANG_SRCS	= $(addprefix lib/,$(LIB_OBJS:.o=.c)) \
		  $(addprefix tests/,$(tests-y:.o=.c)) \
		  $(addprefix tests/bench/,$(bench-y:.o=.c)) \
		  $(addprefix tools/,$(tool-msrmap:.o=.c)) tools/hvgate-msrmap.c \
		  $(addprefix tools/,$(tool-vmcheck-y:.o=.c)) tools/hvgate-vmcheck.c \
		  $(if $(vec-obj-y),tests/vec2c.c) \
		  tests/env/env.c

warnings: $(AUTOCONF)
	@mkdir -p $(B)/clang
	@set -e; for f in $(CLANG_SRCS); do \
		$(CLANG) $(BASE_CFLAGS) -O2 $(HOSTED_INC) -Itools -Itests \
			-DHVG_SRCDIR='"$(CURDIR)"' -fsyntax-only $$f; \
	done
	@echo 'clang -Wall -Wextra -Werror: $(words $(CLANG_SRCS)) files clean'

# ---- freestanding ----------------------------------------------------------
FREE_SRCS	= $(addprefix lib/,$(LIB_OBJS:.o=.c)) glue-bare/env.c \
		  glue-bare/free_main.c
# Sources for one architecture only (executors with inline assembly).
free-aarch64-$(CONFIG_HVGATE_ARM64_DEBUG) += glue-bare/a64_exec.c

define free_arch
$(B)/free-$(1)/%.o: %.c $(AUTOCONF)
	@mkdir -p $$(@D)
	$$(quiet) CC $$@
	$$(Q)$(2)gcc $(FREE_CFLAGS) $(3) $(FREE_INC) -fno-tree-loop-distribute-patterns \
		$$(DEPFLAGS) -c $$< -o $$@

$(B)/free-$(1)/hvgate-free.elf: $$(addprefix $(B)/free-$(1)/,$$(FREE_SRCS:.c=.o) \
		$$(free-$(1)-y:.c=.o))
	$$(quiet) LD $$@
	$$(Q)$(2)gcc -nostdlib -static -ffreestanding -Wl,--no-undefined \
		-Wl,-e,hvg_free_start -o $$@ $$^
	@test -z "$$$$($(2)nm -u $$@)" || \
		{ echo 'unresolved symbols:'; $(2)nm -u $$@; exit 1; }
	@echo 'freestanding $(1): lib/ linked, no undefined symbol'
endef

$(eval $(call free_arch,x86_64,,-m64 -mno-red-zone -mcmodel=small))
$(eval $(call free_arch,aarch64,$(CROSS_AARCH64),-march=armv8-a -mstrict-align))

freestanding: $(B)/free-x86_64/hvgate-free.elf $(B)/free-aarch64/hvgate-free.elf

# ---- bare metal under QEMU -------------------------------------------------
# The freestanding objects of lib/ plus a boot stub, a console and the KTAP
# runner (glue-bare/bare_tests.c), booted on x86-64 and arm64 (EL2).
BARE_SRCS	= $(addprefix lib/,$(LIB_OBJS:.o=.c)) glue-bare/env.c \
		  glue-bare/ktap.c glue-bare/bare_main.c $(bare-y)

$(B)/free-x86_64/bare.elf: $(addprefix $(B)/free-x86_64/,$(BARE_SRCS:.c=.o)) \
		$(B)/free-x86_64/glue-bare/x86_64/serial.o \
		$(B)/free-x86_64/glue-bare/x86_64/boot.o glue-bare/x86_64/link.ld
	$(quiet) LD $@
	$(Q)ld -m elf_x86_64 -nostdlib --no-warn-rwx-segments \
		-T glue-bare/x86_64/link.ld -o $@ $(filter %.o,$^)

# QEMU's multiboot loader wants a 32-bit ELF file.
$(B)/free-x86_64/bare.elf32: $(B)/free-x86_64/bare.elf
	$(quiet) OBJCOPY $@
	$(Q)objcopy -O elf32-i386 $< $@

$(B)/free-aarch64/bare.elf: $(addprefix $(B)/free-aarch64/,$(BARE_SRCS:.c=.o) \
		$(bare-aarch64-y:.c=.o)) \
		$(B)/free-aarch64/glue-bare/arm64/serial.o \
		$(B)/free-aarch64/glue-bare/arm64/start.o glue-bare/arm64/link.ld
	$(quiet) LD $@
	$(Q)$(CROSS_AARCH64)ld -nostdlib --no-warn-rwx-segments \
		-T glue-bare/arm64/link.ld -o $@ $(filter %.o,$^)

$(B)/free-x86_64/%.o: %.S
	@mkdir -p $(@D)
	$(quiet) AS $@
	$(Q)gcc -m64 -c $< -o $@

$(B)/free-aarch64/%.o: %.S
	@mkdir -p $(@D)
	$(quiet) AS $@
	$(Q)$(CROSS_AARCH64)gcc -c $< -o $@

bare-check: $(B)/free-x86_64/bare.elf32 $(B)/free-aarch64/bare.elf
	$(Q)$(PYTHON) scripts/bare-run x86_64 $(B)/free-x86_64/bare.elf32
	$(Q)$(PYTHON) scripts/bare-run aarch64 $(B)/free-aarch64/bare.elf

# ---- kernel ----------------------------------------------------------------
KVER		= $(shell dpkg-query -W -f='$${Depends}' linux-headers-amd64 \
		    2>/dev/null | sed -E 's/.*linux-headers-([^ ,]+).*/\1/')

module: $(AUTOCONF)
	@test -n "$(KVER)" || { echo 'linux-headers-amd64 missing: run scripts/install-deps'; exit 1; }
	$(Q)$(MAKE) -C /usr/src/linux-headers-$(KVER) M=$(CURDIR)/glue-linux W=1 \
		V=$(or $(V),0) modules 2>&1 | tee $(B)/module.log
	@! grep -E 'warning:|error:' $(B)/module.log
	@echo 'module: glue-linux/hvgate.ko built for $(KVER) with W=1, no warnings'

# Module selection: all off, all on, each module off in turn.
config-matrix:
	$(Q)scripts/config-matrix

# The KUnit module embeds the vectors from $(VEC_C) (glue-linux/
# kunit_vmentry_vecdata.c includes it as build/vectors/...).
kunit: $(AUTOCONF) $(if $(vec-obj-y),$(VEC_C))
	$(Q)scripts/kunit-run $(B)/kunit

# ---- spin models -------------------------------------------------------------
# tests/model/run: a seed*.pml must give a counterexample, the others verify.
model:
	$(Q)tests/model/run $(B)/model

# ---- checkpatch ------------------------------------------------------------
CHECKPATCH	:= $(B)/checkpatch/scripts/checkpatch.pl

KERNEL_DOC	:= $(B)/checkpatch/scripts/kernel-doc

$(CHECKPATCH) $(KERNEL_DOC):
	@mkdir -p $(B)/checkpatch
	$(quiet) UNTAR $(B)/checkpatch
	$(Q)tar -xJf /usr/src/linux-source-6.1.tar.xz -C $(B)/checkpatch \
		--strip-components=1 linux-source-6.1/scripts/checkpatch.pl \
		linux-source-6.1/scripts/spelling.txt \
		linux-source-6.1/scripts/const_structs.checkpatch \
		linux-source-6.1/scripts/kernel-doc

checkpatch: $(CHECKPATCH) $(KERNEL_DOC)
	@out=$$(for f in $$(git ls-files -co --exclude-standard lib include \
			glue-linux); do \
		perl $(CHECKPATCH) --no-tree -f -q --show-types $$f; done); \
	if [ -n "$$out" ]; then echo "$$out"; exit 1; fi
	@echo 'checkpatch: lib/ include/ glue-linux/: 0 errors, 0 warnings'
	$(Q)$(PYTHON) scripts/doc-check $(KERNEL_DOC) \
		$$(git ls-files -co --exclude-standard 'include/*.h' 'lib/*.[ch]' \
			'glue-linux/*.[ch]')

# ---- benchmarks ------------------------------------------------------------
BENCH_OBJS	= $(addprefix $(B)/bench/,$(bench-y))

$(B)/bench/%.o: tests/bench/%.c $(AUTOCONF)
	@mkdir -p $(@D)
	$(quiet) CC $@
	$(Q)$(CC) $(BASE_CFLAGS) -O2 $(HOSTED_INC) -Itests $(DEPFLAGS) -c $< -o $@

$(B)/bench/hvgate-bench: $(BENCH_OBJS) $(HOSTED_LIB) $(B)/hosted/env.o
	$(quiet) LD $@
	$(Q)$(CC) -o $@ $^

bench: $(B)/bench/hvgate-bench
	$(Q)$(PYTHON) scripts/bench-run $(B)/bench/hvgate-bench $(B)/bench

# ---- fuzzing -------------------------------------------------------------
# libFuzzer with ASan and UBSan (clang). `make fuzz` runs each target for
# FUZZ_SECONDS from its seed corpus in tests/fuzz/corpus-<target>/.
FUZZ_SECONDS	?= 20
FUZZ_TARGETS	:= $(patsubst tests/fuzz/%.c,%,$(wildcard tests/fuzz/fuzz_*.c))
FUZZ_CFLAGS	:= -std=gnu11 -g -O1 -fno-strict-aliasing $(WARN) \
		   -fsanitize=fuzzer,address,undefined \
		   -fno-sanitize-recover=undefined $(HOSTED_INC) -Itools -Itests

$(B)/fuzz/%: tests/fuzz/%.c $(addprefix lib/,$(LIB_OBJS:.o=.c)) tests/env/env.c $(AUTOCONF)
	@mkdir -p $(@D)
	$(quiet) FUZZ $@
	$(Q)$(CLANG) $(FUZZ_CFLAGS) -o $@ $< $(addprefix lib/,$(LIB_OBJS:.o=.c)) \
		tests/env/env.c $(fuzz-extra-$*)

fuzz: $(addprefix $(B)/fuzz/,$(FUZZ_TARGETS))
	$(Q)set -e; for t in $(FUZZ_TARGETS); do \
		mkdir -p $(B)/fuzz/corpus-$$t; \
		seeds=; [ -d tests/fuzz/corpus-$$t ] && seeds=tests/fuzz/corpus-$$t; \
		$(B)/fuzz/$$t -max_total_time=$(FUZZ_SECONDS) -print_final_stats=1 \
			$(B)/fuzz/corpus-$$t $$seeds 2>$(B)/fuzz/$$t.log || \
			{ tail -40 $(B)/fuzz/$$t.log; exit 1; }; \
		echo "fuzz $$t: $$(grep -o 'stat::number_of_executed_units: [0-9]*' \
			$(B)/fuzz/$$t.log | grep -o '[0-9]*$$') runs in $(FUZZ_SECONDS) s, no crash"; \
	done

# ---- install ---------------------------------------------------------------
install: $(B)/libhvgate.a $(TOOLS) $(TOOLS-y)
	install -d $(DESTDIR)$(PREFIX)/lib/pkgconfig \
		$(DESTDIR)$(PREFIX)/include/hvgate $(DESTDIR)$(PREFIX)/bin
	install -m 644 $(B)/libhvgate.a $(DESTDIR)$(PREFIX)/lib/
	install -m 644 include/hvgate/*.h $(AUTOCONF) \
		$(DESTDIR)$(PREFIX)/include/hvgate/
	install -m 644 glue-bare/hvgate_kdialect.h $(DESTDIR)$(PREFIX)/include/
	sed 's|"../../glue-bare/hvgate_kdialect.h"|"hvgate_kdialect.h"|' \
		tests/env/hvgate_env.h > $(DESTDIR)$(PREFIX)/include/hvgate_env.h
	install -m 755 $(TOOLS) $(TOOLS-y) $(DESTDIR)$(PREFIX)/bin/
	sed -e 's|@PREFIX@|$(PREFIX)|' scripts/hvgate.pc.in \
		> $(DESTDIR)$(PREFIX)/lib/pkgconfig/hvgate.pc

# ---- cleaning --------------------------------------------------------------
# clean keeps the unpacked kernel tree and its UML build (build/kunit) and
# checkpatch (build/checkpatch): caches that take minutes to recreate.
clean:
	rm -rf $(filter-out $(B)/kunit $(B)/checkpatch,$(wildcard $(B)/*)) \
	       coverage/html coverage/*.info
	rm -f glue-linux/*.o glue-linux/*.ko glue-linux/*.mod glue-linux/*.mod.c \
	      glue-linux/.*.cmd glue-linux/.*.d glue-linux/Module.symvers \
	      glue-linux/modules.order
	rm -rf glue-linux/.tmp_versions

distclean: clean
	rm -rf $(B) .config .config.old

DEP_DIRS	:= $(B)/hosted $(B)/cov $(B)/tests $(B)/tools $(B)/bench \
		   $(B)/free-x86_64 $(B)/free-aarch64
-include $(shell find $(DEP_DIRS) -type f -name '*.d' 2>/dev/null)
