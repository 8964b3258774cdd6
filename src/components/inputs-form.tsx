import { PAGE_SIZES_KIB } from "../domain/inputs";
import { setField, useFieldIssues } from "../store/calc-store";
import { Field } from "./field";

const KERNEL_CHOICES = [
  { value: "newest", label: "the newest kernel this tool knows" },
  { value: "6.12", label: "Debian 13" },
  { value: "6.8", label: "Ubuntu 24.04" },
  { value: "6.1", label: "Debian 12" },
  { value: "5.15", label: "Ubuntu 22.04" },
  { value: "5.14", label: "RHEL 9" },
  { value: "5.4", label: "Ubuntu 20.04" },
  { value: "4.18", label: "RHEL 8" },
  { value: "3.10", label: "RHEL / CentOS 7" },
  { value: "2.6.32", label: "RHEL / CentOS 6" },
];

/** Bytes per entry, each with where the figure comes from (docs/formulas.md). */
const STRUCT_PRESETS = [
  {
    value: "256",
    label: "256 B: x86-64, 4.x on",
    source: "the x86-64 slab slot on kernels 4.x and later (248 B object aligned to 64 B; measured on 6.18)",
  },
  {
    value: "384",
    label: "384 B: with extensions",
    source:
      "256 B plus the 128 B extension area entries get for NAT, conntrack events, accounting or timestamps",
  },
  {
    value: "320",
    label: "320 B: RHEL 7 (3.10)",
    source: "the slab object of RHEL / CentOS 7 era (3.10) kernels",
  },
  {
    value: "352",
    label: "352 B: the article",
    source: "the figure of the article this calculator grew from",
  },
];

const ARCH_CHOICES = [
  { value: "64", label: "64-bit (x86_64, arm64, ppc64le, …)" },
  { value: "32", label: "32-bit (i686, armv7, mips, …)" },
];

export function InputsForm() {
  const issues = useFieldIssues();
  return (
    <form className="inputs" onSubmit={(event) => event.preventDefault()} aria-labelledby="inputs-heading">
      <h2 id="inputs-heading">Your machine</h2>
      <Field
        name="ram"
        issue={issues.ram}
        hint={
          <>
            MemTotal from <code>free -g</code> or <code>grep MemTotal /proc/meminfo</code>, not the installed
            RAM. Units: B, K, M, G, T (binary); a bare number is GiB.
          </>
        }
      >
        {(control) => (
          <input {...control} type="text" inputMode="decimal" autoComplete="off" spellCheck={false} />
        )}
      </Field>
      <Field name="arch" issue={issues.arch} hint="Pointer width of the kernel: uname -m.">
        {(control) => (
          <select {...control}>
            {ARCH_CHOICES.map((choice) => (
              <option key={choice.value} value={choice.value}>
                {choice.label}
              </option>
            ))}
            {issues.arch && <option value={control.value}>{control.value} (not valid)</option>}
          </select>
        )}
      </Field>
      <Field
        name="ratio"
        issue={issues.ratio}
        hint="nf_conntrack_max ÷ nf_conntrack_buckets. The article uses 4 (the kernel's default until 5.14); the kernel itself uses 1 since 5.15."
      >
        {(control) => (
          <>
            <input {...control} type="text" inputMode="decimal" autoComplete="off" list="ratio-choices" />
            <datalist id="ratio-choices">
              <option value="1" />
              <option value="2" />
              <option value="4" />
              <option value="8" />
            </datalist>
          </>
        )}
      </Field>
      <Field
        name="struct"
        issue={issues.struct}
        hint={
          <>
            On the host: <code>sudo awk &apos;/^nf_conntrack /&#123;print $4&#125;&apos; /proc/slabinfo</code>{" "}
            (object size), or <code>cat /sys/kernel/slab/nf_conntrack/slab_size</code> (with alignment).
          </>
        }
      >
        {(control) => (
          <>
            <input {...control} type="text" inputMode="numeric" autoComplete="off" />
            <div className="presets" role="group" aria-label="Bytes per entry presets">
              {STRUCT_PRESETS.map((preset) => (
                <button
                  key={preset.value}
                  type="button"
                  className="preset"
                  aria-pressed={control.value.trim() === preset.value}
                  title={preset.source}
                  onClick={() => setField("struct", preset.value)}
                >
                  {preset.label}
                </button>
              ))}
            </div>
            <p className="preset-source">
              {STRUCT_PRESETS.find((preset) => preset.value === control.value.trim())?.source ??
                "Your own figure."}
            </p>
          </>
        )}
      </Field>
      <Field
        name="max"
        issue={issues.max}
        hint="Optional: a target nf_conntrack_max of your own. Empty: derived from RAM."
      >
        {(control) => (
          <input {...control} type="text" inputMode="numeric" autoComplete="off" placeholder="from RAM" />
        )}
      </Field>
      <Field
        name="kernel"
        issue={issues.kernel}
        hint={
          <>
            The kernel the config is for: <code>uname -r</code>. The kernel&apos;s own defaults and the config
            follow it.
          </>
        }
      >
        {(control) => (
          <>
            <input {...control} type="text" autoComplete="off" spellCheck={false} list="kernel-choices" />
            <datalist id="kernel-choices">
              {KERNEL_CHOICES.map((choice) => (
                <option key={choice.value} value={choice.value} label={choice.label} />
              ))}
            </datalist>
          </>
        )}
      </Field>
      <Field
        name="page"
        issue={issues.page}
        hint={
          <>
            <code>getconf PAGESIZE</code>: 4 KiB on x86; arm64 and ppc64le kernels may use 16 or 64 KiB, which
            rounds tables to larger steps.
          </>
        }
      >
        {(control) => (
          <select {...control}>
            {PAGE_SIZES_KIB.map((kib) => (
              <option key={kib} value={String(kib)}>
                {kib} KiB
              </option>
            ))}
            {issues.page && <option value={control.value}>{control.value} (not valid)</option>}
          </select>
        )}
      </Field>
    </form>
  );
}
