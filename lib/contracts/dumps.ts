// Contracts of dumps: a whole-instance backup written as a task, downloaded as gzip'd NDJSON.
import { z } from "zod";
import { contract, type AuthRule } from "./define";
import { errorSchema } from "./system";
import { taskSchema } from "./tasks";

const admin: AuthRule = { session: "admin", key: ["admin"], wholeInstance: true };
const tags = ["Dumps"];

export const createDumpBody = z
  .object({
    secrets: z
      .enum(["exclude", "encrypt"])
      .default("exclude")
      .meta({ description: "Hook secrets (signing secrets, tokens, custom header values): left out (restore makes new ones) or encrypted with the passphrase" }),
    passphrase: z.string().min(12, "at least 12 characters").max(1000).optional().meta({ description: "Required with secrets: encrypt; needed again to restore" }),
  })
  .strict()
  .refine((b) => b.secrets !== "encrypt" || b.passphrase, { message: "a passphrase is required with secrets: encrypt", path: ["passphrase"] })
  .meta({ id: "CreateDumpRequest" });

export const dumpSchema = z
  .object({
    uid: z.string().meta({ description: "The dump's uid (also in the task's details.dumpUid)" }),
    taskUid: z.number(),
    status: taskSchema.shape.status,
    progress: z.number().meta({ description: "0–100" }),
    phase: z.string().meta({ description: "What is being written: the table, or queued / done" }),
    secrets: z.enum(["exclude", "encrypt"]),
    records: z.number().nullable(),
    sizeBytes: z.number().nullable(),
    available: z.boolean().meta({ description: "The file is on this instance's disk (DATA_DIR/dumps) and can be downloaded" }),
    enqueuedAt: z.string(),
    finishedAt: z.string().nullable(),
    error: z.string().nullable(),
  })
  .meta({ id: "Dump" });
export type DumpDto = z.infer<typeof dumpSchema>;

export const createDumpContract = contract({
  method: "post",
  path: "/api/v1/dumps",
  summary: "Create a dump of the whole instance (a dumpCreation task with progress)",
  tags,
  auth: admin,
  body: createDumpBody,
  media: { "application/json": { read: "json", empty: {} } },
  responses: {
    202: { description: "The dumpCreation task; follow it at GET /api/v1/tasks/{uid}", schema: z.object({ taskUid: z.number(), task: taskSchema }) },
    409: { description: "A dump is already being written", schema: errorSchema },
  },
});

export const listDumpsContract = contract({
  method: "get",
  path: "/api/v1/dumps",
  summary: "List dumps, newest first",
  tags,
  auth: admin,
  responses: { 200: { description: "Dumps", schema: z.object({ results: z.array(dumpSchema) }) } },
});

export const downloadDumpContract = contract({
  method: "get",
  path: "/api/v1/dumps/{uid}",
  summary: "Download a finished dump (gzip'd NDJSON; restore with `npm run restore -- FILE`)",
  tags,
  auth: admin,
  params: z.object({ uid: z.string().regex(/^\d{8}-\d{9}$/, "a dump uid such as 20261206-204532123") }),
  responses: {
    200: {
      description: "The dump file",
      contentType: "application/gzip",
      schema: z.string().meta({ format: "binary" }),
      headers: {
        "content-disposition": { description: "attachment; filename=indexhook-<uid>.ndjson.gz" },
        "content-length": { description: "The file's size in bytes" },
      },
    },
    404: { description: "No finished dump with this uid on this instance", schema: errorSchema },
  },
});
