export function findChromium(): {
  kind: "env" | "playwright" | "system";
  executablePath: string | undefined;
} | null;
