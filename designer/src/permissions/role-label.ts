import type { AppDefinition, LocalizedText } from '@tessera/metadata';

/**
 * A role's label in the draft. An emptied English label falls back to the role's name, as a new
 * role is labelled; an emptied Chinese label is dropped, so the English one shows.
 */
export function setRoleLabel(app: AppDefinition, role: string, label: LocalizedText): AppDefinition {
  const current = app.permissions?.roles[role];
  if (!app.permissions || !current) return app;
  const next: LocalizedText = { ...label, en: label.en.trim() ? label.en : role };
  if (!next.zh?.trim()) delete next.zh;
  return { ...app, permissions: { ...app.permissions, roles: { ...app.permissions.roles, [role]: { ...current, label: next } } } };
}
