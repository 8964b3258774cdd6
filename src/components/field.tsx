import type { ReactNode } from "react";
import type { FieldIssue, FieldKey } from "../domain/inputs";
import { setField, useCalcStore } from "../store/calc-store";
import { fieldIssueMessage, FIELD_LABELS } from "./messages";

interface FieldProps {
  name: FieldKey;
  issue: FieldIssue | undefined;
  hint: ReactNode;
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
export function Field({ name, issue, hint, children }: FieldProps) {
  const value = useCalcStore((state) => state.raw[name]);
  const id = `field-${name}`;
  const describedBy = issue ? `${id}-error` : `${id}-hint`;
  return (
    <div className="field">
      <label htmlFor={id}>{FIELD_LABELS[name]}</label>
      {children({
        id,
        name,
        value,
        "aria-invalid": issue !== undefined,
        "aria-describedby": describedBy,
        onChange: (event) => setField(name, event.currentTarget.value),
      })}
      {issue ? (
        <p id={`${id}-error`} className="field-error">
          {fieldIssueMessage(name, issue)}
        </p>
      ) : (
        <p id={`${id}-hint`} className="field-hint">
          {hint}
        </p>
      )}
    </div>
  );
}
