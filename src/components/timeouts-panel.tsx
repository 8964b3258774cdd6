import { formatInteger } from "../domain/core/format";
import { TIMEOUT_INFO, TIMEOUT_KEYS, timeoutUrlKey } from "../domain/kernel/timeouts";
import { useMessages, usePart } from "../store/messages";
import { DETAILS } from "../i18n/parts/details";
import { useFieldIssues } from "../store/calc-store";
import { useTimeouts } from "../store/extras";
import { Field } from "./field";
import { Code } from "./rich-text";

export function TimeoutsPanel() {
  const { locale } = useMessages();
  const issues = useFieldIssues();
  const { defaults } = useTimeouts();
  const to = usePart(DETAILS).timeouts;
  return (
    <section className="timeouts" aria-labelledby="timeouts-heading">
      <p className="block-why">{to.intro}</p>
      <div className="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">{to.columns.key}</th>
              <th scope="col">{to.columns.kernelDefault}</th>
              <th scope="col">{to.columns.value}</th>
              <th scope="col">{to.columns.why}</th>
            </tr>
          </thead>
          <tbody>
            {TIMEOUT_KEYS.map((key) => {
              const name = timeoutUrlKey(key);
              return (
                <tr key={key}>
                  <th scope="row">
                    <Code text={key} />
                  </th>
                  <td
                    data-testid={`timeout-default-${key}`}
                    data-value={defaults[key]}
                    data-label={to.columns.kernelDefault}
                  >
                    {formatInteger(defaults[key], locale)}
                  </td>
                  <td data-label={to.columns.value}>
                    <Field
                      name={name}
                      issue={issues[name]}
                      label={<span className="visually-hidden">{key}</span>}
                    >
                      {(control) => (
                        <input
                          {...control}
                          type="text"
                          inputMode="numeric"
                          autoComplete="off"
                          placeholder={to.placeholder({ seconds: defaults[key] })}
                        />
                      )}
                    </Field>
                  </td>
                  <td>
                    {to.reasons[TIMEOUT_INFO[key].reason]}
                    {TIMEOUT_INFO[key].setByKubeProxy && <em> {to.kubeProxySets}</em>}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}
