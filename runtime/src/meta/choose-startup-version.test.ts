import type { StoredVersion } from './meta-types';
import { chooseStartupVersion } from './choose-startup-version';

const v = (version: number, source: 'files' | 'designer', sourceHash: string): StoredVersion => ({
  id: version,
  appName: 'crm',
  version,
  definition: { name: 'crm', label: { en: 'CRM' }, entities: [], layouts: [] },
  source,
  sourceHash,
  createdAt: '2024-01-01T00:00:00.000Z',
});

describe('chooseStartupVersion (the hash rule)', () => {
  it('imports the files when nothing is stored', () => {
    expect(chooseStartupVersion({ latest: undefined, lastFileImport: undefined, filesHash: 'a' }).action).toBe('import');
  });

  it('keeps the stored version when the files are unchanged', () => {
    const latest = v(1, 'files', 'a');
    expect(chooseStartupVersion({ latest, lastFileImport: latest, filesHash: 'a' }).action).toBe('keep');
  });

  it('imports the files when they changed since their last import', () => {
    const latest = v(1, 'files', 'a');
    expect(chooseStartupVersion({ latest, lastFileImport: latest, filesHash: 'b' }).action).toBe('import');
  });

  it('keeps a designer publish made after an import of the same files', () => {
    expect(chooseStartupVersion({ latest: v(3, 'designer', 'x'), lastFileImport: v(2, 'files', 'a'), filesHash: 'a' }).action).toBe('keep');
  });

  it('lets edited files win over older designer publishes', () => {
    expect(chooseStartupVersion({ latest: v(3, 'designer', 'x'), lastFileImport: v(2, 'files', 'a'), filesHash: 'b' }).action).toBe('import');
  });

  it('imports when only designer versions exist', () => {
    expect(chooseStartupVersion({ latest: v(1, 'designer', 'x'), lastFileImport: undefined, filesHash: 'a' }).action).toBe('import');
  });
});
