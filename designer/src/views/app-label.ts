import type { AppDefinition, LocalizedText } from '@tessera/metadata';

/** The app's own label; English may not be empty (it falls back to the app's name). */
export function setAppLabel(app: AppDefinition, label: LocalizedText): AppDefinition {
  const next: LocalizedText = { ...label, en: label.en.trim() ? label.en : app.name };
  if (!next.zh?.trim()) delete next.zh;
  return { ...app, label: next };
}
