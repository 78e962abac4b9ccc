import { useEffect, useRef, useState } from 'react';
import type { WidgetProps } from '@rjsf/utils';
import { useTranslation } from 'react-i18next';
import type { EntityDefinition } from '@tessera/metadata';
import { fileInfo, fileUrl, uploadFile, type UploadedFile } from '../../api/files-api';
import { formatBytes, refuseFile } from './file-choice';

interface Upload {
  key: number;
  name: string;
  progress: number;
}

const idsOf = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : typeof value === 'string' && value ? [value] : []);

/**
 * A file field (`x-file`): choose a file, refused here when larger than `maxSize` or not one
 * of `accept` (the server checks again), uploaded with `POST /api/files` under a progress bar,
 * then listed with its name, size, a download link and Remove. The value is what the record
 * API takes: the file's id, or ids with `x-file.multiple` (rjsf passes the array).
 */
export function FileWidget({ id, name, value, multiple, disabled, readonly, onChange, label, registry }: WidgetProps) {
  const { t, i18n } = useTranslation();
  const entity = (registry.formContext as { entity?: EntityDefinition } | undefined)?.entity;
  const field = entity?.properties[name];
  const spec = field?.['x-file'];
  const many = Boolean(multiple || spec?.multiple);
  const ids = idsOf(value);
  const [known, setKnown] = useState<Record<string, UploadedFile>>({});
  const [uploads, setUploads] = useState<Upload[]>([]);
  const [error, setError] = useState<string>();
  const input = useRef<HTMLInputElement>(null);
  const next = useRef(0);
  // Always the latest value: uploads finish after renders that changed it.
  const current = useRef(ids);
  current.current = ids;
  const locked = disabled || readonly;

  // Files saved with the record: their name and size come from the download's headers.
  const idsKey = ids.join(',');
  useEffect(() => {
    let live = true;
    for (const fileId of idsKey ? idsKey.split(',') : []) {
      if (known[fileId]) continue;
      void fileInfo(fileId).then((info) => live && info && setKnown((k) => ({ ...k, [fileId]: info })));
    }
    return () => { live = false; };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [idsKey]);

  const set = (next: string[]) => onChange(many ? (next.length ? next : undefined) : next[0]);

  async function choose(files: FileList | null) {
    setError(undefined);
    const chosen = [...(files ?? [])].slice(0, many ? undefined : 1);
    if (input.current) input.current.value = '';
    const fieldLabel = label || name;
    for (const file of chosen) {
      const refusal = refuseFile(file, spec);
      if (refusal) {
        setError(refusal.reason === 'tooLarge'
          ? t('form.fileTooLarge', { field: fieldLabel, name: file.name, size: formatBytes(file.size, i18n.language), max: formatBytes(spec!.maxSize, i18n.language) })
          : t('form.fileType', { field: fieldLabel, name: file.name, accept: spec!.accept.join(', ') }));
        return;
      }
    }
    if (!entity) return;
    for (const file of chosen) {
      const key = (next.current += 1);
      setUploads((u) => [...u, { key, name: file.name, progress: 0 }]);
      try {
        const uploaded = await uploadFile(entity['x-name'], name, file, (progress) => setUploads((u) => u.map((x) => (x.key === key ? { ...x, progress } : x))));
        setKnown((k) => ({ ...k, [uploaded.id]: uploaded }));
        set(many ? [...current.current, uploaded.id] : [uploaded.id]);
      } catch (e) {
        setError(t('form.fileUploadFailed', { field: fieldLabel, name: file.name, message: (e as Error).message }));
      } finally {
        setUploads((u) => u.filter((x) => x.key !== key));
      }
    }
  }

  return (
    <div className="t-file" data-testid={`file-${name}`}>
      {ids.length > 0 && (
        <ul className="t-file-list">
          {ids.map((fileId) => {
            const info = known[fileId];
            return (
              <li key={fileId} className="t-file-item" data-testid="file-item">
                <a href={fileUrl(fileId)} download={info?.name ?? true} data-testid="file-download">{info?.name ?? t('form.fileSaved')}</a>
                {info && Number.isFinite(info.size) && <span className="t-muted" data-testid="file-size"> {formatBytes(info.size, i18n.language)}</span>}
                {!locked && (
                  <button type="button" className="t-btn t-btn-ghost" data-testid="file-remove" aria-label={t('form.fileRemove', { name: info?.name ?? fileId })}
                    onClick={() => set(current.current.filter((x) => x !== fileId))}>×</button>
                )}
              </li>
            );
          })}
        </ul>
      )}
      {uploads.map((u) => (
        <div key={u.key} className="t-file-upload" data-testid="file-progress">
          <span>{u.name}</span> <progress max={1} value={u.progress} aria-label={t('form.fileUploading', { name: u.name })} /> <span>{Math.round(u.progress * 100)}%</span>
        </div>
      ))}
      {!locked && (many || ids.length === 0) && (
        <input ref={input} id={id} type="file" data-testid={`field-${id}`} multiple={many} accept={spec?.accept.join(',')} disabled={uploads.length > 0 && !many}
          onChange={(e) => void choose(e.target.files)} />
      )}
      {!locked && !many && ids.length > 0 && (
        <label className="t-btn t-btn-ghost t-file-replace">
          {t('form.fileReplace')}
          <input ref={input} type="file" data-testid={`field-${id}`} accept={spec?.accept.join(',')} hidden onChange={(e) => void choose(e.target.files)} />
        </label>
      )}
      {spec && !locked && <p className="t-muted t-file-hint">{t('form.fileHint', { accept: spec.accept.join(', '), max: formatBytes(spec.maxSize, i18n.language) })}</p>}
      {error && <p className="t-field-error" role="alert" data-testid="file-error">{error}</p>}
    </div>
  );
}
