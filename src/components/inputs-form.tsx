import { PAGE_SIZES_KIB } from "../domain/inputs";
import { useMessages } from "../i18n/messages";
import { setField, useCalcStore, useFieldIssues } from "../store/calc-store";
import { Field } from "./field";

/** Kernel versions offered in the kernel field, named after the distributions that ship them. */
const KERNEL_CHOICES: ReadonlyArray<readonly [version: string, distribution: string]> = [
  ["6.12", "Debian 13"],
  ["6.8", "Ubuntu 24.04"],
  ["6.1", "Debian 12"],
  ["5.15", "Ubuntu 22.04"],
  ["5.14", "RHEL 9"],
  ["5.4", "Ubuntu 20.04"],
  ["4.18", "RHEL 8"],
  ["3.10", "RHEL / CentOS 7"],
  ["2.6.32", "RHEL / CentOS 6"],
];

/** Bytes-per-entry presets; their labels and sources are in the message tables (docs/formulas.md). */
const STRUCT_PRESETS = ["256", "384", "320", "352"] as const;

const ARCH_CHOICES = ["64", "32"] as const;

export function InputsForm() {
  const { t } = useMessages();
  const issues = useFieldIssues();
  return (
    <form className="inputs" onSubmit={(event) => event.preventDefault()} aria-labelledby="inputs-heading">
      <h2 id="inputs-heading">{t.inputs.heading}</h2>
      <Field name="ram" issue={issues.ram}>
        {(control) => (
          <input {...control} type="text" inputMode="decimal" autoComplete="off" spellCheck={false} />
        )}
      </Field>
      <Field name="arch" issue={issues.arch}>
        {(control) => (
          <select {...control}>
            {ARCH_CHOICES.map((choice) => (
              <option key={choice} value={choice}>
                {t.inputs.archChoices[choice]}
              </option>
            ))}
            {issues.arch && <option value={control.value}>{t.inputs.notValid(control.value)}</option>}
          </select>
        )}
      </Field>
      <Field name="ratio" issue={issues.ratio}>
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
      <Field name="struct" issue={issues.struct} extra={<StructPresets />}>
        {(control) => <input {...control} type="text" inputMode="numeric" autoComplete="off" />}
      </Field>
      <Field name="max" issue={issues.max}>
        {(control) => (
          <input
            {...control}
            type="text"
            inputMode="numeric"
            autoComplete="off"
            placeholder={t.inputs.maxPlaceholder}
          />
        )}
      </Field>
      <Field name="kernel" issue={issues.kernel}>
        {(control) => (
          <>
            <input {...control} type="text" autoComplete="off" spellCheck={false} list="kernel-choices" />
            <datalist id="kernel-choices">
              <option value="newest" label={t.inputs.newestKernel} />
              {KERNEL_CHOICES.map(([version, distribution]) => (
                <option key={version} value={version} label={distribution} />
              ))}
            </datalist>
          </>
        )}
      </Field>
      <Field name="page" issue={issues.page}>
        {(control) => (
          <select {...control}>
            {PAGE_SIZES_KIB.map((kib) => (
              <option key={kib} value={String(kib)}>
                {t.inputs.pageChoice(kib)}
              </option>
            ))}
            {issues.page && <option value={control.value}>{t.inputs.notValid(control.value)}</option>}
          </select>
        )}
      </Field>
    </form>
  );
}

/** Buttons that fill bytes per entry with a figure of known origin, and that origin. */
function StructPresets() {
  const { t } = useMessages();
  const current = useCalcStore((state) => state.raw.struct.trim());
  const pressed = STRUCT_PRESETS.find((preset) => preset === current);
  return (
    <>
      <div className="presets" role="group" aria-label={t.inputs.presetsLabel}>
        {STRUCT_PRESETS.map((preset) => (
          <button
            key={preset}
            type="button"
            className="preset"
            aria-pressed={preset === pressed}
            title={t.inputs.presets[preset].source}
            onClick={() => setField("struct", preset)}
          >
            {t.inputs.presets[preset].label}
          </button>
        ))}
      </div>
      <p className="preset-source">{pressed ? t.inputs.presets[pressed].source : t.inputs.ownFigure}</p>
    </>
  );
}
