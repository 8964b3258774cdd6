import { DIFFERENCE_SEVERITY } from "../domain/kernel-compare";
import { formatBinaryBytes, formatInteger, formatRatio } from "../domain/format";
import { formatKernelVersion } from "../domain/kernel-version";
import { useKernelView, useSizing } from "../store/calc-store";
import { differenceMessage, uncertainMessage } from "./messages";

export function KernelPanel() {
  const { inputs, sizing } = useSizing();
  const { kernel, differences, uncertain } = useKernelView();
  const version = formatKernelVersion(inputs.kernel);
  const { names } = kernel.rules;

  return (
    <section className="kernel" aria-labelledby="kernel-heading">
      <h2 id="kernel-heading">What kernel {version} does by itself</h2>
      <div className="table-wrap">
        <table>
          <caption className="visually-hidden">
            Kernel {version} default compared with the recommendation
          </caption>
          <thead>
            <tr>
              <th scope="col"></th>
              <th scope="col">Kernel {version} by itself</th>
              <th scope="col">Recommended</th>
            </tr>
          </thead>
          <tbody>
            <tr>
              <th scope="row">nf_conntrack_max</th>
              <td data-testid="kernel-default-max" data-value={kernel.max}>
                {formatInteger(kernel.max)}
              </td>
              <td>{formatInteger(sizing.max)}</td>
            </tr>
            <tr>
              <th scope="row">nf_conntrack_buckets</th>
              <td data-testid="kernel-default-buckets" data-value={kernel.buckets}>
                {formatInteger(kernel.buckets)}
              </td>
              <td>{formatInteger(sizing.buckets)}</td>
            </tr>
            <tr>
              <th scope="row">Entries per bucket</th>
              <td>{kernel.rules.maxFactor}</td>
              <td>{formatRatio(inputs.ratio)}</td>
            </tr>
            <tr>
              <th scope="row">Memory at a full table</th>
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
            At boot this kernel logs (compare with <code>dmesg | grep conntrack</code>):
          </p>
          <pre data-testid="kernel-boot-line">{kernel.bootLine}</pre>
        </div>
      ) : (
        <p className="boot-line">
          This kernel logs no sizing line at boot; read its values with{" "}
          <code>
            sysctl {names.maxSysctl} {names.bucketsSysctl}
          </code>
          .
        </p>
      )}
      <ul className="differences">
        {differences.map((difference) => (
          <li key={difference.code} className={DIFFERENCE_SEVERITY[difference.code]}>
            {differenceMessage(difference)}
          </li>
        ))}
        {uncertain.map((code) => (
          <li key={code} className="uncertain">
            {uncertainMessage(code)}
          </li>
        ))}
      </ul>
    </section>
  );
}
