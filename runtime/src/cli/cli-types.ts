/** Where a command writes; tests and main pass different ones. */
export interface CliIo {
  /** Human-readable output (stderr under `--json`, so stdout stays one JSON document). */
  out(line: string): void;
  err(line: string): void;
  /** The command's machine-readable result; printed as JSON on stdout under `--json`, else ignored. */
  result?(value: Record<string, unknown>): void;
  /** Progress of long work (always stderr: never mixed into output a script reads). */
  progress?(line: string): void;
}

/**
 * Exit codes of every `tessera` command (printed by `tessera --help`, listed in the README).
 * Scripts can tell "failed" from "stopped to ask" from "refused to overwrite".
 */
export const EXIT = {
  ok: 0,
  /** Bad arguments, an invalid app folder, a refused input, or a failure. */
  error: 1,
  /** Stopped before changing anything: a confirmation (`--yes`) is needed, or a precheck blocks it. */
  needsConfirmation: 2,
  /** Refused to overwrite: the target database is not empty (restore without `--force`). */
  notEmpty: 3,
} as const;

export const EXIT_CODES_TEXT = `Exit codes:
  0  success
  1  error: bad arguments, an invalid app folder, a refused input, or a failure
  2  stopped before changing anything: needs --yes, or a precheck blocks it
  3  refused: the target database is not empty (restore without --force)`;
