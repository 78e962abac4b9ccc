import { useEffect, useState } from 'react';
import { readJson } from '../api/designer-api';

export interface UserOption {
  username: string;
  displayName?: string;
  id: string;
}

let cached: Promise<UserOption[]> | undefined;

/** The workspace's active users (the designer is for admins, who may list them), read once per page. */
function loadUsers(): Promise<UserOption[]> {
  cached ??= fetch('/api/admin/users', { headers: { accept: 'application/json' } })
    .then(async (r) => (r.ok ? ((await readJson(r)) as { data: Array<UserOption & { isActive?: boolean }> }).data.filter((u) => u.isActive !== false) : []))
    .catch(() => []);
  return cached;
}

/** Users to pick from (empty while loading or when the list cannot be read: names can still be kept). */
export function useUsers(): UserOption[] {
  const [users, setUsers] = useState<UserOption[]>([]);
  useEffect(() => {
    let live = true;
    void loadUsers().then((u) => live && setUsers(u));
    return () => { live = false; };
  }, []);
  return users;
}
