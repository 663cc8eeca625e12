/**
 * claim.history — the customer's and the order's claim history in the case memory against
 * the team's limits (lib/settings/defaults.ts ClaimPolicy): a customer claiming more often
 * than the limit within the window, or more claims on one order than allowed without review.
 * Counts distinct tickets, not images. Needs the case memory; without it, says nothing.
 */
import { defineDetector, type Finding } from '../../engine/detector';
import { caseOf, sameTicket, type Sighting } from '../../engine/memory';
import { say } from '../../i18n/messages';

const DAY_MS = 86_400_000;

function otherTickets(sightings: Sighting[], here: Pick<Sighting, 'helpdesk' | 'ticketId'>): string[] {
  return [...new Set(sightings.filter((s) => !sameTicket(s, here) && s.ticketId).map((s) => s.ticketId!))];
}

export const claimHistory = defineDetector({
  id: 'claim.history',
  family: 'claim',
  /*
   * Declared weights: frequent claims are a pattern, not proof — a customer with bad luck or a
   * faulty product line claims often too (+0.8); more claims on one order than the policy allows
   * is the team's own rule for review (+1.2).
   */
  declaredWeights: {
    'claim.history.frequent-claimant': 0.8,
    'claim.history.order-limit': 1.2,
  },
  async run(input) {
    const memory = input.host.memory;
    const { context, policy } = input;
    if (!memory) return [];
    const here = caseOf(context) ?? { helpdesk: context.helpdesk, ticketId: undefined };
    const findings: Finding[] = [];
    const customer = context.customerId ?? context.customerName;
    if (customer) {
      const since = Date.now() - policy.claimWindowDays * DAY_MS;
      const tickets = otherTickets(await memory.customerSightings(context.helpdesk, customer, since), here);
      const total = tickets.length + 1;
      if (total > policy.customerClaimLimit) {
        findings.push({
          id: 'claim.history.frequent-claimant',
          points: 'neutral',
          ...say('claim.history.frequent-claimant', { customer, count: total, days: policy.claimWindowDays, limit: policy.customerClaimLimit }),
          data: { customer, tickets: total, windowDays: policy.claimWindowDays, limit: policy.customerClaimLimit, otherTickets: tickets.slice(0, 10).join(', ') },
        });
      }
    }
    if (context.orderId) {
      const tickets = otherTickets(await memory.orderSightings(context.helpdesk, context.orderId), here);
      const total = tickets.length + 1;
      if (total > policy.orderClaimLimit) {
        findings.push({
          id: 'claim.history.order-limit',
          points: 'neutral',
          ...say('claim.history.order-limit', { order: context.orderId, count: total, limit: policy.orderClaimLimit }),
          data: { order: context.orderId, tickets: total, limit: policy.orderClaimLimit, otherTickets: tickets.slice(0, 10).join(', ') },
        });
      }
    }
    return findings;
  },
});
