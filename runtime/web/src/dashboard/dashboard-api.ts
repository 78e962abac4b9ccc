import type { DirectoryUser } from '../api/inbox-api';
import { requestJson } from '../api/request-json';

/** The people of the signed-in user's teams, the user included (`GET /api/_reports/teammates`): the dashboard's "my team". */
export const dashboardApi = {
  teammates: () => requestJson<{ data: DirectoryUser[] }>('/api/_reports/teammates').then((r) => r.data),
};
