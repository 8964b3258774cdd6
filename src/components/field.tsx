import type { ReactNode } from "react";
import type { AnyFieldKey } from "../domain/sizing/fields";
import type { FieldIssue } from "../domain/core/field-spec";
import { visibleText } from "../domain/core/visible-text";
import { useMessages } from "../store/messages";
import { setField, useCalcStore } from "../store/calc-store";
import { fieldIssueMessage, fieldText } from "./messages";
import { RichText } from "./rich-text";

interface FieldProps {
  name: AnyFieldKey;
  issue: FieldIssue | undefined;
  /** A label other than the field's own (for example, hidden when a table row names it). */
  label?: ReactNode;
  /** The hint of a field whose panel loads on its own and brings its words (src/i18n/parts/). */
  hint?: string;
  /** Extra content under the control (presets, for example). */
  extra?: ReactNode;
  /** Label and control on one line, the hint for screen readers only (a compact choice). */
  inline?: boolean;
  /** Renders the control; gets the props every control needs. */
  children: (control: ControlProps) => ReactNode;
}

export interface ControlProps {
  id: string;
  name: AnyFieldKey;
  value: string;
  "aria-invalid": boolean;
  "aria-describedby": string | undefined;
  onChange: (event: { currentTarget: { value: string } }) => void;
}

/**
 * A labelled control named after its URL key. An invalid value stays as typed, is marked
 * aria-invalid, and the message saying what is accepted is tied to it by aria-describedby.
 */
export function Field({ name, issue, extra, label, hint, inline = false, children }: FieldProps) {
  const { t } = useMessages();
  const value = useCalcStore((state) => state.raw[name]);
  const id = `field-${name}`;
  const text = fieldText(t, name);
  const shownHint = hint ?? text.hint;
  const describedBy = issue ? `${id}-error` : shownHint ? `${id}-hint` : undefined;
  return (
    <div className={inline ? "field inline" : "field"}>
      <label htmlFor={id}>{label ?? text.label}</label>
      {children({
        id,
        name,
        value,
        "aria-invalid": issue !== undefined,
        "aria-describedby": describedBy,
        onChange: (event) => setField(name, event.currentTarget.value),
      })}
      {extra}
      {issue ? (
        <p id={`${id}-error`} className="field-error">
          {fieldIssueMessage(t, name, issue)}
        </p>
      ) : (
        shownHint && (
          <p id={`${id}-hint`} className={inline ? "visually-hidden" : "field-hint"}>
            <RichText text={shownHint} />
          </p>
        )
      )}
    </div>
  );
}

/**
 * A select over fixed choices. A value from a link that is none of them stays shown as one more
 * option, marked not valid, so the field shows what was given, as a text field does.
 */
export function ChoiceSelect({
  control,
  invalid,
  choices,
}: {
  control: ControlProps;
  invalid: boolean;
  choices: ReadonlyArray<{ readonly value: string; readonly label: string }>;
}) {
  const { t } = useMessages();
  return (
    <select {...control}>
      {choices.map(({ value, label }) => (
        <option key={value} value={value}>
          {label}
        </option>
      ))}
      {invalid && (
        // The link's text in its own field only, shortened, with what would be obeyed shown.
        <option value={control.value}>{t.inputs.notValid({ value: visibleText(control.value) })}</option>
      )}
    </select>
  );
}
