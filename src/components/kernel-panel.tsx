import { formatBinaryBytes, formatInteger, formatRatio } from "../domain/core/format";
import { DIFFERENCE_SEVERITY } from "../domain/kernel/kernel-compare";
import { formatKernelVersion } from "../domain/kernel/kernel-version";
import { useMessages, usePart } from "../store/messages";
import { DETAILS } from "../i18n/parts/details";
import { useSizing } from "../store/calc-store";
import { useKernelView } from "../store/kernel-view";
import { differenceMessage } from "./messages";
import { RichText } from "./rich-text";

export function KernelPanel() {
  const { locale } = useMessages();
  const d = usePart(DETAILS);
  const { inputs, sizing } = useSizing();
  const { kernel, differences, uncertain, distribution } = useKernelView();
  const n = (value: number) => formatInteger(value, locale);
  const version = formatKernelVersion(inputs.kernel);
  const { names } = kernel.rules;
  const k = d.kernel;

  return (
    <section className="kernel" aria-labelledby="kernel-heading">
      {/* Wider than a phone or the three-pane question column: it scrolls, so it takes the focus
          (arrow keys scroll it) and is named for the reader who lands on it. */}
      <div className="table-wrap" tabIndex={0} role="region" aria-label={k.caption({ version })}>
        <table>
          <caption className="visually-hidden">{k.caption({ version })}</caption>
          <thead>
            <tr>
              <td></td>
              <th scope="col">{k.byItself({ version })}</th>
              <th scope="col">{k.recommended}</th>
            </tr>
          </thead>
          <tbody>
            <tr>
              <th scope="row">nf_conntrack_max</th>
              <td data-testid="kernel-default-max" data-value={kernel.max}>
                {n(kernel.max)}
              </td>
              <td>{n(sizing.max)}</td>
            </tr>
            <tr>
              <th scope="row">nf_conntrack_buckets</th>
              <td data-testid="kernel-default-buckets" data-value={kernel.buckets}>
                {n(kernel.buckets)}
              </td>
              <td>{n(sizing.buckets)}</td>
            </tr>
            <tr>
              <th scope="row">{k.ratioRow}</th>
              <td>{kernel.rules.maxFactor}</td>
              <td>{formatRatio(inputs.ratio)}</td>
            </tr>
            <tr>
              <th scope="row">{k.memoryRow}</th>
              <td data-testid="kernel-default-memory" data-value={kernel.memory.total}>
                {formatBinaryBytes(kernel.memory.total)}
              </td>
              <td>{formatBinaryBytes(sizing.memory.total)}</td>
            </tr>
          </tbody>
        </table>
      </div>
      {kernel.bootLine ? (
        <div className="boot-line">
          <p>
            <RichText text={k.bootLineIntro} />
          </p>
          <pre data-testid="kernel-boot-line">{kernel.bootLine}</pre>
        </div>
      ) : (
        <p className="boot-line">
          <RichText text={k.noBootLine({ command: `sysctl ${names.maxSysctl} ${names.bucketsSysctl}` })} />
        </p>
      )}
      <ul className="differences">
        {differences.map((difference) => (
          <li key={difference.code} className={DIFFERENCE_SEVERITY[difference.code]}>
            {differenceMessage(d, difference)}
          </li>
        ))}
        {uncertain.map((code) => (
          <li key={code} className="uncertain">
            <RichText text={d.uncertain[code]} />
          </li>
        ))}
        {distribution && (
          <li className="uncertain" data-testid="kernel-distribution-note">
            <RichText
              text={d.distribution.note({
                vendor: d.distribution.vendors[distribution.vendor],
                version,
              })}
            />
          </li>
        )}
      </ul>
    </section>
  );
}
