// The before/after of an audited change: only the fields whose values differ (compared as JSON).
export interface FieldDiff {
  fields: string[];
  before: Record<string, unknown>;
  after: Record<string, unknown>;
}

export function diffFields(before: Record<string, unknown>, after: Record<string, unknown>, keys = Object.keys(after)): FieldDiff {
  const fields = keys.filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]));
  return {
    fields,
    before: Object.fromEntries(fields.map((k) => [k, before[k]])),
    after: Object.fromEntries(fields.map((k) => [k, after[k]])),
  };
}
