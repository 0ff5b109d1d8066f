"use client";
// Property rows: name, type (vector asks for its dimension), nested children for objects.
import { Button } from "@/components/ui/button";
import { Select, inputBase } from "@/components/ui/select";
import { ROW_TYPES, newRow, rowType, updateAt, type Row, type RowType } from "./model";

interface Ctx {
  errors: Record<string, string>;
  /** Dotted path → type of the saved schema, to warn before a type change (edit mode). */
  original?: Record<string, string>;
  change: (path: number[], fn: (r: Row) => Row | null) => void;
}

function RowEditor({ row, path, prefix, ctx }: { row: Row; path: number[]; prefix: string; ctx: Ctx }) {
  const label = path.map((i) => i + 1).join(".");
  const dotted = row.name.trim() ? prefix + row.name.trim() : `${prefix}#${path[path.length - 1] + 1}`;
  const error = ctx.errors[dotted];
  const was = ctx.original?.[dotted];
  const now = row.type === "object" ? "object" : rowType(row);
  const typeChanged = was !== undefined && was !== now;
  const set = (patch: Partial<Row>) => ctx.change(path, (r) => ({ ...r, ...patch }));
  return (
    <li className="space-y-2" role="group" aria-label={`Property ${label}`}>
      <div className="flex flex-wrap items-center gap-2">
        <input
          aria-label={`Name of property ${label}`}
          value={row.name}
          placeholder="name"
          onChange={(e) => set({ name: e.target.value })}
          className={`${inputBase} w-40 min-w-0 flex-1 font-mono`}
          aria-invalid={error ? true : undefined}
        />
        <Select
          aria-label={`Type of property ${label}`}
          value={row.type}
          onChange={(e) => {
            const type = e.target.value as RowType;
            set({ type, suggestion: undefined, children: type === "object" && row.children.length === 0 ? [newRow()] : row.children });
          }}
          className="w-36 flex-none"
        >
          {ROW_TYPES.map((t) => (
            <option key={t} value={t}>
              {t === "vector" ? "vector[N]" : t}
            </option>
          ))}
        </Select>
        {row.type === "vector" ? (
          <input
            type="number"
            min={1}
            max={4096}
            aria-label={`Dimension of property ${label}`}
            value={row.dim}
            onChange={(e) => set({ dim: Number(e.target.value) })}
            className={`${inputBase} w-24 flex-none`}
          />
        ) : null}
        <Button type="button" variant="ghost" aria-label={`Remove property ${label}`} onClick={() => ctx.change(path, () => null)}>
          ✕
        </Button>
      </div>
      {row.suggestion ? (
        <p className="text-xs text-zinc-600 dark:text-zinc-400">
          Looks like an embedding.{" "}
          <button type="button" className="text-indigo-700 underline dark:text-indigo-300" onClick={() => set({ type: "vector", dim: Number(/\d+/.exec(row.suggestion!)?.[0]), suggestion: undefined })}>
            Use {row.suggestion}
          </button>
        </p>
      ) : null}
      {typeChanged ? (
        <p className="text-xs text-amber-700 dark:text-amber-400" role="status">
          Type change {was} → {now}: refused if existing or pending documents do not fit.
        </p>
      ) : null}
      {error ? <p className="text-xs text-red-600 dark:text-red-400">{error}</p> : null}
      {row.type === "object" ? (
        <div className="ml-4 border-l-2 border-zinc-200 pl-3 dark:border-zinc-700">
          <RowList rows={row.children} path={path} prefix={`${dotted}.`} ctx={ctx} />
        </div>
      ) : null}
    </li>
  );
}

function RowList({ rows, path, prefix, ctx }: { rows: Row[]; path: number[]; prefix: string; ctx: Ctx }) {
  const where = path.length ? `to property ${path.map((i) => i + 1).join(".")}` : "";
  const add = () =>
    path.length ? ctx.change(path, (r) => ({ ...r, children: [...r.children, newRow()] })) : ctx.change([-1], () => newRow());
  return (
    <div className="space-y-3">
      <ul className="space-y-3">
        {rows.map((r, i) => (
          <RowEditor key={r.key} row={r} path={[...path, i]} prefix={prefix} ctx={ctx} />
        ))}
      </ul>
      <Button type="button" variant="secondary" onClick={add} aria-label={path.length ? `Add nested property ${where}` : "Add property"}>
        + {path.length ? "Nested property" : "Add property"}
      </Button>
    </div>
  );
}

export function PropertyRows({ rows, onChange, errors, original }: { rows: Row[]; onChange: (rows: Row[]) => void; errors: Record<string, string>; original?: Record<string, string> }) {
  const change = (path: number[], fn: (r: Row) => Row | null) => {
    // [-1] appends a top-level row.
    if (path.length === 1 && path[0] === -1) onChange([...rows, fn(newRow())!]);
    else onChange(updateAt(rows, path, fn));
  };
  return <RowList rows={rows} path={[]} prefix="" ctx={{ errors, original, change }} />;
}
