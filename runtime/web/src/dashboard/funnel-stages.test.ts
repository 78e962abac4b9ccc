import { funnelStages } from './funnel-stages';

const points = (pairs: [string, number][]) => pairs.map(([key, value]) => ({ key, label: key.toUpperCase(), value }));

describe('funnel stages', () => {
  it('counts, measures and converts each stage from the one above, a record in a stage having passed those before it', () => {
    const amounts = points([['lead', 100], ['proposal', 300], ['won', 600]]);
    const counts = points([['lead', 5], ['proposal', 3], ['won', 2]]);
    // reached: lead 10, proposal 5, won 2.
    expect(funnelStages(amounts, counts)).toEqual([
      { key: 'lead', label: 'LEAD', count: 5, value: 100 },
      { key: 'proposal', label: 'PROPOSAL', count: 3, value: 300, conversion: 0.5 },
      { key: 'won', label: 'WON', count: 2, value: 600, conversion: 0.4 },
    ]);
  });

  it('draws only stages with a value and converts across the ones left out; records without a stage are none', () => {
    const amounts = points([['lead', 100], ['proposal', 0], ['negotiation', 50], ['won', 0], ['', 9]]);
    const counts = points([['lead', 2], ['proposal', 0], ['negotiation', 2], ['won', 0], ['', 4]]);
    const stages = funnelStages(amounts, counts);
    expect(stages.map((s) => [s.key, s.conversion])).toEqual([['lead', undefined], ['negotiation', 0.5]]);
    // A count card: the values are the counts.
    expect(funnelStages(points([['a', 4], ['b', 4]]), points([['a', 4], ['b', 4]]))[1].conversion).toBe(0.5);
    expect(funnelStages([], [])).toEqual([]);
  });
});
