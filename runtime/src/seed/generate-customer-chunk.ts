import type { SeedDates } from './seed-dates';
import { createCompanyNamer, emailAddress, jobTitle, personName, phoneNumber } from './seed-names';
import type { SeedRandom } from './seed-random';
import type { SeedOwners, SeedRecord } from './seed-types';
import { generateDeals } from './generate-deals';

const INDUSTRIES = [['manufacturing', 20], ['it', 18], ['finance', 10], ['retail', 14], ['education', 8], ['healthcare', 10], ['energy', 8], ['other', 12]] as const;
const LEVELS = [['A', 10], ['B', 25], ['C', 40], ['D', 25]] as const;
const REGIONS = [['east', 30], ['south', 22], ['north', 20], ['central', 10], ['west', 10], ['northeast', 5], ['overseas', 3]] as const;
const LIFECYCLE = [['prospect', 25], ['active', 50], ['dormant', 15], ['lost', 10]] as const;
// Revenue bands by value level (CNY): the value model the A/B/C/D levels stand for.
const REVENUE: Record<string, [number, number]> = { A: [10_000_000, 500_000_000], B: [2_000_000, 10_000_000], C: [500_000, 2_000_000], D: [50_000, 500_000] };
const CREDIT: Record<string, string[]> = { A: ['AAA', 'AA'], B: ['AA', 'A'], C: ['A', 'B'], D: ['B', 'C'] };
const METHODS = [['phone', 35], ['wechat', 25], ['email', 15], ['visit', 20], ['sms', 5]] as const;
const FOLLOW_UPS = [
  ['Introduced our product line', '介绍产品线'], ['Discussed requirements', '沟通需求'], ['Sent a proposal', '发送方案'],
  ['Price negotiation', '价格谈判'], ['On-site visit', '上门拜访'], ['Holiday greetings', '节日问候'], ['Collected feedback', '收集反馈'],
] as const;
const COMMENTS = [['Very responsive team', '团队响应很及时'], ['Delivery was late', '交付有延迟'], ['Good value for money', '性价比高'], ['Needs better documentation', '文档需要改进'], ['Satisfied overall', '整体满意']] as const;

/**
 * One round of customers with everything hanging off them (contacts, follow-ups, surveys and
 * the deals). Records are returned parents first, so they can be inserted in order.
 */
export function createCustomerChunkGenerator(rnd: SeedRandom, dates: SeedDates, owners: SeedOwners) {
  const companyName = createCompanyNamer(rnd);
  let seq = 0;
  return (count: number): SeedRecord[] => {
    const out: SeedRecord[] = [];
    for (let i = 0; i < count; i++) {
      seq++;
      const industry = rnd.weighted(INDUSTRIES);
      const level = rnd.weighted(LEVELS);
      const { name, chinese, region } = companyName(industry);
      const owner = rnd.weighted(owners.sales);
      const age = rnd.int(1, 730);
      const lifecycle = level === 'A' && rnd.chance(0.5) ? 'key_account' : rnd.weighted(LIFECYCLE);
      const [lo, hi] = REVENUE[level];
      const customer: SeedRecord = {
        entity: 'customer', id: rnd.uuid(), owner, createdAt: dates.at(-age),
        data: {
          name, industry, level, region: chinese ? region : rnd.chance(0.6) ? 'overseas' : rnd.weighted(REGIONS),
          phone: phoneNumber(rnd), email: emailAddress(rnd, `info${seq}`),
          annual_revenue: rnd.int(lo / 1000, hi / 1000) * 1000, credit_rating: rnd.pick(CREDIT[level]),
          satisfaction: rnd.chance(0.6) ? rnd.weighted([[5, 30], [4, 35], [3, 20], [2, 10], [1, 5]] as const) : null, lifecycle,
        },
      };
      out.push(customer);
      const contacts: SeedRecord[] = [];
      for (let c = 0, n = rnd.int(1, 3); c < n; c++) {
        // A few birthdays fall in the coming weeks, so the birthday reminder has something to show.
        const birthday = rnd.chance(0.05) ? `${rnd.int(1965, 1998)}${dates.day(rnd.int(0, 30)).slice(4)}` : `${rnd.int(1965, 1998)}-${String(rnd.int(1, 12)).padStart(2, '0')}-${String(rnd.int(1, 28)).padStart(2, '0')}`;
        contacts.push({
          entity: 'contact', id: rnd.uuid(), owner, createdAt: dates.at(-rnd.int(0, age)),
          data: { name: personName(rnd, chinese), customer: customer.id, title: jobTitle(rnd, chinese), phone: phoneNumber(rnd), email: emailAddress(rnd, `contact${seq}-${c}`), birthday, is_primary: c === 0, last_contacted_at: dates.at(-rnd.int(0, 180), rnd.int(9, 17)) },
        });
      }
      out.push(...contacts);
      const deals = generateDeals(rnd, dates, customer, owner, chinese);
      out.push(...deals);
      const opportunities = deals.filter((d) => d.entity === 'opportunity');
      for (let f = 0, n = lifecycle === 'lost' ? rnd.int(0, 1) : rnd.int(0, 4); f < n; f++) {
        const [en, zh] = rnd.pick(FOLLOW_UPS);
        const daysAgo = rnd.int(0, Math.min(age, 180));
        out.push({
          entity: 'follow_up', id: rnd.uuid(), owner: rnd.chance(0.15) ? owners.service : owner, createdAt: dates.at(-daysAgo),
          data: {
            subject: chinese ? zh : en, method: rnd.weighted(METHODS), customer: customer.id, contact: rnd.pick(contacts).id,
            opportunity: opportunities.length > 0 && rnd.chance(0.4) ? rnd.pick(opportunities).id : null,
            occurred_at: dates.at(-daysAgo, rnd.int(9, 17)),
            next_contact_at: rnd.chance(0.35) ? dates.at(rnd.int(1, 14), rnd.int(9, 17)) : null,
            content: chinese ? `${zh}：与${name}沟通，客户反馈积极。` : `${en}: talked with ${name}; positive response.`,
          },
        });
      }
      if (rnd.chance(0.3)) {
        const [en, zh] = rnd.pick(COMMENTS);
        out.push({
          entity: 'survey', id: rnd.uuid(), owner: owners.service, createdAt: dates.at(-rnd.int(0, 365)),
          data: {
            title: chinese ? `${dates.year} 年度满意度调查` : `${dates.year} satisfaction survey`, customer: customer.id, contact: contacts[0].id,
            score: rnd.weighted([[5, 30], [4, 35], [3, 20], [2, 10], [1, 5]] as const), channel: rnd.pick(['phone', 'email', 'sms', 'wechat']),
            surveyed_at: dates.at(-rnd.int(0, 365), rnd.int(9, 17)), comment: chinese ? zh : en,
          },
        });
      }
    }
    return out;
  };
}
