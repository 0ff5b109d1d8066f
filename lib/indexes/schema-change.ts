// A schema change is refused when live or pending documents would not fit it, with how many documents
// do not fit and the offending documents and paths (the first 50), so nothing accepted becomes unsearchable.
import { and, eq, gt, inArray, isNotNull } from "drizzle-orm";
import type { DbOrTx } from "../db";
import { pendingChanges, tasks } from "../db/schema";
import { liveDocumentPages } from "./live-documents";
import type { OramaSchema } from "../contracts/orama-schema";
import { badRequest } from "../errors";
import { documentValidator, type DocumentIssue } from "./validate-document";
import { documentLimits } from "./document-limits";

const MAX_REPORTED = 50;
const PAGE = 2000;

export async function assertDocumentsFit(db: DbOrTx, indexId: string, schema: OramaSchema): Promise<void> {
  // With the limits: a property the new schema starts indexing must not be over the token limit either.
  const validate = documentValidator(schema, documentLimits());
  const problems: (DocumentIssue & { documentId: string; source: "live" | "pending" })[] = [];
  // Every document is checked, so the refusal says how many do not fit (the details list the first ones).
  let misfits = 0;
  const check = (source: "live" | "pending", id: string, doc: Record<string, unknown>) => {
    const issues = validate(doc);
    if (issues.length) misfits++;
    for (const issue of issues) {
      if (problems.length < MAX_REPORTED) problems.push({ ...issue, documentId: id, source });
    }
  };
  for await (const page of liveDocumentPages(db, indexId)) {
    for (const r of page) check("live", r.id, r.doc);
  }
  // Partial updates are checked as far as they go: the merged document is only known at deploy time.
  for (let after = 0; ; ) {
    const rows = await db
      .select({ seq: pendingChanges.seq, id: pendingChanges.docId, doc: pendingChanges.doc })
      .from(pendingChanges)
      .innerJoin(tasks, eq(tasks.uid, pendingChanges.taskUid))
      .where(
        and(
          eq(pendingChanges.indexId, indexId),
          gt(pendingChanges.seq, after),
          isNotNull(pendingChanges.doc),
          inArray(tasks.status, ["enqueued", "processing", "receiving"]),
        ),
      )
      .orderBy(pendingChanges.seq)
      .limit(PAGE);
    for (const r of rows) check("pending", r.id ?? "?", r.doc ?? {});
    if (rows.length < PAGE) break;
    after = rows[rows.length - 1].seq;
  }
  if (problems.length) {
    const shown = misfits > problems.length ? ` (the first ${problems.length} values are listed)` : "";
    throw badRequest(
      `The new schema does not fit ${misfits.toLocaleString("en-US")} document${misfits === 1 ? "" : "s"}${shown}; change the documents or the schema.`,
      problems,
      "schema_mismatch",
    );
  }
}
