/** Routing rules as data: which unit is responsible for an opinion about a place, a topic, a kind. */

/** A routing rule as configured in `routing_rules`; a null field matches anything. */
export interface RoutingRule {
  location_unit_id: string | null;
  topic: string | null;
  kind: string | null;
  target_unit_id: string;
  priority: number;
}

function specificity(rule: RoutingRule): number {
  return (rule.location_unit_id ? 4 : 0) + (rule.topic ? 2 : 0) + (rule.kind ? 1 : 0);
}

/**
 * The unit a matching rule sends the opinion to: the most specific rule wins (place before topic before
 * kind), then the highest priority; undefined when no rule matches (the chosen unit keeps it). A rule
 * with no condition at all never matches: it would swallow every opinion.
 */
export function routeByRules({
  rules,
  locationUnitId,
  topics,
  kind,
}: {
  rules: readonly RoutingRule[];
  locationUnitId: string | null;
  topics: readonly string[];
  kind: string;
}): string | undefined {
  const matching = rules.filter(
    (rule) =>
      specificity(rule) > 0 &&
      (rule.location_unit_id === null || rule.location_unit_id === locationUnitId) &&
      (rule.topic === null || topics.includes(rule.topic)) &&
      (rule.kind === null || rule.kind === kind),
  );
  matching.sort((a, b) => specificity(b) - specificity(a) || b.priority - a.priority);
  return matching[0]?.target_unit_id;
}
