import { Component, Suspense, type ReactNode } from "react";
import { useMessages } from "../store/messages";
import { reloadPage } from "../store/page-status";

interface Props {
  children: ReactNode;
}

/**
 * Keeps a lazily loaded part's failure in its own place: when its file cannot be fetched (a
 * deploy replaced it, the network is gone), a short message and a Reload button stand where it
 * would be, and the rest of the page keeps working.
 */
export class LoadBoundary extends Component<Props, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override render(): ReactNode {
    return this.state.failed ? <LoadFailed /> : this.props.children;
  }
}

/** A lazily loaded part: nothing while its file loads, its failure in its own place. */
export function LazyPart({ children }: Props) {
  return (
    <LoadBoundary>
      <Suspense fallback={null}>{children}</Suspense>
    </LoadBoundary>
  );
}

/** A part that could not be loaded: a short message and a Reload button in its place. */
export function LoadFailed() {
  const { t } = useMessages();
  return (
    <div className="load-failed" role="alert">
      <p>{t.status.partFailed}</p>
      <button type="button" onClick={reloadPage}>
        {t.status.reload}
      </button>
    </div>
  );
}
