/**
 * The approvers of an `any` rule: everyone each plain rule yields, each person once, at the place
 * they first appear (the rules in their order, each rule's own order inside it). A sequential
 * step follows this order; `all` needs each person of it once, however many rules name them.
 */
export function approverUnion(lists: readonly (readonly string[])[]): string[] {
  return [...new Set(lists.flat())];
}
