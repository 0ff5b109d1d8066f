// What a policy test sent and received, side by side, with the verdict the sign-up would get.
import type { PolicyTestResult } from "@/lib/contracts/registration";
import { Badge } from "@/components/ui/badge";

function Block({ title, children }: { title: string; children: string }) {
  return (
    <div className="min-w-0 space-y-1">
      <p className="break-all font-mono text-xs text-zinc-500">{title}</p>
      <pre className="max-h-64 overflow-auto whitespace-pre-wrap break-all rounded bg-zinc-100 p-2 font-mono text-xs dark:bg-zinc-800">{children}</pre>
    </div>
  );
}

const headerLines = (h: Record<string, string>) =>
  Object.entries(h)
    .map(([k, v]) => `${k}: ${v}`)
    .join("\n");

function prettyBody(body: string) {
  try {
    return JSON.stringify(JSON.parse(body), null, 2);
  } catch {
    return body || "(empty)";
  }
}

export function TestResult({ result }: { result: PolicyTestResult }) {
  const verdict = result.error ? (
    <Badge tone="danger">Fails closed: {result.error}</Badge>
  ) : result.admits ? (
    <Badge tone="success">Admits as {result.role === "viewer" ? "viewer (evaluation)" : "member"}</Badge>
  ) : (
    <Badge tone="warning">Refuses access</Badge>
  );
  return (
    <div className="space-y-3 rounded-md border border-zinc-200 p-3 dark:border-zinc-800" data-testid="policy-test-result">
      <div className="flex flex-wrap items-center gap-3 text-sm">
        <span data-testid="policy-verdict">{verdict}</span>
        <span className="text-zinc-500">{result.latencyMs} ms</span>
        {result.verdict ? (
          <span className="font-mono text-xs text-zinc-600 dark:text-zinc-400">
            ok: {String(result.verdict.ok)}, action: {result.verdict.action}
          </span>
        ) : null}
      </div>
      <div className="grid gap-3 md:grid-cols-2">
        <div className="space-y-2">
          <p className="text-sm font-medium">Request sent</p>
          <Block title={`POST ${result.request.url}`}>{headerLines(result.request.headers)}</Block>
          <Block title="Body">{prettyBody(result.request.body)}</Block>
        </div>
        <div className="space-y-2">
          <p className="text-sm font-medium">Response received</p>
          {result.response ? (
            <>
              <Block title={`Status ${result.response.status}`}>{headerLines(result.response.headers)}</Block>
              <Block title="Body">{prettyBody(result.response.body)}</Block>
            </>
          ) : (
            <p className="text-sm text-zinc-600 dark:text-zinc-400">No response: {result.error}</p>
          )}
        </div>
      </div>
    </div>
  );
}
