import { lazy } from "react";
import { defaultEntryBytes, slabBytesPerEntry } from "../domain/kernel/entry-size";
import { formatBinaryBytes, formatRatio } from "../domain/core/format";
import { ARTICLE_PRESET, kernelOwnDefaults, PAGE_SIZES_KIB } from "../domain/sizing/inputs";
import { formatKernelVersion } from "../domain/kernel/kernel-version";
import { useMessages } from "../store/messages";
import { applyFields, setField, useCalcStore, useFieldIssues, useSizing } from "../store/calc-store";
import { chooseMode, useSizingMode } from "../store/view";
import { SIZING_WAYS, type SizingWay } from "../domain/sizing/way";
import { HOST_ROLES } from "../domain/sizing/role";
import { showInputs, useInputsFold } from "../store/inputs-fold";
import { ChoiceSelect, Field } from "./field";
import { fieldIssueMessage } from "./messages";
import { LazyPart } from "./load-boundary";

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

const ARCH_CHOICES = ["64", "32"] as const;

// The other ways' panels load just after the first render: a shared link's answer and the fields
// every way fills in do not wait for the traffic model or the collector.
const TrafficPanel = lazy(() =>
  import("./traffic-panel").then((module) => ({ default: module.TrafficPanel })),
);
const DiagnosticsPanel = lazy(() =>
  import("./diagnostics-panel").then((module) => ({ default: module.DiagnosticsPanel })),
);

/**
 * The question: how to size (RAM, traffic, a pasted dump) and the fields every way fills in. The
 * way chosen comes first, under the switch; the others follow the fields, still at hand (a paste
 * or a traffic figure typed there switches to its way). On a narrow screen a shared link folds
 * all of it into a one-line summary, so its numbers come first; a field with an error keeps it open.
 */
export function InputsForm() {
  const { t } = useMessages();
  const issues = useFieldIssues();
  const { inputs } = useSizing();
  const mode = useSizingMode();
  const open = useInputsFold((state) => state.open) || Object.keys(issues).length > 0;
  return (
    <form
      className="inputs"
      data-collapsed={!open}
      onSubmit={(event) => event.preventDefault()}
      aria-labelledby="inputs-heading"
    >
      <div className="inputs-title">
        <h2 id="inputs-heading">{t.inputs.heading}</h2>
        <button
          type="button"
          className="preset inputs-toggle"
          aria-expanded={open}
          aria-controls="inputs-body"
          onClick={() => showInputs(!open)}
        >
          {open ? t.layout.hideInputs : t.layout.editInputs}
        </button>
      </div>
      <p className="inputs-summary">
        {t.layout.summary({
          ram: formatBinaryBytes(inputs.ram),
          arch: String(inputs.arch),
          kernel: formatKernelVersion(inputs.kernel),
          page: inputs.page / 1024,
        })}
      </p>
      <div id="inputs-body" className="inputs-body">
        <fieldset className="mode">
          <legend>{t.layout.modeLegend}</legend>
          <div className="mode-choices">
            {SIZING_WAYS.map((choice) => (
              <label key={choice}>
                <input
                  type="radio"
                  name="sizing-mode"
                  value={choice}
                  checked={mode === choice}
                  onChange={() => chooseMode(choice)}
                />{" "}
                {t.layout.modes[choice]}
              </label>
            ))}
          </div>
          {issues.from ? (
            <p id="field-from-error" className="field-error">
              {fieldIssueMessage(t, "from", issues.from)}
            </p>
          ) : (
            <p className="field-hint">{t.layout.modeHints[mode]}</p>
          )}
        </fieldset>
        {mode === "traffic" && <Way mode="traffic" />}
        {mode === "paste" && <Way mode="paste" />}
        <SizingFields />
        {mode !== "traffic" && <Way mode="traffic" />}
        {mode !== "paste" && <Way mode="paste" />}
      </div>
    </form>
  );
}

/** The panel of one way of sizing beyond RAM, drawn once its file is loaded. */
function Way({ mode }: { mode: Exclude<SizingWay, "ram"> }) {
  return <LazyPart>{mode === "traffic" ? <TrafficPanel /> : <DiagnosticsPanel />}</LazyPart>;
}

