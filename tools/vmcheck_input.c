// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * hvgate-vmcheck input: "NAME = value" assignments into a vmcs12, a
 * capability set and an entry environment (tools/vmcheck.h).
 */
#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "vmcheck.h"

void vmcheck_input_init(struct vmcheck_input *in)
{
	memset(in, 0, sizeof(*in));
	hvg_vmx_caps_init(&in->caps);
}

static int parse_u64(const char *s, u64 *v)
{
	char *end;

	if (!*s || *s == '-' || isspace((unsigned char)*s))
		return -1;
	errno = 0;
	*v = strtoull(s, &end, 0);
	return errno || *end ? -1 : 0;
}

static const struct {
	const char *name;
	u32 bit;
} cpu_names[] = {
	{ "CPUID.LA57", HVG_CPU_LA57 },
	{ "CPUID.NX", HVG_CPU_NX },
	{ "CPUID.CET_SS", HVG_CPU_CET_SS },
	{ "CPUID.CET_IBT", HVG_CPU_CET_IBT },
	{ "CPUID.LAM", HVG_CPU_LAM },
	{ "CPUID.SGX", HVG_CPU_SGX },
	{ "CPUID.RTM", HVG_CPU_RTM },
};

static int set_field(struct vmcheck_input *in, const struct hvg_vmcs_field *f,
		     u64 v, char *err, size_t errlen)
{
	u8 *p = (u8 *)&in->vmcs + f->offset;
	u16 v16 = (u16)v;
	u32 v32 = (u32)v;

	if (f->size < 8 && (v >> (8 * f->size))) {
		snprintf(err, errlen, "%s is a %u-bit field", f->name,
			 8 * f->size);
		return -1;
	}
	if (f->size == 2)
		memcpy(p, &v16, 2);
	else if (f->size == 4)
		memcpy(p, &v32, 4);
	else
		memcpy(p, &v, 8);
	in->nr_fields++;
	return 0;
}

static const struct hvg_vmcs_field *field_by_name(const char *name)
{
	const struct hvg_vmcs_field *f;
	u64 enc;
	u32 i;

	for (i = 0; (f = hvg_vmcs_field_at(i)); i++)
		if (!strcasecmp(f->name, name))
			return f;
	if (!strncasecmp(name, "0x", 2) && !parse_u64(name, &enc) &&
	    enc <= 0xffffffffULL && !(enc & HVG_VMCS_ENC_HIGH))
		return hvg_vmcs_field_find((u32)enc);
	return NULL;
}

static int cap_msr_by_name(const char *name, u32 *msr)
{
	char buf[48];
	u32 m;

	for (m = HVG_VMX_CAP_FIRST; m <= HVG_VMX_CAP_LAST; m++)
		if (hvg_msr_name(m, buf, sizeof(buf)) && !strcasecmp(buf, name)) {
			*msr = m;
			return 0;
		}
	return -1;
}

/* Environment facts; @absent removes the fact. */
static int set_env(struct vmcheck_input *in, const char *name,
		   const char *value, bool absent, u64 v, bool num)
{
	struct hvg_vmentry_env *e = &in->env;

	if (!strcasecmp(name, "CURRENT_VMCS_POINTER")) {
		if (absent) {
			e->known &= ~HVG_ENV_VMCS_PTR;
			return 0;
		}
		if (!strcasecmp(value, "none"))
			v = HVG_VMCS_PTR_NONE;
		else if (!num)
			return -1;
		e->vmcs_ptr = v;
		e->known |= HVG_ENV_VMCS_PTR;
		return 0;
	}
	if (!strcasecmp(name, "INSTRUCTION") ||
	    !strcasecmp(name, "LAUNCH_STATE")) {
		bool insn = !strcasecmp(name, "INSTRUCTION");

		if (absent) {
			*(insn ? &in->insn_given : &in->state_given) = false;
		} else if (insn && !strcasecmp(value, "VMLAUNCH")) {
			e->vmresume = false;
			in->insn_given = true;
		} else if (insn && !strcasecmp(value, "VMRESUME")) {
			e->vmresume = true;
			in->insn_given = true;
		} else if (!insn && !strcasecmp(value, "clear")) {
			e->launched = false;
			in->state_given = true;
		} else if (!insn && !strcasecmp(value, "launched")) {
			e->launched = true;
			in->state_given = true;
		} else {
			return -1;
		}
		if (in->insn_given && in->state_given)
			e->known |= HVG_ENV_LAUNCH;
		else
			e->known &= ~HVG_ENV_LAUNCH;
		return 0;
	}
	if (!strcasecmp(name, "MOV_SS_BLOCKING") ||
	    !strcasecmp(name, "IA32_EFER_LMA")) {
		u32 bit = !strcasecmp(name, "IA32_EFER_LMA") ? HVG_ENV_LMA :
							       HVG_ENV_MOV_SS;
		bool *p = bit == HVG_ENV_LMA ? &e->lma : &e->mov_ss_blocking;

		if (absent) {
			e->known &= ~bit;
			return 0;
		}
		if (!num || v > 1)
			return -1;
		*p = v;
		e->known |= bit;
		return 0;
	}
	if (!strcasecmp(name, "VTPR")) {
		if (absent) {
			e->known &= ~HVG_ENV_VTPR;
			return 0;
		}
		if (!num || v > 0xff)
			return -1;
		e->vtpr = (u8)v;
		e->known |= HVG_ENV_VTPR;
		return 0;
	}
	return 1;	/* not an environment name */
}

