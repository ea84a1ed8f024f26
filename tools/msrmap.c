// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * hvgate-msrmap: print which MSRs a VMX MSR bitmap (4 KiB) or an SVM MSR
 * permission map (8 KiB) passes through to the guest, by direction, with
 * the MSR's name, and report bits that map no MSR.
 *
 * usage: hvgate-msrmap [--vmx | --svm] FILE
 *
 * The format follows from the file size unless forced; a file of any
 * other size is rejected. All decoding goes through the library
 * (hvg_msrmap_intercepts()), so the tool shows what a hypervisor using
 * hvgate would see.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "hvgate_env.h"
#include <hvgate/hvgate.h>

#include "msrmap.h"

static u8 map_mem[HVG_SVM_MSRPM_SIZE] __attribute__((aligned(8)));

static void usage(FILE *err)
{
	fprintf(err, "usage: hvgate-msrmap [--vmx | --svm] FILE\n"
		     "  FILE: a VMX MSR bitmap (4096 bytes) or an SVM MSR "
		     "permission map (8192 bytes)\n");
}

/* Read the whole file; return its size, or -1 with errno set. */
static long read_file(const char *path, u8 *buf, size_t cap)
{
	FILE *f = fopen(path, "rb");
	size_t n;
	int extra;

	if (!f)
		return -1;
	n = fread(buf, 1, cap, f);
	extra = fgetc(f);
	if (ferror(f)) {
		fclose(f);
		errno = EIO;
		return -1;
	}
	fclose(f);
	return extra == EOF ? (long)n : (long)cap + 1;
}

int msrmap_main(int argc, char **argv, FILE *out, FILE *err)
{
	struct hvg_msrmap map;
	struct hvg_msr_range range;
	const char *path = NULL, *fmt;
	u32 type = 0, idx, i, msr, set, clear;
	unsigned int nr = 0, nr_r = 0, nr_w = 0;
	bool r, w;
	char name[32];
	long size;
	int a;

	for (a = 1; a < argc; a++) {
		if (!strcmp(argv[a], "--vmx")) {
			type = HVG_MSRMAP_VMX;
		} else if (!strcmp(argv[a], "--svm")) {
			type = HVG_MSRMAP_SVM;
		} else if (!strcmp(argv[a], "-h") || !strcmp(argv[a], "--help")) {
			usage(out);
			return MSRMAP_OK;
		} else if (argv[a][0] == '-' || path) {
			usage(err);
			return MSRMAP_BAD_USAGE;
		} else {
			path = argv[a];
		}
	}
	if (!path) {
		usage(err);
		return MSRMAP_BAD_USAGE;
	}

	size = read_file(path, map_mem, sizeof(map_mem));
	if (size < 0) {
		fprintf(err, "hvgate-msrmap: %s: %s\n", path, strerror(errno));
		return MSRMAP_BAD_INPUT;
	}
	if (!type)
		type = size == HVG_VMX_MSR_BITMAP_SIZE ? HVG_MSRMAP_VMX :
		       size == HVG_SVM_MSRPM_SIZE ? HVG_MSRMAP_SVM : 0;
	if (!type || (size_t)size != hvg_msrmap_size(type)) {
		if ((size_t)size > sizeof(map_mem))
			fprintf(err, "hvgate-msrmap: %s: more than %zu bytes",
				path, sizeof(map_mem));
		else
			fprintf(err, "hvgate-msrmap: %s: %ld bytes", path, size);
		fprintf(err, "; a VMX MSR bitmap is 4096 bytes and an SVM MSR "
			"permission map 8192\n");
		return MSRMAP_BAD_INPUT;
	}

	/* Bind the file's bytes as the map; init would reset them. */
	map.bits = map_mem;
	map.type = type;
	fmt = type == HVG_MSRMAP_VMX ? "VMX MSR bitmap" :
				       "SVM MSR permission map";
	fprintf(out, "%s: %s, %ld bytes (a set bit intercepts)\n", path, fmt,
		size);
	fprintf(out, "%-10s  R  W  %s\n", "MSR", "name");

	for (idx = 0; !hvg_msrmap_get_range(type, idx, &range); idx++) {
		for (i = 0; i < range.count; i++) {
			msr = range.first + i;
			r = !hvg_msrmap_intercepts(&map, msr, HVG_MSR_READ);
			w = !hvg_msrmap_intercepts(&map, msr, HVG_MSR_WRITE);
			if (!r && !w)
				continue;
			if (!hvg_msr_name(msr, name, sizeof(name)))
				name[0] = '\0';
			fprintf(out, "0x%08x  %c  %c  %s\n", msr, r ? 'R' : '-',
				w ? 'W' : '-', name);
			nr++;
			nr_r += r;
			nr_w += w;
		}
	}
	fprintf(out, "%u MSRs passed through: %u for reads, %u for writes; "
		"every other MSR is intercepted\n", nr, nr_r, nr_w);

	hvg_msrmap_reserved_bits(&map, &set, &clear);
	if (type == HVG_MSRMAP_VMX)
		fprintf(out, "bits outside the MSR ranges: none (every bit of "
			"the page maps an MSR)\n");
	else
		fprintf(out, "bits outside the MSR ranges (bytes 0x1800-0x1fff, "
			"reserved): %u set, %u clear%s\n", set, clear,
			set && clear ? " (mixed: not written by an "
				       "all-intercept init)" : "");
	return MSRMAP_OK;
}
