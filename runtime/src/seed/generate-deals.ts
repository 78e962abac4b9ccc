import type { SeedDates } from './seed-dates';
import type { SeedRandom } from './seed-random';
import type { SeedRecord } from './seed-types';

const STAGES = [['qualification', 25], ['needs_analysis', 20], ['proposal', 18], ['negotiation', 12], ['won', 15], ['lost', 10]] as const;
// The probability the opportunity workflow sets on entering each stage.
const PROBABILITY: Record<string, number> = { qualification: 10, needs_analysis: 30, proposal: 50, negotiation: 75, won: 100, lost: 0 };
const BID_STATUS = [['notice', 10], ['registered', 10], ['preparing', 15], ['in_review', 8], ['submitted', 12], ['opened', 8], ['won', 20], ['lost', 17]] as const;
const OPEN_BID = new Set(['notice', 'registered', 'preparing', 'in_review']);
const PRODUCTS = [['CRM rollout', 'CRM 实施'], ['Annual licence', '年度许可'], ['Equipment upgrade', '设备升级'], ['Data platform', '数据平台'], ['Service contract', '服务合同']] as const;

/**
 * A customer's opportunities across the stages, a bid now and then, and for each won deal a
 * contract with its orders and a payment plan whose instalments are paid, due or overdue.
 */
export function generateDeals(rnd: SeedRandom, dates: SeedDates, customer: SeedRecord, owner: string, chinese: boolean): SeedRecord[] {
  const out: SeedRecord[] = [];
  const label = (pair: readonly [string, string]) => (chinese ? pair[1] : pair[0]);
  const customerName = customer.data.name as string;
  const big = customer.data.level === 'A' || customer.data.level === 'B';
  for (let o = 0, n = customer.data.lifecycle === 'lost' ? 0 : rnd.int(0, 2); o < n; o++) {
    const stage = rnd.weighted(STAGES);
    const open = stage !== 'won' && stage !== 'lost';
    const amount = rnd.int(big ? 200 : 20, big ? 5000 : 500) * 1000;
    const opportunity: SeedRecord = {
      entity: 'opportunity', id: rnd.uuid(), owner, createdAt: dates.at(-rnd.int(30, 400)),
      data: {
        name: `${customerName} · ${label(rnd.pick(PRODUCTS))}`, customer: customer.id, amount, stage, probability: PROBABILITY[stage],
        expected_close: open ? dates.day(rnd.int(0, 120)) : dates.day(-rnd.int(1, 300)),
        lost_reason: stage === 'lost' ? (chinese ? '价格高于竞争对手' : 'Price above a competitor') : null,
      },
    };
    out.push(opportunity);
    if (stage === 'won') out.push(...contractFor(rnd, dates, customer, opportunity, owner, chinese));
  }
  if (rnd.chance(big ? 0.2 : 0.05)) {
    const status = rnd.weighted(BID_STATUS);
    const budget = rnd.int(500, 20000) * 1000;
    out.push({
      entity: 'bid', id: rnd.uuid(), owner, createdAt: dates.at(-rnd.int(10, 300)),
      data: {
        name: chinese ? `${customerName}采购项目` : `${customerName} procurement`, tender_no: `ZB-${dates.year}-${String(rnd.int(1, 99999)).padStart(5, '0')}`,
        customer: customer.id, budget, bid_amount: status === 'notice' || status === 'registered' ? null : Math.round(budget * (0.8 + rnd.next() * 0.15)),
        // Open bids have deadlines ahead (some within days: the reminders matter); the rest are behind us.
        deadline: OPEN_BID.has(status) ? dates.at(rnd.int(2, 30), 17) : dates.at(-rnd.int(5, 200), 17),
        opening_at: OPEN_BID.has(status) || status === 'submitted' ? null : dates.at(-rnd.int(1, 4), 10),
        status,
      },
    });
  }
  return out;
}

function contractFor(rnd: SeedRandom, dates: SeedDates, customer: SeedRecord, opportunity: SeedRecord, owner: string, chinese: boolean): SeedRecord[] {
  const signedDaysAgo = rnd.int(10, 360);
  const amount = opportunity.data.amount as number;
  const contract: SeedRecord = {
    entity: 'contract', id: rnd.uuid(), owner, createdAt: dates.at(-signedDaysAgo),
    data: {
      name: chinese ? `${opportunity.data.name}合同` : `${opportunity.data.name} contract`, contract_no: `HT-${dates.year}-${String(rnd.int(1, 999999)).padStart(6, '0')}`,
      customer: customer.id, opportunity: opportunity.id, amount, signed_at: dates.day(-signedDaysAgo), end_date: dates.day(365 - signedDaysAgo),
      status: signedDaysAgo > 300 ? 'completed' : 'active',
    },
  };
  const out: SeedRecord[] = [contract];
  for (let o = 0, n = rnd.int(1, 2); o < n; o++) {
    const orderedDaysAgo = Math.max(0, signedDaysAgo - rnd.int(0, 60));
    out.push({
      entity: 'order', id: rnd.uuid(), owner, createdAt: dates.at(-orderedDaysAgo),
      data: { order_no: `SO-${String(rnd.int(1, 9_999_999)).padStart(7, '0')}`, contract: contract.id, customer: customer.id, amount: Math.round(amount / n), ordered_at: dates.day(-orderedDaysAgo), status: orderedDaysAgo > 60 ? 'completed' : rnd.pick(['confirmed', 'shipped']) },
    });
  }
  const installments = rnd.int(1, 4);
  for (let k = 1; k <= installments; k++) {
    const dueIn = -signedDaysAgo + k * 90;
    const planned = Math.round(amount / installments);
    // Past due: mostly paid, some partly, some overdue (the alert); due soon: invoiced; later: planned.
    const status = dueIn < 0 ? rnd.weighted([['paid', 75], ['partially_paid', 10], ['overdue', 15]] as const) : dueIn < 30 ? 'invoiced' : 'planned';
    const received = status === 'paid' ? planned : status === 'partially_paid' ? Math.round(planned * 0.5) : 0;
    out.push({
      entity: 'payment_plan', id: rnd.uuid(), owner, createdAt: contract.createdAt,
      data: {
        name: `${contract.data.contract_no} #${k}`, contract: contract.id, customer: customer.id, installment: k, due_date: dates.day(dueIn), amount: planned,
        received_amount: received, received_at: received > 0 ? dates.day(Math.min(-1, dueIn + rnd.int(-10, 5))) : null, status,
      },
    });
  }
  return out;
}