int vmcheck_assign(struct vmcheck_input *in, const char *name,
		   const char *value, char *err, size_t errlen)
{
	struct hvg_vmx_caps *caps = &in->caps;
	const struct hvg_vmcs_field *f;
	bool absent = !strcasecmp(value, "absent");
	bool num;
	u64 v = 0;
	size_t i;
	u32 msr;
	int r;

	num = !parse_u64(value, &v);

	r = set_env(in, name, value, absent, v, num);
	if (r <= 0) {
		if (r < 0)
			snprintf(err, errlen, "bad value '%s' for %s", value,
				 name);
		return r;
	}
	if (!cap_msr_by_name(name, &msr)) {
		if (absent) {
			caps->present &= ~HVG_VMX_CAP_BIT(msr);
			return 0;
		}
		if (!num)
			goto bad_value;
		hvg_vmx_caps_set_msr(caps, msr, v);
		return 0;
	}
	for (i = 0; i < ARRAY_SIZE(cpu_names); i++) {
		if (strcasecmp(name, cpu_names[i].name))
			continue;
		if (absent) {
			caps->cpu_known &= ~cpu_names[i].bit;
			caps->cpu &= ~cpu_names[i].bit;
			return 0;
		}
		if (!num || v > 1)
			goto bad_value;
		hvg_vmx_caps_set_cpu(caps, cpu_names[i].bit,
				     v ? cpu_names[i].bit : 0);
		return 0;
	}
	if (!strcasecmp(name, "MAXPHYADDR")) {
		if (absent) {
			caps->known &= ~HVG_CAPS_MAXPHYADDR;
			return 0;
		}
		if (!num || v > 64 ||
		    hvg_vmx_caps_set_maxphyaddr(caps, (u32)v))
			goto bad_value;
		return 0;
	}
	if (!strcasecmp(name, "PERF_GLOBAL_CTRL_VALID") ||
	    !strcasecmp(name, "SPEC_CTRL_VALID")) {
		bool perf = !strcasecmp(name, "PERF_GLOBAL_CTRL_VALID");
		u32 bit = perf ? HVG_CAPS_PERF_GLOBAL_CTRL : HVG_CAPS_SPEC_CTRL;

		if (absent) {
			caps->known &= ~bit;
			return 0;
		}
		if (!num)
			goto bad_value;
		*(perf ? &caps->perf_global_ctrl_valid :
			 &caps->spec_ctrl_valid) = v;
		caps->known |= bit;
		return 0;
	}
	if (!strcasecmp(name, "VMCS_REVISION_ID") ||
	    !strcasecmp(name, "VMX_ABORT_INDICATOR")) {
		if (!num || v > 0xffffffffULL)
			goto bad_value;
		*(!strcasecmp(name, "VMCS_REVISION_ID") ?
		  &in->vmcs.revision_id : &in->vmcs.abort_indicator) = (u32)v;
		return 0;
	}
	f = field_by_name(name);
	if (f) {
		if (!num)
			goto bad_value;
		return set_field(in, f, v, err, errlen);
	}
	snprintf(err, errlen, "unknown name '%s'", name);
	return -1;

bad_value:
	snprintf(err, errlen, "bad value '%s' for %s", value, name);
	return -1;
}

static char *trim(char *s)
{
	char *e;

	while (isspace((unsigned char)*s))
		s++;
	e = s + strlen(s);
	while (e > s && isspace((unsigned char)e[-1]))
		*--e = '\0';
	return s;
}

int vmcheck_parse(struct vmcheck_input *in, const char *text,
		  const char *origin, FILE *err)
{
	char line[512], msg[160], *l, *eq, *hash;
	unsigned int nr = 0;
	const char *p = text, *nl;
	size_t n;

	while (*p) {
		nl = strchr(p, '\n');
		n = nl ? (size_t)(nl - p) : strlen(p);
		nr++;
		if (n >= sizeof(line)) {
			fprintf(err, "%s:%u: line too long\n", origin, nr);
			return -1;
		}
		memcpy(line, p, n);
		line[n] = '\0';
		p += n + (nl ? 1 : 0);
		hash = strchr(line, '#');
		if (hash)
			*hash = '\0';
		l = trim(line);
		if (!*l)
			continue;
		eq = strchr(l, '=');
		if (!eq) {
			fprintf(err, "%s:%u: expected NAME = value\n", origin,
				nr);
			return -1;
		}
		*eq = '\0';
		if (vmcheck_assign(in, trim(l), trim(eq + 1), msg,
				   sizeof(msg))) {
			fprintf(err, "%s:%u: %s\n", origin, nr, msg);
			return -1;
		}
	}
	return 0;
}
