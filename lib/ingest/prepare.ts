// Turns request documents into pending changes, or collects every problem (position, path,
// expected, got) so the whole request can be refused with nothing queued.
import "server-only";
import type { OramaSchema } from "../contracts/orama-schema";
import type { NotifyBody } from "../contracts/webhooks";
import { badRequest } from "../errors";
import { documentValidator, gotValue, normaliseId, type DocumentIssue } from "../indexes/validate-document";
import { documentLimits, documentSizeIssue, type DocumentLimits } from "../indexes/document-limits";
import type { NewChange } from "./commit";

export const MAX_REPORTED_ISSUES = 100;

export class IssueCollector {
  readonly issues: DocumentIssue[] = [];
  count = 0;
  add(issue: DocumentIssue) {
    this.count++;
    if (this.issues.length < MAX_REPORTED_ISSUES) this.issues.push(issue);
  }
  throwIfAny(what: string) {
    if (this.count === 0) return;
    const shown = this.count > this.issues.length ? ` (the first ${this.issues.length} are listed)` : "";
    throw badRequest(
      `${this.count} invalid item(s) in the ${what}; nothing was queued${shown}.`,
      this.issues,
      "invalid_documents",
    );
  }
}

/**
 * Checks one document (upsert/snapshot, or an update's partial document) against the schema and the
 * per-document limits, and returns its change or records issues. An update's merged document is only
 * known at deploy time: its size is checked as sent; tokens per property hold after the merge too,
 * because a merge replaces each string value whole.
 */
export function documentPreparer(schema: OramaSchema, issues: IssueCollector, limits: DocumentLimits = documentLimits()) {
  const validate = documentValidator(schema, limits);
  return (raw: unknown, at: string, op: "upsert" | "update"): NewChange | null => {
    if (!raw || typeof raw !== "object" || Array.isArray(raw)) {
      issues.add({ at, path: "(document)", expected: "object", ...gotValue(raw) });
      return null;
    }
    const doc = raw as Record<string, unknown>;
    const id = normaliseId(doc.id);
    if (id === null) {
      issues.add({ at, path: "id", expected: "string (1–512 characters) or integer", ...gotValue(doc.id) });
    }
    const problems: DocumentIssue[] = validate(doc);
    const tooBig = documentSizeIssue(doc, limits);
    if (tooBig) problems.unshift(tooBig);
    // Limit issues also carry the document's id: "which document" should not need counting positions.
    for (const p of problems) issues.add(p.limit && id !== null ? { at, id, ...p } : { at, ...p });
    if (id === null || problems.length) return null;
    return { op, docId: id, doc: { ...doc, id } };
  };
}

export function prepareNotify(schema: OramaSchema, body: NotifyBody, limits?: DocumentLimits): NewChange[] {
  const issues = new IssueCollector();
  const prepare = documentPreparer(schema, issues, limits);
  const changes: NewChange[] = [];
  body.upsert?.forEach((d, i) => {
    const c = prepare(d, `upsert[${i}]`, "upsert");
    if (c) changes.push(c);
  });
  body.update?.forEach((d, i) => {
    const c = prepare(d, `update[${i}]`, "update");
    if (c) changes.push(c);
  });
  body.remove?.forEach((raw, i) => {
    const id = normaliseId(raw);
    if (id === null) issues.add({ at: `remove[${i}]`, path: "(id)", expected: "string or integer id", ...gotValue(raw) });
    else changes.push({ op: "remove", docId: id, doc: null });
  });
  issues.throwIfAny("notify request");
  return changes;
}

export function prepareSnapshot(schema: OramaSchema, docs: unknown, limits?: DocumentLimits): NewChange[] {
  if (!Array.isArray(docs)) {
    throw badRequest("A JSON snapshot is an array of documents (or send NDJSON with Content-Type application/x-ndjson).");
  }
  const issues = new IssueCollector();
  const changes: NewChange[] = [{ op: "snapshot", docId: null, doc: null }];
  const prepare = documentPreparer(schema, issues, limits);
  docs.forEach((d, i) => {
    const c = prepare(d, `[${i}]`, "upsert");
    if (c) changes.push(c);
  });
  issues.throwIfAny("snapshot");
  return changes;
}
