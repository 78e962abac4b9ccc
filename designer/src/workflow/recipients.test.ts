import { recipientParts, roleToken, toggleRecipient } from './recipients';

describe('notify recipients', () => {
  it('sorts entries into relations, roles and users as the runtime reads them', () => {
    expect(recipientParts(['owner.manager', 'role:sales_manager', 'alice', 'creator', 'role:ops'])).toEqual({
      relations: ['owner.manager', 'creator'], roles: ['sales_manager', 'ops'], users: ['alice'],
    });
  });

  it('keeps an unknown relation-looking entry as a user name rather than dropping it', () => {
    expect(recipientParts(['owner.boss']).users).toEqual(['owner.boss']);
  });

  it('adds an entry once and removes it without touching the others', () => {
    const to = toggleRecipient(toggleRecipient(['owner'], roleToken('ops'), true), roleToken('ops'), true);
    expect(to).toEqual(['owner', 'role:ops']);
    expect(toggleRecipient(to, 'owner', false)).toEqual(['role:ops']);
  });
});
