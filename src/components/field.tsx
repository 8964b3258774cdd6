import type { ReactNode } from "react";
import type { FieldIssue, FieldKey } from "../domain/inputs";
import { useMessages } from "../i18n/messages";
import { setField, useCalcStore } from "../store/calc-store";
import { fieldIssueMessage } from "./messages";
import { RichText } from "./rich-text";

interface FieldProps {
  name: FieldKey;
  issue: FieldIssue | undefined;
  /** Extra content under the control (presets, for example). */
  extra?: ReactNode;
  /** Renders the control; gets the props every control needs. */
  children: (control: ControlProps) => ReactNode;
}

export interface ControlProps {
  id: string;
  name: FieldKey;
  value: string;
  "aria-invalid": boolean;
  "aria-describedby": string;
  onChange: (event: { currentTarget: { value: string } }) => void;
}

/**
 * A labelled control named after its URL key. An invalid value stays as typed, is marked
 * aria-invalid, and the message saying what is accepted is tied to it by aria-describedby.
 */
export function Field({ name, issue, extra, children }: FieldProps) {
  const { t, locale } = useMessages();
  const value = useCalcStore((state) => state.raw[name]);
  const id = `field-${name}`;
  const describedBy = issue ? `${id}-error` : `${id}-hint`;
  return (
    <div className="field">
      <label htmlFor={id}>{t.inputs.labels[name]}</label>
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
          {fieldIssueMessage(t, name, issue, locale)}
        </p>
      ) : (
        <p id={`${id}-hint`} className="field-hint">
          <RichText text={t.inputs.hints[name]} />
        </p>
      )}
    </div>
  );
}
