export { RECYCLE_BIN_JOB, DEFAULT_RECYCLE_BIN_DAYS } from './recycle-bin-job';
export type { CascadePreview, CascadeCount } from './preview-cascade';
export type { BinEntry } from './list-bin';
