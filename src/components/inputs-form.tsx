import { useFieldIssues } from "../store/calc-store";
import { Field } from "./field";

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
        {(control) => <input {...control} type="text" inputMode="numeric" autoComplete="off" />}
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
            The kernel the config is for: <code>uname -r</code>.
          </>
        }
      >
        {(control) => <input {...control} type="text" autoComplete="off" spellCheck={false} />}
      </Field>
    </form>
  );
}