/** The fields every way of sizing fills in. */
function SizingFields() {
  const { t } = useMessages();
  const issues = useFieldIssues();
  const { inputs } = useSizing();
  const own = kernelOwnDefaults(inputs.kernel, inputs.arch, inputs.role);
  return (
    <>
      <Field name="ram" issue={issues.ram}>
        {(control) => (
          <input {...control} type="text" inputMode="decimal" autoComplete="off" spellCheck={false} />
        )}
      </Field>
      <Field name="arch" issue={issues.arch}>
        {(control) => (
          <ChoiceSelect
            control={control}
            invalid={issues.arch !== undefined}
            choices={ARCH_CHOICES.map((choice) => ({ value: choice, label: t.inputs.archChoices[choice] }))}
          />
        )}
      </Field>
      <Field name="role" issue={issues.role}>
        {(control) => (
          <ChoiceSelect
            control={control}
            invalid={issues.role !== undefined}
            choices={HOST_ROLES.map((role) => ({ value: role, label: t.inputs.roleChoices[role] }))}
          />
        )}
      </Field>
      <DefaultsPresets />
      <Field name="ratio" issue={issues.ratio}>
        {(control) => (
          <>
            <input
              {...control}
              type="text"
              inputMode="decimal"
              autoComplete="off"
              list="ratio-choices"
              placeholder={t.inputs.kernelOwnPlaceholder({
                value: formatRatio({ numerator: own.ratio, denominator: 1 }),
              })}
            />
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
        {(control) => (
          <input
            {...control}
            type="text"
            inputMode="numeric"
            autoComplete="off"
            placeholder={t.inputs.kernelOwnPlaceholder({ value: `${own.struct} B` })}
          />
        )}
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
          <ChoiceSelect
            control={control}
            invalid={issues.page !== undefined}
            choices={PAGE_SIZES_KIB.map((kib) => ({
              value: String(kib),
              label: t.inputs.pageChoice({ kib }),
            }))}
          />
        )}
      </Field>
    </>
  );
}

/**
 * Sets entries per bucket and bytes per entry together: empty, the chosen kernel's own, or the
 * article's 4 and 352.
 */
function DefaultsPresets() {
  const { t } = useMessages();
  const ratio = useCalcStore((state) => state.raw.ratio.trim());
  const struct = useCalcStore((state) => state.raw.struct.trim());
  const choices = [
    { key: "kernel", fields: { ratio: "", struct: "" } },
    { key: "article", fields: ARTICLE_PRESET },
  ] as const;
  return (
    <div className="presets defaults-presets" role="group" aria-label={t.inputs.defaultsLabel}>
      <span className="presets-label">{t.inputs.defaultsLabel}</span>
      {choices.map(({ key, fields }) => (
        <button
          key={key}
          type="button"
          className="preset"
          aria-pressed={ratio === fields.ratio && struct === fields.struct}
          title={t.inputs.defaults[key].title}
          onClick={() => applyFields(fields)}
        >
          {t.inputs.defaults[key].label}
        </button>
      ))}
    </div>
  );
}

/**
 * Buttons that fill bytes per entry with a figure of known origin: the chosen kernel's own on a
 * host of this role (empty), the same with the 128-byte extension where neither the kernel nor the
 * role adds it, and the article's 352; and where the kernel's own figure was measured.
 */
function StructPresets() {
  const { t } = useMessages();
  const current = useCalcStore((state) => state.raw.struct.trim());
  const { inputs } = useSizing();
  const entry = defaultEntryBytes(inputs.kernel, inputs.arch);
  const m = entry.measurement;
  const masquerades = inputs.role !== "host";
  const own = masquerades ? entry.withExtensionBytes : entry.bytes;
  const presets = [
    { value: "", label: t.inputs.structPresets.kernel({ entryBytes: own }) },
    ...(m.extensionByDefault || masquerades
      ? []
      : [
          {
            value: String(entry.withExtensionBytes),
            label: t.inputs.structPresets.extension({ entryBytes: entry.withExtensionBytes }),
          },
        ]),
    { value: ARTICLE_PRESET.struct, label: t.inputs.structPresets.article },
  ];
  const pressed = presets.find((preset) => preset.value === current);
  const measured = [
    t.inputs.measured({
      kernel: formatKernelVersion(m.kernel),
      machine: m.machine,
      objectBytes: m.objectBytes,
      perSlab: m.objectsPerSlab,
      slabBytes: slabBytesPerEntry(m),
    }),
    entry.exact ? null : t.inputs.measuredNearest({ kernel: formatKernelVersion(m.kernel) }),
    m.extensionByDefault
      ? t.inputs.extensionByDefault({ totalBytes: entry.bytes })
      : masquerades
        ? t.inputs.extensionByRole({ totalBytes: entry.withExtensionBytes })
        : t.inputs.extensionOnDemand({ totalBytes: entry.withExtensionBytes }),
  ]
    .filter((sentence) => sentence !== null)
    .join(" ");
  return (
    <>
      <div className="presets" role="group" aria-label={t.inputs.presetsLabel}>
        {presets.map((preset) => (
          <button
            key={preset.value}
            type="button"
            className="preset"
            aria-pressed={preset === pressed}
            onClick={() => setField("struct", preset.value)}
          >
            {preset.label}
          </button>
        ))}
      </div>
      <p className="preset-source" data-testid="struct-source">
        {pressed?.value === ARTICLE_PRESET.struct
          ? t.inputs.articleSource
          : pressed
            ? measured
            : t.inputs.ownFigure}
      </p>
    </>
  );
}
