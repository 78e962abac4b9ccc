/**
 * `v<version>_<yyyymmddthhmmss>` (UTC): names the archive tables one migration writes, so
 * they sort by version and say when they were made. The clock is injected (tests, engine rule).
 */
export function archiveTag(version: number, now: Date): string {
  const iso = now.toISOString(); // 2025-01-31T09:30:00.000Z
  const stamp = `${iso.slice(0, 4)}${iso.slice(5, 7)}${iso.slice(8, 10)}t${iso.slice(11, 13)}${iso.slice(14, 16)}${iso.slice(17, 19)}`;
  return `v${version}_${stamp}`;
}
