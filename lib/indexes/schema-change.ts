// A schema change is refused when live or pending documents would not fit it, with the offending
// documents and paths (the first 50), so nothing that was accepted becomes unsearchable.
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
  const check = (source: "live" | "pending", id: string, doc: Record<string, unknown>) => {
    for (const issue of validate(doc)) {
      if (problems.length < MAX_REPORTED) problems.push({ ...issue, documentId: id, source });
    }
  };
  for await (const page of liveDocumentPages(db, indexId)) {
    for (const r of page) check("live", r.id, r.doc);
    if (problems.length >= MAX_REPORTED) break;
  }
  // Partial updates are checked as far as they go: the merged document is only known at deploy time.
  for (let after = 0; problems.length < MAX_REPORTED; ) {
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
    throw badRequest(
      `The new schema does not fit ${problems.length}${problems.length === MAX_REPORTED ? "+" : ""} existing value(s); change the documents or the schema.`,
      problems,
      "schema_mismatch",
    );
  }
}
