import { useState } from "react";
import { formatBinaryBytes, formatInteger, formatMilli, formatPercent } from "../domain/core/format";
import { TRAFFIC_FIELD_KEYS } from "../domain/traffic/traffic-fields";
import { TRAFFIC_PRESET_IDS, TRAFFIC_PRESETS, type TrafficPresetId } from "../domain/traffic/traffic-presets";
import { timeoutUrlKey, TIMEOUT_KEYS } from "../domain/kernel/timeouts";
import { useMessages } from "../i18n/messages";
import { applyFields, setField, useFieldIssues } from "../store/calc-store";
import { useTrafficView } from "../store/extras";
import { Field } from "./field";

/** Seconds from milliseconds, for display: "30", "0.5". */
const seconds = (ms: number) => String(ms / 1000);

export function TrafficPanel() {
  const { t, locale } = useMessages();
  const issues = useFieldIssues();
  const { traffic, result, comparison, asMax } = useTrafficView();
  const [preset, setPreset] = useState<TrafficPresetId | null>(null);
  const n = (value: number) => formatInteger(value, locale);
  const tr = t.traffic;

  const applyPreset = (id: TrafficPresetId) => {
    const chosen = TRAFFIC_PRESETS[id];
    // Every timeout the preset does not set goes back to the kernel's default.
    const timeouts = Object.fromEntries(
      TIMEOUT_KEYS.map((key) => [timeoutUrlKey(key), chosen.timeouts[key] ?? ""]),
    );
    applyFields({ ...chosen.traffic, ...timeouts });
    setPreset(id);
  };

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
            onClick={() => applyPreset(id)}
          >
            {tr.presets[id]}
          </button>
        ))}
      </div>
      {preset && (
        <div className="assumptions">
          <p>{tr.assumptionsHeading(tr.presets[preset])}</p>
          <ul>
            {TRAFFIC_PRESETS[preset].assumptions.map((code) => (
              <li key={code}>{tr.assumptions[code]}</li>
            ))}
          </ul>
        </div>
      )}
      <div className="traffic-fields">
        {TRAFFIC_FIELD_KEYS.map((key) => (
          <Field key={key} name={key} issue={issues[key]}>
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
                {tr.tcpTerm(
                  formatMilli(result.tcp.cpsMilli, locale),
                  seconds(result.tcp.openMs),
                  n(result.tcp.keptSeconds),
                  `nf_conntrack_${result.tcp.keptBy}`,
                  n(result.tcp.entries),
                )}
              </li>
            )}
            {result.udp.entries > 0 && (
              <li>
                {tr.udpTerm(
                  formatMilli(result.udp.cpsMilli, locale),
                  seconds(result.udp.openMs),
                  n(result.udp.keptSeconds),
                  `nf_conntrack_${result.udp.keptBy}`,
                  n(result.udp.entries),
                )}{" "}
                (
                {result.udp.mode === "stream"
                  ? tr.udpMode.stream(seconds(result.udp.streamAfterMs))
                  : tr.udpMode["request-response"]}
                )
              </li>
            )}
          </ul>
          <p className="result-formula">
            {tr.withHeadroom(n(result.total), n(traffic.headroomPercent), n(result.requiredMax))}{" "}
            {tr.dominant[result.dominant]}
          </p>
          {result.warnings.map((warning) => (
            <p key={warning.code} className="warning" role="note">
              {tr.clamped(n(Number(warning.unclamped)))}
            </p>
          ))}
          <ul className="verdicts" data-testid="traffic-verdicts">
            <li className={comparison.recommended.verdict}>
              {tr.verdictAgainst(n(comparison.recommended.limit), tr.recommendedLimit)}{" "}
              <strong data-testid="verdict-recommended" data-value={comparison.recommended.verdict}>
                {tr.verdicts[comparison.recommended.verdict](formatPercent(comparison.recommended.share))}
              </strong>
            </li>
            <li className={comparison.kernelDefault.verdict}>
              {tr.verdictAgainst(n(comparison.kernelDefault.limit), tr.kernelLimit)}{" "}
              <strong data-testid="verdict-kernel" data-value={comparison.kernelDefault.verdict}>
                {tr.verdicts[comparison.kernelDefault.verdict](formatPercent(comparison.kernelDefault.share))}
              </strong>
            </li>
          </ul>
          {asMax && (
            <p className="result-formula">
              {tr.memory(formatBinaryBytes(asMax.memory.total), n(asMax.buckets))}
            </p>
          )}
          <button type="button" onClick={() => setField("max", String(result.requiredMax))}>
            {tr.apply}
          </button>
        </article>
      )}
    </section>
  );
}
