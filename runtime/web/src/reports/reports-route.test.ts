import { isEmptyRoute } from '../shell/use-landing';
import { parseHash, routeToHash } from '../shell/use-hash-route';

describe('the report builder\'s address', () => {
  it('is #/_reports, with a saved report by id, and round-trips', () => {
    expect(parseHash('#/_reports')).toEqual({ reports: true });
    expect(parseHash('#/_reports?id=5f0c2a9e-1b7d-4c3e-9a8b-0d1e2f3a4b5c')).toEqual({ reports: true, reportId: '5f0c2a9e-1b7d-4c3e-9a8b-0d1e2f3a4b5c' });
    expect(routeToHash({ reports: true, reportId: 'abc' })).toBe('#/_reports?id=abc');
    expect(routeToHash({ reports: true })).toBe('#/_reports');
  });

  it('is a screen: signing in with it open does not send the user to their landing page', () => {
    expect(isEmptyRoute(parseHash('#/_reports'))).toBe(false);
  });
});
