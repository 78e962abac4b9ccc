/** Where a command writes; tests and main pass different ones. */
export interface CliIo {
  out(line: string): void;
  err(line: string): void;
}
