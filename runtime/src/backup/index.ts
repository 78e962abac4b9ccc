export { writeBackup, type BackupSummary } from './write-backup';
export { restoreBackup, type RestoreOptions, type RestoreSummary } from './restore-backup';
export { tableChecksums } from './table-checksums';
export { BackupError, type BackupManifest, type BackupProgress } from './backup-format';
