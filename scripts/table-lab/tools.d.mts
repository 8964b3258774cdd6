export function namespaceUnavailable(): string | null;
export function ensureLabTools(): string | null;
