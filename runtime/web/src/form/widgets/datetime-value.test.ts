import { isoToLocalInput, localInputToIso } from './datetime-value';

describe('datetime round trip', () => {
  it('turns an API timestamp into the local input value and back to the same instant', () => {
    const iso = '2024-05-01T08:30:00.000Z';
    const local = isoToLocalInput(iso);
    expect(local).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d$/);
    expect(localInputToIso(local)).toBe(iso);
  });

  it('reads PostgreSQL text timestamps too', () => {
    expect(localInputToIso(isoToLocalInput('2024-05-01 08:30:00+00'))).toBe('2024-05-01T08:30:00.000Z');
  });

  it('treats empty and invalid values as absent', () => {
    expect(isoToLocalInput(null)).toBe('');
    expect(isoToLocalInput('not a date')).toBe('');
    expect(localInputToIso('')).toBeUndefined();
  });
});
