import { formatInteger } from "../domain/core/format";
import { TRAFFIC_FIELD_KEYS } from "../domain/traffic/traffic-fields";
import { TRAFFIC_PRESET_IDS, TRAFFIC_PRESETS } from "../domain/traffic/traffic-presets";
import { useMessages, usePart } from "../store/messages";
import { TRAFFIC } from "../i18n/parts/traffic";
import { useCalcStore, useFieldIssues, useSizing } from "../store/calc-store";
import { TrafficVerdicts } from "./traffic-verdicts";
import { applyTrafficPreset, useTrafficView } from "../store/traffic-view";
import { Field } from "./field";

/** Seconds from milliseconds: 30, 0.5. */
const seconds = (ms: number) => ms / 1000;

export function TrafficPanel() {
  const { locale } = useMessages();
  const issues = useFieldIssues();
  const { traffic, result, comparison, asMax } = useTrafficView();
  const preset = useCalcStore((state) => state.trafficPreset);
  const n = (value: number) => formatInteger(value, locale);
  const tr = usePart(TRAFFIC);
  // When the traffic decides the answer, its verdicts and memory stand beside the answer.
  const answersFromTraffic = useSizing().answer.basis === "traffic";

  return (
    <section className="traffic" aria-labelledby="traffic-heading">
      <h2 id="traffic-heading">{tr.heading}</h2>
      <p className="block-why">{tr.intro}</p>
      <div className="presets" role="group" aria-label={tr.presetsLabel}>
        {TRAFFIC_PRESET_IDS.map((id) => (
          <button
            key={id}
            type="button"
            className="preset"
            aria-pressed={preset === id}
            onClick={() => applyTrafficPreset(id)}
          >
            {tr.presets[id]}
          </button>
        ))}
      </div>
      {preset && (
        <div className="assumptions">
          <p>{tr.assumptionsHeading({ preset: tr.presets[preset] })}</p>
          <ul>
            {TRAFFIC_PRESETS[preset].assumptions.map((code) => (
              <li key={code}>{tr.assumptions[code]}</li>
            ))}
          </ul>
        </div>
      )}
      <div className="traffic-fields">
        {TRAFFIC_FIELD_KEYS.map((key) => (
          <Field key={key} name={key} issue={issues[key]} hint={tr.hints[key]}>
            {(control) => <input {...control} type="text" inputMode="decimal" autoComplete="off" />}
          </Field>
        ))}
      </div>
      {result.dominant === "none" ? (
        <p className="block-why">{tr.none}</p>
      ) : (
        <article className="result" aria-label={tr.requiredTitle}>
          <h3>{tr.requiredTitle}</h3>
          <p className="result-value" data-testid="required-max" data-value={result.requiredMax}>
            {n(result.requiredMax)}
          </p>
          <ul className="breakdown">
            {result.tcp.entries > 0 && (
              <li>
                {tr.tcpTerm({
                  cpsMilli: result.tcp.cpsMilli,
                  openSeconds: seconds(result.tcp.openMs),
                  keptSeconds: result.tcp.keptSeconds,
                  keptBy: `nf_conntrack_${result.tcp.keptBy}`,
                  entries: result.tcp.entries,
                })}
              </li>
            )}
            {result.udp.entries > 0 && (
              <li>
                {tr.udpTerm({
                  cpsMilli: result.udp.cpsMilli,
                  openSeconds: seconds(result.udp.openMs),
                  keptSeconds: result.udp.keptSeconds,
                  keptBy: `nf_conntrack_${result.udp.keptBy}`,
                  entries: result.udp.entries,
                })}{" "}
                (
                {result.udp.mode === "stream"
                  ? tr.udpMode.stream({ afterSeconds: seconds(result.udp.streamAfterMs) })
                  : tr.udpMode["request-response"]}
                )
              </li>
            )}
          </ul>
          <p className="result-formula">
            {tr.withHeadroom({
              total: result.total,
              headroom: traffic.headroomPercent,
              required: result.requiredMax,
            })}{" "}
            {tr.dominant[result.dominant]}
          </p>
          {result.warnings.map((warning) => (
            <p key={warning.code} className="warning" role="note">
              {tr.clamped({ unclamped: Number(warning.unclamped) })}
            </p>
          ))}
          {!answersFromTraffic && <TrafficVerdicts comparison={comparison} />}
          {asMax && !answersFromTraffic && (
            <p className="result-formula">
              {tr.memory({ memoryBytes: asMax.memory.total, buckets: asMax.buckets })}
            </p>
          )}
        </article>
      )}
    </section>
  );
}
