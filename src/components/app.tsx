import { useCalcStore } from "../store/calc-store";
import { ChartsPanel } from "./charts-panel";
import { ConfigBlocks } from "./config-blocks";
import { InputsForm } from "./inputs-form";
import { KernelPanel } from "./kernel-panel";
import { versionNoticeMessage } from "./messages";
import { Results } from "./results";

export function App() {
  const notice = useCalcStore((state) => state.notice);
  return (
    <>
      <header className="page-header">
        <h1>nf_conntrack sizing calculator</h1>
        <p>
          <code>nf_conntrack: table full, dropping packet</code>? Size the connection-tracking table with the
          kernel&apos;s own arithmetic: what to set, what it costs in kernel memory, and a config to paste.
        </p>
      </header>
      {notice && (
        <p className="notice" role="status">
          {versionNoticeMessage(notice)}
        </p>
      )}
      <main className="layout">
        <InputsForm />
        <Results />
        <KernelPanel />
        <ChartsPanel />
        <ConfigBlocks />
      </main>
      <footer className="page-footer">
        <p>
          Everything is computed in your browser; nothing is sent anywhere. The formulas and their kernel
          sources are in docs/formulas.md of this project.
        </p>
      </footer>
    </>
  );
}
