"use client";
// Create an index: name, its id (a slug of the name until edited by hand), and its schema from the builder;
// then open the new index.
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { indexIdSchema } from "@/lib/contracts/indexes";
import { slugify } from "@/lib/indexes/slug";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { SchemaBuilder } from "@/components/schema-builder/schema-builder";
import { localErrors, rowsToSchema, type Row } from "@/components/schema-builder/model";
import { splitServerErrors, type SplitErrors } from "@/components/schema-builder/server-errors";
import { useCreateIndexMutation } from "./queries";

export function CreateIndexForm() {
  const router = useRouter();
  const [name, setName] = useState("");
  // The id follows the name until the user types their own; clearing it follows the name again.
  const [ownId, setOwnId] = useState<string | null>(null);
  const id = ownId ?? slugify(name);
  const [rows, setRows] = useState<Row[]>([]);
  const [errors, setErrors] = useState<SplitErrors>({ fields: {}, schema: {}, message: null });
  const create = useCreateIndexMutation();

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    const fields: Record<string, string> = {};
    if (!name.trim()) fields.name = "required";
    const idCheck = id ? indexIdSchema.safeParse(id) : null;
    if (idCheck && !idCheck.success) fields.id = idCheck.error.issues[0].message;
    const schema = localErrors(rows);
    if (Object.keys(fields).length || Object.keys(schema).length) {
      return setErrors({ fields, schema, message: "Fix the highlighted fields." });
    }
    setErrors({ fields: {}, schema: {}, message: null });
    create.mutate(
      { name: name.trim(), ...(id ? { id } : {}), schema: rowsToSchema(rows) },
      { onSuccess: (index) => router.push(`/indexes/${encodeURIComponent(index.id)}`), onError: (err) => setErrors(splitServerErrors(err)) },
    );
  }

  const schemaPaths = Object.entries(errors.schema);
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-6">
      {errors.message ? (
        <Alert>
          <p>{errors.message}</p>
          {schemaPaths.length ? (
            <ul className="mt-1 list-disc pl-5 text-xs">
              {schemaPaths.map(([p, m]) => (
                <li key={p}>
                  <span className="font-mono">{p}</span>: {m}
                </li>
              ))}
            </ul>
          ) : null}
        </Alert>
      ) : null}
      <Card className="grid gap-4 sm:grid-cols-2">
        <Field id="index-name" label="Name" value={name} onChange={(e) => setName(e.target.value)} error={errors.fields.name} required />
        <div>
          <Field
            id="index-id"
            label="Id"
            value={id}
            onChange={(e) => setOwnId(e.target.value === "" ? null : e.target.value.toLowerCase())}
            error={errors.fields.id}
            aria-describedby="index-id-hint"
          />
          <p id="index-id-hint" className="mt-1 text-xs text-zinc-500">
            {ownId === null ? "Derived from the name; edit it if you like. " : ""}Used in URLs and the API and cannot change later: lowercase
            letters, digits, - and _.{id === "" ? " Left empty, one is generated (idx_…)." : ""}
          </p>
        </div>
      </Card>
      <Card>
        <SchemaBuilder rows={rows} onChange={setRows} errors={errors.schema} />
      </Card>
      <div className="flex justify-end">
        <Button type="submit" disabled={create.isPending}>
          {create.isPending ? "Creating…" : "Create index"}
        </Button>
      </div>
    </form>
  );
}
